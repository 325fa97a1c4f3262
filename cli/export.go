package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"frontdesk/sqlite"
)

func init() {
	register(Command{
		Name:    "export",
		Summary: "export guests as CSV (export guests [--stays]) or one guest's data as JSON (export guest-data ID)",
		Run:     runExport,
	})
}

// exportArgs are the parsed arguments of `frontdesk export guests|guest-data`.
type exportArgs struct {
	target
	what, guestID, out string
	stays              bool
}

func runExport(args []string, stdout, stderr io.Writer) int {
	a, ok := parseExportArgs(args, stderr)
	if !ok {
		return 2
	}
	n, err := export(a, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "frontdesk export:", err)
		return 1
	}
	if a.out != "" {
		fmt.Fprintf(stdout, "Wrote %d rows to %s (readable by you only).\n", n, a.out)
	}
	return 0
}

const exportUsage = "frontdesk export: usage: frontdesk export guests [--stays] | guest-data GUEST_ID  [--db FILE] [--out FILE]"

func parseExportArgs(args []string, stderr io.Writer) (exportArgs, bool) {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var a exportArgs
	fs.StringVar(&a.db, "db", "", "database file (default: "+sqlite.DefaultPath()+")")
	a.addFlags(fs)
	fs.StringVar(&a.out, "out", "", "file to write, created readable by you only (default: standard output)")
	fs.BoolVar(&a.stays, "stays", false, "guests: one row per stay, with the stay's dates, room and status")
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return a, false
		}
		if fs.NArg() == 0 {
			break
		}
		positional, args = append(positional, fs.Arg(0)), fs.Args()[1:]
	}
	switch {
	case len(positional) == 1 && positional[0] == "guests":
	case len(positional) == 2 && positional[0] == "guest-data":
		a.guestID = positional[1]
	default:
		fmt.Fprintln(stderr, exportUsage)
		return a, false
	}
	a.what, a.db = positional[0], orDefault(a.db)
	if err := a.check(); err != nil {
		fmt.Fprintln(stderr, "frontdesk export:", err)
		return a, false
	}
	return a, true
}

func export(a exportArgs, stdout io.Writer) (int, error) {
	if !a.remote() && a.out != "" && sameFile(a.out, a.db) {
		return 0, errors.New("--out names the database itself; choose another file")
	}
	svc, ctx, done, err := a.open("export", sqlite.Options{})
	if err != nil {
		return 0, err
	}
	defer done()
	n := 0
	write := func(w io.Writer) error {
		if a.what == "guests" {
			n, err = svc.Transfer.ExportGuestsCSV(ctx, w, a.stays)
			return err
		}
		d, err := svc.Privacy.ExportGuestData(ctx, a.guestID)
		if err != nil {
			return err
		}
		n = 1
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	if a.out == "" {
		return n, write(stdout)
	}
	return n, writePrivateFile(a.out, write)
}

// sameFile reports whether a and b name one file (b exists).
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// writePrivateFile writes a new file readable by its owner only: guest data is personal
// data. It is written beside path and renamed into place, so a failed export leaves no
// half-written file; an existing file is not replaced.
func writePrivateFile(path string, write func(io.Writer) error) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists; choose another name or move it away first", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".frontdesk-export-*") // mode 0600
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
