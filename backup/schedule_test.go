package backup

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/property"
)

var bali = time.FixedZone("WITA", 8*3600)

// fakeClock is the scheduler's clock: Sleep moves it on instead of waiting, and ends the
// run at end. jump, when set, replaces the next sleep (a computer waking from suspend).
type fakeClock struct {
	now, end time.Time
	jump     time.Duration
}

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) Sleep(_ context.Context, d time.Duration) error {
	if c.jump > 0 {
		d, c.jump = c.jump, 0
	}
	c.now = c.now.Add(d)
	if c.now.After(c.end) {
		return context.Canceled
	}
	return nil
}

// clockedSource records when (on the fake clock) each kind of backup was taken.
type clockedSource struct {
	fakeSource
	clock *fakeClock
	log   []string
	db    string
}

func (s *clockedSource) Backup(ctx context.Context, dest string) (Info, error) {
	kind := strings.TrimSuffix(dest[strings.LastIndex(dest, "-")+1:], ".db")
	s.log = append(s.log, s.clock.now.Format("Jan 2 15:04 ")+kind)
	return s.fakeSource.Backup(ctx, dest)
}

func runScheduler(t *testing.T, start time.Time, days int, jump time.Duration) *clockedSource {
	t.Helper()
	clock := &fakeClock{now: start, end: start.AddDate(0, 0, days), jump: jump}
	src := &clockedSource{fakeSource: fakeSource{shifts: property.DefaultShiftTimes()}, clock: clock}
	src.db = filepath.Join(t.TempDir(), "fd.db")
	s := &Scheduler{Source: src, DBPath: src.db, Keep: 3, Now: clock.Now, Sleep: clock.Sleep,
		Logf: func(string, ...any) {}}
	s.Run(context.Background())
	return src
}

func TestBackupsFollowEveryShiftChangeAndTheDailyTime(t *testing.T) {
	src := runScheduler(t, time.Date(2026, 11, 23, 10, 0, 0, 0, bali), 2, 0)
	want := []string{
		"Nov 23 10:00 daily", // none yet: one at start
		"Nov 23 15:00 shift", "Nov 23 23:00 shift", "Nov 24 03:00 daily", "Nov 24 07:00 shift",
		"Nov 24 15:00 shift", "Nov 24 23:00 shift", "Nov 25 03:00 daily", "Nov 25 07:00 shift",
	}
	if !slices.Equal(src.log, want) {
		t.Fatalf("backups at\n%s\nwant\n%s", strings.Join(src.log, "\n"), strings.Join(want, "\n"))
	}
	files, err := List(src.db)
	must(t, err)
	if len(files) != 6 || files[0].Kind != KindShift || files[1].Kind != KindDaily {
		t.Fatalf("kept %+v, want the newest 3 of each kind", files)
	}
}

func TestAWakingComputerTakesOneBackupForWhatItMissed(t *testing.T) {
	// Asleep from 10:00 until 06:00 the next day: the 15:00 and 23:00 shift changes and the
	// 03:00 daily were missed; one shift and one daily backup make up for them.
	src := runScheduler(t, time.Date(2026, 11, 23, 10, 0, 0, 0, bali), 1, 20*time.Hour)
	want := []string{"Nov 23 10:00 daily", "Nov 24 06:00 shift", "Nov 24 06:00 daily", "Nov 24 07:00 shift"}
	if !slices.Equal(src.log, want) {
		t.Fatalf("backups at %v, want %v", src.log, want)
	}
}

func TestNoDailyBackupAtStartWhenTodaysExists(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fd.db")
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, bali)
	_, _, err := Take(context.Background(), &fakeSource{}, db, KindDaily, start.Add(-7*time.Hour), 3)
	must(t, err)
	clock := &fakeClock{now: start, end: start.Add(6 * time.Hour)}
	src := &clockedSource{fakeSource: fakeSource{shifts: property.DefaultShiftTimes()}, clock: clock}
	var logged []string
	s := &Scheduler{Source: src, DBPath: db, Now: clock.Now, Sleep: clock.Sleep,
		Logf: func(f string, a ...any) { logged = append(logged, fmt.Sprintf(f, a...)) }}
	s.Run(context.Background())
	if !slices.Equal(src.log, []string{"Nov 23 15:00 shift"}) || len(logged) != 1 || !strings.Contains(logged[0], "verified") {
		t.Fatalf("backups %v, log %v", src.log, logged)
	}
}

// refusingSource refuses to write over a backup that exists, as the real store does.
type refusingSource struct{ fakeSource }

func (r *refusingSource) Backup(ctx context.Context, dest string) (Info, error) {
	if _, err := os.Stat(dest); err == nil {
		return Info{}, errs.New(errs.Conflict, "exists", nil)
	}
	return r.fakeSource.Backup(ctx, dest)
}

func TestASecondFrontdeskOnTheSameFileSkipsABackupAlreadyTaken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fd.db")
	at := time.Date(2026, 11, 23, 15, 0, 0, 0, bali)
	var logged []string
	for range 2 {
		s := &Scheduler{Source: &refusingSource{}, DBPath: db, Keep: 3,
			Logf: func(f string, a ...any) { logged = append(logged, fmt.Sprintf(f, a...)) }}
		s.take(context.Background(), KindShift, at)
	}
	if files, _ := List(db); len(files) != 1 || len(logged) != 2 || !strings.Contains(logged[1], "another Frontdesk") {
		t.Fatalf("files %v, log %v", files, logged)
	}
}
