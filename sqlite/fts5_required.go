//go:build !sqlite_fts5

package sqlite

// Guest search needs SQLite's FTS5 module, which go-sqlite3 compiles in only with the
// build tag sqlite_fts5. Without it the build stops here with this name in the message:
// build with "make build" or "go build -tags sqlite_fts5".
var _ = Frontdesk_needs_the_build_tag_sqlite_fts5__use_make_build_or_go_build_tags_sqlite_fts5
