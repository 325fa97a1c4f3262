-- Escalation rules: who is told as a request runs past its promised time, per class of
-- request (standard, urgent, complaint, vip). Each class's levels are numbered 1..n and come
-- strictly later one after another; the Go side checks that, the CHECKs here keep out values
-- no rule may hold.

CREATE TABLE escalation_levels (
    class     TEXT NOT NULL CHECK (class IN ('standard','urgent','complaint','vip')),
    level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    after_min INTEGER NOT NULL CHECK (after_min BETWEEN 0 AND 1440), -- minutes past the promise
    target    TEXT NOT NULL CHECK (target IN ('owner','department_on_duty','shift_manager','management')),
    PRIMARY KEY (class, level)
) WITHOUT ROWID;

-- The defaults, seeded here so that a database created before this migration gets them too.
-- Keep in step with resources.DefaultEscalationRules (a test compares them).
INSERT INTO escalation_levels (class, level, after_min, target) VALUES
    ('standard',  1,  0, 'owner'),
    ('standard',  2, 10, 'department_on_duty'),
    ('standard',  3, 20, 'shift_manager'),
    ('standard',  4, 60, 'management'),
    ('urgent',    1,  0, 'owner'),
    ('urgent',    2,  5, 'department_on_duty'),
    ('urgent',    3, 10, 'shift_manager'),
    ('urgent',    4, 30, 'management'),
    ('complaint', 1,  0, 'owner'),
    ('complaint', 2,  5, 'shift_manager'),
    ('complaint', 3, 30, 'management'),
    ('vip',       1,  0, 'owner'),
    ('vip',       2,  5, 'department_on_duty'),
    ('vip',       3, 10, 'shift_manager'),
    ('vip',       4, 45, 'management');

INSERT INTO audit_log (at, actor_name, entity, entity_id, action, summary)
VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'Frontdesk setup', 'escalation', 'defaults', 'create', 'default escalation rules');
