package sqlite

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"frontdesk/guests"
)

// The fuzz tests below have seed corpora in testdata/fuzz/<name>; `go test -fuzz=<name>`
// grows them. Each worker keeps one database across inputs, as a desk keeps one file.

func fuzzStore(f *testing.F) *Store {
	s, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), Options{Now: func() time.Time { return testNow }, PhoneRegion: "ID"})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	return s
}

// FuzzSearchGuests runs whatever is typed in the search box against the real full-text
// index: no text may make the query fail.
func FuzzSearchGuests(f *testing.F) {
	s := fuzzStore(f)
	for _, g := range []guests.Guest{
		{GivenName: "Seán", FamilyName: "O'Brien", Email: "sean+spa@example.ie", Phone: "0812-3456-7890"},
		{GivenName: "Nora", FamilyName: "Near", LoyaltyNumber: "FD7302"},
		{GivenName: "小明", FamilyName: "王"},
	} {
		if err := s.CreateGuest(context.Background(), &g); err != nil {
			f.Fatal(err)
		}
	}
	for _, q := range []string{`"`, `NEAR(a b, 2)`, `-smith`, `(((`, `{name}:x`, `a*`, `0812 3456`, `o'brien`, `AND OR NOT`} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms, err := s.SearchGuests(context.Background(), guests.Query{Text: text})
		if err != nil {
			t.Fatalf("search %q: %v", text, err)
		}
		if len(ms) > guests.DefaultSearchLimit {
			t.Fatalf("search %q returned %d", text, len(ms))
		}
	})
}

// FuzzImportGuestsCSV imports arbitrary files: a dry run and the real run must agree,
// the database must change by exactly what the report says, and stay intact.
func FuzzImportGuestsCSV(f *testing.F) {
	s := fuzzStore(f)
	f.Add([]byte(pmsExport))
	f.Add([]byte("Name;Loyalty;Arrival;Departure;Room;Status\nAna Silva;FD1;01/11/2026;03/11/2026;1204;in house\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if count(t, s, "guests") > 2000 {
			t.Skip("the database is full enough")
		}
		dry, err := s.ImportGuestsCSV(manager(), bytes.NewReader(data), guests.ImportOptions{DryRun: true})
		if err != nil {
			t.Fatalf("dry run: %v", err)
		}
		guestsBefore, staysBefore := count(t, s, "guests"), count(t, s, "stays")
		rep, err := s.ImportGuestsCSV(manager(), bytes.NewReader(data), guests.ImportOptions{})
		if err != nil {
			t.Fatalf("import: %v", err)
		}
		if rep.Created != dry.Created || rep.Merged != dry.Merged || rep.Rejected != dry.Rejected || rep.StaysAdded != dry.StaysAdded {
			t.Fatalf("dry run %+v, real run %+v", dry, rep)
		}
		if rep.Created+rep.Merged+rep.Rejected != rep.Rows && len(rep.Problems) == 0 {
			t.Fatalf("%d rows, but %d+%d+%d", rep.Rows, rep.Created, rep.Merged, rep.Rejected)
		}
		if count(t, s, "guests")-guestsBefore != rep.Created || count(t, s, "stays")-staysBefore != rep.StaysAdded {
			t.Fatalf("report %+v, but %d guests and %d stays were added", rep,
				count(t, s, "guests")-guestsBefore, count(t, s, "stays")-staysBefore)
		}
		var ok string
		if err := s.writer.QueryRow("PRAGMA quick_check").Scan(&ok); err != nil || ok != "ok" {
			t.Fatalf("quick_check: %s %v", ok, err)
		}
		if _, err := s.writer.Exec("INSERT INTO guest_fts(guest_fts) VALUES ('integrity-check')"); err != nil {
			t.Fatalf("search index: %v", err)
		}
	})
}
