package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"frontdesk/errs"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// applicationID marks a file as a Frontdesk database ('FDSK').
const applicationID = 0x4644534B

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order. File names are
// NNNN_description.sql.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and '_'", e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// migrate brings the schema up to date, each migration in its own transaction with its
// bookkeeping row. It checks, before writing anything, that the file is ours and not newer.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	current, err := checkSchema(ctx, db, ms[len(ms)-1].version)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		if err := apply(ctx, db, m); err != nil {
			return err
		}
	}
	return nil
}

// checkSchema returns the applied version, refusing files that are not Frontdesk's or
// were written by a newer Frontdesk.
func checkSchema(ctx context.Context, db *sql.DB, latest int) (int, error) {
	var appID, tables int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return 0, mapErr(err)
	}
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return 0, mapErr(err)
	}
	if tables == 0 {
		return 0, nil
	}
	if appID != applicationID {
		return 0, errs.New(errs.Unavailable, "This file is an SQLite database but not a Frontdesk database. Nothing was changed; choose another file with --db.", nil)
	}
	var current int
	if err := db.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&current); err != nil {
		return 0, mapErr(err)
	}
	if current > latest {
		return 0, errs.New(errs.Unavailable,
			"This database was written by a newer version of Frontdesk (schema {{.Found}}; this program knows up to {{.Known}}). Nothing was changed; install the newer Frontdesk.",
			map[string]any{"Found": current, "Known": latest})
	}
	return current, nil
}

func apply(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	if m.version == 1 {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if step := dataSteps[m.version]; step != nil {
		if err := step(ctx, tx); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))", m.version, m.name); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return mapErr(tx.Commit())
}
