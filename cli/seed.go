package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"frontdesk/scale"
	"frontdesk/sqlite"
)

func init() {
	register(Command{
		Name:    "seed",
		Summary: "fill a new database with a large synthetic resort (guests, stays, requests) for benchmarks",
		Run:     runSeed,
	})
}

// Batch sizes of the bulk load: one transaction per batch.
const (
	guestBatch   = 5000
	requestBatch = 10000
)

func runSeed(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "database file to create or fill (required; must hold no guests yet)")
	nGuests := fs.Int("guests", 1_000_000, "guest profiles to generate")
	nRequests := fs.Int("requests", 5_000_000, "requests to generate")
	seed := fs.Int64("seed", 1, "random seed: the same seed gives the same data")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *db == "" || *nGuests < 1 || *nRequests < 0 {
		fmt.Fprintln(stderr, "frontdesk seed: give --db FILE, --guests of at least 1 and --requests of 0 or more")
		return 2
	}
	if err := seedDB(*db, scale.Config{Guests: *nGuests, Requests: *nRequests, Seed: *seed, Now: time.Now()}, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "frontdesk seed:", err)
		return 1
	}
	return 0
}

// seedDB sets up the property and bulk-loads the generated profiles and requests.
func seedDB(path string, cfg scale.Config, stdout, stderr io.Writer) error {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	bar := newProgressBar(stderr)
	bar.update("planning", 0, 0)
	gen := scale.New(cfg)
	bar.update("staff, rooms", 0, 0)
	prop, err := scale.Setup(ctx, store, gen)
	if err != nil {
		return err
	}
	var last sqlite.BulkProgress
	data := sqlite.BulkData{
		Guests:   scale.Prefetch(gen.Guests(guestBatch), 2),
		Requests: scale.Prefetch(gen.Requests(prop, requestBatch), 2),
	}
	err = store.BulkLoad(ctx, data, func(p sqlite.BulkProgress) {
		last = p
		switch p.Stage {
		case sqlite.StageGuests:
			bar.update(string(p.Stage), p.Guests, cfg.Guests)
		case sqlite.StageRequests:
			bar.update(string(p.Stage), p.Requests, cfg.Requests)
		case sqlite.StageDone:
		default:
			bar.update(string(p.Stage), 0, 0)
		}
	})
	took := bar.finish()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Seeded %s: %s guests, %s stays, %s rooms, %s requests with %s timeline events in %s, %s of processor time (seed %d).\n",
		path, thousands(last.Guests), thousands(gen.Stays()), thousands(len(gen.Rooms())), thousands(last.Requests),
		thousands(last.Events), took.Round(time.Second), cpuTime().Round(time.Second), cfg.Seed)
	return nil
}
