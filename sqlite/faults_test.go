package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
)

// A database with some guests, closed cleanly (its WAL folded in), for damaging.
func closedDatabase(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "fd.db")
	s := openAt(t, path)
	for i := range 200 {
		must(t, s.CreateGuest(context.Background(), &guests.Guest{GivenName: "Guest", FamilyName: fmt.Sprintf("Number %d", i)}))
	}
	must(t, s.Close())
	return path
}

func TestEveryFaultOnOpenIsExplainedAndTheFileIsLeftAlone(t *testing.T) {
	cases := []struct {
		name    string
		damage  func(t *testing.T, path string)
		want    string
		damaged bool // a backup is offered
	}{
		{"truncated inside the header page", truncateTo(1000), "is damaged", true},
		{"truncated to the first page", truncateTo(4096), "is damaged", true},
		{"truncated to half", truncateBy(0.5), "is damaged", true},
		{"last page cut short", truncateBy(-1), "is damaged", true},
		{"pages overwritten with garbage", scribble, "is damaged", true},
		{"whole file overwritten with garbage", func(t *testing.T, path string) {
			must(t, os.WriteFile(path, []byte(strings.Repeat("garbage ", 4000)), 0o600))
		}, "not a Frontdesk database, or it is damaged", true},
		{"locked by another program", lockExclusively, "locked by another program", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := closedDatabase(t, t.TempDir())
			c.damage(t, path)
			before := fileSum(t, path)
			_, err := Open(context.Background(), path, Options{BusyTimeout: 200 * time.Millisecond})
			if errs.CodeOf(err) != errs.Unavailable || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want a message with %q", err, c.want)
			}
			if c.damaged && !strings.Contains(err.Error(), path) {
				t.Errorf("the message does not name the file: %v", err)
			}
			if IsDamaged(err) != c.damaged {
				t.Errorf("IsDamaged = %v, want %v", IsDamaged(err), c.damaged)
			}
			if fileSum(t, path) != before {
				t.Fatal("the file was changed")
			}
		})
	}
}

func TestOnlyDamagedFilesAreOfferedABackup(t *testing.T) {
	dir := t.TempDir()
	newer := closedDatabase(t, dir)
	db, _ := sql.Open("sqlite3", newer)
	db.Exec("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'x')")
	db.Close()
	_, err := Open(context.Background(), newer, Options{})
	if err == nil || IsDamaged(err) {
		t.Errorf("a database from a newer Frontdesk: %v", err)
	}
	_, err = Open(context.Background(), filepath.Join(dir, "missing", "fd.db"), Options{})
	if err == nil || IsDamaged(err) {
		t.Errorf("a missing folder: %v", err)
	}
}

func TestFullDiskRefusesTheChangeWithAClearMessageAndKeepsTheRest(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	must(t, s.CreateGuest(ctx, &guests.Guest{FamilyName: "Before"}))
	// max_page_count caps the file where it is, which is what a full disk does to SQLite.
	var pages int
	must(t, s.writer.QueryRow("PRAGMA page_count").Scan(&pages))
	_, err := s.writer.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages))
	must(t, err)
	defer s.writer.Exec("PRAGMA max_page_count = 1073741823")
	for i := 0; ; i++ {
		err = s.CreateGuest(ctx, &guests.Guest{FamilyName: fmt.Sprintf("Guest %d", i), Email: fmt.Sprintf("guest%d@example.com", i)})
		if err != nil || i > 10000 {
			break
		}
	}
	if errs.CodeOf(err) != errs.Unavailable || !strings.Contains(err.Error(), "disk is full") || IsDamaged(err) {
		t.Fatalf("got %v", err)
	}
	var n, idx int
	must(t, s.reader.QueryRow("SELECT count(*), (SELECT count(*) FROM guest_fts) FROM guests").Scan(&n, &idx))
	if n != idx {
		t.Fatalf("%d guests but %d index rows: a refused write was half saved", n, idx)
	}
	if ok, _ := pragmaLines(ctx, s.reader, "PRAGMA integrity_check"); len(ok) != 1 || ok[0] != "ok" {
		t.Fatalf("integrity after a full disk: %v", ok)
	}
}

func truncateTo(size int64) func(*testing.T, string) {
	return func(t *testing.T, path string) { must(t, os.Truncate(path, size)) }
}

// truncateBy cuts a fraction of the file, or, for -1, the last 100 bytes.
func truncateBy(frac float64) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		st, err := os.Stat(path)
		must(t, err)
		size := int64(float64(st.Size()) * frac)
		if frac < 0 {
			size = st.Size() - 100
		}
		must(t, os.Truncate(path, size))
	}
}

// lockExclusively holds the file the way another program can: an exclusive lock that
// lasts until the test ends.
func lockExclusively(t *testing.T, path string) {
	db, err := sql.Open("sqlite3", "file:"+path+"?_locking_mode=EXCLUSIVE")
	must(t, err)
	db.SetMaxOpenConns(1)
	_, err = db.Exec("BEGIN EXCLUSIVE")
	must(t, err)
	_, err = db.Exec("COMMIT")
	must(t, err)
	t.Cleanup(func() { db.Close() })
}

func fileSum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return fmt.Sprintf("%x", sha256.Sum256(b))
}
