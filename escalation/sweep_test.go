package escalation

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// countingSweeper stands in for the store: it counts sweeps and can fail.
type countingSweeper struct {
	mu    sync.Mutex
	calls int
	err   error
	swept chan struct{}
}

func (s *countingSweeper) EscalateDue(ctx context.Context) ([]Escalated, error) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	select {
	case s.swept <- struct{}{}:
	default:
	}
	return []Escalated{{RequestID: "r1", Step: Step{Level: 1, Target: TargetOwner}}}, s.err
}

func (s *countingSweeper) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

func TestRunnerSweepsAtOnceThenOnItsClockUntilStopped(t *testing.T) {
	sw := &countingSweeper{swept: make(chan struct{}, 1)}
	var mu sync.Mutex
	var logged []string
	r := &Runner{Sweeper: sw, Every: time.Millisecond, Logf: func(f string, a ...any) {
		mu.Lock()
		logged = append(logged, fmt.Sprintf(f, a...))
		mu.Unlock()
	}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	for range 3 {
		<-sw.swept
	}
	cancel()
	<-done
	n := sw.count()
	if n < 3 {
		t.Fatalf("%d sweeps", n)
	}
	time.Sleep(5 * time.Millisecond)
	if sw.count() != n {
		t.Fatal("the runner swept after it was stopped")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(logged) < 3 || logged[0] != "escalation: 1 requests climbed" {
		t.Fatalf("logged %q", logged)
	}
}

func TestStopWaitsForTheSweepAndEndsTheRunner(t *testing.T) {
	sw := &countingSweeper{swept: make(chan struct{}, 1), err: errors.New("database is closed")}
	stop := Start(sw)
	<-sw.swept // the first sweep runs at once, not after Every
	stop()
	n := sw.count()
	time.Sleep(10 * time.Millisecond)
	if n != 1 || sw.count() != n {
		t.Fatalf("%d sweeps before stop, %d after", n, sw.count())
	}
}
