package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"frontdesk/backup"
	"frontdesk/guests"
	"frontdesk/sqlite"
)

// run runs a command and returns its exit code, stdout and stderr.
func run(t *testing.T, name string, args ...string) (int, string, string) {
	t.Helper()
	c, ok := Lookup(name)
	if !ok {
		t.Fatalf("no command %s", name)
	}
	var out, errOut bytes.Buffer
	code := c.Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func databaseWithGuest(t *testing.T, family string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fd.db")
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CreateGuest(context.Background(), &guests.Guest{FamilyName: family}); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBackupCommandWritesACheckedFileAndNeverOverwrites(t *testing.T) {
	db := databaseWithGuest(t, "Rahayu")
	out := filepath.Join(t.TempDir(), "copy.db")
	code, stdout, stderr := run(t, "backup", "--db", db, "--out", out)
	if code != 0 || !strings.Contains(stdout, "checked it: 1 guests") {
		t.Fatalf("backup: %d %q %q", code, stdout, stderr)
	}
	code, _, stderr = run(t, "backup", "--db", db, "--out", out)
	if code != 1 || !strings.Contains(stderr, "already exists") {
		t.Fatalf("backup over an existing file: %d %q", code, stderr)
	}
	code, stdout, _ = run(t, "backup", "--db", db)
	files, _ := backup.List(db)
	if code != 0 || len(files) != 1 || files[0].Kind != backup.KindManual || !strings.Contains(stdout, files[0].Path) {
		t.Fatalf("backup into the backups folder: %d %q %+v", code, stdout, files)
	}
	code, _, stderr = run(t, "backup", "--db", filepath.Join(t.TempDir(), "typo.db"), "--out", filepath.Join(t.TempDir(), "x.db"))
	if code != 1 || !strings.Contains(stderr, "There is no database file") {
		t.Fatalf("backup of a missing database: %d %q", code, stderr)
	}
}

func TestRestoreCommandChecksFirstAndKeepsTheOldFile(t *testing.T) {
	db := databaseWithGuest(t, "Rahayu")
	if code, _, stderr := run(t, "backup", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	garbage := filepath.Join(t.TempDir(), "garbage.db")
	os.WriteFile(garbage, []byte("not a database"), 0o600)
	code, _, stderr := run(t, "restore", "--from", garbage, "--db", db)
	if code != 1 || !strings.Contains(stderr, "not a Frontdesk backup") {
		t.Fatalf("restore of garbage: %d %q", code, stderr)
	}
	if code, _, _ := run(t, "restore", "--db", db); code != 2 {
		t.Fatal("restore with neither --from nor --latest")
	}
	code, stdout, stderr := run(t, "restore", "--latest", "--db", db)
	if code != 0 || !strings.Contains(stdout, "is kept as "+db+".before-restore-") {
		t.Fatalf("restore --latest: %d %q %q", code, stdout, stderr)
	}
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if has, _ := s.HasGuests(context.Background()); !has {
		t.Fatal("the restored database lost its guest")
	}
}
