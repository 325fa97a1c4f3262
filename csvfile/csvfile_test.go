package csvfile

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var testLimits = Limits{MaxBytes: 1 << 20, MaxRecords: 3, TooMany: "More than {{.Max}} rows."}

func cellsOf(f File) [][]string {
	var out [][]string
	for _, r := range f.Records {
		out = append(out, r.Cells)
	}
	return out
}

func TestReadDecodesWhatSpreadsheetsSave(t *testing.T) {
	want := [][]string{{"Name", "City"}, {"Müller", "Köln"}}
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("Name\tCity\nMüller\tKöln\n")
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String("Name\tCity\nMüller\tKöln\n")
	cp, _ := charmap.Windows1252.NewEncoder().String("Name;City\nMüller;Köln\n")
	cases := []struct{ name, data, encoding string }{
		{"UTF-8", "Name,City\nMüller,Köln\n", EncodingUTF8},
		{"UTF-8 with BOM", "\uFEFFName,City\nMüller,Köln\n", EncodingUTF8BOM},
		{"UTF-16 little-endian (Excel's Unicode text)", le, EncodingUTF16},
		{"UTF-16 big-endian", be, EncodingUTF16},
		{"Windows-1252", cp, EncodingWindows1252},
	}
	for _, c := range cases {
		f := Read(strings.NewReader(c.data), testLimits)
		if f.Encoding != c.encoding || len(f.Problems) != 0 || !reflect.DeepEqual(cellsOf(f), want) {
			t.Errorf("%s: %s %q %v", c.name, f.Encoding, cellsOf(f), f.Problems)
		}
	}
}

func TestSeparatorIsWhatTheFirstLineUsesOutsideQuotes(t *testing.T) {
	cases := map[string]rune{
		"a,b,c\n1;2":             ',',
		"a;b;c\n1,5;2":           ';',
		"a\tb\tc\n":              '\t',
		"\"x;y;z\",b\n":          ',',
		"\"line\nbreak\";b;c\n1": ';',
		"single":                 ',',
	}
	for text, want := range cases {
		if got := Separator(text); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

func TestRecordsKeepTheSpreadsheetRow(t *testing.T) {
	f := Read(strings.NewReader("number,type\n815,\"Deluxe\nKing\"\n\n , \n816, Twin\n"), testLimits)
	var rows []int
	for _, r := range f.Records {
		rows = append(rows, r.Row)
	}
	if !reflect.DeepEqual(rows, []int{1, 2, 5}) || f.Records[2].Cells[1] != "Twin" || len(f.Problems) != 0 {
		t.Fatalf("rows %v, records %q, problems %v", rows, cellsOf(f), f.Problems)
	}
}

func TestProblemsStopTheReadingAtTheirRow(t *testing.T) {
	cases := []struct {
		name, data string
		records    int
		want       Problem
	}{
		{"stray quote", "a,b\n1,2\n\"3,4\n5,6\n", 2, NewProblem(3, "", MsgUnreadable, nil)},
		{"too many records", "a\n1\n2\n3\n4\n5\n", 4, NewProblem(5, "", "More than {{.Max}} rows.", map[string]any{"Max": 3})},
		{"too big", strings.Repeat("x", 2<<20), 0, NewProblem(1, "", MsgTooBig, map[string]any{"Max": 1})},
	}
	for _, c := range cases {
		f := Read(strings.NewReader(c.data), testLimits)
		if len(f.Records) != c.records || len(f.Problems) != 1 || !reflect.DeepEqual(f.Problems[0], c.want) {
			t.Errorf("%s: %d records, %+v", c.name, len(f.Records), f.Problems)
		}
	}
	if p := testLimitsProblem(); p.Message != "More than 3 rows." {
		t.Errorf("message rendered as %q", p.Message)
	}
}

func testLimitsProblem() Problem {
	return NewProblem(5, "", testLimits.TooMany, map[string]any{"Max": testLimits.MaxRecords})
}

// A continental export escapes a separator inside a value with a backslash instead of
// quoting the value; the cells stay where they belong.
func TestBackslashEscapedFilesKeepTheirColumns(t *testing.T) {
	text := "Name;Notes;Email\nJürgen Schäfer;Zimmer mit Balkon\\; ruhig;j@example.de\n\nAstrid;Line one\\\nline two;a@example.se\nEve;C:\\\\Temp;e@example.se\n"
	if !BackslashEscaped(text, ';') {
		t.Fatal("dialect not detected")
	}
	f := Read(strings.NewReader(text), testLimits)
	want := [][]string{{"Name", "Notes", "Email"}, {"Jürgen Schäfer", "Zimmer mit Balkon; ruhig", "j@example.de"},
		{"Astrid", "Line one\nline two", "a@example.se"}, {"Eve", `C:\Temp`, "e@example.se"}}
	if len(f.Problems) != 0 || !reflect.DeepEqual(cellsOf(f), want) {
		t.Fatalf("%q %v", cellsOf(f), f.Problems)
	}
	var rows []int
	for _, r := range f.Records {
		rows = append(rows, r.Row)
	}
	if !reflect.DeepEqual(rows, []int{1, 2, 4, 6}) {
		t.Errorf("rows %v", rows)
	}
	if BackslashEscaped("Name,Path\nA,\"C:\\Temp\"\n", ',') {
		t.Error("a backslash inside a quoted value read as the escaped dialect")
	}
}

func TestAGuessedOrGarbledReadingWarnsAndTheUserCanChoose(t *testing.T) {
	cp1250, _ := charmap.Windows1250.NewEncoder().String("Name\nŁukasz Wąsik\n")
	f := Read(strings.NewReader(cp1250), testLimits)
	if f.Encoding != EncodingWindows1252 || len(f.Warnings) != 1 || f.Warnings[0].Template != MsgGuessed || f.Warnings[0].Row != 2 {
		t.Fatalf("guessed: %s %+v", f.Encoding, f.Warnings)
	}
	chosen := testLimits
	chosen.Encoding = EncodingWindows1250
	f = Read(strings.NewReader(cp1250), chosen)
	if len(f.Warnings) != 0 || len(f.Problems) != 0 || f.Records[1].Cells[0] != "Łukasz Wąsik" {
		t.Fatalf("chosen: %q %+v %+v", cellsOf(f), f.Warnings, f.Problems)
	}
	f = Read(strings.NewReader("Name\nJÃ¼rgen MÃ¼ller\nAna\n"), testLimits) // UTF-8 saved again as if Windows-1252
	if len(f.Warnings) != 1 || f.Warnings[0].Template != MsgGarbled || f.Warnings[0].Args["Sample"] != "JÃ¼rgen MÃ¼ller" {
		t.Fatalf("garbled: %+v", f.Warnings)
	}
	if f := Read(strings.NewReader("Name\nJürgen Müller\nJoão Conceição\n"), testLimits); len(f.Warnings) != 0 {
		t.Fatalf("clean UTF-8 warned: %+v", f.Warnings)
	}
	chosen.Encoding = EncodingUTF8
	if f := Read(strings.NewReader(cp1250), chosen); len(f.Problems) != 1 || f.Problems[0].Template != MsgBadChoice {
		t.Fatalf("Windows-1250 bytes read as UTF-8: %+v", f.Problems)
	}
}

// FuzzRead: any bytes, in either dialect, read without a panic into records whose rows
// rise, with problems that name a row.
func FuzzRead(f *testing.F) {
	f.Add([]byte("a,b\n1,\"x\ny\"\n\n2,3\n"))
	f.Add([]byte("a;b\nx\\;y;z\\\\\n"))
	f.Add([]byte("\xFF\xFEa\x00,\x00b\x00\n\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file := Read(bytes.NewReader(data), testLimits)
		last := 0
		for _, r := range file.Records {
			if r.Row <= last {
				t.Fatalf("row %d after %d", r.Row, last)
			}
			last = r.Row
		}
		for _, p := range append(file.Problems, file.Warnings...) {
			if p.Row < 1 || p.Message == "" {
				t.Fatalf("problem %+v", p)
			}
		}
	})
}

// A cell longer than the limit is cut there in either dialect, the record says which,
// and the rows after it are read as usual.
func TestALongCellIsCutAndNamed(t *testing.T) {
	lim := testLimits
	lim.MaxCell = 10
	for name, c := range map[string]struct {
		text   string
		benRow int // a quoted cell's line breaks stay in its row; escaped ones count
	}{
		"quoted":  {"Name,Notes\nAna,\"" + strings.Repeat("ab,\n", 500) + "\"\nBen,short\n", 3},
		"escaped": {"Name;Notes\nAna;" + strings.Repeat("ab\\;\\\n", 500) + "\nBen;short\\; ok\n", 503},
	} {
		text := c.text
		f := Read(strings.NewReader(text), lim)
		if len(f.Problems) != 0 || len(f.Records) != 3 {
			t.Fatalf("%s: %d records %v", name, len(f.Records), f.Problems)
		}
		ana, ben := f.Records[1], f.Records[2]
		if !reflect.DeepEqual(ana.Long, []int{1}) || len(ana.Cells[1]) > 10+2*500 || ben.Long != nil {
			t.Errorf("%s: long %v %v, cell of %d bytes", name, ana.Long, ben.Long, len(ana.Cells[1]))
		}
		if ben.Row != c.benRow || ben.Cells[0] != "Ben" {
			t.Errorf("%s: Ben read as %+v", name, ben)
		}
	}
}

// A source is read from its start each time, and UTF-8 is told from the whole file even
// where a character straddles two chunks of the reading.
func TestASourceReadsTwiceAndChecksUTF8AcrossChunks(t *testing.T) {
	text := "Name\n" + strings.Repeat("a", 64<<10-6) + "ü\nZoë\n" // ü's bytes span the first chunk's end
	src, problems := Open(strings.NewReader(text), Limits{MaxBytes: 1 << 20, MaxRecords: 10})
	if len(problems) != 0 || src.Encoding() != EncodingUTF8 {
		t.Fatalf("%v %s", problems, src.Encoding())
	}
	for range 2 {
		var last Record
		if p, err := src.Each(func(r Record) error { last = r; return nil }); p != nil || err != nil || last.Cells[0] != "Zoë" || last.Row != 3 {
			t.Fatalf("%v %v %+v", p, err, last)
		}
	}
	stop := io.ErrClosedPipe
	if _, err := src.Each(func(Record) error { return stop }); err != stop {
		t.Fatalf("fn's error %v", err)
	}
}
