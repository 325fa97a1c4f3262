-- Request categories get search words in the languages the desk speaks ("ac", "aircon",
-- "handuk", "taksi"), edited with the service standards. The default categories of an
-- existing property get the words a new property starts with (the data step of this
-- migration, from standards.DefaultCategories), unless a manager has set some.
ALTER TABLE categories ADD COLUMN words TEXT NOT NULL DEFAULT '';
