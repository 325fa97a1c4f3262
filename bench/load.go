package bench

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"frontdesk/anticipation"
	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/remote"
	"frontdesk/requests"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// LoadOptions tune a load test.
type LoadOptions struct {
	Desks    int           // desks working at once; 10 when zero
	Duration time.Duration // how long; 1 minute when zero
	Think    time.Duration // a person's pause between two things they do; 2 s when zero
	Progress func(done time.Duration)
}

// LoadReport is what a load test measured.
type LoadReport struct {
	Desks    int           `json:"desks"`
	Duration time.Duration `json:"duration_ns"`
	Ops      []LoadRow     `json:"operations"`
	// DeskToDesk is the time from a request's commit at one desk to its change applied
	// at each other desk (the feed): one sample per request and other desk.
	DeskToDesk LoadRow `json:"desk_to_desk"`
	// Lost is how often a desk's action was overtaken by another desk's (acknowledging a
	// request someone acknowledged first): told, not an error.
	Lost int `json:"lost_races"`
}

// LoadRow is one operation's figures under load, in milliseconds.
type LoadRow struct {
	Operation string  `json:"operation"`
	N         int     `json:"n"`
	Errors    int     `json:"errors"`
	P50       float64 `json:"p50_ms"`
	P95       float64 `json:"p95_ms"`
	Max       float64 `json:"max_ms"`
	FirstErr  string  `json:"first_error,omitempty"`
}

// The operations a desk makes, in the report's order.
const (
	opSearch   = "search (each keystroke)"
	opProfile  = "open profile"
	opCreate   = "create request"
	opQueue    = "queue page + counts"
	opAck      = "acknowledge a request"
	opToday    = "Today board"
	opHandover = "handover report"
)

var loadOps = []string{opSearch, opProfile, opCreate, opQueue, opAck, opToday, opHandover}

// loadRecorder keeps every timing and error of a run.
type loadRecorder struct {
	mu     sync.Mutex
	times  map[string][]float64
	errs   map[string]int
	first  map[string]string
	d2d    []float64
	lost   int
	logged sync.Map // request ID → loggedAt, for the desk-to-desk latency
}

func newRecorder() *loadRecorder {
	return &loadRecorder{times: map[string][]float64{}, errs: map[string]int{}, first: map[string]string{}}
}

// time runs fn as operation op and records how long it took or that it failed.
func (r *loadRecorder) time(op string, fn func() error) error {
	start := time.Now()
	err := fn()
	ms := float64(time.Since(start).Microseconds()) / 1000
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case err == nil:
		r.times[op] = append(r.times[op], ms)
	case errors.Is(err, context.Canceled):
		// cut short by the end of the run
	case errs.CodeOf(err) == errs.Conflict:
		r.lost++
	default:
		r.errs[op]++
		if r.first[op] == "" {
			r.first[op] = err.Error()
		}
	}
	return err
}

type loggedAt struct {
	desk int
	at   time.Time
}

// seen records a change arriving at desk: a request another desk logged.
func (r *loadRecorder) seen(desk int, cs []audit.Change) {
	now := time.Now()
	for _, c := range cs {
		if c.Entity != "request" || c.Action != string(requests.ActCreate) {
			continue
		}
		v, ok := r.logged.Load(c.EntityID)
		if !ok || v.(loggedAt).desk == desk {
			continue
		}
		r.mu.Lock()
		r.d2d = append(r.d2d, float64(now.Sub(v.(loggedAt).at).Microseconds())/1000)
		r.mu.Unlock()
	}
}

// Load serves the file at path from a Frontdesk server in this process (TLS on
// loopback) and has opts.Desks desks work on it at a person's pace for opts.Duration,
// each signed in as a front-desk agent of its own and following the change feed: search
// as they type, open a profile, log a request, work the queue, look at Today and the
// handover. It writes requests and acknowledgements into the file.
func Load(ctx context.Context, path string, opts LoadOptions) (LoadReport, error) {
	if opts.Desks <= 0 {
		opts.Desks = 10
	}
	if opts.Duration <= 0 {
		opts.Duration = time.Minute
	}
	if opts.Think <= 0 {
		opts.Think = 2 * time.Second
	}
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		return LoadReport{}, err
	}
	defer s.Close()
	in, err := gatherInputs(ctx, s, Options{Samples: 500})
	if err != nil {
		return LoadReport{}, err
	}
	if len(in.inHouse) == 0 {
		return LoadReport{}, errors.New("the database has no guests in house: fill it with frontdesk seed")
	}
	url, stop, err := startServer(ctx, s, time.Now)
	if err != nil {
		return LoadReport{}, err
	}
	defer stop()
	desks := make([]*remote.Client, opts.Desks)
	for i := range desks {
		if desks[i], err = pairDesk(ctx, s, url, fmt.Sprintf("Load test desk %d", i+1)); err != nil {
			return LoadReport{}, err
		}
		if _, err = signInStaff(ctx, s, desks[i], fmt.Sprintf("Load test agent %02d", i+1), staff.RoleAgent); err != nil {
			return LoadReport{}, err
		}
	}
	rec := newRecorder()
	runCtx, cancel := context.WithCancel(ctx) // cancelled, not timed out: calls cut short are not errors
	defer cancel()
	time.AfterFunc(opts.Duration, cancel)
	var wg sync.WaitGroup
	for i, c := range desks {
		wg.Add(2)
		go func() { defer wg.Done(); c.Follow(runCtx, 0, func(cs []audit.Change, _ bool) { rec.seen(i, cs) }) }()
		go func() { defer wg.Done(); work(runCtx, i, c, in, opts.Think, rec) }()
	}
	progress(runCtx, opts)
	wg.Wait()
	return rec.report(opts), nil
}

// progress tells opts.Progress how far the run is, every second, until it ends.
func progress(ctx context.Context, opts LoadOptions) {
	began := time.Now()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if opts.Progress != nil {
				opts.Progress(time.Since(began))
			}
		}
	}
}

// work is one desk: a person serving guests until ctx ends.
func work(ctx context.Context, desk int, c *remote.Client, in *inputs, think time.Duration, rec *loadRecorder) {
	rnd := rand.New(rand.NewPCG(uint64(desk)+1, 7))
	pause := func() bool { return sleepCtx(ctx, time.Duration(float64(think)*(0.5+rnd.Float64()))) }
	// Each desk starts at a different moment, as shifts do.
	if !sleepCtx(ctx, time.Duration(rnd.Int64N(int64(think)))) {
		return
	}
	for turn := 0; ctx.Err() == nil; turn++ {
		g := in.sample[rnd.IntN(len(in.sample))]
		name := firstNonEmpty(g.FamilyName, g.GivenName, true)
		for n := 2; n <= min(4, len([]rune(name))); n++ { // typing the name
			rec.time(opSearch, func() error {
				_, err := c.SearchGuests(ctx, guests.Query{Text: prefix(name, n)})
				return err
			})
		}
		rec.time(opProfile, func() error { _, err := c.FindGuestByID(ctx, g.ID); return err })
		if !pause() {
			return
		}
		if turn%2 == 0 {
			logRequest(ctx, desk, c, in, rnd, rec)
		}
		workQueue(ctx, c, in, rec)
		if turn%10 == 0 {
			rec.time(opToday, func() error { _, err := c.Today(ctx, anticipation.BoardQuery{Now: time.Now()}); return err })
		}
		if turn%20 == 5 {
			rec.time(opHandover, func() error { _, err := c.Report(ctx, time.Time{}, ""); return err })
		}
		if !pause() {
			return
		}
	}
}

// logRequest logs a request for a guest in house and notes when it was committed.
func logRequest(ctx context.Context, desk int, c *remote.Client, in *inputs, rnd *rand.Rand, rec *loadRecorder) {
	k := rnd.IntN(len(in.inHouse))
	r := &requests.Request{GuestID: in.inHouse[k], Room: in.rooms[k], Category: "towels", Description: "Load test: two more towels"}
	err := rec.time(opCreate, func() error { return c.CreateRequest(ctx, r, time.Time{}) })
	if err == nil {
		rec.logged.Store(r.ID, loggedAt{desk: desk, at: time.Now()})
	}
}

// workQueue reads the department's queue and acknowledges its first new request, as a
// desk working the queue does; another desk may have taken it first.
func workQueue(ctx context.Context, c *remote.Client, in *inputs, rec *loadRecorder) {
	f := requests.Filter{Department: in.dept, View: requests.ViewOpen, Limit: 50}
	var page []requests.Summary
	err := rec.time(opQueue, func() error {
		var err error
		if page, err = c.ListRequests(ctx, f); err != nil {
			return err
		}
		_, err = c.CountRequests(ctx, f)
		return err
	})
	if err != nil {
		return
	}
	for _, row := range page {
		if row.Status == requests.StatusNew {
			rec.time(opAck, func() error {
				_, err := c.Act(ctx, row.ID, requests.Action{Kind: requests.ActAcknowledge})
				return err
			})
			return
		}
	}
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(d):
		return true
	}
}

// report is the run's figures. Calls cut short by the end of the run are not errors.
func (r *loadRecorder) report(opts LoadOptions) LoadReport {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := LoadReport{Desks: opts.Desks, Duration: opts.Duration, Lost: r.lost}
	for _, op := range loadOps {
		row := LoadRow{Operation: op, N: len(r.times[op]), Errors: r.errs[op], FirstErr: r.first[op]}
		if xs := r.times[op]; len(xs) > 0 {
			row.P50, row.P95, row.Max = quantile(xs, 0.5), quantile(xs, 0.95), slices.Max(xs)
		}
		rep.Ops = append(rep.Ops, row)
	}
	rep.DeskToDesk = LoadRow{Operation: "desk to desk (commit → change at each other desk)", N: len(r.d2d)}
	if len(r.d2d) > 0 {
		rep.DeskToDesk.P50, rep.DeskToDesk.P95, rep.DeskToDesk.Max = quantile(r.d2d, 0.5), quantile(r.d2d, 0.95), slices.Max(r.d2d)
	}
	return rep
}

// WriteLoadTable prints a load report as a table.
func WriteLoadTable(w interface{ Write([]byte) (int, error) }, rep LoadReport) error {
	head := fmt.Sprintf("%-52s %7s %7s %9s %9s %9s", "operation", "n", "errors", "p50 ms", "p95 ms", "max ms")
	var b strings.Builder
	fmt.Fprintf(&b, "%d desks for %s\n%s\n%s\n", rep.Desks, rep.Duration, head, strings.Repeat("-", len(head)))
	for _, row := range append(rep.Ops, rep.DeskToDesk) {
		fmt.Fprintf(&b, "%-52s %7d %7d %9s %9s %9s\n", row.Operation, row.N, row.Errors, ms(row.P50), ms(row.P95), ms(row.Max))
	}
	fmt.Fprintf(&b, "actions overtaken by another desk (told who, not errors): %d\n", rep.Lost)
	for _, row := range rep.Ops {
		if row.FirstErr != "" {
			fmt.Fprintf(&b, "first error of %s: %s\n", row.Operation, row.FirstErr)
		}
	}
	_, err := w.Write([]byte(b.String()))
	return err
}
