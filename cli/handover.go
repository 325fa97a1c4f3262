package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"frontdesk/handover"
	"frontdesk/property"
	"frontdesk/sqlite"
)

func init() {
	register(Command{
		Name:    "handover",
		Summary: "print the shift handover report (text, CSV or PDF) for mail or a printer",
		Run:     runHandover,
	})
}

// handoverArgs are the parsed flags of `frontdesk handover`.
type handoverArgs struct {
	target
	format, out string
	day         time.Time // zero: the shift on now
	shift       property.Shift
}

func runHandover(args []string, stdout, stderr io.Writer) int {
	a, ok := parseHandoverArgs(args, stderr)
	if !ok {
		return 2
	}
	if err := writeHandover(a, stdout); err != nil {
		fmt.Fprintln(stderr, "frontdesk handover:", err)
		return 1
	}
	return 0
}

func parseHandoverArgs(args []string, stderr io.Writer) (handoverArgs, bool) {
	fs := flag.NewFlagSet("handover", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var a handoverArgs
	fs.StringVar(&a.db, "db", "", "database file (required without --server)")
	a.addFlags(fs)
	fs.StringVar(&a.format, "format", "text", "text, csv or pdf")
	fs.StringVar(&a.out, "out", "", "write to this file instead of standard output")
	day := fs.String("day", "", "roster day of the shift, YYYY-MM-DD (default: the shift on now)")
	shift := fs.String("shift", "", "morning, evening or night (with --day; default: the shift on now)")
	if err := fs.Parse(args); err != nil {
		return a, false
	}
	fail := func(msg string) (handoverArgs, bool) {
		fmt.Fprintln(stderr, "frontdesk handover:", msg)
		return a, false
	}
	switch {
	case a.db == "" && !a.remote():
		return fail("give the database with --db FILE, or a server with --server URL")
	case a.check() != nil:
		return fail(a.check().Error())
	case a.format != "text" && a.format != "csv" && a.format != "pdf":
		return fail("--format is text, csv or pdf")
	case fs.NArg() > 0:
		return fail("unexpected argument " + fs.Arg(0))
	case (*day == "") != (*shift == ""):
		return fail("give --day and --shift together, or neither for the shift on now")
	}
	if *day != "" {
		d, err := time.ParseInLocation("2006-01-02", *day, time.Local)
		if err != nil {
			return fail("--day is a date like 2026-11-23")
		}
		a.day, a.shift = d, property.Shift(*shift)
	}
	return a, true
}

// writeHandover reads the report and writes it in the chosen format. A file is written
// whole or not at all, readable by its owner only: the report names guests.
func writeHandover(a handoverArgs, stdout io.Writer) error {
	if a.format == "pdf" && a.out == "" && isTerminal(stdout) {
		return errors.New("a PDF does not print on a terminal: give --out FILE")
	}
	svc, ctx, done, err := a.open("handover", sqlite.Options{})
	if err != nil {
		return err
	}
	defer done()
	r, err := svc.Handover.Report(ctx, a.day, a.shift)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	switch a.format {
	case "csv":
		err = handover.WriteCSV(&b, r)
	case "pdf":
		err = handover.WritePDF(&b, r, handover.English, handover.SystemFonts())
	default:
		err = handover.WriteText(&b, r, handover.English)
	}
	if err != nil {
		return err
	}
	if a.out == "" {
		_, err = stdout.Write(b.Bytes())
		return err
	}
	return writeFileAtomic(a.out, b.Bytes())
}

// writeFileAtomic writes data beside path and renames it into place.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".handover-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
