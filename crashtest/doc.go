// Package crashtest holds Frontdesk's process-level reliability tests: a writer killed
// with SIGKILL at random moments must lose no acknowledged request and leave a database
// that passes SQLite's integrity check, and several Frontdesk processes writing one file
// at once must never show "database is locked". The tests re-run their own binary as the
// writer process; there is no other code here. See RELIABILITY.md for the figures.
package crashtest
