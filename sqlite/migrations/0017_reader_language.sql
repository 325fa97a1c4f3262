-- What Frontdesk writes into the data keeps its facts, and the words are the reader's: a
-- desk working in Indonesian reads "Tamu tidak puas (2/5) dengan: …" where one working in
-- English reads "Guest not satisfied (2/5) with: …" (words.RequestText and friends). The
-- texts people typed stay as they were typed.
--
-- A service recovery keeps the guest's score and words; its description is the request
-- the guest was unhappy with. An occasion task keeps the occasion's kind and date.
ALTER TABLE requests ADD COLUMN recovery_score INTEGER NOT NULL DEFAULT 0 CHECK (recovery_score BETWEEN 0 AND 5);
ALTER TABLE requests ADD COLUMN guest_said TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN occasion TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN occasion_on TEXT NOT NULL DEFAULT '';

-- A complaint alert raised by a follow-up keeps the score; its text is what the request was.
ALTER TABLE guest_alerts ADD COLUMN score INTEGER NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 5);

-- A transfer keeps the departments it moved between (codes; the note is the reason), and
-- a cancel by an undo at the desk says so instead of carrying an English reason.
ALTER TABLE request_events ADD COLUMN from_department TEXT NOT NULL DEFAULT '';
ALTER TABLE request_events ADD COLUMN to_department TEXT NOT NULL DEFAULT '';
ALTER TABLE request_events ADD COLUMN undo INTEGER NOT NULL DEFAULT 0 CHECK (undo IN (0,1));

-- An audit summary Frontdesk words itself keeps its texts of the catalogue and their
-- facts, as JSON (audit.Words); summary stays its English, for older readers. Entries
-- written before are read as stored.
ALTER TABLE audit_log ADD COLUMN summary_words TEXT NOT NULL DEFAULT '';

-- Existing rows are read into their facts.
UPDATE requests SET
    recovery_score = CAST(substr(description, 22, 1) AS INTEGER),
    guest_said = CASE WHEN instr(substr(description, 33), char(10) || 'Guest said: ') > 0
        THEN substr(substr(description, 33), instr(substr(description, 33), char(10) || 'Guest said: ') + 13) ELSE '' END,
    description = CASE WHEN instr(substr(description, 33), char(10) || 'Guest said: ') > 1
        THEN substr(substr(description, 33), 1, instr(substr(description, 33), char(10) || 'Guest said: ') - 1)
        ELSE substr(description, 33) END
WHERE recovery_of IS NOT NULL AND description GLOB 'Guest not satisfied ([1-5]/5) with: ?*';

UPDATE requests SET description = substr(description, 17)
WHERE category = 'arrival_prep' AND description GLOB 'Before arrival: ?*';

UPDATE guest_alerts SET score = CAST(substr(text, 16, 1) AS INTEGER), text = substr(text, instr(text, ': ') + 2)
WHERE kind = 'complaint' AND text GLOB 'Not satisfied ([1-5]/5) on *: ?*';

-- The timeline is append-only; its guard steps aside for this rewrite only.
DROP TRIGGER request_events_no_update;
UPDATE request_events SET
    from_department = substr(note, 1, instr(note, ' → ') - 1),
    to_department = CASE WHEN instr(substr(note, instr(note, ' → ') + 3), ' ') > 0
        THEN substr(substr(note, instr(note, ' → ') + 3), 1, instr(substr(note, instr(note, ' → ') + 3), ' ') - 1)
        ELSE substr(note, instr(note, ' → ') + 3) END,
    note = CASE WHEN instr(substr(note, instr(note, ' → ') + 3), ' ') > 0
        THEN substr(substr(note, instr(note, ' → ') + 3), instr(substr(note, instr(note, ' → ') + 3), ' ') + 1)
        ELSE '' END
WHERE action = 'transfer' AND instr(note, ' → ') > 1 AND instr(substr(note, 1, instr(note, ' → ') - 1), ' ') = 0;
UPDATE request_events SET undo = 1, note = ''
WHERE action = 'cancel' AND note = 'Undone at the desk: created by mistake';
-- Append-only again; erasing a guest may still clear a note (0008, 0011).
CREATE TRIGGER request_events_no_update BEFORE UPDATE ON request_events
WHEN NOT (new.note = ''
    AND new.seq IS old.seq AND new.request_id IS old.request_id AND new.at IS old.at
    AND new.actor_id IS old.actor_id AND new.actor_name IS old.actor_name AND new.action IS old.action
    AND new.from_status IS old.from_status AND new.to_status IS old.to_status
    AND new.outcome IS old.outcome AND new.score IS old.score
    AND new.escalation_level IS old.escalation_level AND new.escalation_target IS old.escalation_target
    AND new.escalated_to_name IS old.escalated_to_name
    AND new.from_department IS old.from_department AND new.to_department IS old.to_department
    AND new.undo IS old.undo
    AND EXISTS (SELECT 1 FROM requests WHERE id = old.request_id AND guest_id IS NOT NULL))
BEGIN
    SELECT RAISE(ABORT, 'the request timeline is append-only');
END;
