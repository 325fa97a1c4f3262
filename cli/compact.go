package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"frontdesk/guests"
	"frontdesk/sqlite"
)

func init() {
	register(Command{
		Name:    "compact",
		Summary: "remove earlier versions of changed and erased data from the database file (holds the database: run at a quiet hour)",
		Run:     runCompact,
	})
}

// runCompact runs the privacy compaction (sqlite.Store.CompactForPrivacy) ahead of the
// first erasure, which would otherwise run it while a manager waits.
func runCompact(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compact", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "database file (default: "+sqlite.DefaultPath()+")")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "frontdesk compact: usage: frontdesk compact [--db FILE]")
		return 2
	}
	path := orDefault(*db)
	if err := existingDatabase(path); err != nil {
		fmt.Fprintln(stderr, "frontdesk compact:", err)
		return 1
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		fmt.Fprintln(stderr, "frontdesk compact:", err)
		return 1
	}
	defer s.Close()
	done, err := s.PrivacyCompacted(ctx)
	if err == nil && !done {
		fmt.Fprintln(stdout, "First privacy compaction of this file: erasures will no longer need to run it.")
	}
	before, began := fileSize(path), time.Now()
	if err == nil {
		err = s.CompactForPrivacy(ctx)
	}
	if errors.Is(err, guests.ErrCopyInLog) {
		fmt.Fprintln(stderr, "frontdesk compact: the file is compacted, but its write-ahead log still holds old pages because another desk is reading; run the command again when the desks are quiet.")
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "frontdesk compact:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Compacted %s in %s (%s → %s): no earlier version of changed or erased data is left in the file or its log.\n",
		path, time.Since(began).Round(100*time.Millisecond), megabytes(before), megabytes(fileSize(path)))
	return 0
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}
