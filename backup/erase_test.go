package backup

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeEraser treats a backup file as its text: it holds the guest when the text names
// them, and erasing rewrites the text without the name.
type fakeEraser struct {
	fail   string // the backup whose erasure fails
	erased []string
}

func (f *fakeEraser) BackupHolds(_ context.Context, path, guestID string) (bool, error) {
	b, err := os.ReadFile(path)
	return strings.Contains(string(b), guestID), err
}

func (f *fakeEraser) EraseGuestFromBackup(_ context.Context, path, guestID string) error {
	if filepath.Base(path) == f.fail {
		return errors.New("disk full")
	}
	f.erased = append(f.erased, filepath.Base(path))
	b, _ := os.ReadFile(path)
	return os.WriteFile(path, []byte(strings.ReplaceAll(string(b), guestID, "")), 0o600)
}

// backupsHolding writes a backup folder of three backups, two of them holding guest g-1.
func backupsHolding(t *testing.T) (db string, names []string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "frontdesk.db")
	must(t, os.MkdirAll(DirFor(db), 0o700))
	at := time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC)
	for i, text := range []string{"guests: g-1 g-2", "guests: g-2", "guests: g-1"} {
		name := Name(db, KindDaily, at.AddDate(0, 0, -i))
		must(t, os.WriteFile(filepath.Join(DirFor(db), name), []byte(text), 0o600))
		names = append(names, name)
	}
	return db, names
}

func TestAGuestIsErasedFromEveryBackupThatHoldsThem(t *testing.T) {
	db, names := backupsHolding(t)
	e := &fakeEraser{}
	held, err := Holding(context.Background(), e, db, "g-1")
	must(t, err)
	if len(held) != 2 || filepath.Base(held[0].Path) != names[0] || filepath.Base(held[1].Path) != names[2] {
		t.Fatalf("holding: %+v", held)
	}
	var progress []int
	erased, checked, err := EraseGuest(context.Background(), e, db, "g-1", func(done, total int) {
		if total != 3 {
			t.Errorf("total %d", total)
		}
		progress = append(progress, done)
	})
	must(t, err)
	if erased != 2 || checked != 3 || len(progress) != 3 || progress[2] != 3 {
		t.Fatalf("erased %d of %d, progress %v", erased, checked, progress)
	}
	if held, _ := Holding(context.Background(), e, db, "g-1"); len(held) != 0 {
		t.Errorf("still holding: %+v", held)
	}
	if len(e.erased) != 2 {
		t.Errorf("rewrote %v; a backup without the guest is left alone", e.erased)
	}
}

func TestABackupThatFailsIsNamedAndTheOthersAreStillErased(t *testing.T) {
	db, names := backupsHolding(t)
	e := &fakeEraser{fail: names[0]}
	erased, checked, err := EraseGuest(context.Background(), e, db, "g-1", nil)
	if err == nil || !strings.Contains(err.Error(), names[0]) || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("error %v", err)
	}
	if erased != 1 || checked != 3 || len(e.erased) != 1 || e.erased[0] != names[2] {
		t.Errorf("erased %d of %d: %v", erased, checked, e.erased)
	}
}

func TestNoBackupFolderHoldsNoGuest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "frontdesk.db")
	held, err := Holding(context.Background(), &fakeEraser{}, db, "g-1")
	must(t, err)
	erased, checked, err := EraseGuest(context.Background(), &fakeEraser{}, db, "g-1", nil)
	if len(held) != 0 || erased != 0 || checked != 0 || err != nil {
		t.Fatalf("held %v, erased %d of %d, %v", held, erased, checked, err)
	}
}
