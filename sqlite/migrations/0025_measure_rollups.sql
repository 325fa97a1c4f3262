-- Roll-ups of the service measures (Insights), so that a period is read from a row per
-- day, department and category instead of from every request created in it (measures.go,
-- measure_rollups.go). Days are UTC dates: the ends of a period in the property's zone
-- are read from the requests themselves.
--
-- Times to acknowledge and to resolve are whole minutes (rounded to the nearest, halves
-- up) kept as per-minute histograms: a BLOB of (minute, count) pairs, sorted, as varints
-- (measureHist). Only the minutes that occur are stored, so there is no overflow bucket
-- and no upper bound: every percentile is exact to the minute.
CREATE TABLE measure_days (
    day        TEXT NOT NULL, -- UTC date of creation, YYYY-MM-DD
    department TEXT NOT NULL,
    category   TEXT NOT NULL,
    requests   INTEGER NOT NULL DEFAULT 0,
    done       INTEGER NOT NULL DEFAULT 0, -- done and not cancelled: the on-time base, less the undone past their promise (read live)
    on_time    INTEGER NOT NULL DEFAULT 0,
    closed     INTEGER NOT NULL DEFAULT 0,
    satisfied  INTEGER NOT NULL DEFAULT 0,
    scored     INTEGER NOT NULL DEFAULT 0,
    score_sum  INTEGER NOT NULL DEFAULT 0,
    complaints INTEGER NOT NULL DEFAULT 0,
    recoveries INTEGER NOT NULL DEFAULT 0,
    recovered  INTEGER NOT NULL DEFAULT 0,
    ack        BLOB NOT NULL DEFAULT x'',
    resolve    BLOB NOT NULL DEFAULT x'',
    PRIMARY KEY (day, department, category)
) WITHOUT ROWID;

-- The weekly trend's counts per UTC quarter hour ('YYYY-MM-DDTHH:MM'), so that weeks in
-- any zone whose offset is a whole number of quarter hours are exact.
CREATE TABLE measure_quarters (
    at         TEXT PRIMARY KEY,
    requests   INTEGER NOT NULL DEFAULT 0,
    done       INTEGER NOT NULL DEFAULT 0,
    on_time    INTEGER NOT NULL DEFAULT 0,
    closed     INTEGER NOT NULL DEFAULT 0,
    satisfied  INTEGER NOT NULL DEFAULT 0,
    scored     INTEGER NOT NULL DEFAULT 0,
    score_sum  INTEGER NOT NULL DEFAULT 0,
    complaints INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- What a request adds to the roll-ups, written by the triggers below (a change is the old
-- contribution taken away, sign -1, and the new one added) and folded into measure_days
-- and measure_quarters before the writer's transaction commits (Store.write). Measures
-- reads what is left here too, so a write by another program is never lost.
CREATE TABLE measure_changes (
    seq        INTEGER PRIMARY KEY,
    sign       INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    department TEXT NOT NULL,
    category   TEXT NOT NULL,
    done       INTEGER NOT NULL,
    on_time    INTEGER NOT NULL,
    closed     INTEGER NOT NULL,
    satisfied  INTEGER NOT NULL,
    scored     INTEGER NOT NULL,
    score      INTEGER NOT NULL,
    complaint  INTEGER NOT NULL,
    recovery   INTEGER NOT NULL,
    recovered  INTEGER NOT NULL,
    ack        INTEGER, -- minutes, NULL when not acknowledged
    resolve    INTEGER  -- minutes, NULL when not done
);
CREATE INDEX measure_changes_created ON measure_changes(created_at);

-- Requests not done and not cancelled: whether they count in the on-time base depends on
-- the time of asking (already past their promise), so Measures counts them live.
CREATE INDEX requests_undone ON requests(created_at, promised_at, department, category)
    WHERE done_at = '' AND status <> 'cancelled';

-- The contribution below must stay the same as measureContribution in measure_rollups.go.
CREATE TRIGGER measure_ai AFTER INSERT ON requests BEGIN
    INSERT INTO measure_changes (sign, created_at, department, category, done, on_time, closed, satisfied,
        scored, score, complaint, recovery, recovered, ack, resolve)
    VALUES (1, new.created_at, new.department, new.category,
        new.status <> 'cancelled' AND new.done_at <> '',
        new.status <> 'cancelled' AND new.done_at <> '' AND new.done_at <= new.promised_at,
        new.status = 'closed', new.status = 'closed' AND new.outcome = 'satisfied',
        new.score > 0, new.score, new.kind = 'complaint' AND new.recovery_of IS NULL,
        new.recovery = 1, new.recovery = 1 AND new.status = 'closed' AND new.outcome = 'satisfied',
        CASE WHEN new.ack_at <> '' THEN CAST(round(CAST(round((julianday(new.ack_at) - julianday(new.created_at)) * 86400000) AS INTEGER) / 60000.0) AS INTEGER) END,
        CASE WHEN new.done_at <> '' THEN CAST(round(CAST(round((julianday(new.done_at) - julianday(new.created_at)) * 86400000) AS INTEGER) / 60000.0) AS INTEGER) END);
END;

CREATE TRIGGER measure_au AFTER UPDATE OF created_at, department, category, status, kind, ack_at, done_at, promised_at,
    outcome, score, recovery, recovery_of ON requests
WHEN old.created_at IS NOT new.created_at OR old.department IS NOT new.department OR old.category IS NOT new.category
    OR old.status IS NOT new.status OR old.kind IS NOT new.kind OR old.ack_at IS NOT new.ack_at
    OR old.done_at IS NOT new.done_at OR old.promised_at IS NOT new.promised_at OR old.outcome IS NOT new.outcome
    OR old.score IS NOT new.score OR old.recovery IS NOT new.recovery OR old.recovery_of IS NOT new.recovery_of
BEGIN
    INSERT INTO measure_changes (sign, created_at, department, category, done, on_time, closed, satisfied,
        scored, score, complaint, recovery, recovered, ack, resolve)
    VALUES (-1, old.created_at, old.department, old.category,
        old.status <> 'cancelled' AND old.done_at <> '',
        old.status <> 'cancelled' AND old.done_at <> '' AND old.done_at <= old.promised_at,
        old.status = 'closed', old.status = 'closed' AND old.outcome = 'satisfied',
        old.score > 0, old.score, old.kind = 'complaint' AND old.recovery_of IS NULL,
        old.recovery = 1, old.recovery = 1 AND old.status = 'closed' AND old.outcome = 'satisfied',
        CASE WHEN old.ack_at <> '' THEN CAST(round(CAST(round((julianday(old.ack_at) - julianday(old.created_at)) * 86400000) AS INTEGER) / 60000.0) AS INTEGER) END,
        CASE WHEN old.done_at <> '' THEN CAST(round(CAST(round((julianday(old.done_at) - julianday(old.created_at)) * 86400000) AS INTEGER) / 60000.0) AS INTEGER) END),
    (1, new.created_at, new.department, new.category,
        new.status <> 'cancelled' AND new.done_at <> '',
        new.status <> 'cancelled' AND new.done_at <> '' AND new.done_at <= new.promised_at,
        new.status = 'closed', new.status = 'closed' AND new.outcome = 'satisfied',
        new.score > 0, new.score, new.kind = 'complaint' AND new.recovery_of IS NULL,
        new.recovery = 1, new.recovery = 1 AND new.status = 'closed' AND new.outcome = 'satisfied',
        CASE WHEN new.ack_at <> '' THEN CAST(round(CAST(round((julianday(new.ack_at) - julianday(new.created_at)) * 86400000) AS INTEGER) / 60000.0) AS INTEGER) END,
        CASE WHEN new.done_at <> '' THEN CAST(round(CAST(round((julianday(new.done_at) - julianday(new.created_at)) * 86400000) AS INTEGER) / 60000.0) AS INTEGER) END);
END;
