package guests

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"

	"frontdesk/csvfile"
)

var importToday = time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)

func parse(t *testing.T, text string) ImportFile {
	t.Helper()
	return ParseGuestsCSV(strings.NewReader(text), "ID", importToday)
}

func onlyRow(t *testing.T, f ImportFile) ImportRow {
	t.Helper()
	if len(f.Problems) > 0 || len(f.Rows) != 1 {
		t.Fatalf("file problems %v, %d rows", f.Problems, len(f.Rows))
	}
	if len(f.Rows[0].Problems) > 0 {
		t.Fatalf("row problems: %v", f.Rows[0].Problems)
	}
	return f.Rows[0]
}

func TestIndonesianHeadersWithSemicolonsAndABOM(t *testing.T) {
	f := parse(t, "\uFEFFGelar;Nama Depan;Nama Belakang;Surel;No. HP;Nomor Member;Tanggal Datang;Tanggal Berangkat;No Kamar;Jumlah Tamu;Keterangan;Rate Code\n"+
		"Bpk;Budi;Santoso;Budi@Example.co.id;0812-3456-7890;gld 1234;23/11/2026;26/11/2026;1204;2;Kamar lantai atas;BAR\n")
	if f.Encoding != csvfile.EncodingUTF8BOM {
		t.Errorf("encoding %q", f.Encoding)
	}
	r := onlyRow(t, f)
	g := r.Guest
	if g.Salutation != "Bapak" || g.GivenName != "Budi" || g.FamilyName != "Santoso" || g.Email != "budi@example.co.id" ||
		g.Phone != "+6281234567890" || g.LoyaltyNumber != "GLD1234" || g.Notes != "Kamar lantai atas" {
		t.Errorf("guest %+v", g)
	}
	st := r.Stay
	if st == nil || !st.Arrival.Equal(day(2026, 11, 23)) || !st.Departure.Equal(day(2026, 11, 26)) || st.Room != "1204" ||
		st.PartySize != 2 || st.Status != StayInHouse {
		t.Errorf("stay %+v", st)
	}
	if len(f.Ignored) != 1 || f.Ignored[0] != "Rate Code" || len(f.Columns) != 11 {
		t.Errorf("columns %v ignored %v", f.Columns, f.Ignored)
	}
}

func TestWindows1252AndUTF16FilesAreRead(t *testing.T) {
	f := ParseGuestsCSV(bytes.NewReader([]byte("Last Name,First Name\r\nM\xfcller,J\xfcrgen\r\nGar\xe7on,Fran\xe7ois\r\n")), "ID", importToday)
	if f.Encoding != csvfile.EncodingWindows1252 || len(f.Rows) != 2 || f.Rows[0].Guest.FamilyName != "Müller" || f.Rows[1].Guest.GivenName != "François" {
		t.Fatalf("windows-1252: %s %+v", f.Encoding, f.Rows)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("Name\tEmail\r\n王 小明\twang@example.cn\r\n")
	if err != nil {
		t.Fatal(err)
	}
	f = parse(t, utf16)
	r := onlyRow(t, f)
	if f.Encoding != csvfile.EncodingUTF16 || r.Guest.FamilyName != "小明" || r.Guest.GivenName != "王" || r.Guest.Email != "wang@example.cn" {
		t.Fatalf("utf-16: %s %+v", f.Encoding, r.Guest)
	}
}

func TestQuotedLineBreaksAndBlankRowsKeepSpreadsheetRowNumbers(t *testing.T) {
	f := parse(t, "Name,Notes,Email\n"+
		"\"Smith, John\",\"Line one\nline two\",john@example.com\n"+
		"\n"+
		",,\n"+
		"Ana Silva,,not-an-email\n")
	if len(f.Rows) != 2 {
		t.Fatalf("%d rows: %+v", len(f.Rows), f.Rows)
	}
	john := f.Rows[0]
	if john.Row != 2 || john.Guest.GivenName != "John" || john.Guest.FamilyName != "Smith" || john.Guest.Notes != "Line one\nline two" {
		t.Errorf("first row %+v", john)
	}
	ana := f.Rows[1]
	if ana.Row != 5 || len(ana.Problems) != 1 || ana.Problems[0].Column != "Email" || ana.Problems[0].Row != 5 {
		t.Fatalf("second row %d problems %+v", ana.Row, ana.Problems)
	}
	if ana.Problems[0].Message != "E-mail 'not-an-email' is not a valid address." {
		t.Errorf("message %q", ana.Problems[0].Message)
	}
}

func TestRowProblemsNameTheColumnAndSayWhy(t *testing.T) {
	f := parse(t, "First name,Last name,Tier,Arrival,Departure,Remarks\n"+
		"Ana,Silva,Diamond,,,\n"+
		"Ben,Lee,,31/04/2026,02/05/2026,\n"+
		"Cy,Ng,,23/11/2026,20/11/2026,\n"+
		"Di,Wu,,,,card 4111 1111 1111 1111\n"+
		",,,,,just a note\n")
	want := []struct{ column, msg string }{
		{"Tier", "Unknown tier 'Diamond'; use none, silver, gold or platinum."},
		{"Arrival", "'31/04/2026' is not a date; write dates as DD/MM/YYYY or YYYY-MM-DD."},
		{"Departure", "Departure must be after arrival."},
		{"Remarks", "This looks like a payment card number; card numbers are never stored. Remove it."},
		{"Last name", "Enter a given name or a family name."},
	}
	if len(f.Rows) != len(want) {
		t.Fatalf("%d rows", len(f.Rows))
	}
	for i, w := range want {
		ps := f.Rows[i].Problems
		if len(ps) != 1 || ps[0].Column != w.column || ps[0].Message != w.msg || ps[0].Row != i+2 {
			t.Errorf("row %d: %+v, want %s: %s", i+2, ps, w.column, w.msg)
		}
	}
}

func TestFileProblemsStopTheImport(t *testing.T) {
	cases := map[string]struct{ text, msg string }{
		"empty":          {"", MsgImportNoHeader},
		"only blanks":    {"\n\n,,\n", MsgImportNoHeader},
		"no name column": {"Email,Phone\na@b.co,0812\n", MsgImportNoName},
		"header only":    {"Name,Email\n", MsgImportNoRows},
		"stray quote":    {"Name,Email\nAna,a@b.co\n\"Ben,b@c.co\n", csvfile.MsgUnreadable},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			f := parse(t, c.text)
			if len(f.Problems) != 1 || f.Problems[0].Template != c.msg {
				t.Fatalf("problems %+v, want %q", f.Problems, c.msg)
			}
		})
	}
	if p := parse(t, "Name,Email\nAna,a@b.co\n\"Ben,b@c.co\n").Problems[0]; p.Row != 3 {
		t.Errorf("unreadable from row %d, want 3", p.Row)
	}
}

func TestTooManyRowsIsAFileProblem(t *testing.T) {
	var b strings.Builder
	b.WriteString("Name\n")
	for range MaxImportRows + 1 {
		b.WriteString("A\n")
	}
	f := parse(t, b.String())
	if len(f.Problems) != 1 || f.Problems[0].Template != MsgImportTooMany {
		t.Fatalf("problems %+v", f.Problems)
	}
}

func TestDatesInTheFormsPMSWriteThem(t *testing.T) {
	cases := []struct {
		cell  string
		order DateOrder
		want  time.Time
	}{
		{"2026-11-23", DayFirst, day(2026, 11, 23)},
		{"2026-11-23 14:00:00", DayFirst, day(2026, 11, 23)},
		{"2026-11-23T14:00:00Z", DayFirst, day(2026, 11, 23)},
		{"23/11/2026", DayFirst, day(2026, 11, 23)},
		{"03/04/2026", DayFirst, day(2026, 4, 3)},
		{"03/04/2026", MonthFirst, day(2026, 3, 4)},
		{"23.11.26", DayFirst, day(2026, 11, 23)},
		{"23-Nov-2026", DayFirst, day(2026, 11, 23)},
		{"23 Agustus 2026", DayFirst, day(2026, 8, 23)},
		{"Nov 23, 2026", DayFirst, day(2026, 11, 23)},
		{"11/23/2026 2:00 PM", MonthFirst, day(2026, 11, 23)},
		{"1/2/99", DayFirst, day(1999, 2, 1)},
	}
	for _, c := range cases {
		got, ok := ParseImportDate(c.cell, c.order)
		if !ok || !got.Equal(c.want) {
			t.Errorf("%q (%s) = %v %v, want %v", c.cell, c.order, got, ok, c.want)
		}
	}
	for _, bad := range []string{"46349", "31/04/2026", "2026-13-01", "tomorrow", "23/11", "0/1/2026", "1/1/12345"} {
		if _, ok := ParseImportDate(bad, DayFirst); ok {
			t.Errorf("%q read as a date", bad)
		}
	}
}

func TestAFileWithUSDatesIsReadMonthFirst(t *testing.T) {
	f := parse(t, "Name,Arrival,Departure\nAna Silva,11/23/2026,11/25/2026\nBen Lee,03/04/2026,03/06/2026\n")
	if f.DateOrder != MonthFirst {
		t.Fatalf("order %s", f.DateOrder)
	}
	if st := f.Rows[1].Stay; !st.Arrival.Equal(day(2026, 3, 4)) {
		t.Errorf("second arrival %v", st.Arrival)
	}
}

func TestStayStatusFromTheFileOrFromTheDates(t *testing.T) {
	f := parse(t, "Name,Arrival,Departure,Room,Status\n"+
		"A,01/11/2026,05/11/2026,,\n"+ // ended: departed
		"B,22/11/2026,25/11/2026,1204,\n"+ // running with a room: in house
		"C,22/11/2026,25/11/2026,,\n"+ // running without a room: expected
		"D,01/12/2026,05/12/2026,,\n"+ // future: expected
		"E,01/12/2026,05/12/2026,,No Show\n"+ // the file says
		"F,01/12/2026,05/12/2026,,Checked In\n") // in house needs a room
	want := []StayStatus{StayDeparted, StayInHouse, StayExpected, StayExpected, StayCancelled, StayInHouse}
	for i, w := range want {
		if st := f.Rows[i].Stay; st == nil || st.Status != w {
			t.Errorf("row %d: %+v, want %s", i+2, st, w)
		}
	}
	if ps := f.Rows[5].Problems; len(ps) != 1 || ps[0].Template != "An in-house stay needs a room." || ps[0].Column != "Room" {
		t.Errorf("in house without a room: %+v", ps)
	}
}

func TestPhoneAsASpreadsheetNumberGetsItsPlusBack(t *testing.T) {
	r := onlyRow(t, parse(t, "Name,Mobile\nAna Silva,6281234567890\n"))
	if r.Guest.Phone != "+6281234567890" {
		t.Fatalf("phone %q", r.Guest.Phone)
	}
}

func TestNamesAndValuesAsPMSWriteThem(t *testing.T) {
	f := parse(t, "Guest Name,Title,VIP,Language,Casino Tier,Membership Level\n"+
		"\"SMITH, John\",MR.,V1,English,Black,Gold\n"+
		"Sukarno,Dr,no,Bahasa Indonesia,,\n"+
		"Ana Maria Silva,Lord,,Klingon,,\n")
	if len(f.Rows) != 3 {
		t.Fatal(len(f.Rows))
	}
	a, b, c := f.Rows[0].Guest, f.Rows[1].Guest, f.Rows[2].Guest
	if a.GivenName != "John" || a.FamilyName != "SMITH" || a.Salutation != "Mr" || !a.VIP || a.Language != "en" ||
		a.CasinoTier != CasinoBlack || a.Tier != TierGold {
		t.Errorf("first %+v", a)
	}
	if b.GivenName != "" || b.FamilyName != "Sukarno" || b.Salutation != "Dr" || b.VIP || b.Language != "id" {
		t.Errorf("second %+v", b)
	}
	if c.GivenName != "Ana Maria" || c.FamilyName != "Silva" || c.Salutation != "" || c.Language != "" || len(f.Rows[2].Problems) != 0 {
		t.Errorf("third %+v %v", c, f.Rows[2].Problems)
	}
}

func TestExportReadsBackAsTheSameGuests(t *testing.T) {
	gs := []Guest{
		{Salutation: "Ms", GivenName: "Ana", FamilyName: "Silva", Email: "ana@example.com", Phone: "+6281234567890",
			Language: "pt", LoyaltyNumber: "FD1234", Tier: TierGold, VIP: true, CasinoTier: CasinoPlatinum, Notes: "Two lines\nof notes"},
		{GivenName: "=HYPERLINK(\"x\")", FamilyName: "-Lee", Tier: TierNone, CasinoTier: CasinoNone},
	}
	st := &Stay{Arrival: day(2026, 11, 20), Departure: day(2026, 11, 22), Room: "1204", Status: StayDeparted, PartySize: 2}
	var buf bytes.Buffer
	w, err := NewCSVWriter(&buf, true)
	if err != nil {
		t.Fatal(err)
	}
	must(t, w.Write(&gs[0], st))
	must(t, w.Write(&gs[1], nil))
	must(t, w.Flush())
	if !strings.Contains(buf.String(), "'=HYPERLINK") || !strings.Contains(buf.String(), ",'-Lee,") {
		t.Errorf("formula not defused:\n%s", buf.String())
	}
	f := ParseGuestsCSV(&buf, "ID", importToday)
	if len(f.Problems) > 0 || len(f.Rows) != 2 {
		t.Fatalf("read back: %+v", f)
	}
	for i, g := range gs {
		got := f.Rows[i].Guest
		if got != g || len(f.Rows[i].Problems) > 0 {
			t.Errorf("row %d:\n got %+v\nwant %+v\n%v", i, got, g, f.Rows[i].Problems)
		}
	}
	if s := f.Rows[0].Stay; s == nil || *s != *st {
		t.Errorf("stay %+v", s)
	}
	if f.Rows[1].Stay != nil {
		t.Errorf("a guest without stays got one: %+v", f.Rows[1].Stay)
	}
}

func TestSamePersonNeedsNamesThatAgree(t *testing.T) {
	john := &Guest{GivenName: "John", FamilyName: "Smith", Email: "smiths@example.com"}
	cases := []struct {
		other *Guest
		same  bool
	}{
		{&Guest{GivenName: "J.", FamilyName: "SMITH"}, true},
		{&Guest{GivenName: "", FamilyName: "Smith"}, true},
		{&Guest{GivenName: "Jane", FamilyName: "Smith"}, false},
		{&Guest{GivenName: "John", FamilyName: "Smyth"}, false},
		{&Guest{GivenName: "John", FamilyName: "Smith", LoyaltyNumber: "A123"}, true},
	}
	for _, c := range cases {
		if got := SamePerson(john, c.other); got != c.same {
			t.Errorf("SamePerson(John Smith, %s %s) = %v", c.other.GivenName, c.other.FamilyName, got)
		}
	}
	a, b := &Guest{FamilyName: "Lee", LoyaltyNumber: "A123"}, &Guest{FamilyName: "Lee", LoyaltyNumber: "B456"}
	if SamePerson(a, b) {
		t.Error("two loyalty numbers taken for one person")
	}
}

func TestMergeFillsBlanksAndNeverOverwrites(t *testing.T) {
	dst := Guest{GivenName: "Ana", FamilyName: "Silva", Email: "ana@desk.com", Tier: TierSilver, CasinoTier: CasinoGold, Notes: "Quiet room"}
	src := Guest{GivenName: "Ana", FamilyName: "Silva", Email: "ana@pms.com", Phone: "+6281234567890", Tier: TierGold,
		CasinoTier: CasinoNone, VIP: true, Notes: "Late check-out"}
	if !MergeGuest(&dst, src) {
		t.Fatal("nothing merged")
	}
	if dst.Email != "ana@desk.com" || dst.Phone != "+6281234567890" || dst.Tier != TierGold || dst.CasinoTier != CasinoGold ||
		!dst.VIP || dst.Notes != "Quiet room\nLate check-out" {
		t.Errorf("merged %+v", dst)
	}
	if MergeGuest(&dst, src) {
		t.Error("merging the same row twice changed the guest again")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
