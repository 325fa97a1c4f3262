-- Stays carry a version too (issue 20): a stay's update names the version it started
-- from and is refused if another desk saved the stay since. The column is added by the
-- migration's data step (addVersion), as guests.version in 0020.
SELECT 1;
