-- The shift logbook, handover acknowledgements, and the indexes the handover report and the
-- service measures read through.

-- Free notes passed from shift to shift. A note is never edited or deleted; only its pin
-- changes, so what a shift was told stays as it was written.
CREATE TABLE logbook (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    at          TEXT NOT NULL,
    author_id   TEXT NOT NULL REFERENCES staff(id),
    author_name TEXT NOT NULL,
    text        TEXT NOT NULL CHECK (text <> ''),
    guest_id    TEXT REFERENCES guests(id),
    room        TEXT REFERENCES rooms(number),
    request_id  TEXT REFERENCES requests(id),
    pinned      INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0,1)),
    pinned_by   TEXT NOT NULL DEFAULT '',
    pinned_at   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX logbook_at ON logbook(at);
CREATE INDEX logbook_pinned ON logbook(at) WHERE pinned = 1;

CREATE TRIGGER logbook_no_delete BEFORE DELETE ON logbook BEGIN
    SELECT RAISE(ABORT, 'the logbook is kept: unpin a note instead');
END;
CREATE TRIGGER logbook_text_kept BEFORE UPDATE OF id, at, author_id, author_name, text, guest_id, room, request_id ON logbook BEGIN
    SELECT RAISE(ABORT, 'a logbook note is not edited: write a new one');
END;

-- The incoming manager's acknowledgement of a shift's handover, one per shift, with the
-- report's headline numbers at that moment so that the next handover can say what changed.
CREATE TABLE handover_acks (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    day            TEXT NOT NULL,                 -- the roster day, YYYY-MM-DD
    shift          TEXT NOT NULL CHECK (shift IN ('morning','evening','night')),
    shift_start    TEXT NOT NULL,                 -- UTC, orders the acknowledgements
    shift_end      TEXT NOT NULL,
    by_id          TEXT NOT NULL REFERENCES staff(id),
    by_name        TEXT NOT NULL,
    at             TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    open_count     INTEGER NOT NULL,
    overdue_count  INTEGER NOT NULL,
    escalated_count INTEGER NOT NULL,
    complaint_count INTEGER NOT NULL,
    callback_count INTEGER NOT NULL,
    inhouse_count  INTEGER NOT NULL,
    arrival_count  INTEGER NOT NULL,
    loan_count     INTEGER NOT NULL,
    UNIQUE (day, shift)
);
CREATE INDEX handover_acks_start ON handover_acks(shift_start);

CREATE TRIGGER handover_acks_no_update BEFORE UPDATE ON handover_acks BEGIN
    SELECT RAISE(ABORT, 'an acknowledgement is kept as given');
END;
CREATE TRIGGER handover_acks_no_delete BEFORE DELETE ON handover_acks BEGIN
    SELECT RAISE(ABORT, 'an acknowledgement is kept as given');
END;

-- "What changed since": requests closed, escalated and followed up after a moment; loans
-- lent and returned after it.
CREATE INDEX requests_closed_at    ON requests(closed_at) WHERE closed_at <> '';
CREATE INDEX requests_escalated_at ON requests(escalated_at) WHERE escalated_at <> '';
CREATE INDEX request_events_outcome ON request_events(at) WHERE outcome = 'not_satisfied';
CREATE INDEX loans_lent_at         ON loans(lent_at);
CREATE INDEX loans_returned_at     ON loans(returned_at) WHERE returned_at <> '';
-- Measures: every column a measure reads (repeat problems need the room), so that a
-- period's requests are read from this index alone, in creation order, without visiting
-- the table: several times faster on years of history, for some 170 bytes a request.
CREATE INDEX requests_measures ON requests(created_at, department, category, status, kind, ack_at, done_at,
    promised_at, outcome, score, recovery, recovery_of, room);
