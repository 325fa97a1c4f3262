package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"frontdesk/bench"
)

func init() {
	register(Command{
		Name:    "bench",
		Summary: "measure search, profile, request, queue and screen timings on a database (see BENCHMARKS.md)",
		Run:     runBench,
	})
}

func runBench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "database file to measure, e.g. one filled by frontdesk seed (required)")
	asJSON := fs.Bool("json", false, "print the figures as JSON instead of a table")
	n := fs.Int("n", 200, "runs of each operation")
	viaServer := fs.Bool("server", false, "also run the desk's operations through a Frontdesk server (TLS on loopback, in this process) and show what the API adds")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *db == "" || *n < 1 {
		fmt.Fprintln(stderr, "frontdesk bench: give --db FILE (and --n of at least 1)")
		return 2
	}
	if err := existingDatabase(*db); err != nil {
		fmt.Fprintln(stderr, "frontdesk bench:", err)
		return 1
	}
	opts := bench.Options{Samples: *n, NaiveSamples: max(*n/20, 3), HeavySamples: max(*n/10, 5), Writes: max(*n/2, 10), ViaServer: *viaServer}
	tty := isTerminal(stderr)
	if tty {
		opts.Progress = func(op string) { fmt.Fprintf(stderr, "\r%-60s\033[K", op) }
	}
	rows, err := bench.Run(context.Background(), *db, opts)
	if tty {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if err != nil {
		fmt.Fprintln(stderr, "frontdesk bench:", err)
		return 1
	}
	if *asJSON {
		err = bench.WriteJSON(stdout, rows)
	} else {
		err = bench.WriteTable(stdout, rows)
		if err == nil {
			fmt.Fprintf(stdout, "\nresident set of this process after the run: %s MB\n", residentMB())
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "frontdesk bench:", err)
		return 1
	}
	return 0
}

// residentMB is the process's resident set size from /proc, or "?" where there is none.
func residentMB() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			if kb, err := strconv.Atoi(f[1]); err == nil {
				return strconv.Itoa(kb / 1024)
			}
		}
	}
	return "?"
}
