package guests

import (
	"context"
	"io"
	"time"

	"frontdesk/csvfile"
)

// Transfer moves guest profiles in and out of Frontdesk as CSV files: the exports of a
// property-management system (PMS) in, a spreadsheet of every guest out. Managers only;
// both are audited.
type Transfer interface {
	// ImportGuestsCSV reads a PMS export (see OpenImport), which it reads more than once,
	// a row at a time, from its start. Each row is created as a
	// new guest, merged into the guest it matches (loyalty number, e-mail or phone, in
	// the file or already stored) or rejected with its reasons. A dry run, or a file
	// that cannot be read at all (Report.Problems), stores nothing; otherwise every
	// created and merged row is stored in one transaction, or none is.
	ImportGuestsCSV(ctx context.Context, r io.ReadSeeker, opt ImportOptions) (ImportReport, error)
	// ExportGuestsCSV writes every guest as CSV in columns ImportGuestsCSV reads back,
	// one row per guest, or with stays one row per stay; it returns the rows written.
	ExportGuestsCSV(ctx context.Context, w io.Writer, withStays bool) (int, error)
}

// ImportOptions tune an import.
type ImportOptions struct {
	DryRun bool
	// Encoding reads the file as one of csvfile.Encodings; empty detects it.
	Encoding string
	// Progress, when set, is called now and then from the importing goroutine with the
	// work done so far out of total.
	Progress func(done, total int)
}

// ImportOutcome is what happened, or on a dry run would happen, to one row.
type ImportOutcome string

// Row outcomes. Created rows are only counted; the report lists the others.
const (
	OutcomeCreated  ImportOutcome = "created"
	OutcomeMerged   ImportOutcome = "merged"
	OutcomeRejected ImportOutcome = "rejected"
)

// ImportLine is one row of the report: a merged row with the guest it went to, or a
// rejected row with its reasons.
type ImportLine struct {
	Row      int
	Outcome  ImportOutcome
	Name     string            // the guest's name as the row gives it
	Into     string            // merged: the name of the guest it was merged into
	InFile   int               // merged into a guest created from this earlier row; 0 when stored before
	Problems []csvfile.Problem // rejected: why
}

// ColumnMapping says which guest field a column of the file was read as.
type ColumnMapping struct {
	Header string // as the file writes it
	Field  string // one of the Col* names
}

// ImportReport is what an import did or, on a dry run, would do.
type ImportReport struct {
	DryRun     bool
	Encoding   string          // how the bytes were read: UTF-8, UTF-8 with BOM, UTF-16, Windows-1252
	DateOrder  string          // how dates like 03/04/2026 were read: "day/month/year" or "month/day/year"
	Columns    []ColumnMapping // the columns used, in file order
	Ignored    []string        // headers of columns not used
	Rows       int             // data rows read (blank rows not counted)
	MaxCell    int             // the longest value read, in bytes: a row with a longer one is rejected
	Created    int             // new guests
	Merged     int             // rows merged into a stored guest or an earlier row
	Rejected   int             // rows not imported
	StaysAdded int
	Birthdays  int // birthday occasions added from a birth date column
	// Checked is how long reading and planning took, Stored how long the write
	// transaction held the database (zero on a dry run).
	Checked, Stored time.Duration
	// Lines lists merged and rejected rows by row number, at most MaxReportLines of them.
	Lines []ImportLine
	// Problems are with the file as a whole (no name column, unreadable, too many rows):
	// when there are any, nothing was imported.
	Problems []csvfile.Problem
	// Warnings say what may have been read wrongly (a guessed encoding, garbled names):
	// shown with the check, for the user to choose the encoding before importing.
	Warnings []csvfile.Problem
}

// MaxReportLines bounds the rows a report lists; the counts are always complete.
const MaxReportLines = 2000

// AddLine records a merged or rejected row, keeping at most MaxReportLines.
func (r *ImportReport) AddLine(l ImportLine) {
	if len(r.Lines) < MaxReportLines {
		r.Lines = append(r.Lines, l)
	}
}
