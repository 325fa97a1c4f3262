-- Which guests' data changed, in order, so the Today board re-reads only those (BENCHMARKS.md).
--
-- The board concerns every guest in house or arriving (thousands at a resort) and its rules
-- read each one's whole history. A Frontdesk keeps what it read and, at each refresh, asks
-- this table which guests changed since: every change to a guest's profile, preferences,
-- alerts, occasions, stays, requests, handled prompts or preparation tasks moves that
-- guest to the newest revision. The triggers run inside the writer's transaction, so a
-- change seen by a reader is never missed, whichever desk made it.

CREATE TABLE guest_changes (
    guest_id TEXT PRIMARY KEY,
    rev      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX guest_changes_rev ON guest_changes(rev);

CREATE TRIGGER chg_guests_au AFTER UPDATE ON guests BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;

CREATE TRIGGER chg_preferences_ai AFTER INSERT ON guest_preferences BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_preferences_au AFTER UPDATE ON guest_preferences BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_preferences_ad AFTER DELETE ON guest_preferences BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (old.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;

CREATE TRIGGER chg_alerts_ai AFTER INSERT ON guest_alerts BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_alerts_au AFTER UPDATE ON guest_alerts BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_alerts_ad AFTER DELETE ON guest_alerts BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (old.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;

CREATE TRIGGER chg_occasions_ai AFTER INSERT ON guest_occasions BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_occasions_au AFTER UPDATE ON guest_occasions BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_occasions_ad AFTER DELETE ON guest_occasions BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (old.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;

CREATE TRIGGER chg_stays_ai AFTER INSERT ON stays BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_stays_au AFTER UPDATE ON stays BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_stays_ad AFTER DELETE ON stays BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (old.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;

CREATE TRIGGER chg_requests_ai AFTER INSERT ON requests WHEN new.guest_id IS NOT NULL BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_requests_au AFTER UPDATE ON requests WHEN new.guest_id IS NOT NULL BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_requests_moved AFTER UPDATE OF guest_id ON requests
WHEN old.guest_id IS NOT NULL AND old.guest_id IS NOT new.guest_id BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (old.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_prompts_ai AFTER INSERT ON prompt_actions WHEN new.guest_id IS NOT NULL BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES (new.guest_id, (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
CREATE TRIGGER chg_prep_ai AFTER INSERT ON prep_tasks BEGIN
    INSERT INTO guest_changes (guest_id, rev) VALUES ((SELECT guest_id FROM stays WHERE id = new.stay_id), (SELECT coalesce(max(rev), 0) + 1 FROM guest_changes))
        ON CONFLICT (guest_id) DO UPDATE SET rev = excluded.rev;
END;
