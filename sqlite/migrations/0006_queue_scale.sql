-- Request queues at a million guests and millions of requests (BENCHMARKS.md).
--
-- A department's queue shows how many requests each view holds. The open views read a
-- few thousand rows of the partial indexes below without touching the table; the
-- history view would count millions of closed requests, so the number of requests per
-- department, open and closed, is kept in a tally that triggers update on every insert
-- and every change of department or state.

CREATE TABLE request_tally (
    department TEXT NOT NULL,
    open       INTEGER NOT NULL CHECK (open IN (0,1)),
    n          INTEGER NOT NULL,
    PRIMARY KEY (department, open)
) WITHOUT ROWID;

INSERT INTO request_tally (department, open, n)
    SELECT department, open, count(*) FROM requests GROUP BY department, open;

CREATE TRIGGER requests_tally_ai AFTER INSERT ON requests BEGIN
    INSERT INTO request_tally (department, open, n) VALUES (new.department, new.open, 1)
        ON CONFLICT (department, open) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER requests_tally_au AFTER UPDATE OF department, open ON requests
WHEN old.department <> new.department OR old.open <> new.open BEGIN
    UPDATE request_tally SET n = n - 1 WHERE department = old.department AND open = old.open;
    INSERT INTO request_tally (department, open, n) VALUES (new.department, new.open, 1)
        ON CONFLICT (department, open) DO UPDATE SET n = n + 1;
END;

-- The open views by status and promise, per department and for the whole house:
-- counts and overdue lists read these alone.
CREATE INDEX requests_open_dept_status ON requests(department, status, due_at) WHERE open = 1;
CREATE INDEX requests_open_status      ON requests(status, due_at) WHERE open = 1;

-- Requests escalated to a role (the shift manager, management) rather than a person: with
-- the open indexes by owner, assignee and escalated_to of 0004 they make "mine" a union
-- of index ranges.
CREATE INDEX requests_open_target ON requests(escalation_target, due_at) WHERE open = 1 AND escalated_to IS NULL;

-- A department's history, newest first, a page at a time.
CREATE INDEX requests_closed_dept ON requests(department, created_at) WHERE open = 0;

-- The escalation sweep (every 30 seconds at every desk) reads the overdue requests that
-- can still climb, not every overdue request the house has ever left open.
CREATE INDEX requests_escalation ON requests(escalation_level, due_at) WHERE open = 1 AND status <> 'done';

-- Guest search at a million profiles: the search index also keeps prefixes of 4, 5 and 6
-- characters (it kept 2 and 3). A search for the start of a phone number ("0812", "081234")
-- otherwise merges the entries of every number that starts so — tens of thousands — on
-- every keystroke. FTS5 fixes its prefixes when the table is made, so the index is made
-- again with the same content; the triggers of 0001 find the new table by its name.
CREATE TABLE guest_fts_copy AS SELECT rowid AS seq, name, email, phone, loyalty, room, inhouse FROM guest_fts;
DROP TABLE guest_fts;
CREATE VIRTUAL TABLE guest_fts USING fts5(
    name, email, phone, loyalty, room, inhouse,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6'
);
INSERT INTO guest_fts (rowid, name, email, phone, loyalty, room, inhouse)
    SELECT seq, name, email, phone, loyalty, room, inhouse FROM guest_fts_copy;
DROP TABLE guest_fts_copy;
INSERT INTO guest_fts(guest_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 4.0, 6.0, 6.0, 0.0)');

-- The guests in house have a search index of their own. A search lists them first, and
-- finding them in the index of every guest means walking the long lists of common
-- words ("gmail", "ma") for a handful of hits; a few thousand in-house guests make a
-- small index that answers at once. Triggers keep it in step with stays and guests;
-- deleted text is overwritten (secure-delete), as guest erasure expects.
CREATE VIRTUAL TABLE guest_house_fts USING fts5(
    name, email, phone, loyalty, room,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6'
);
INSERT INTO guest_house_fts(guest_house_fts, rank) VALUES ('secure-delete', 1);

CREATE VIEW guest_house_rows AS
    SELECT g.seq, g.id, g.given_name || ' ' || g.family_name AS name, g.email, g.phone_search AS phone,
           coalesce(g.loyalty_number, '') AS loyalty,
           (SELECT group_concat(room, ' ') FROM stays WHERE guest_id = g.id AND status = 'in_house') AS room
    FROM guests g WHERE EXISTS (SELECT 1 FROM stays WHERE guest_id = g.id AND status = 'in_house');

INSERT INTO guest_house_fts (rowid, name, email, phone, loyalty, room)
    SELECT seq, name, email, phone, loyalty, room FROM guest_house_rows
    WHERE id IN (SELECT guest_id FROM stays WHERE status = 'in_house');

CREATE TRIGGER stays_house_ai AFTER INSERT ON stays WHEN new.status = 'in_house' BEGIN
    DELETE FROM guest_house_fts WHERE rowid = (SELECT seq FROM guests WHERE id = new.guest_id);
    INSERT INTO guest_house_fts (rowid, name, email, phone, loyalty, room)
        SELECT seq, name, email, phone, loyalty, room FROM guest_house_rows WHERE id = new.guest_id;
END;

CREATE TRIGGER stays_house_au AFTER UPDATE OF status, room, guest_id ON stays
WHEN old.status = 'in_house' OR new.status = 'in_house' BEGIN
    DELETE FROM guest_house_fts WHERE rowid IN (SELECT seq FROM guests WHERE id IN (old.guest_id, new.guest_id));
    INSERT INTO guest_house_fts (rowid, name, email, phone, loyalty, room)
        SELECT seq, name, email, phone, loyalty, room FROM guest_house_rows WHERE id IN (old.guest_id, new.guest_id);
END;

CREATE TRIGGER stays_house_ad AFTER DELETE ON stays WHEN old.status = 'in_house' BEGIN
    DELETE FROM guest_house_fts WHERE rowid = (SELECT seq FROM guests WHERE id = old.guest_id);
    INSERT INTO guest_house_fts (rowid, name, email, phone, loyalty, room)
        SELECT seq, name, email, phone, loyalty, room FROM guest_house_rows WHERE id = old.guest_id;
END;

CREATE TRIGGER guests_house_au AFTER UPDATE OF given_name, family_name, email, phone_search, loyalty_number ON guests BEGIN
    DELETE FROM guest_house_fts WHERE rowid = new.seq;
    INSERT INTO guest_house_fts (rowid, name, email, phone, loyalty, room)
        SELECT seq, name, email, phone, loyalty, room FROM guest_house_rows WHERE seq = new.seq;
END;

CREATE TRIGGER guests_house_ad AFTER DELETE ON guests BEGIN
    DELETE FROM guest_house_fts WHERE rowid = old.seq;
END;
