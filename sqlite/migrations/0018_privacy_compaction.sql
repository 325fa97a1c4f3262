-- Deleted and replaced text leaves no trace (README, "A guest's data"). The writer runs
-- with PRAGMA secure_delete=ON from now on; the search indexes delete a row's words from
-- their pages instead of leaving them behind a tombstone until a merge, for every update
-- and not only during an erasure. The setting is kept in the index itself.
INSERT INTO guest_fts(guest_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO guest_house_fts(guest_house_fts, rank) VALUES ('secure-delete', 1);

-- A file written before holds earlier versions of rows on free pages, in free space
-- inside pages and in old search-index segments. The one-time privacy compaction
-- (Store.CompactForPrivacy: the search indexes optimized, VACUUM, the log emptied)
-- removes them and records when it ran under this key. A file that has never held a
-- guest has nothing to remove: it is clean from the start.
INSERT INTO settings (key, value) SELECT 'privacy_compacted_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE NOT EXISTS (SELECT 1 FROM guests);
