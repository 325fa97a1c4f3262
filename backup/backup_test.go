package backup

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/property"
)

// fakeSource writes a small file for each backup and counts them.
type fakeSource struct {
	taken  []string
	shifts property.ShiftTimes
	fail   bool
}

func (f *fakeSource) Backup(_ context.Context, dest string) (Info, error) {
	if f.fail {
		return Info{}, errors.New("disk full")
	}
	f.taken = append(f.taken, filepath.Base(dest))
	return Info{Guests: 1}, os.WriteFile(dest, []byte("backup"), 0o600)
}

func (f *fakeSource) ShiftTimes(context.Context) (property.ShiftTimes, error) { return f.shifts, nil }

func TestNamesSortByTimeAndListSkipsOtherFiles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "frontdesk.db")
	dir := DirFor(db)
	must(t, os.MkdirAll(dir, 0o700))
	at := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	for _, n := range []string{
		Name(db, KindShift, at), Name(db, KindDaily, at.Add(-12*time.Hour)), Name(db, KindShift, at.Add(8*time.Hour)),
		"frontdesk-old-20261123T150000Z-shift.db", // another database's backup
		"frontdesk-20261123T150000Z-weekly.db", "notes.txt", ".frontdesk-20261123T160000Z-shift.db.partial-1",
	} {
		must(t, os.WriteFile(filepath.Join(dir, n), nil, 0o600))
	}
	if got := Name(db, KindShift, at); got != "frontdesk-20261123T150000Z-shift.db" {
		t.Fatalf("name %q", got)
	}
	files, err := List(db)
	must(t, err)
	if len(files) != 3 || !files[0].Taken.Equal(at.Add(8*time.Hour)) || files[2].Kind != KindDaily {
		t.Fatalf("listed %+v", files)
	}
	if none, err := List(filepath.Join(t.TempDir(), "x.db")); err != nil || none != nil {
		t.Fatalf("a missing backup folder: %v %v", none, err)
	}
}

func TestTakeKeepsTheNewestOfEachKindInAnOwnerOnlyFolder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fd.db")
	src := &fakeSource{}
	at := time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC)
	_, _, err := Take(context.Background(), src, db, KindDaily, at.Add(-time.Hour), 2)
	must(t, err)
	for i := range 5 {
		f, info, err := Take(context.Background(), src, db, KindShift, at.Add(time.Duration(i)*8*time.Hour), 2)
		must(t, err)
		if info.Guests != 1 || !strings.HasSuffix(f.Path, "-shift.db") {
			t.Fatalf("took %+v %+v", f, info)
		}
	}
	files, err := List(db)
	must(t, err)
	var kinds []Kind
	for _, f := range files {
		kinds = append(kinds, f.Kind)
	}
	if len(files) != 3 || !files[0].Taken.Equal(at.Add(32*time.Hour)) || kinds[2] != KindDaily {
		t.Fatalf("kept %v %+v", kinds, files)
	}
	st, err := os.Stat(DirFor(db))
	must(t, err)
	if st.Mode().Perm() != 0o700 {
		t.Errorf("backup folder mode %v", st.Mode().Perm())
	}
	src.fail = true
	if _, _, err := Take(context.Background(), src, db, KindShift, at.Add(100*time.Hour), 2); err == nil {
		t.Fatal("a failed backup reported success")
	}
	if files, _ := List(db); len(files) != 3 {
		t.Fatal("a failed backup removed older ones")
	}
}

// fakeRestorer accepts only the paths listed as good.
type fakeRestorer struct{ good map[string]bool }

func (f fakeRestorer) VerifyBackup(_ context.Context, path string) (Info, error) {
	if f.good[filepath.Base(path)] {
		return Info{Guests: 7}, nil
	}
	return Info{}, errors.New("damaged")
}

func (f fakeRestorer) Restore(context.Context, string, string) (string, error) { return "", nil }

func TestLatestGoodSkipsBackupsThatFailTheirCheck(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fd.db")
	src := &fakeSource{}
	at := time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC)
	for i := range 3 {
		_, _, err := Take(context.Background(), src, db, KindShift, at.Add(time.Duration(i)*time.Hour), 5)
		must(t, err)
	}
	f, info, err := LatestGood(context.Background(), fakeRestorer{good: map[string]bool{src.taken[1]: true}}, db)
	if err != nil || filepath.Base(f.Path) != src.taken[1] || info.Guests != 7 {
		t.Fatalf("latest good: %+v %+v %v", f, info, err)
	}
	if _, _, err := LatestGood(context.Background(), fakeRestorer{}, db); err == nil || !strings.Contains(err.Error(), "no usable backup") {
		t.Fatalf("no good backup: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A backup being written when its Frontdesk was stopped leaves a hidden file as big as
// the database; the next backup removes it once it has been untouched for StaleAfter, and
// leaves alone one another desk is still writing and other databases' files.
func TestTakeRemovesBackupsLeftHalfWritten(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fd.db")
	dir := DirFor(db)
	must(t, os.MkdirAll(dir, 0o700))
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)
	files := map[string]time.Time{
		".fd-20261123T070000Z-shift.db.partial-111":         now.Add(-3 * time.Hour),
		".fd-20261123T070000Z-shift.db.partial-111-journal": now.Add(-3 * time.Hour),
		".fd-20261123T145500Z-daily.db.partial-222":         now.Add(-time.Minute),
		".fd-old-20261123T070000Z-shift.db.partial-333":     now.Add(-3 * time.Hour),
	}
	for name, mod := range files {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, []byte("half"), 0o600))
		must(t, os.Chtimes(p, mod, mod))
	}
	_, _, err := Take(context.Background(), &fakeSource{}, db, KindShift, now, 2)
	must(t, err)
	for name := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		gone := errors.Is(err, os.ErrNotExist)
		if want := strings.Contains(name, "-111"); gone != want {
			t.Errorf("%s: removed %v, want %v", name, gone, want)
		}
	}
}
