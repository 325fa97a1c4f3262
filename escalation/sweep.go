package escalation

import (
	"context"
	"log"
	"time"
)

// Step is one climb up the escalation levels, as a request's timeline records it: the
// level reached and who it reached (ToStaff and ToName are empty when the target is not
// one person, or when no one was rostered).
type Step struct {
	Level   int
	Target  Target
	ToStaff string // staff ID
	ToName  string
}

// Escalated is one climb made by a sweep.
type Escalated struct {
	RequestID string
	Step
}

// Sweeper climbs every overdue request to the level its lateness has reached, in one
// transaction, and returns the climbs made. It is safe to call from several processes at
// once: each climb is checked inside the transaction.
type Sweeper interface {
	EscalateDue(ctx context.Context) ([]Escalated, error)
}

// Every is how often a running sweep looks for overdue requests: well inside the
// tightest rule a manager can set (a whole minute), so a level is reached within half a
// minute of its time.
const Every = 30 * time.Second

// Runner sweeps on a clock until its context ends.
type Runner struct {
	Sweeper Sweeper
	Every   time.Duration // Every when zero
	// Logf reports climbs and failures; log.Printf when nil.
	Logf func(format string, args ...any)
}

// Start runs a Runner for s in the background, sweeping at once and then every Every, and
// returns a function that stops it and waits for a sweep in progress to finish. Call stop
// before closing the store s works on.
func Start(s Sweeper) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	r := &Runner{Sweeper: s}
	go func() {
		defer close(done)
		r.Run(ctx)
	}()
	return func() {
		cancel()
		<-done
	}
}

// Run sweeps at once and then every r.Every until ctx ends.
func (r *Runner) Run(ctx context.Context) {
	every, logf := r.Every, r.Logf
	if every <= 0 {
		every = Every
	}
	if logf == nil {
		logf = log.Printf
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		r.sweep(ctx, logf)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (r *Runner) sweep(ctx context.Context, logf func(string, ...any)) {
	done, err := r.Sweeper.EscalateDue(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		logf("escalation: %v", err)
	case len(done) > 0:
		logf("escalation: %d requests climbed", len(done))
	}
}
