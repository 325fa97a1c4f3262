-- Phones become findable by their last digits: phone_search gains each number's digits
-- written backwards (guests.PhoneSuffixForm), which the search index holds beside the
-- other forms. SQL cannot reverse a string, so the stored guests get theirs from the
-- data step of this migration (dataSteps in migrate.go), in this same transaction.
SELECT 1;
