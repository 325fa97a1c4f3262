-- Several desks through one Frontdesk server (`frontdesk serve`). The server keeps only
-- hashes (SHA-256) of what it gives out: a copy of this file lets nobody pair, call as a
-- desk or take over a session.

-- A PC paired with the server, with the hash of its own secret.
CREATE TABLE desks (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    secret_hash BLOB NOT NULL,
    paired_at   TEXT NOT NULL,
    paired_by   TEXT NOT NULL,
    last_seen   TEXT NOT NULL DEFAULT '',
    revoked_at  TEXT NOT NULL DEFAULT '',
    revoked_by  TEXT NOT NULL DEFAULT ''
);

-- One-time pairing codes, good for ten minutes.
CREATE TABLE pairing_codes (
    code_hash  BLOB PRIMARY KEY,
    created_by TEXT NOT NULL,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;

-- A member of staff signed in at a desk. A session is good at its own desk only.
CREATE TABLE desk_sessions (
    token_hash BLOB PRIMARY KEY,
    desk_id    TEXT NOT NULL REFERENCES desks(id) ON DELETE CASCADE,
    staff_id   TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX desk_sessions_desk ON desk_sessions(desk_id);
