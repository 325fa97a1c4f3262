package app

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"frontdesk/backup"
	"frontdesk/guests"
	"frontdesk/sqlite"
)

// recovery is the recovery screen on a database that was damaged after (maybe) one
// shift backup, with the background results applied by settle.
type recovery struct {
	t        *testing.T
	screen   *recoveryScreen
	queue    chan func()
	reopened bool
}

func newRecovery(t *testing.T, damage func(path string), withBackup bool) *recovery {
	t.Helper()
	test.NewTempApp(t)
	SetLanguage("en")
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fd.db")
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Rahayu", "Sato"} {
		if err := s.CreateGuest(ctx, &guests.Guest{FamilyName: name}); err != nil {
			t.Fatal(err)
		}
	}
	if withBackup {
		if _, _, err := backup.Take(ctx, s, path, backup.KindShift, time.Now().Add(-time.Hour), 3); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	damage(path)
	_, openErr := sqlite.Open(ctx, path, sqlite.Options{})
	if openErr == nil {
		t.Fatal("the damaged file opened")
	}
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(1280, 800))
	rc := &recovery{t: t, queue: make(chan func(), 16)}
	u := newUI(win, Services{})
	u.do = func(f func()) { rc.queue <- f }
	rc.screen = u.showRecovery(Recovery{Path: path, Err: openErr, Damaged: sqlite.IsDamaged(openErr), Files: sqlite.BackupFiles{},
		Reopen: func() error { rc.reopened = true; return nil }})
	rc.settle()
	return rc
}

func (rc *recovery) settle() {
	rc.t.Helper()
	for rc.screen.u.inflight > 0 {
		select {
		case f := <-rc.queue:
			f()
		case <-time.After(10 * time.Second):
			rc.t.Fatal("the UI did not settle")
		}
	}
}

func halve(path string) {
	st, _ := os.Stat(path)
	os.Truncate(path, st.Size()/2)
}

func TestDamagedDatabaseOffersTheLatestGoodBackupAndReopensAfterRestoring(t *testing.T) {
	rc := newRecovery(t, halve, true)
	s := rc.screen
	content := s.u.win.Content()
	if findLabelDeep(content, "is damaged, so Frontdesk did not open it") == nil || findLabelDeep(content, "Database file: "+s.r.Path) == nil {
		t.Fatal("the screen does not say the file is damaged and which one")
	}
	if !strings.Contains(s.status.Text, "(guests: 2, requests: 0)") || !s.restore.Visible() {
		t.Fatalf("backup offered: %q visible=%v", s.status.Text, s.restore.Visible())
	}
	s.doRestore()
	rc.settle()
	if !rc.reopened || !strings.Contains(s.status.Text, "kept as "+s.r.Path+".before-restore-") {
		t.Fatalf("after restore: reopened=%v %q", rc.reopened, s.status.Text)
	}
	store, err := sqlite.Open(context.Background(), s.r.Path, sqlite.Options{})
	if err != nil {
		t.Fatalf("the restored database does not open: %v", err)
	}
	store.Close()
}

func TestDamagedDatabaseWithoutBackupsSaysWhatITCanDo(t *testing.T) {
	rc := newRecovery(t, func(path string) { os.WriteFile(path, []byte("overwritten"), 0o600) }, false)
	if s := rc.screen; !strings.Contains(s.status.Text, "no usable backup") || s.restore.Visible() {
		t.Fatalf("without backups: %q visible=%v", s.status.Text, s.restore.Visible())
	}
}

func TestFaultsABackupCannotFixOfferNoRestore(t *testing.T) {
	newer := func(path string) {
		db, _ := sql.Open("sqlite3", path)
		db.Exec("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'x')")
		db.Close()
	}
	rc := newRecovery(t, newer, true)
	s := rc.screen
	if findLabelDeep(s.u.win.Content(), "newer version of Frontdesk") == nil || s.restore.Visible() || s.status.Text != "" {
		t.Fatalf("a newer database: status %q, restore visible=%v", s.status.Text, s.restore.Visible())
	}
}
