-- The property's resources: departments, request categories with service standards,
-- staff and their roster, rooms, loanable items and loans; and the append-only audit log
-- that attributes every change to a member of staff.

CREATE TABLE departments (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    on_duty_contact TEXT NOT NULL DEFAULT '',
    open_minute     INTEGER NOT NULL DEFAULT 0 CHECK (open_minute BETWEEN 0 AND 1440),
    close_minute    INTEGER NOT NULL DEFAULT 0 CHECK (close_minute BETWEEN 0 AND 1440),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
) WITHOUT ROWID;

CREATE TABLE categories (
    code              TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    department        TEXT NOT NULL REFERENCES departments(code),
    promise_min       INTEGER NOT NULL DEFAULT 0 CHECK (promise_min >= 0),
    top_tier_min      INTEGER NOT NULL DEFAULT 0 CHECK (top_tier_min >= 0),
    guest_names_time  INTEGER NOT NULL DEFAULT 0 CHECK (guest_names_time IN (0,1)),
    complaint         INTEGER NOT NULL DEFAULT 0 CHECK (complaint IN (0,1)),
    active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
) WITHOUT ROWID;

CREATE TABLE staff (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('agent','concierge','department_staff','shift_manager','administrator')),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    pin_hash     TEXT NOT NULL DEFAULT '',
    failed_pins  INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE staff_departments (
    staff_id   TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    department TEXT NOT NULL REFERENCES departments(code),
    PRIMARY KEY (staff_id, department)
) WITHOUT ROWID;

-- The roster: which shift a person works on a date. Shift times are settings.
CREATE TABLE roster (
    day      TEXT NOT NULL,                       -- YYYY-MM-DD
    shift    TEXT NOT NULL CHECK (shift IN ('morning','evening','night')),
    staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    manager  INTEGER NOT NULL DEFAULT 0 CHECK (manager IN (0,1)), -- the shift manager
    PRIMARY KEY (day, shift, staff_id)
) WITHOUT ROWID;

CREATE TABLE rooms (
    number   TEXT PRIMARY KEY,
    floor    INTEGER NOT NULL,
    type     TEXT NOT NULL DEFAULT '',
    features TEXT NOT NULL DEFAULT '',            -- space-separated: accessible connecting smoking
    status   TEXT NOT NULL DEFAULT 'vacant' CHECK (status IN ('vacant','occupied','out_of_order'))
) WITHOUT ROWID;

CREATE TABLE items (
    code  TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    total INTEGER NOT NULL CHECK (total >= 0)
) WITHOUT ROWID;

CREATE TABLE loans (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    item        TEXT NOT NULL REFERENCES items(code),
    room        TEXT NOT NULL,
    guest_id    TEXT REFERENCES guests(id),
    qty         INTEGER NOT NULL CHECK (qty > 0),
    lent_by     TEXT NOT NULL,
    lent_at     TEXT NOT NULL,
    due_back    TEXT NOT NULL DEFAULT '',
    returned_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX loans_out ON loans(item, room) WHERE returned_at = '';

-- Append-only: triggers refuse updates and deletes.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor_id   TEXT NOT NULL DEFAULT '',
    actor_name TEXT NOT NULL,
    entity     TEXT NOT NULL,                     -- guest, stay, preference, staff, loan…
    entity_id  TEXT NOT NULL,
    guest_id   TEXT NOT NULL DEFAULT '',          -- the guest concerned, for browsing by guest
    action     TEXT NOT NULL,                     -- create, update, remove, lend, return…
    summary    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX audit_actor ON audit_log(actor_name, at);
CREATE INDEX audit_guest ON audit_log(guest_id, at) WHERE guest_id <> '';

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
