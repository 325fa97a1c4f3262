-- Guest import and privacy.
--
-- Imports match rows to stored guests by e-mail and phone as well as by loyalty number,
-- so both get an index.
CREATE INDEX guests_email ON guests(email) WHERE email <> '';
CREATE INDEX guests_phone ON guests(phone) WHERE phone <> '';

-- Erasing a guest's data blanks the free text about them in the append-only audit log
-- and request timelines. That is the one change these triggers allow: a summary or note
-- set to '' on a row about a guest, every other column unchanged. Rows stay, so who did
-- what and when, and every request statistic, survive the erasure.
DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
WHEN NOT (old.guest_id <> '' AND new.summary = ''
    AND new.seq IS old.seq AND new.at IS old.at AND new.actor_id IS old.actor_id
    AND new.actor_name IS old.actor_name AND new.entity IS old.entity AND new.entity_id IS old.entity_id
    AND new.guest_id IS old.guest_id AND new.action IS old.action)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

DROP TRIGGER request_events_no_update;
CREATE TRIGGER request_events_no_update BEFORE UPDATE ON request_events
WHEN NOT (new.note = ''
    AND new.seq IS old.seq AND new.request_id IS old.request_id AND new.at IS old.at
    AND new.actor_id IS old.actor_id AND new.actor_name IS old.actor_name AND new.action IS old.action
    AND new.from_status IS old.from_status AND new.to_status IS old.to_status
    AND new.outcome IS old.outcome AND new.score IS old.score
    AND EXISTS (SELECT 1 FROM requests WHERE id = old.request_id AND guest_id IS NOT NULL))
BEGIN
    SELECT RAISE(ABORT, 'the request timeline is append-only');
END;

-- When a guest's data was erased ('' for everyone else): an erased profile is kept,
-- anonymised, so that the statistics of its requests and stays survive.
ALTER TABLE guests ADD COLUMN erased_at TEXT NOT NULL DEFAULT '';

-- A logbook note about an erased guest keeps its place in the shift's log, its text
-- replaced by '[erased]'; any other edit is still refused.
DROP TRIGGER logbook_text_kept;
CREATE TRIGGER logbook_text_kept BEFORE UPDATE OF id, at, author_id, author_name, text, guest_id, room, request_id ON logbook
WHEN NOT (old.guest_id IS NOT NULL AND new.text = '[erased]'
    AND new.id IS old.id AND new.at IS old.at AND new.author_id IS old.author_id
    AND new.author_name IS old.author_name AND new.guest_id IS old.guest_id AND new.room IS old.room
    AND new.request_id IS old.request_id)
BEGIN
    SELECT RAISE(ABORT, 'a logbook note is not edited: write a new one');
END;
