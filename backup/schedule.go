package backup

import (
	"context"
	"log"
	"time"

	"frontdesk/errs"
	"frontdesk/property"
)

// maxNap is the longest the scheduler sleeps without looking at the clock again, so a
// change of shift times or a wall clock that jumped (a laptop waking up) is noticed.
const maxNap = 5 * time.Minute

// Scheduler takes a backup at every shift change and one a day, and keeps Keep of each.
// Shift times are read from the database each time, so a manager's change applies at
// the next one.
type Scheduler struct {
	Source  Source
	DBPath  string        // the database file; backups go in DirFor(DBPath)
	Keep    int           // backups of each kind to keep; DefaultKeep when zero
	DailyAt time.Duration // the daily backup's time after local midnight; 03:00 when zero
	// StartDelay holds the first backup back after start, so the desk's first screens load
	// before a copy of the whole file competes with them for the disk (Start: a minute).
	StartDelay time.Duration

	// The clock, injectable for tests: Now is the property's local time; Sleep waits d
	// or until ctx ends, returning ctx's error then.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
	// Logf reports backups taken and failed; log.Printf when nil.
	Logf func(format string, args ...any)
}

// Start runs a Scheduler with the real clock in the background and returns a function
// that stops it and waits for a backup in progress to finish.
func Start(src Source, dbPath string, keep int) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	s := &Scheduler{Source: src, DBPath: dbPath, Keep: keep, StartDelay: time.Minute}
	go func() {
		defer close(done)
		s.Run(ctx)
	}()
	return func() {
		cancel()
		<-done
	}
}

// Run takes backups when they are due until ctx ends. On start it takes a daily backup
// at once if the newest is more than a day old (the computer may have been off at the
// daily time). When several changes were missed while asleep, one backup covers them.
func (s *Scheduler) Run(ctx context.Context) {
	s.defaults()
	if s.StartDelay > 0 {
		if err := s.Sleep(ctx, s.StartDelay); err != nil {
			return
		}
	}
	last := s.Now()
	if s.dailyMissing(last) {
		s.take(ctx, KindDaily, last)
	}
	for {
		now := s.Now()
		shifts := s.shiftTimes(ctx)
		for _, k := range s.due(last, now, shifts) {
			s.take(ctx, k, now)
		}
		last = now
		wait := min(s.next(now, shifts).Sub(now), maxNap)
		if err := s.Sleep(ctx, wait); err != nil {
			return
		}
	}
}

func (s *Scheduler) defaults() {
	if s.Keep <= 0 {
		s.Keep = DefaultKeep
	}
	if s.DailyAt <= 0 {
		s.DailyAt = 3 * time.Hour
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.Sleep == nil {
		s.Sleep = sleep
	}
	if s.Logf == nil {
		s.Logf = log.Printf
	}
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// shiftTimes reads the shift times, falling back to the defaults (and saying so) when
// the database cannot be read: backups must not stop because of it.
func (s *Scheduler) shiftTimes(ctx context.Context) property.ShiftTimes {
	st, err := s.Source.ShiftTimes(ctx)
	if err != nil {
		s.Logf("backup: reading shift times: %v; using the defaults", err)
		return property.DefaultShiftTimes()
	}
	return st
}

// due returns the kinds of backup whose time came after last and by now.
func (s *Scheduler) due(last, now time.Time, st property.ShiftTimes) []Kind {
	var kinds []Kind
	if _, _, change := st.Next(last); !change.After(now) {
		kinds = append(kinds, KindShift)
	}
	if !s.nextDaily(last).After(now) {
		kinds = append(kinds, KindDaily)
	}
	return kinds
}

// next is when the next backup after now is due.
func (s *Scheduler) next(now time.Time, st property.ShiftTimes) time.Time {
	_, _, change := st.Next(now)
	if daily := s.nextDaily(now); daily.Before(change) {
		return daily
	}
	return change
}

// nextDaily is the first daily time strictly after t, in t's location.
func (s *Scheduler) nextDaily(t time.Time) time.Time {
	y, m, d := t.Date()
	at := time.Date(y, m, d, 0, 0, 0, 0, t.Location()).Add(s.DailyAt)
	if !at.After(t) {
		at = time.Date(y, m, d+1, 0, 0, 0, 0, t.Location()).Add(s.DailyAt)
	}
	return at
}

// dailyMissing reports whether the newest daily backup is more than a day older than now.
func (s *Scheduler) dailyMissing(now time.Time) bool {
	files, err := List(s.DBPath)
	if err != nil {
		s.Logf("backup: %v", err)
		return true
	}
	for _, f := range files {
		if f.Kind == KindDaily {
			return now.Sub(f.Taken) > 24*time.Hour
		}
	}
	return true
}

func (s *Scheduler) take(ctx context.Context, kind Kind, now time.Time) {
	f, info, err := Take(ctx, s.Source, s.DBPath, kind, now, s.Keep)
	switch {
	case errs.CodeOf(err) == errs.Conflict:
		s.Logf("backup (%s): another Frontdesk on this database took it", kind)
	case f.Path == "":
		s.Logf("backup (%s) failed: %v", kind, err)
	case err != nil:
		s.Logf("backup (%s): %s verified, but older backups were not removed: %v", kind, f.Path, err)
	default:
		s.Logf("backup (%s): %s verified, %d guests, %d requests", kind, f.Path, info.Guests, info.Requests)
	}
}
