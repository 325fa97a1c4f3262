package app

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/encoding/charmap"

	"frontdesk/csvfile"
	"frontdesk/guests"
	"frontdesk/staff"
)

const pmsFile = "Nama Tamu;Surel;Tanggal Datang;Tanggal Berangkat;Kamar;Rate Code\n" +
	"Ana Silva;ana@example.com;01/11/2026;04/11/2026;1204;BAR\n" +
	"Ana Silva;ana@example.com;20/11/2026;22/11/2026;1204;BAR\n" +
	"Ben Lee;not-an-email;;;;\n"

func asManager(h *harness) {
	h.ui.showMain(staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager})
}

func searchCount(t *testing.T, h *harness, text string) int {
	t.Helper()
	ms, err := h.store.SearchGuests(context.Background(), guests.Query{Text: text})
	must(t, err)
	return len(ms)
}

func TestGuestImportIsAManagersTab(t *testing.T) {
	h := newHarness(t, nil)
	if h.ui.resources.guestIO != nil {
		t.Fatal("an agent has the guest import tab")
	}
	asManager(h)
	if h.ui.resources.guestIO == nil {
		t.Fatal("a manager has no guest import tab")
	}
	found := false
	for _, tab := range h.ui.resources.tabs.Items {
		found = found || tab.Text == "Guest import & export"
	}
	if !found {
		t.Fatal("no tab titled Guest import & export")
	}
}

func TestGuestImportChecksFirstThenImportsWithProgress(t *testing.T) {
	h := newHarness(t, nil)
	asManager(h)
	v := h.ui.resources.guestIO
	v.check("pms.csv", io.NopCloser(strings.NewReader(pmsFile)))
	h.settle(0)
	if searchCount(t, h, "silva") != 0 {
		t.Fatal("the check stored guests")
	}
	if !strings.Contains(v.summary.Text, "Checked 3 rows: 1 new guests, 1 rows merged into a known guest or an earlier row, 1 rejected, 2 stays to add.") {
		t.Fatalf("summary %q", v.summary.Text)
	}
	if !v.confirm.Visible() || v.confirm.Text != "Import 2 rows now" {
		t.Fatalf("confirm button %q visible=%v", v.confirm.Text, v.confirm.Visible())
	}
	if !strings.Contains(v.columns.Text, "Nama Tamu → name") || !strings.Contains(v.columns.Text, "Ignored: Rate Code.") {
		t.Errorf("columns %q", v.columns.Text)
	}
	if len(v.lines) != 2 {
		t.Fatalf("lines %+v", v.lines)
	}
	row := widget.NewLabel("")
	v.updateLine(v.lines[1], row)
	if row.Text != "Row 4 · Ben Lee · rejected: Surel: E-mail 'not-an-email' is not a valid address." || row.Importance != widget.DangerImportance {
		t.Errorf("rejected row %q", row.Text)
	}
	v.updateLine(v.lines[0], row)
	if row.Text != "Row 3 · Ana Silva · merged into Ana Silva from row 2" {
		t.Errorf("merged row %q", row.Text)
	}

	test.Tap(v.confirm)
	h.settle(0)
	if searchCount(t, h, "silva") != 1 {
		t.Fatal("the import did not store Ana once")
	}
	if v.progress.Value != 1 || v.progress.Visible() || v.confirm.Visible() {
		t.Errorf("progress %v visible=%v, confirm visible=%v", v.progress.Value, v.progress.Visible(), v.confirm.Visible())
	}
	if !strings.HasPrefix(v.summary.Text, "Imported: 1 new guests, 1 rows merged, 2 stays added; 1 rows rejected") {
		t.Errorf("summary %q", v.summary.Text)
	}
}

func TestAFileThatCannotBeUsedImportsNothing(t *testing.T) {
	h := newHarness(t, nil)
	asManager(h)
	v := h.ui.resources.guestIO
	v.check("x.csv", io.NopCloser(strings.NewReader("Email\na@b.co\n")))
	h.settle(0)
	if v.confirm.Visible() || !strings.Contains(v.summary.Text, "Nothing was imported") ||
		!strings.Contains(v.summary.Text, "No column holds the guest's name") {
		t.Fatalf("summary %q, confirm visible=%v", v.summary.Text, v.confirm.Visible())
	}
}

// fileWriter opens path for writing as the save dialog would, the file first created
// readable by everyone.
func fileWriter(t *testing.T, path string) fyne.URIWriteCloser {
	t.Helper()
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestExportAllGuestsWritesAnOwnerOnlyFile(t *testing.T) {
	h := newHarness(t, nil)
	h.addGuest(guests.Guest{GivenName: "Ana", FamilyName: "Silva", Email: "ana@example.com"}, "1204")
	asManager(h)
	v := h.ui.resources.guestIO
	v.stays.SetChecked(true)
	path := filepath.Join(t.TempDir(), "guests.csv")
	v.exportTo(fileWriter(t, path))
	h.settle(0)
	b, err := os.ReadFile(path)
	must(t, err)
	if !strings.Contains(string(b), "Ana,Silva,ana@example.com") || !strings.Contains(string(b), "1204,in_house") {
		t.Fatalf("exported:\n%s", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("export file mode %v", st.Mode().Perm())
	}
	if !strings.Contains(v.summary.Text, "Exported 1 rows to guests.csv; the file is readable by you only.") {
		t.Errorf("summary %q", v.summary.Text)
	}
}

// A file the check had to guess the encoding of says so; choosing the right encoding
// checks the same file again, and the names come out as written.
func TestGuestImportLetsTheManagerChooseTheEncoding(t *testing.T) {
	h := newHarness(t, nil)
	asManager(h)
	v := h.ui.resources.guestIO
	file, _ := charmap.Windows1250.NewEncoder().String("Name,Email\nŁukasz Wąsik,lukasz@example.pl\n")
	v.check("polish.csv", io.NopCloser(strings.NewReader(file)))
	h.settle(0)
	if !strings.Contains(v.summary.Text, "⚠ The file is not UTF-8 text, so it was read as Windows-1252.") {
		t.Fatalf("no warning: %q", v.summary.Text)
	}
	v.encoding.SetSelected(csvfile.EncodingWindows1250)
	h.settle(0)
	if strings.Contains(v.summary.Text, "⚠") || !strings.Contains(v.columns.Text, "Read as Windows-1250") {
		t.Fatalf("after choosing: %q / %q", v.summary.Text, v.columns.Text)
	}
	test.Tap(v.confirm)
	h.settle(0)
	ms, err := h.store.SearchGuests(context.Background(), guests.Query{Text: "wąsik"})
	must(t, err)
	if len(ms) != 1 || ms[0].GivenName != "Łukasz" {
		t.Fatalf("stored %+v", ms)
	}
}
