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

-- A department's history, newest first, a page at a time.
CREATE INDEX requests_closed_dept ON requests(department, created_at) WHERE open = 0;
