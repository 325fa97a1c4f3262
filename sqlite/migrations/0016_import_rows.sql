-- Rows of imported files that name a guest by nothing but a name (no loyalty number,
-- e-mail or phone to match on), kept by a fingerprint of the row's cells with the guest
-- the row became, so importing the same file again finds that guest instead of
-- creating them once more. An erasure deletes a guest's fingerprints.
CREATE TABLE import_rows (
    fingerprint TEXT PRIMARY KEY,
    guest_id    TEXT NOT NULL REFERENCES guests(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX import_rows_guest ON import_rows(guest_id);
