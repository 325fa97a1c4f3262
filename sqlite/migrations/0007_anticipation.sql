-- Anticipation: what staff did with each prompt (acted or dismissed, so that it never
-- nags twice), and the preparation tasks logged for an arrival (once per wish or alert).

CREATE TABLE prompt_actions (
    key        TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('prepare','occasion','repeat','recovery','welcome')),
    guest_id   TEXT REFERENCES guests(id),
    action     TEXT NOT NULL CHECK (action IN ('done','dismissed')),
    note       TEXT NOT NULL DEFAULT '',
    actor_id   TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    at         TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX prompt_actions_guest ON prompt_actions(guest_id);

CREATE TABLE prep_tasks (
    stay_id    TEXT NOT NULL REFERENCES stays(id) ON DELETE CASCADE,
    source_id  TEXT NOT NULL,                 -- preference ID, or alert ID ':' department
    request_id TEXT NOT NULL REFERENCES requests(id),
    PRIMARY KEY (stay_id, source_id)
) WITHOUT ROWID;
CREATE INDEX prep_tasks_request ON prep_tasks(request_id);

-- The category preparation tasks are logged under; the department is each task's own
-- and the promise is the task's due time. New databases get it from
-- resources.DefaultCategories.
INSERT INTO categories (code, name, department, promise_min, top_tier_min, guest_names_time)
    SELECT 'arrival_prep', 'Arrival preparation', 'front_desk', 0, 0, 1
    WHERE EXISTS (SELECT 1 FROM departments WHERE code = 'front_desk')
    ON CONFLICT (code) DO NOTHING;
