package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"time"

	"frontdesk/bench"
)

func init() {
	register(Command{
		Name:    "loadtest",
		Summary: "many desks at once through a Frontdesk server on a database: timings, errors, desk-to-desk latency (BENCHMARKS.md)",
		Run:     runLoadtest,
	})
}

// runLoadtest is `frontdesk loadtest`: N desks working at a person's pace through a
// server serving the file, then one table (or JSON).
func runLoadtest(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "database file to serve and work on, e.g. one filled by frontdesk seed (required; it takes the requests logged)")
	desks := fs.Int("desks", 10, "desks working at once, each a front-desk agent of its own")
	duration := fs.Duration("duration", time.Minute, "how long they work")
	think := fs.Duration("think", 2*time.Second, "a person's pause between two things they do")
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *db == "" || *desks < 1 || *duration <= 0 {
		fmt.Fprintln(stderr, "frontdesk loadtest: usage: frontdesk loadtest --db FILE [--desks N] [--duration D] [--think D] [--json]")
		return 2
	}
	if err := existingDatabase(*db); err != nil {
		fmt.Fprintln(stderr, "frontdesk loadtest:", err)
		return 1
	}
	opts := bench.LoadOptions{Desks: *desks, Duration: *duration, Think: *think}
	if isTerminal(stderr) {
		opts.Progress = func(d time.Duration) { fmt.Fprintf(stderr, "\r%s of %s\033[K", d.Round(time.Second), *duration) }
	}
	rep, err := bench.Load(context.Background(), *db, opts)
	if opts.Progress != nil {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if err != nil {
		fmt.Fprintln(stderr, "frontdesk loadtest:", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else if err = bench.WriteLoadTable(stdout, rep); err == nil {
		fmt.Fprintf(stdout, "resident set of this process (server and desks) after the run: %s MB\n", residentMB())
	}
	if err != nil {
		fmt.Fprintln(stderr, "frontdesk loadtest:", err)
		return 1
	}
	return 0
}
