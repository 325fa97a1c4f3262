-- An escalation's level, target and the person it reached become columns of its timeline
-- event instead of text coded into the note ("L2 shift_manager Rina Kusuma reason") and
-- parsed back for display. Older events are taken apart once, here: the level and the
-- target come out of the note, and what followed them (the name, then any reason, which
-- cannot be told apart) stays as the note.
ALTER TABLE request_events ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE request_events ADD COLUMN escalation_target TEXT NOT NULL DEFAULT '';
ALTER TABLE request_events ADD COLUMN escalated_to_name TEXT NOT NULL DEFAULT '';

DROP TRIGGER request_events_no_update;

UPDATE request_events SET
    escalation_level = CAST(substr(note, 2, instr(note, ' ') - 2) AS INTEGER),
    escalation_target = CASE WHEN instr(substr(note, instr(note, ' ') + 1), ' ') > 0
        THEN substr(note, instr(note, ' ') + 1, instr(substr(note, instr(note, ' ') + 1), ' ') - 1)
        ELSE substr(note, instr(note, ' ') + 1) END,
    note = CASE WHEN instr(substr(note, instr(note, ' ') + 1), ' ') > 0
        THEN substr(substr(note, instr(note, ' ') + 1), instr(substr(note, instr(note, ' ') + 1), ' ') + 1)
        ELSE '' END
WHERE action = 'escalate' AND note GLOB 'L[1-9]* *';

-- Append-only again; erasing a guest may still clear a note (0008).
CREATE TRIGGER request_events_no_update BEFORE UPDATE ON request_events
WHEN NOT (new.note = ''
    AND new.seq IS old.seq AND new.request_id IS old.request_id AND new.at IS old.at
    AND new.actor_id IS old.actor_id AND new.actor_name IS old.actor_name AND new.action IS old.action
    AND new.from_status IS old.from_status AND new.to_status IS old.to_status
    AND new.outcome IS old.outcome AND new.score IS old.score
    AND new.escalation_level IS old.escalation_level AND new.escalation_target IS old.escalation_target
    AND new.escalated_to_name IS old.escalated_to_name
    AND EXISTS (SELECT 1 FROM requests WHERE id = old.request_id AND guest_id IS NOT NULL))
BEGIN
    SELECT RAISE(ABORT, 'the request timeline is append-only');
END;
