package sqlite

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

func importCSV(t *testing.T, s *Store, text string, dryRun bool) guests.ImportReport {
	t.Helper()
	rep, err := s.ImportGuestsCSV(manager(), strings.NewReader(text), guests.ImportOptions{DryRun: dryRun})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return rep
}

func guestByEmail(t *testing.T, s *Store, email string) *guests.Profile {
	t.Helper()
	var id string
	if err := s.reader.QueryRow("SELECT id FROM guests WHERE email = ?", email).Scan(&id); err != nil {
		t.Fatalf("no guest %s: %v", email, err)
	}
	p, err := s.FindGuestByID(context.Background(), id)
	must(t, err)
	return p
}

// pmsExport is one row per stay, as property-management systems export: the same guest
// appears on several rows, once with a loyalty number and once without.
const pmsExport = "Guest Name,Email,Mobile,Membership No,Arrival,Departure,Room,Status,Remarks\n" +
	"\"Silva, Ana\",ana@example.com,0812-3456-7890,FD1001,01/11/2026,04/11/2026,1204,Checked Out,Feather-free pillows\n" +
	"Ana Silva,ana@example.com,,,20/11/2026,25/11/2026,1204,In House,\n" + // same person by e-mail
	"Ben Lee,ben@example.com,,,,,,,\n" +
	"B. Lee,,+62 812 3456 7891,,,,,,\n" + // no match: a new phone, no e-mail
	"Carla Lee,ben@example.com,,,,,,,\n" + // shares Ben's e-mail but is someone else
	"Dan Wu,not-an-email,,,,,,,\n" + // rejected
	"Eve Ng,,,,05/11/2026,01/11/2026,,,\n" // rejected: departure before arrival

func TestImportDryRunReportsAndStoresNothing(t *testing.T) {
	s := openTest(t)
	rep := importCSV(t, s, pmsExport, true)
	if rep.Rows != 7 || rep.Created != 4 || rep.Merged != 1 || rep.Rejected != 2 || rep.StaysAdded != 2 || !rep.DryRun {
		t.Fatalf("report %+v", rep)
	}
	if n := count(t, s, "guests"); n != 0 {
		t.Fatalf("a dry run stored %d guests", n)
	}
	want := []struct {
		row     int
		outcome guests.ImportOutcome
		detail  string
	}{
		{3, guests.OutcomeMerged, "Ana Silva"},
		{7, guests.OutcomeRejected, "E-mail 'not-an-email' is not a valid address."},
		{8, guests.OutcomeRejected, "Departure must be after arrival."},
	}
	if len(rep.Lines) != len(want) {
		t.Fatalf("lines %+v", rep.Lines)
	}
	for i, w := range want {
		l := rep.Lines[i]
		detail := l.Into
		if l.Outcome == guests.OutcomeRejected {
			detail = l.Problems[0].Message
		}
		if l.Row != w.row || l.Outcome != w.outcome || detail != w.detail {
			t.Errorf("line %d: %+v, want row %d %s %s", i, l, w.row, w.outcome, w.detail)
		}
	}
	if rep.Lines[0].InFile != 2 {
		t.Errorf("merged into row %d, want 2", rep.Lines[0].InFile)
	}
}

func TestImportStoresWhatTheDryRunSaidAndMergesDuplicates(t *testing.T) {
	s := openTest(t)
	dry := importCSV(t, s, pmsExport, true)
	rep := importCSV(t, s, pmsExport, false)
	if rep.Created != dry.Created || rep.Merged != dry.Merged || rep.Rejected != dry.Rejected || rep.StaysAdded != dry.StaysAdded {
		t.Fatalf("real run %+v differs from dry run %+v", rep, dry)
	}
	if n := count(t, s, "guests"); n != 4 {
		t.Fatalf("%d guests stored", n)
	}
	ana := guestByEmail(t, s, "ana@example.com")
	if ana.LoyaltyNumber != "FD1001" || ana.Phone != "+6281234567890" || len(ana.Stays) != 2 || ana.Notes != "Feather-free pillows" {
		t.Errorf("Ana: %+v", ana)
	}
	if ana.CurrentStay() == nil || ana.CurrentStay().Room != "1204" {
		t.Errorf("Ana is not in house: %+v", ana.Stays)
	}
	if got := searchIDs(t, s, "1204"); len(got) != 1 || got[0] != ana.ID {
		t.Errorf("search by room: %v", got)
	}
	if n := count(t, s, "guests WHERE email = 'ben@example.com'"); n != 2 {
		t.Errorf("Ben and Carla share an e-mail: %d guests hold it", n)
	}
	if n := count(t, s, "audit_log WHERE entity = 'guests' AND action = 'import'"); n != 1 {
		t.Errorf("%d import entries in the audit log", n)
	}
	if n := count(t, s, "audit_log WHERE entity = 'guest' AND action = 'import'"); n != 4 {
		t.Errorf("%d guest entries in the audit log", n)
	}
}

func TestImportingTheSameFileTwiceChangesNothing(t *testing.T) {
	s := openTest(t)
	importCSV(t, s, pmsExport, false)
	before := count(t, s, "stays")
	rep := importCSV(t, s, pmsExport, false)
	if rep.Created != 0 || rep.Merged != 5 || rep.StaysAdded != 0 {
		t.Fatalf("second import: %+v", rep)
	}
	if count(t, s, "guests") != 4 || count(t, s, "stays") != before {
		t.Fatal("the second import doubled guests or stays")
	}
}

func TestImportMergesIntoStoredGuestsWithoutOverwritingDeskEdits(t *testing.T) {
	s := openTest(t)
	g := guests.Guest{GivenName: "Ana", FamilyName: "Silva", Email: "ana@desk.com", LoyaltyNumber: "FD1001", Notes: "Quiet room"}
	must(t, s.CreateGuest(context.Background(), &g))
	rep := importCSV(t, s, "Name,Email,Phone,Loyalty Number,Tier,Notes\n"+
		"Ana Silva,ana@pms.com,0812-3456-7890,FD1001,Gold,Late check-out\n", false)
	if rep.Created != 0 || rep.Merged != 1 || rep.Lines[0].InFile != 0 {
		t.Fatalf("report %+v", rep)
	}
	p, err := s.FindGuestByID(context.Background(), g.ID)
	must(t, err)
	if p.Email != "ana@desk.com" || p.Phone != "+6281234567890" || p.Tier != guests.TierGold || p.Notes != "Quiet room\nLate check-out" {
		t.Fatalf("merged guest %+v", p.Guest)
	}
	if got := searchIDs(t, s, "0812 3456"); len(got) != 1 {
		t.Errorf("the merged phone is not searchable: %v", got)
	}
}

func TestARowMatchingTwoStoredGuestsIsRejected(t *testing.T) {
	s := openTest(t)
	a := guests.Guest{GivenName: "Ana", FamilyName: "Silva", Email: "ana@example.com"}
	b := guests.Guest{GivenName: "Ana", FamilyName: "Silva", Phone: "0812-3456-7890"}
	must(t, s.CreateGuest(context.Background(), &a))
	must(t, s.CreateGuest(context.Background(), &b))
	rep := importCSV(t, s, "Name,Email,Phone\nAna Silva,ana@example.com,081234567890\n", false)
	if rep.Rejected != 1 || rep.Lines[0].Problems[0].Template != guests.MsgImportOtherGuest {
		t.Fatalf("report %+v", rep)
	}
}

func TestAFailedImportStoresNothing(t *testing.T) {
	s := openTest(t)
	// The writer pool is one connection, so a temporary trigger on it sees the import.
	if _, err := s.writer.Exec(`CREATE TEMP TRIGGER boom BEFORE INSERT ON guests WHEN new.family_name = 'Boom'
		BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`); err != nil {
		t.Fatal(err)
	}
	_, err := s.ImportGuestsCSV(manager(), strings.NewReader("Name\nAna Silva\nBen Lee\nCy Boom\n"), guests.ImportOptions{})
	if err == nil {
		t.Fatal("the import did not fail")
	}
	if n := count(t, s, "guests"); n != 0 {
		t.Fatalf("%d guests stored by a failed import", n)
	}
	if n := count(t, s, "audit_log WHERE entity = 'guests'"); n != 0 {
		t.Fatalf("a failed import left %d audit entries", n)
	}
}

func TestFileProblemsImportNothing(t *testing.T) {
	s := openTest(t)
	rep := importCSV(t, s, "Email,Phone\na@b.co,0812\n", false)
	if len(rep.Problems) != 1 || rep.Problems[0].Template != guests.MsgImportNoName {
		t.Fatalf("problems %+v", rep.Problems)
	}
	if count(t, s, "guests")+count(t, s, "audit_log WHERE entity = 'guests'") != 0 {
		t.Fatal("something was stored")
	}
}

func TestOnlyManagersImportAndExportGuests(t *testing.T) {
	s := openTest(t)
	agent := staff.WithActor(context.Background(), staff.Actor{Name: "Dewi Lestari", Role: staff.RoleAgent})
	_, err := s.ImportGuestsCSV(agent, strings.NewReader("Name\nAna\n"), guests.ImportOptions{})
	if errs.CodeOf(err) != errs.Invalid || err.Error() != staff.MsgManagerOnly {
		t.Fatalf("agent import: %v", err)
	}
	if _, err := s.ExportGuestsCSV(agent, &bytes.Buffer{}, false); err == nil {
		t.Fatal("an agent exported every guest")
	}
}

func TestImportReportsProgressToTheEnd(t *testing.T) {
	s := openTest(t)
	var last, total int
	calls := 0
	_, err := s.ImportGuestsCSV(manager(), strings.NewReader(pmsExport), guests.ImportOptions{Progress: func(d, n int) {
		last, total = d, n
		calls++
	}})
	must(t, err)
	if last != total || total != 7+4 || calls == 0 {
		t.Fatalf("progress ended at %d of %d after %d calls", last, total, calls)
	}
}

func TestExportReadsBackIntoAnEmptyDatabase(t *testing.T) {
	s := openTest(t)
	importCSV(t, s, pmsExport, false)
	var buf bytes.Buffer
	n, err := s.ExportGuestsCSV(manager(), &buf, true)
	must(t, err)
	if n != 5 { // Ana twice (two stays), Ben, B. Lee, Carla
		t.Fatalf("%d rows exported:\n%s", n, buf.String())
	}
	if count(t, s, "audit_log WHERE entity = 'guests' AND action = 'export'") != 1 {
		t.Error("the export is not in the audit log")
	}
	fresh := openTest(t)
	rep := importCSV(t, fresh, buf.String(), false)
	if rep.Created != 4 || rep.Rejected != 0 || rep.StaysAdded != 2 {
		t.Fatalf("re-import %+v", rep)
	}
	a, b := guestByEmail(t, s, "ana@example.com"), guestByEmail(t, fresh, "ana@example.com")
	if a.Guest.FullName() != b.Guest.FullName() || a.LoyaltyNumber != b.LoyaltyNumber || a.Phone != b.Phone ||
		len(b.Stays) != 2 || b.Stays[0] != withIDs(a.Stays[0], b.Stays[0]) {
		t.Fatalf("round trip:\n%+v\n%+v", a, b)
	}
}

func withIDs(st, from guests.Stay) guests.Stay {
	st.ID, st.GuestID = from.ID, from.GuestID
	return st
}

func TestAKeyAMergeAddsFindsTheGuestOnLaterRows(t *testing.T) {
	s := openTest(t)
	g := guests.Guest{GivenName: "Ana", FamilyName: "Silva", LoyaltyNumber: "FD1001"}
	must(t, s.CreateGuest(context.Background(), &g))
	rep := importCSV(t, s, "Name,Loyalty,Email\nAna Silva,FD1001,ana@example.com\nAna Silva,,ana@example.com\n", false)
	if rep.Created != 0 || rep.Merged != 2 || count(t, s, "guests") != 1 {
		t.Fatalf("report %+v, %d guests", rep, count(t, s, "guests"))
	}
}

// A row that names its guest by nothing but a name cannot be matched by a key; the same
// row imported again is still the guest it became, in the same file or a later import,
// while the same name in another row is someone else. An erasure forgets the row.
func TestNameOnlyRowsImportOnce(t *testing.T) {
	s := openTest(t)
	file := "Name,Language,Arrival,Departure\n" +
		"Ahmad Faizal Ng,ms,01/11/2026,04/11/2026\n" +
		"Ahmad Faizal Ng,ms,01/11/2026,04/11/2026\n" + // the same row twice: one guest
		"Ahmad Faizal Ng,en,,\n" // the same name, another row: another guest
	first := importCSV(t, s, file, false)
	if first.Created != 2 || first.Merged != 1 || first.StaysAdded != 1 {
		t.Fatalf("first import: %+v", first)
	}
	again := importCSV(t, s, file, false)
	if again.Created != 0 || again.Merged != 3 || again.StaysAdded != 0 {
		t.Fatalf("second import: %+v", again)
	}
	if count(t, s, "guests") != 2 || count(t, s, "stays") != 1 || count(t, s, "import_rows") != 2 {
		t.Fatal("the second import created guests or stays")
	}
	var id string
	must(t, s.reader.QueryRow("SELECT guest_id FROM import_rows LIMIT 1").Scan(&id))
	must(t, s.EraseGuest(manager(), id))
	if count(t, s, "import_rows WHERE guest_id = '"+id+"'") != 0 {
		t.Fatal("an erased guest's row fingerprint was kept")
	}
}

// A value longer than the cell limit rejects its row with a message naming its column,
// and the rows after it import.
func TestALongValueRejectsItsRow(t *testing.T) {
	s := openTest(t)
	rep := importCSV(t, s, "Name,Email,Notes\nAna Lima,ana@example.com,\""+strings.Repeat("x", 40<<10)+"\"\nBen Lee,ben@example.com,ok\n", false)
	if rep.Created != 1 || rep.Rejected != 1 || rep.MaxCell != 32<<10 {
		t.Fatalf("report %+v", rep)
	}
	p := rep.Lines[0].Problems[0]
	if p.Row != 2 || p.Column != "Notes" || p.Template != guests.MsgImportLongCell || rep.Lines[0].Name != "Ana Lima" {
		t.Fatalf("problem %+v", p)
	}
}

// A guest created by another desk between the import's check and its write is seen: the
// import plans again inside the write transaction and merges into that guest.
func TestAnImportPlansAgainWhenGuestsChangedMeanwhile(t *testing.T) {
	s := openTest(t)
	desk := guests.Guest{GivenName: "Ana", FamilyName: "Lima", Email: "ana@example.com"}
	calls := 0
	opt := guests.ImportOptions{Progress: func(done, total int) {
		if calls++; calls == 1 { // the first report comes while the file is planned
			must(t, s.CreateGuest(context.Background(), &desk))
		}
	}}
	rep, err := s.ImportGuestsCSV(manager(), strings.NewReader("Name,Email\nAna Lima,ana@example.com\n"), opt)
	must(t, err)
	if rep.Created != 0 || rep.Merged != 1 || count(t, s, "guests") != 1 {
		t.Fatalf("report %+v, %d guests", rep, count(t, s, "guests"))
	}
}

// An import writes the search index without overwriting merged guests' old words, then
// switches that back on and marks the file for compaction before the next erasure.
func TestAnImportLeavesTheIndexSecureAndTheFileToCompact(t *testing.T) {
	s := openTest(t)
	must(t, s.CompactForPrivacy(context.Background()))
	importCSV(t, s, pmsExport, false)
	for _, table := range []string{"guest_fts", "guest_house_fts"} {
		var v int
		must(t, s.reader.QueryRow("SELECT v FROM "+table+"_config WHERE k = 'secure-delete'").Scan(&v))
		if v != 1 {
			t.Errorf("%s: secure-delete %d after an import", table, v)
		}
	}
	if clean, err := s.PrivacyCompacted(context.Background()); err != nil || clean {
		t.Fatalf("compacted %v, %v: the next erasure would not clean the merged guests' old words", clean, err)
	}
}
