-- Guest profiles, their parts, stays and the full-text search index.
-- Times are UTC text (RFC 3339); calendar dates are 'YYYY-MM-DD'. IDs are UUIDs.
-- Each table has an INTEGER PRIMARY KEY so rowids survive VACUUM (the search index keys on them).

PRAGMA application_id = 1178882891; -- 'FDSK': marks the file as a Frontdesk database

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE guests (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    salutation     TEXT NOT NULL DEFAULT '',
    given_name     TEXT NOT NULL DEFAULT '',
    family_name    TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    phone_search   TEXT NOT NULL DEFAULT '', -- digit forms of the phone, space separated
    language       TEXT NOT NULL DEFAULT '',
    loyalty_number TEXT,                     -- NULL when none, so UNIQUE allows many blanks
    tier           TEXT NOT NULL DEFAULT 'none' CHECK (tier IN ('none','silver','gold','platinum')),
    vip            INTEGER NOT NULL DEFAULT 0 CHECK (vip IN (0,1)),
    casino_tier    TEXT NOT NULL DEFAULT 'none' CHECK (casino_tier IN ('none','gold','platinum','black')),
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (given_name <> '' OR family_name <> '')
);
CREATE UNIQUE INDEX guests_loyalty ON guests(loyalty_number) WHERE loyalty_number IS NOT NULL;

CREATE TABLE guest_alerts (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    guest_id   TEXT NOT NULL REFERENCES guests(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    text       TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX guest_alerts_guest ON guest_alerts(guest_id);

CREATE TABLE guest_preferences (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    guest_id    TEXT NOT NULL REFERENCES guests(id) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    text        TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX guest_preferences_guest ON guest_preferences(guest_id);

CREATE TABLE guest_occasions (
    seq      INTEGER PRIMARY KEY,
    id       TEXT NOT NULL UNIQUE,
    guest_id TEXT NOT NULL REFERENCES guests(id) ON DELETE CASCADE,
    kind     TEXT NOT NULL,
    label    TEXT NOT NULL DEFAULT '',
    month    INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day      INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    year     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX guest_occasions_guest ON guest_occasions(guest_id);
CREATE INDEX guest_occasions_date ON guest_occasions(month, day);

CREATE TABLE stays (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    guest_id   TEXT NOT NULL REFERENCES guests(id) ON DELETE CASCADE,
    arrival    TEXT NOT NULL,
    departure  TEXT NOT NULL,
    room       TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL CHECK (status IN ('expected','in_house','departed','cancelled')),
    party_size INTEGER NOT NULL DEFAULT 1,
    CHECK (departure > arrival)
);
CREATE INDEX stays_guest ON stays(guest_id, arrival);
CREATE INDEX stays_arrival ON stays(arrival) WHERE status = 'expected';
CREATE INDEX stays_in_house_room ON stays(room) WHERE status = 'in_house';

-- The search index holds its own copy of the searchable text, keyed by guests.seq, and is
-- kept in sync by the triggers below, so no code path can forget it.
-- name: given and family; contact: e-mail; phone: digit forms; room: rooms in house;
-- inhouse: 'y' while the guest is in house (lets a query ask for in-house guests first).
CREATE VIRTUAL TABLE guest_fts USING fts5(
    name, email, phone, loyalty, room, inhouse,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER guests_ai AFTER INSERT ON guests BEGIN
    INSERT INTO guest_fts(rowid, name, email, phone, loyalty, room, inhouse)
    VALUES (new.seq, new.given_name || ' ' || new.family_name, new.email, new.phone_search,
            coalesce(new.loyalty_number, ''), '', '');
END;

CREATE TRIGGER guests_au AFTER UPDATE OF given_name, family_name, email, phone_search, loyalty_number ON guests BEGIN
    UPDATE guest_fts SET
        name = new.given_name || ' ' || new.family_name,
        email = new.email,
        phone = new.phone_search,
        loyalty = coalesce(new.loyalty_number, '')
    WHERE rowid = new.seq;
END;

CREATE TRIGGER guests_ad AFTER DELETE ON guests BEGIN
    DELETE FROM guest_fts WHERE rowid = old.seq;
END;

-- A guest's in-house rooms, recomputed whenever one of their stays changes.
CREATE TRIGGER stays_ai AFTER INSERT ON stays WHEN new.status = 'in_house' BEGIN
    UPDATE guest_fts SET
        room = (SELECT group_concat(room, ' ') FROM stays WHERE guest_id = new.guest_id AND status = 'in_house'),
        inhouse = 'y'
    WHERE rowid = (SELECT seq FROM guests WHERE id = new.guest_id);
END;

CREATE TRIGGER stays_au AFTER UPDATE OF status, room, guest_id ON stays
WHEN old.status = 'in_house' OR new.status = 'in_house' BEGIN
    UPDATE guest_fts SET
        room = coalesce((SELECT group_concat(room, ' ') FROM stays WHERE guest_id = new.guest_id AND status = 'in_house'), ''),
        inhouse = CASE WHEN EXISTS (SELECT 1 FROM stays WHERE guest_id = new.guest_id AND status = 'in_house') THEN 'y' ELSE '' END
    WHERE rowid = (SELECT seq FROM guests WHERE id = new.guest_id);
    UPDATE guest_fts SET
        room = coalesce((SELECT group_concat(room, ' ') FROM stays WHERE guest_id = old.guest_id AND status = 'in_house'), ''),
        inhouse = CASE WHEN EXISTS (SELECT 1 FROM stays WHERE guest_id = old.guest_id AND status = 'in_house') THEN 'y' ELSE '' END
    WHERE old.guest_id <> new.guest_id AND rowid = (SELECT seq FROM guests WHERE id = old.guest_id);
END;

CREATE TRIGGER stays_ad AFTER DELETE ON stays WHEN old.status = 'in_house' BEGIN
    UPDATE guest_fts SET
        room = coalesce((SELECT group_concat(room, ' ') FROM stays WHERE guest_id = old.guest_id AND status = 'in_house'), ''),
        inhouse = CASE WHEN EXISTS (SELECT 1 FROM stays WHERE guest_id = old.guest_id AND status = 'in_house') THEN 'y' ELSE '' END
    WHERE rowid = (SELECT seq FROM guests WHERE id = old.guest_id);
END;

-- Ranking: a hit in the name counts most, then loyalty number and room, then contact.
INSERT INTO guest_fts(guest_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 4.0, 6.0, 6.0, 0.0)');
