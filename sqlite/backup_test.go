package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"frontdesk/errs"
)

func TestWriterCommitsDurablyInWALWithFullSync(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	conn, err := s.writer.Conn(ctx)
	must(t, err)
	defer conn.Close()
	var mode string
	var sync, fk, busy int
	must(t, conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
	must(t, conn.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync))
	must(t, conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk))
	must(t, conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy))
	// synchronous 2 is FULL: the WAL is synced at every commit, not only at checkpoints.
	if mode != "wal" || sync != 2 || fk != 1 || busy != int(defaultBusyTimeout.Milliseconds()) {
		t.Fatalf("writer: journal_mode=%s synchronous=%d foreign_keys=%d busy_timeout=%d", mode, sync, fk, busy)
	}
	var readOnly int
	must(t, s.reader.QueryRowContext(ctx, "PRAGMA query_only").Scan(&readOnly))
	if readOnly != 1 {
		t.Fatal("the read pool can write")
	}
}

func TestBackupIsAVerifiedOwnerOnlySnapshotTakenWhileTheDeskWrites(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	for i := range 20 {
		d.log(t, d.dewi, d.siti, "1204", "towels", fmt.Sprintf("Towels %d", i))
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { // the desk keeps logging requests during the backup
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
				d.log(t, d.dewi, d.siti, "1204", "towels", fmt.Sprintf("During backup %d", i))
			}
		}
	})
	dir := t.TempDir()
	dest := filepath.Join(dir, "fd-backup.db")
	info, err := d.s.Backup(ctx, dest)
	close(stop)
	wg.Wait()
	must(t, err)
	if info.Guests != 2 || info.Requests < 20 || info.Schema != knownVersion() {
		t.Fatalf("backup info %+v", info)
	}
	st, err := os.Stat(dest)
	must(t, err)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("backup file mode %v, want owner-only 0600", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the backup left other files beside it: %v", entries)
	}
	if _, err := VerifyBackup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := d.s.Backup(ctx, dest); errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("a backup over an existing file: %v", err)
	}
}

func TestBackupFileNeitherCreatesNorChangesTheDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo.db")
	if _, err := BackupFile(ctx, missing, filepath.Join(dir, "b.db")); errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("backup of a missing file: %v", err)
	}
	if exists(missing) {
		t.Fatal("backing up a missing database created it")
	}
	path := filepath.Join(dir, "fd.db")
	s := openAt(t, path)
	s.Close()
	before := fileSum(t, path)
	info, err := BackupFile(ctx, path, filepath.Join(dir, "b.db"))
	if err != nil || info.Schema != knownVersion() {
		t.Fatalf("backup file: %+v %v", info, err)
	}
	if fileSum(t, path) != before {
		t.Fatal("backing up the file changed it")
	}
}

func TestVerifyBackupRefusesWhatCannotBeRestored(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	s := openAt(t, filepath.Join(dir, "fd.db"))
	_, err := s.Backup(ctx, good)
	must(t, err)

	garbage := filepath.Join(dir, "garbage.db")
	must(t, os.WriteFile(garbage, []byte("name,room\nSiti,1204\n"), 0o600))
	foreign := filepath.Join(dir, "foreign.db")
	db, _ := sql.Open("sqlite3", foreign)
	db.Exec("CREATE TABLE invoices(id INTEGER)")
	db.Close()
	newer := copyOf(t, good, "newer.db")
	db, _ = sql.Open("sqlite3", newer)
	db.Exec("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'x')")
	db.Close()
	broken := copyOf(t, good, "broken.db")
	scribble(t, broken)

	for _, c := range []struct{ path, want string }{
		{garbage, "not a Frontdesk backup"},
		{foreign, "not a Frontdesk backup"},
		{newer, "newer version of Frontdesk"},
		{broken, "damaged"},
		{filepath.Join(dir, "none.db"), "cannot read the backup"},
	} {
		if _, err := VerifyBackup(ctx, c.path); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", filepath.Base(c.path), err, c.want)
		}
	}
}

func TestRestoreKeepsTheReplacedFileAndOpensTheBackup(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t)
	d.log(t, d.dewi, d.siti, "1204", "towels", "Before the backup")
	saved := filepath.Join(t.TempDir(), "saved.db")
	_, err := d.s.Backup(ctx, saved)
	must(t, err)
	d.log(t, d.dewi, d.siti, "1204", "towels", "After the backup")
	path := d.s.Path()
	d.s.Close()

	at := time.Date(2026, 11, 23, 16, 0, 0, 0, time.UTC)
	kept, err := Restore(ctx, saved, path, at)
	must(t, err)
	if kept != path+".before-restore-20261123T160000Z" {
		t.Fatalf("kept as %q", kept)
	}
	old := openAt(t, kept)
	if n := count(t, old, "requests"); n != 2 {
		t.Fatalf("the kept file has %d requests, want both", n)
	}
	restored := openAt(t, path)
	if n := count(t, restored, "requests"); n != 1 {
		t.Fatalf("the restored file has %d requests, want the one in the backup", n)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("restored file mode %v", st.Mode().Perm())
	}
	restored.Close()
	again, err := Restore(ctx, saved, path, at)
	if err != nil || again != kept+"-2" {
		t.Fatalf("a second restore in the same second: kept %q, %v", again, err)
	}
}

func TestRestoreOfABadBackupChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "fd.db")
	s := openAt(t, path)
	s.Close()
	before := fileSum(t, path)
	bad := filepath.Join(dir, "bad.db")
	must(t, os.WriteFile(bad, []byte("not a backup at all, just text"), 0o600))
	if _, err := Restore(ctx, bad, path, testNow); err == nil {
		t.Fatal("restored garbage")
	}
	if _, err := Restore(ctx, path, path, testNow); err == nil || !strings.Contains(err.Error(), "same file") {
		t.Fatalf("restore of a file onto itself: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if fileSum(t, path) != before || len(entries) != 2 {
		t.Fatalf("a refused restore changed the folder: %v", entries)
	}
}

func TestRestoreRefusesWhileAnotherProgramHasTheDatabaseOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "fd.db")
	s := openAt(t, path)
	saved := filepath.Join(dir, "saved.db")
	_, err := s.Backup(ctx, saved)
	must(t, err)
	s.Close()

	release := holdOpen(t, path)
	_, err = Restore(ctx, saved, path, testNow)
	if errs.CodeOf(err) != errs.Unavailable || !strings.Contains(err.Error(), "still has") {
		t.Fatalf("restore under an open Frontdesk: %v", err)
	}
	if exists(path+".before-restore-20261123T093000Z") || !exists(path) {
		t.Fatal("the refused restore moved the database")
	}
	release()
	if _, err := Restore(ctx, saved, path, testNow); err != nil {
		t.Fatalf("restore once it was closed: %v", err)
	}
}

// holdOpen opens path with a Store in another process (file locks belong to a process)
// and returns a function that makes it close and exit.
func holdOpen(t *testing.T, path string) (release func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldsTheDatabaseOpen$")
	cmd.Env = append(os.Environ(), "FRONTDESK_HOLD_OPEN="+path)
	stdin, err := cmd.StdinPipe()
	must(t, err)
	stdout, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "open\n" {
		cmd.Process.Kill()
		t.Fatalf("helper: %q %v", line, err)
	}
	return func() {
		stdin.Close()
		cmd.Wait()
	}
}

// TestHelperHoldsTheDatabaseOpen is not a test: it is the other process of holdOpen.
func TestHelperHoldsTheDatabaseOpen(t *testing.T) {
	path := os.Getenv("FRONTDESK_HOLD_OPEN")
	if path == "" {
		t.Skip("runs only as holdOpen's helper process")
	}
	s, err := Open(context.Background(), path, Options{})
	must(t, err)
	defer s.Close()
	if _, err := s.HasGuests(context.Background()); err != nil {
		t.Fatal(err)
	}
	fmt.Println("open")
	bufio.NewReader(os.Stdin).ReadString('\n') // until the test closes stdin
}

// copyOf copies the file at path to name beside it.
func copyOf(t *testing.T, path, name string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	dest := filepath.Join(filepath.Dir(path), name)
	must(t, os.WriteFile(dest, b, 0o600))
	return dest
}

// scribble overwrites the middle of a database file with garbage, keeping its header.
func scribble(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	for i := 4096 + 100; i < len(b)-4096; i += 97 {
		b[i] = byte(i * 31)
	}
	must(t, os.WriteFile(path, b, 0o600))
}
