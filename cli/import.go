package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"slices"
	"strings"

	"frontdesk/csvfile"
	"frontdesk/guests"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

func init() {
	register(Command{
		Name:    "import",
		Summary: "import guests and stays from a PMS export: import guests FILE.csv [--dry-run]",
		Run:     runImport,
	})
}

// importArgs are the parsed arguments of `frontdesk import guests FILE.csv`.
type importArgs struct {
	target
	file, region, encoding string
	dryRun                 bool
}

func runImport(args []string, stdout, stderr io.Writer) int {
	a, ok := parseImportArgs(args, stderr)
	if !ok {
		return 2
	}
	rep, err := importGuests(a, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "frontdesk import:", err)
		return 1
	}
	printImportReport(stdout, rep)
	if len(rep.Problems) > 0 {
		return 1
	}
	return 0
}

// parseImportArgs reads flags before and after the file name, as people type them.
func parseImportArgs(args []string, stderr io.Writer) (importArgs, bool) {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var a importArgs
	fs.StringVar(&a.db, "db", "", "database file (default: "+sqlite.DefaultPath()+")")
	a.addFlags(fs)
	fs.BoolVar(&a.dryRun, "dry-run", false, "only report what would be created, merged and rejected")
	fs.StringVar(&a.region, "region", "ID", "country for phone numbers written without a country code")
	fs.StringVar(&a.encoding, "encoding", "", "the file's encoding when detection guesses wrong: "+strings.Join(csvfile.Encodings, ", "))
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
	if len(positional) != 2 || positional[0] != "guests" {
		fmt.Fprintln(stderr, "frontdesk import: usage: frontdesk import guests FILE.csv [--db FILE] [--dry-run] [--region CC] [--encoding NAME]")
		return a, false
	}
	a.file, a.db = positional[1], orDefault(a.db)
	if a.encoding != "" && !slices.Contains(csvfile.Encodings, a.encoding) {
		fmt.Fprintf(stderr, "frontdesk import: --encoding must be one of %s\n", strings.Join(csvfile.Encodings, ", "))
		return a, false
	}
	if err := a.check(); err != nil {
		fmt.Fprintln(stderr, "frontdesk import:", err)
		return a, false
	}
	return a, true
}

// operator is who a command-line change is attributed to: whoever can run Frontdesk on
// the database file can already change anything in it, so it acts as an administrator,
// under the computer account's name.
func operator(command string) context.Context {
	name := "command line"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name += " (" + u.Username + ")"
	}
	return staff.WithActor(context.Background(), staff.Actor{Name: "frontdesk " + command + ", " + name, Role: staff.RoleAdministrator})
}

func importGuests(a importArgs, stderr io.Writer) (guests.ImportReport, error) {
	f, err := os.Open(a.file)
	if err != nil {
		return guests.ImportReport{}, fmt.Errorf("cannot read %s: %w", a.file, err)
	}
	defer f.Close()
	svc, ctx, done, err := a.open("import", sqlite.Options{PhoneRegion: a.region})
	if err != nil {
		return guests.ImportReport{}, err
	}
	defer done()
	opt := guests.ImportOptions{DryRun: a.dryRun, Encoding: a.encoding, Progress: terminalProgress(stderr)}
	return svc.Transfer.ImportGuestsCSV(ctx, f, opt)
}

// terminalProgress redraws a percentage on a terminal and stays silent elsewhere.
func terminalProgress(w io.Writer) func(done, total int) {
	if !isTerminal(w) {
		return nil
	}
	return func(done, total int) {
		fmt.Fprintf(w, "\r%3d%%", done*100/max(total, 1))
		if done == total {
			fmt.Fprint(w, "\r    \r")
		}
	}
}

// printImportReport writes the report for a person reading a terminal or a log.
func printImportReport(w io.Writer, r guests.ImportReport) {
	if len(r.Problems) > 0 {
		fmt.Fprintln(w, "Nothing was imported:")
		for _, p := range r.Problems {
			fmt.Fprintf(w, "  row %d: %s\n", p.Row, p.Message)
		}
		return
	}
	verb := "Imported"
	if r.DryRun {
		verb = "Dry run, nothing stored. Would import"
	}
	fmt.Fprintf(w, "%s %d rows (%s, dates as %s): %d new guests, %d merged, %d rejected, %d stays added.\n",
		verb, r.Rows, r.Encoding, r.DateOrder, r.Created, r.Merged, r.Rejected, r.StaysAdded)
	cols := make([]string, len(r.Columns))
	for i, c := range r.Columns {
		cols[i] = c.Header + " → " + c.Field
	}
	if r.Birthdays > 0 {
		fmt.Fprintf(w, "Birthdays from birth dates: %d.\n", r.Birthdays)
	}
	for _, p := range r.Warnings {
		fmt.Fprintf(w, "Warning: %s Use --encoding to choose.\n", p.Message)
	}
	fmt.Fprintf(w, "Columns: %s\n", strings.Join(cols, ", "))
	if len(r.Ignored) > 0 {
		fmt.Fprintf(w, "Ignored columns: %s\n", strings.Join(r.Ignored, ", "))
	}
	if r.Stored > 0 {
		fmt.Fprintf(w, "Checked in %.1f s; stored in %.1f s, while the database waited.\n", r.Checked.Seconds(), r.Stored.Seconds())
	} else {
		fmt.Fprintf(w, "Checked in %.1f s.\n", r.Checked.Seconds())
	}
	if r.MaxCell > 0 {
		fmt.Fprintf(w, "Values longer than %d KB are not read.\n", r.MaxCell>>10)
	}
	for _, l := range r.Lines {
		fmt.Fprintf(w, "  row %d: %s\n", l.Row, lineText(l))
	}
	if shown := len(r.Lines); shown < r.Merged+r.Rejected {
		fmt.Fprintf(w, "  … and %d more rows merged or rejected\n", r.Merged+r.Rejected-shown)
	}
}

func lineText(l guests.ImportLine) string {
	if l.Outcome == guests.OutcomeMerged {
		if l.InFile > 0 {
			return fmt.Sprintf("%s merged into %s (row %d)", l.Name, l.Into, l.InFile)
		}
		return fmt.Sprintf("%s merged into %s, already in Frontdesk", l.Name, l.Into)
	}
	reasons := make([]string, len(l.Problems))
	for i, p := range l.Problems {
		reasons[i] = p.Message
		if p.Column != "" {
			reasons[i] = p.Column + ": " + p.Message
		}
	}
	return fmt.Sprintf("%s rejected: %s", orDash(l.Name), strings.Join(reasons, "; "))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
