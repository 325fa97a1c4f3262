-- What each member of staff has been told about their requests (issue 20): one row per
-- person and request with the state last told ("due_soon", "overdue:LEVEL"). A desk
-- claims a notice by changing the row, so a person signed in at several desks is told
-- once, and a desk opened again does not tell them again. Rows go when the request closes.
CREATE TABLE notices (
    staff_id   TEXT NOT NULL,
    request_id TEXT NOT NULL,
    state      TEXT NOT NULL,
    told_at    TEXT NOT NULL,
    PRIMARY KEY (staff_id, request_id)
) WITHOUT ROWID;
