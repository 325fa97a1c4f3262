-- Repeat problems for Insights (handover.Repeat): rooms where the same problem came back
-- three times within 30 days. A problem is a request in a room, not a recovery, that is a
-- complaint or of a category of the maintenance department. Each problem keeps, in n, how
-- many problems of its room and category fall in the 30 days up to it (itself and any at
-- the same moment included) — the count the window function of repeatProblemsFrom gives —
-- kept by the triggers below whoever writes, so a period reads its problems from one
-- covering index (problems_created) instead of counting windows over them and the 30
-- days before.
--
-- 30 days is handover.RepeatWindow (a test holds it to it).
-- Times are julianday(created_at), compared the way SQLite's RANGE frame compares them.
CREATE TABLE problems (
    request_id TEXT PRIMARY KEY,
    room       TEXT NOT NULL,
    category   TEXT NOT NULL,
    at         REAL NOT NULL, -- julianday(created_at)
    created_at TEXT NOT NULL,
    n          INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX problems_room ON problems(room, category, at);
-- A period's problems, each with what the reading needs: the rooms and categories whose
-- count reached three, and when each last came back in the period.
CREATE INDEX problems_created ON problems(created_at, room, category, n);

-- A problem arrives: it counts the problems of the 30 days up to it, and each problem of
-- the 30 days after it (or at the same moment) counts one more.
CREATE TRIGGER problems_ai AFTER INSERT ON requests
WHEN new.room IS NOT NULL AND new.recovery_of IS NULL AND (new.kind = 'complaint'
    OR new.category IN (SELECT code FROM categories WHERE department = 'maintenance'))
BEGIN
    UPDATE problems SET n = n + 1 WHERE room = new.room AND category = new.category
        AND at >= julianday(new.created_at) AND at - 30 <= julianday(new.created_at);
    INSERT INTO problems (request_id, room, category, at, created_at, n)
    SELECT new.id, new.room, new.category, julianday(new.created_at), new.created_at, 1 + count(*)
    FROM problems WHERE room = new.room AND category = new.category
        AND at <= julianday(new.created_at) AND at >= julianday(new.created_at) - 30;
END;

-- A request changes what makes it a problem, or where or when it was: the old problem
-- goes (the problems that counted it count one less) and the new one arrives, as above.
-- Requests are never deleted (requests_no_delete), so there is no trigger for that.
CREATE TRIGGER problems_au AFTER UPDATE OF room, category, kind, recovery_of, created_at ON requests
BEGIN
    UPDATE problems SET n = n - 1 WHERE old.id IN (SELECT request_id FROM problems)
        AND room = old.room AND category = old.category
        AND at >= julianday(old.created_at) AND at - 30 <= julianday(old.created_at) AND request_id <> old.id;
    DELETE FROM problems WHERE request_id = old.id;
    UPDATE problems SET n = n + 1 WHERE new.room IS NOT NULL AND new.recovery_of IS NULL AND (new.kind = 'complaint'
            OR new.category IN (SELECT code FROM categories WHERE department = 'maintenance'))
        AND room = new.room AND category = new.category
        AND at >= julianday(new.created_at) AND at - 30 <= julianday(new.created_at);
    INSERT INTO problems (request_id, room, category, at, created_at, n)
    SELECT new.id, new.room, new.category, julianday(new.created_at), new.created_at, 1 + count(*)
    FROM problems WHERE room = new.room AND category = new.category
        AND at <= julianday(new.created_at) AND at >= julianday(new.created_at) - 30
    HAVING new.room IS NOT NULL AND new.recovery_of IS NULL AND (new.kind = 'complaint'
            OR new.category IN (SELECT code FROM categories WHERE department = 'maintenance'));
END;

-- A category moves in or out of maintenance: its problems are counted again.
CREATE TRIGGER problems_category_au AFTER UPDATE OF department ON categories
WHEN (old.department = 'maintenance') <> (new.department = 'maintenance')
BEGIN
    DELETE FROM problems WHERE category = new.code;
    INSERT INTO problems (request_id, room, category, at, created_at, n)
    SELECT id, room, category, julianday(created_at), created_at,
        count(*) OVER (PARTITION BY room ORDER BY julianday(created_at) RANGE BETWEEN 30 PRECEDING AND CURRENT ROW)
    FROM requests WHERE category = new.code AND room IS NOT NULL AND recovery_of IS NULL
        AND (kind = 'complaint' OR new.department = 'maintenance');
END;
