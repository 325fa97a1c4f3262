package handover

import (
	"bytes"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"frontdesk/errs"
)

func TestTextReportShowsEverySectionInOrder(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, fixtureReport(), English); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	want := []string{
		"HANDOVER · MORNING SHIFT, 23 NOV 2026, 07:00–15:00",
		"Shift manager: Rina Kusuma · next: Evening shift, Budi Santoso",
		"Not yet acknowledged by the incoming manager.",
		"4 open requests · 3 overdue · 1 escalated · 1 complaints open",
		"WHAT CHANGED SINCE THE LAST HANDOVER",
		"Since Rina Kusuma took over from the Night shift at 07:04:",
		"open 2 → 4 · overdue 1 → 3",
		"new requests: 9 · closed: 7",
		"OPEN REQUESTS BY DEPARTMENT AND AGE",
		"Housekeeping     3        2      2      1       0        0",
		"OPEN REQUESTS, OVERDUE FIRST (4)",
		"⚠ OVERDUE 1 h 35 min",
		"Room 1315 · 王小明 ★ VIP — AC not cooling guest is in the room  [NEW]",
		"Maintenance · Maintenance · owner Dewi Lestari · 50 min old · in progress · urgent",
		"ESCALATIONS (1)",
		"⬆ Level 3",
		"to Rina Kusuma at 14:25",
		"COMPLAINTS AND UNHAPPY GUESTS NOT YET RECOVERED (1)",
		"⚠ Service recovery",
		"Иван Петров",
		"WAITING FOR A CALL-BACK TO THE GUEST (1)",
		"☎ Try again 15:30",
		"could not reach the guest",
		"VIPS AND ALERTS IN HOUSE (3)",
		"Platinum · Casino Black · Allergy: Shellfish · leaves 25 Nov",
		"… and 2 more",
		"ARRIVALS FOR THE NEXT SHIFT (1)",
		"Maria Santos · no room yet",
		"OCCASIONS FOR THE NEXT SHIFT (1)",
		"Birthday",
		"ITEMS ON LOAN (1)",
		"⚠ OVERDUE since 22 Nov",
		"Room 1204 · Crib ×1",
		"LOGBOOK (2)",
		"★ Pinned",
		"Late check-out for 1315\n" + strings.Repeat(" ", markWidth+3) + "agreed with the duty manager",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("after byte %d the report lacks %q:\n%s", at, w, text)
		}
		at += i + len(w)
	}
}

func TestTextReportSaysWhenNothingIsListed(t *testing.T) {
	r := &Report{Now: testNow, Shift: morning, Next: evening}
	var b bytes.Buffer
	if err := WriteText(&b, r, English); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"No earlier handover was acknowledged.", "No open requests.", "No escalations.",
		"No open complaints.", "Nobody is waiting for a call-back.", "No VIPs or alerts in house.", "No arrivals expected.",
		"No occasions.", "Nothing is out on loan.", "No logbook notes for this shift.", "Shift manager: none on the roster"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("the empty report lacks %q", w)
		}
	}
}

func TestCSVReadsBackWhatWasWritten(t *testing.T) {
	r := fixtureReport()
	var b bytes.Buffer
	if err := WriteCSV(&b, r); err != nil {
		t.Fatal(err)
	}
	got, err := ReadCSV(&b)
	if err != nil {
		t.Fatal(err)
	}
	want := r.Lines()
	if len(got) != len(want) || len(want) != 13 {
		t.Fatalf("read %d lines, want %d (and 13 in the fixture)", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if !g.At.Equal(w.At) || !g.Due.Equal(w.Due) {
			t.Errorf("line %d times %v %v, want %v %v", i, g.At, g.Due, w.At, w.Due)
		}
		g.At, g.Due, w.At, w.Due = time.Time{}, time.Time{}, time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("line %d\n got %+v\nwant %+v", i, g, w)
		}
	}
	if want[1].Section != SectionOpen || !slicesContain(want[1].Flags, "escalated:3") || !slicesContain(want[1].Flags, "new") {
		t.Errorf("the AC line carries %+v", want[1])
	}
}

func slicesContain(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func TestReadCSVRefusesAnotherFile(t *testing.T) {
	for _, in := range []string{"", "number,floor\n1204,12\n", strings.Join(CSVHeader, ",") + "\nnowhere,x,,,,,false,,,,,,,\n"} {
		if _, err := ReadCSV(strings.NewReader(in)); errs.CodeOf(err) != errs.Invalid {
			t.Errorf("ReadCSV(%q) = %v", in, err)
		}
	}
}

var (
	pageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)
	pageCount  = regexp.MustCompile(`/Type\s*/Pages[^>]*/Count\s+(\d+)|/Count\s+(\d+)[^>]*/Type\s*/Pages`)
)

// pdfPages counts the page objects of a PDF and checks the page tree says the same.
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[len(pdf)-32:], []byte("%%EOF")) {
		t.Fatalf("not a whole PDF: %q…", pdf[:min(len(pdf), 16)])
	}
	n := len(pageObject.FindAll(pdf, -1))
	m := pageCount.FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no page tree")
	}
	count, _ := strconv.Atoi(string(m[1]) + string(m[2]))
	if count != n {
		t.Fatalf("the page tree counts %d pages, the file holds %d", count, n)
	}
	return n
}

func renderPDF(t *testing.T, r *Report, fonts FontSet) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WritePDF(&b, r, English, fonts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPDFPagesFollowTheReportsLength(t *testing.T) {
	empty := renderPDF(t, &Report{Now: testNow, Shift: morning, Next: evening}, BuiltinFonts())
	if n := pdfPages(t, empty); n != 1 {
		t.Errorf("a quiet shift takes %d pages, want 1", n)
	}
	// The fixture fills the first page down to the arrivals; occasions, loans and the
	// logbook go on the second.
	if n := pdfPages(t, renderPDF(t, fixtureReport(), BuiltinFonts())); n != 2 {
		t.Errorf("the fixture shift takes %d pages, want 2", n)
	}
	// An entry of one title and one detail line is 27 points, so a page holds at most 28.
	long := renderPDF(t, longReport(150), BuiltinFonts())
	n := pdfPages(t, long)
	if n < 1+150/28 || n > 2+150/20 {
		t.Errorf("150 more requests take %d pages", n)
	}
	if text := pdfText(t, long); text != "" {
		if !strings.Contains(text, "page "+strconv.Itoa(n)+" of "+strconv.Itoa(n)) || strings.Count(text, "\f") != n {
			t.Errorf("the footers do not number %d pages:\n%s", n, text[len(text)-200:])
		}
	}
}

func TestPDFPrintsNonLatinNamesWithTheSystemFonts(t *testing.T) {
	fonts := SystemFonts()
	if len(fonts.Fallbacks) == 0 {
		t.Skip("no fallback font for CJK on this machine (Debian: fonts-droid-fallback)")
	}
	pdf := renderPDF(t, fixtureReport(), fonts)
	if n := pdfPages(t, pdf); n != 2 {
		t.Errorf("the fixture shift takes %d pages with the system fonts, want 2", n)
	}
	text := pdfText(t, pdf)
	if text == "" {
		t.Skip("pdftotext is not installed (Debian: poppler-utils)")
	}
	for _, w := range []string{"王小明", "Иван Петров", "OVERDUE 1 h 35 min", "Service recovery", "Pool closed until Friday"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF's text lacks %q", w)
		}
	}
}

func TestPDFStillPrintsWithoutAnyFontForAScript(t *testing.T) {
	r := fixtureReport()
	r.Manager = "ท่านผู้จัดการ 🙂" // Thai and an emoji: neither is in the Go fonts
	pdf := renderPDF(t, r, BuiltinFonts())
	if pdfPages(t, pdf) != 2 {
		t.Fatal("the report did not print")
	}
	// Thai letters become "?", their combining marks and the emoji are left out.
	if text := pdfText(t, pdf); text != "" && !strings.Contains(text, "Shift manager: ????????? · next") {
		t.Errorf("the Thai name is not replaced by question marks:\n%s", text[:300])
	}
}

// pdfText extracts the PDF's text with poppler's pdftotext, or "" when it is missing.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return ""
	}
	path := t.TempDir() + "/r.pdf"
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
