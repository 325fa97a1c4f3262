-- A one-click action on a Today prompt can be undone for a short while (anticipation.
-- UndoWindow): the handled prompt remembers what it created — the stay it prepared, the
-- task it logged, the preference it saved — and the Today board hears of an undo as of
-- any other change to the guest.
ALTER TABLE prompt_actions ADD COLUMN stay_id TEXT;
ALTER TABLE prompt_actions ADD COLUMN request_id TEXT;
ALTER TABLE prompt_actions ADD COLUMN preference_id TEXT;

CREATE TRIGGER chg_prompts_ad AFTER DELETE ON prompt_actions WHEN old.guest_id IS NOT NULL BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (old.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_prep_ad AFTER DELETE ON prep_tasks BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES ((SELECT guest_id FROM stays WHERE id = old.stay_id), (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
