-- Guest requests and their append-only timelines. A request is open until closed or
-- cancelled; `open` and `due_at` are kept by the store from the domain's rules so that the
-- queues read straight off partial indexes, oldest promise first.

CREATE TABLE requests (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    guest_id          TEXT REFERENCES guests(id),
    room              TEXT REFERENCES rooms(number),
    category          TEXT NOT NULL REFERENCES categories(code),
    department        TEXT NOT NULL REFERENCES departments(code),
    description       TEXT NOT NULL CHECK (description <> ''),
    priority          TEXT NOT NULL CHECK (priority IN ('normal','high','urgent')),
    kind              TEXT NOT NULL CHECK (kind IN ('request','complaint')),
    created_by        TEXT NOT NULL REFERENCES staff(id),
    owner             TEXT NOT NULL REFERENCES staff(id),
    assignee          TEXT REFERENCES staff(id),
    status            TEXT NOT NULL CHECK (status IN ('new','acknowledged','in_progress','done','closed','cancelled','reopened')),
    open              INTEGER NOT NULL CHECK (open IN (0,1)),
    top_tier          INTEGER NOT NULL DEFAULT 0 CHECK (top_tier IN (0,1)),
    created_at        TEXT NOT NULL,
    promised_at       TEXT NOT NULL,
    due_at            TEXT NOT NULL,
    ack_at            TEXT NOT NULL DEFAULT '',
    started_at        TEXT NOT NULL DEFAULT '',
    done_at           TEXT NOT NULL DEFAULT '',
    closed_at         TEXT NOT NULL DEFAULT '',
    next_follow_up    TEXT NOT NULL DEFAULT '',
    score             INTEGER NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 5),
    outcome           TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('','satisfied','not_satisfied','unreachable')),
    recovery          INTEGER NOT NULL DEFAULT 0 CHECK (recovery IN (0,1)),
    recovery_of       TEXT REFERENCES requests(id),
    escalation_level  INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 5),
    escalation_target TEXT NOT NULL DEFAULT '',
    escalated_to      TEXT REFERENCES staff(id),
    escalated_at      TEXT NOT NULL DEFAULT '',
    CHECK (guest_id IS NOT NULL OR room IS NOT NULL),
    CHECK (open = (status NOT IN ('closed','cancelled')))
);
-- Queues: open requests by when they need someone, per department, owner, assignee and
-- escalation; history by guest and room; measures by creation time.
CREATE INDEX requests_open_due   ON requests(due_at) WHERE open = 1;
CREATE INDEX requests_open_dept  ON requests(department, due_at) WHERE open = 1;
CREATE INDEX requests_open_owner ON requests(owner, due_at) WHERE open = 1;
CREATE INDEX requests_open_assignee ON requests(assignee, due_at) WHERE open = 1 AND assignee IS NOT NULL;
CREATE INDEX requests_open_escalated ON requests(escalated_to, due_at) WHERE open = 1 AND escalated_to IS NOT NULL;
CREATE INDEX requests_guest      ON requests(guest_id, created_at) WHERE guest_id IS NOT NULL;
CREATE INDEX requests_room       ON requests(room, created_at) WHERE room IS NOT NULL;
CREATE INDEX requests_created    ON requests(created_at);
CREATE INDEX requests_recovery   ON requests(recovery_of) WHERE recovery_of IS NOT NULL;

CREATE TABLE request_events (
    seq         INTEGER PRIMARY KEY,
    request_id  TEXT NOT NULL REFERENCES requests(id),
    at          TEXT NOT NULL,
    actor_id    TEXT NOT NULL DEFAULT '',
    actor_name  TEXT NOT NULL,
    action      TEXT NOT NULL,
    from_status TEXT NOT NULL DEFAULT '',
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL DEFAULT '',
    score       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX request_events_request ON request_events(request_id, seq);

CREATE TRIGGER request_events_no_update BEFORE UPDATE ON request_events BEGIN
    SELECT RAISE(ABORT, 'the request timeline is append-only');
END;
CREATE TRIGGER request_events_no_delete BEFORE DELETE ON request_events BEGIN
    SELECT RAISE(ABORT, 'the request timeline is append-only');
END;
-- Closed requests are kept for years: a guest's memory across stays is the point.
CREATE TRIGGER requests_no_delete BEFORE DELETE ON requests BEGIN
    SELECT RAISE(ABORT, 'requests are kept: cancel or close them instead');
END;

-- Service recovery: where an unhappy guest's follow-up goes. Added for databases seeded
-- before this migration; new ones get it from resources.DefaultCategories.
INSERT INTO categories (code, name, department, promise_min, top_tier_min, complaint)
    SELECT 'service_recovery', 'Service recovery', 'management', 15, 10, 1
    WHERE EXISTS (SELECT 1 FROM departments WHERE code = 'management')
    ON CONFLICT (code) DO NOTHING;
