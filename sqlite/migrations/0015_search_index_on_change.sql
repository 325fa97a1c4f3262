-- The search indexes are rewritten for a guest only when what they index changed. An
-- UPDATE that sets every column (a merge from an import, an edited note, a new tier)
-- used to delete and re-insert the guest's search row each time, and, in a large import,
-- sent FTS5 back to an earlier row between new guests, writing out its pending data.
DROP TRIGGER guests_au;
CREATE TRIGGER guests_au AFTER UPDATE OF given_name, family_name, email, phone_search, loyalty_number ON guests
WHEN old.given_name IS NOT new.given_name OR old.family_name IS NOT new.family_name OR old.email IS NOT new.email
    OR old.phone_search IS NOT new.phone_search OR old.loyalty_number IS NOT new.loyalty_number BEGIN
    UPDATE guest_fts SET
        name = new.given_name || ' ' || new.family_name,
        email = new.email,
        phone = new.phone_search,
        loyalty = coalesce(new.loyalty_number, '')
    WHERE rowid = new.seq;
END;

DROP TRIGGER guests_house_au;
CREATE TRIGGER guests_house_au AFTER UPDATE OF given_name, family_name, email, phone_search, loyalty_number ON guests
WHEN old.given_name IS NOT new.given_name OR old.family_name IS NOT new.family_name OR old.email IS NOT new.email
    OR old.phone_search IS NOT new.phone_search OR old.loyalty_number IS NOT new.loyalty_number BEGIN
    DELETE FROM guest_house_fts WHERE rowid = new.seq;
    INSERT INTO guest_house_fts (rowid, name, email, phone, loyalty, room)
        SELECT seq, name, email, phone, loyalty, room FROM guest_house_rows WHERE seq = new.seq;
END;
