// Package bench measures Frontdesk's hot paths on a real database file (usually one
// filled by `frontdesk seed`): guest search of every kind side by side with a naive
// LIKE scan and the bare full-text query, opening a profile, logging a request and
// editing a profile with a full fsync, a department's queue, the Today board, the handover report, 90 days of
// measures, and opening the file. Each operation runs many times; the report gives its
// p50, p95 and maximum.
package bench

import (
	"context"
	"fmt"
	"slices"
	"time"

	"frontdesk/services"
	"frontdesk/sqlite"
)

// Row is one operation's figures, in milliseconds. NaiveP95 and EngineP95 are set for
// search rows only.
type Row struct {
	Operation string   `json:"operation"`
	N         int      `json:"n"`
	P50       float64  `json:"p50_ms"`
	P95       float64  `json:"p95_ms"`
	Max       float64  `json:"max_ms"`
	NaiveP95  *float64 `json:"naive_p95_ms,omitempty"`
	EngineP95 *float64 `json:"engine_p95_ms,omitempty"`
	// Through is "server" for a row measured through the API (Options.ViaServer), with the
	// same operation's figures on the store itself beside.
	Through  string   `json:"through,omitempty"`
	LocalP50 *float64 `json:"local_p50_ms,omitempty"`
	LocalP95 *float64 `json:"local_p95_ms,omitempty"`
}

// Options tune a run. The zero value runs the default sizes.
type Options struct {
	Samples      int              // runs of each operation; 200 when zero
	NaiveSamples int              // runs of each naive search (they scan the table); 10 when zero
	HeavySamples int              // runs of Today, handover and measures; 20 when zero
	Writes       int              // requests created and profiles edited; 100 when zero (each stays in the file)
	Budget       time.Duration    // time an operation may take in all before it stops early; 30 s when zero
	Progress     func(op string)  // called before each operation, may be nil
	Now          func() time.Time // the clock; time.Now when nil
	// ViaServer measures the desk's operations a second time through a Frontdesk server
	// (in this process, on a loopback TLS port), beside the local figures.
	ViaServer bool
}

func (o *Options) defaults() {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Samples, 200)
	def(&o.NaiveSamples, 10)
	def(&o.HeavySamples, 20)
	def(&o.Writes, 100)
	if o.Budget <= 0 {
		o.Budget = 30 * time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// op is one benchmarked operation: run(i) performs its i-th repetition.
type op struct {
	name string
	n    int
	run  func(ctx context.Context, i int) error
	// For search rows: the same input through the naive query and the bare engine.
	naive, engine func(ctx context.Context, i int) error
	naiveN        int
}

// Run opens the database at path and measures every operation on it. It writes
// opts.Writes requests into the file and edits as many guests' e-mails (the
// create-request and update-profile rows).
func Run(ctx context.Context, path string, opts Options) ([]Row, error) {
	opts.defaults()
	rows := []Row{}
	// Opened as the application opens it: SQLite's quick check reads the whole file, so
	// the application runs it in the background once the window is up (CheckLater).
	startup := op{name: "startup: open file + migrations", n: max(opts.HeavySamples, 10), run: func(ctx context.Context, _ int) error {
		s, err := sqlite.Open(ctx, path, sqlite.Options{CheckLater: true})
		if err != nil {
			return err
		}
		return s.Close()
	}}
	s, err := sqlite.Open(ctx, path, sqlite.Options{Now: opts.Now})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	in, err := gatherInputs(ctx, s, opts)
	if err != nil {
		return nil, err
	}
	ops := plan(s, in, opts)
	for _, o := range append([]op{startup}, ops...) {
		if opts.Progress != nil {
			opts.Progress(o.name)
		}
		r, err := measure(ctx, o, opts.Budget)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", o.name, err)
		}
		rows = append(rows, r)
	}
	if !opts.ViaServer {
		return rows, nil
	}
	through, err := viaServer(ctx, s, in, opts, rows)
	return append(rows, through...), err
}

// plan prepares the operations on the store, with inputs from what the file holds.
func plan(s *sqlite.Store, in *inputs, opts Options) []op {
	ops := operations(s, s, in, opts)
	// The first board after the application opens reads every guest on it; later ones
	// read only the guests changed since.
	ops = append(ops, op{name: "Today board, first after opening", n: max(opts.HeavySamples/4, 3), run: func(ctx context.Context, _ int) error {
		fresh, err := sqlite.Open(ctx, s.Path(), sqlite.Options{CheckLater: true, Now: opts.Now})
		if err != nil {
			return err
		}
		defer fresh.Close()
		_, err = fresh.WholeBoard(ctx, opts.Now())
		return err
	}})
	return ops
}

// operations are the operations a desk makes, through svc (the store, or a server's
// client); s adds the store's own search variants beside the searches.
func operations(svc services.All, s *sqlite.Store, in *inputs, opts Options) []op {
	ops := searchOps(svc, s, in, opts)
	ops = append(ops, profileOp(svc, in, opts), createOp(svc, in, opts), updateOp(svc, in, opts))
	if in.dept != "" {
		ops = append(ops, queueOp(svc, in, opts))
	}
	// Screens: each is one call, as the window makes it.
	return append(ops, screenOps(svc, opts)...)
}

// measure runs o once to warm up, then up to o.n times (fewer when they take longer than
// budget in all), and returns its figures. N is the number of timed runs.
func measure(ctx context.Context, o op, budget time.Duration) (Row, error) {
	if err := o.run(ctx, o.n); err != nil {
		return Row{}, err
	}
	times, err := timeRuns(ctx, o.n, budget, o.run)
	if err != nil {
		return Row{}, err
	}
	r := Row{Operation: o.name, N: len(times), P50: quantile(times, 0.50), P95: quantile(times, 0.95), Max: slices.Max(times)}
	if o.naive != nil {
		naive, err := timeRuns(ctx, o.naiveN, budget, o.naive)
		if err != nil {
			return Row{}, err
		}
		engine, err := timeRuns(ctx, o.n, budget, o.engine)
		if err != nil {
			return Row{}, err
		}
		np, ep := quantile(naive, 0.95), quantile(engine, 0.95)
		r.NaiveP95, r.EngineP95 = &np, &ep
	}
	return r, nil
}

// timeRuns runs fn up to n times, stopping early once budget is spent, and returns each
// run's duration in milliseconds.
func timeRuns(ctx context.Context, n int, budget time.Duration, fn func(context.Context, int) error) ([]float64, error) {
	out := make([]float64, 0, n)
	began := time.Now()
	for i := 0; i < n && (i == 0 || time.Since(began) < budget); i++ {
		start := time.Now()
		if err := fn(ctx, i); err != nil {
			return nil, err
		}
		out = append(out, float64(time.Since(start).Microseconds())/1000)
	}
	return out, nil
}

// quantile is the nearest-rank q-quantile of xs.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	k := int(q*float64(len(s))+0.999999) - 1
	return s[min(max(k, 0), len(s)-1)]
}
