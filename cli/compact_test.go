package cli

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"frontdesk/sqlite"
)

func TestCompactRunsThePrivacyCompactionAndRecordsIt(t *testing.T) {
	db := databaseWithGuest(t, "Rahayu")
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	// As a file written before the compaction existed: not compacted yet.
	if _, err := raw.Exec("DELETE FROM settings WHERE key = 'privacy_compacted_at'"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	code, stdout, stderr := run(t, "compact", "--db", db)
	if code != 0 || !strings.Contains(stdout, "First privacy compaction") || !strings.Contains(stdout, "Compacted "+db) {
		t.Fatalf("compact: %d %q %q", code, stdout, stderr)
	}
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if done, err := s.PrivacyCompacted(context.Background()); err != nil || !done {
		t.Errorf("compaction not recorded: %v %v", done, err)
	}
	code, stdout, _ = run(t, "compact", "--db", db)
	if code != 0 || strings.Contains(stdout, "First") {
		t.Errorf("compacting again: %d %q", code, stdout)
	}
}

func TestCompactRefusesAMissingDatabase(t *testing.T) {
	code, _, stderr := run(t, "compact", "--db", filepath.Join(t.TempDir(), "typo.db"))
	if code != 1 || !strings.Contains(stderr, "there is no database") {
		t.Fatalf("compact of a missing file: %d %q", code, stderr)
	}
}
