package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"frontdesk/guests"
	"frontdesk/sqlite"
)

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const pmsFile = "Nama Tamu;Surel;Tanggal Datang;Tanggal Berangkat;Kamar\n" +
	"Ana Silva;ana@example.com;01/11/2026;04/11/2026;1204\n" +
	"Ana Silva;ana@example.com;20/11/2026;22/11/2026;1204\n" +
	"Ben Lee;not-an-email;;;\n"

func TestImportCommandDryRunThenImport(t *testing.T) {
	db := databaseWithGuest(t, "Rahayu")
	csv := writeFile(t, "pms.csv", pmsFile)
	code, out, errOut := run(t, "import", "guests", csv, "--db", db, "--dry-run")
	if code != 0 || !strings.Contains(out, "Dry run, nothing stored. Would import 3 rows") ||
		!strings.Contains(out, "1 new guests, 1 merged, 1 rejected, 2 stays added") ||
		!strings.Contains(out, "row 3: Ana Silva merged into Ana Silva (row 2)") ||
		!strings.Contains(out, "row 4: Ben Lee rejected: Surel: E-mail 'not-an-email' is not a valid address.") ||
		!strings.Contains(out, "Nama Tamu → name") {
		t.Fatalf("dry run: %d\n%s\n%s", code, out, errOut)
	}
	code, out, _ = run(t, "export", "guests", "--db", db)
	if code != 0 || strings.Contains(out, "Silva") {
		t.Fatalf("after a dry run the database holds: %s", out)
	}
	code, out, errOut = run(t, "import", "--db", db, "guests", csv)
	if code != 0 || !strings.HasPrefix(out, "Imported 3 rows") {
		t.Fatalf("import: %d\n%s\n%s", code, out, errOut)
	}
	_, out, _ = run(t, "export", "guests", "--db", db, "--stays")
	if strings.Count(out, "Silva") != 2 || !strings.Contains(out, "2026-11-20,2026-11-22,1204") {
		t.Fatalf("exported:\n%s", out)
	}
}

func TestImportCommandRefusesAnUnreadableFile(t *testing.T) {
	db := databaseWithGuest(t, "Rahayu")
	code, out, _ := run(t, "import", "guests", writeFile(t, "x.csv", "Email\na@b.co\n"), "--db", db)
	if code != 1 || !strings.Contains(out, "Nothing was imported") || !strings.Contains(out, "No column holds the guest's name") {
		t.Fatalf("%d %s", code, out)
	}
	for _, args := range [][]string{{"guests"}, {"rooms", "x.csv"}, {"guests", "a.csv", "b.csv"}} {
		if code, _, _ := run(t, "import", args...); code != 2 {
			t.Errorf("import %v: exit %d, want 2", args, code)
		}
	}
	code, _, errOut := run(t, "import", "guests", filepath.Join(t.TempDir(), "missing.csv"), "--db", db)
	if code != 1 || !strings.Contains(errOut, "cannot read") {
		t.Errorf("missing file: %d %s", code, errOut)
	}
}

func TestExportFilesAreOwnerOnlyAndNeverReplaced(t *testing.T) {
	db := databaseWithGuest(t, "Rahayu")
	out := filepath.Join(t.TempDir(), "guests.csv")
	code, stdout, errOut := run(t, "export", "guests", "--db", db, "--out", out)
	if code != 0 || !strings.Contains(stdout, "Wrote 1 rows") {
		t.Fatalf("export: %d %s %s", code, stdout, errOut)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("export file mode: %v %v", st.Mode(), err)
	}
	if code, _, errOut := run(t, "export", "guests", "--db", db, "--out", out); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("export over a file: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "export", "guests", "--db", db, "--out", db); code != 1 || !strings.Contains(errOut, "the database itself") {
		t.Fatalf("export over the database: %d %s", code, errOut)
	}
}

func TestExportGuestDataWritesJSON(t *testing.T) {
	db := databaseWithGuest(t, "Rahayu")
	_, csv, _ := run(t, "export", "guests", "--db", db)
	if !strings.Contains(csv, "Rahayu") {
		t.Fatal(csv)
	}
	code, out, _ := run(t, "import", "guests", writeFile(t, "a.csv", "Name,Email\nAna Silva,ana@example.com\n"), "--db", db)
	if code != 0 {
		t.Fatal(out)
	}
	id := guestID(t, db, "ana@example.com")
	path := filepath.Join(t.TempDir(), "ana.json")
	if code, _, errOut := run(t, "export", "guest-data", id, "--db", db, "--out", path); code != 0 {
		t.Fatalf("guest-data: %s", errOut)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d guests.DataExport
	if err := json.Unmarshal(b, &d); err != nil || d.Guest.Email != "ana@example.com" || d.Format != guests.DataExportFormat {
		t.Fatalf("%v %+v", err, d)
	}
	if code, _, errOut := run(t, "export", "guest-data", "nobody", "--db", db); code != 1 || !strings.Contains(errOut, "no longer exists") {
		t.Fatalf("unknown guest: %d %s", code, errOut)
	}
}

// guestID finds a guest by e-mail through the search, as a desk would.
func guestID(t *testing.T, db, email string) string {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.SearchGuests(context.Background(), guests.Query{Text: email})
	if err != nil || len(ms) != 1 {
		t.Fatalf("search %s: %v %+v", email, err, ms)
	}
	return ms[0].ID
}

func TestImportCommandWarnsOfAGuessedEncodingAndTakesAChosenOne(t *testing.T) {
	db := databaseWithGuest(t, "Rahayu")
	text, _ := charmap.Windows1250.NewEncoder().String("Name,Email\nŁukasz Wąsik,lukasz@example.pl\n")
	csv := writeFile(t, "polish.csv", text)
	code, out, errOut := run(t, "import", "guests", csv, "--db", db, "--dry-run")
	if code != 0 || !strings.Contains(out, "Warning: The file is not UTF-8 text, so it was read as Windows-1252.") || !strings.Contains(out, "Use --encoding") {
		t.Fatalf("guessed: %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = run(t, "import", "guests", csv, "--db", db, "--encoding", "Windows-1250")
	if code != 0 || strings.Contains(out, "Warning") || !strings.Contains(out, "(Windows-1250,") {
		t.Fatalf("chosen: %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut = run(t, "import", "guests", csv, "--db", db, "--encoding", "EBCDIC"); code != 2 || !strings.Contains(errOut, "--encoding must be one of UTF-8") {
		t.Fatalf("unknown encoding: %d %s", code, errOut)
	}
}
