-- Concurrent edits never overwrite silently (issue 20): every save of a guest's profile
-- counts up its version, and a save names the version it started from. The column is
-- added by the migration's data step (addGuestVersion): ALTER TABLE … ADD COLUMN with a
-- constant default rewrites no row, at any size.
SELECT 1;
