-- Preparation that runs itself (issue 21): per category of wish and kind of alert,
-- whether Frontdesk logs its preparation task by itself at at_hour the day before the
-- guest arrives, or a person decides on Today. The defaults are
-- anticipation.DefaultPrepRules: standing wishes automatic at 18:00 but "other",
-- accessibility alerts automatic, allergies, medical, security and other alerts by a
-- person. A source without a row needs a person.
CREATE TABLE prep_rules (
    source  TEXT PRIMARY KEY,
    auto    INTEGER NOT NULL CHECK (auto IN (0,1)),
    at_hour INTEGER NOT NULL CHECK (at_hour BETWEEN 0 AND 23)
) WITHOUT ROWID;

INSERT INTO prep_rules (source, auto, at_hour) VALUES
    ('preference:room', 1, 18), ('preference:bedding', 1, 18), ('preference:food', 1, 18),
    ('preference:amenities', 1, 18), ('preference:service', 1, 18), ('preference:casino', 1, 18),
    ('preference:other', 0, 18),
    ('alert:allergy', 0, 18), ('alert:accessibility', 1, 18), ('alert:medical', 0, 18),
    ('alert:security', 0, 18), ('alert:other', 0, 18);
