package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/guests"
	"frontdesk/handover"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// handoverDB is a database with a manager, a room and one open request from a guest.
func handoverDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fd.db")
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	admin := &staff.Staff{Name: "Wayan Sudarma"}
	check(t, s.CreateFirstAdministrator(ctx, admin, "1357"))
	boss := staff.WithActor(ctx, staff.Actor{ID: admin.ID, Name: admin.Name, Role: staff.RoleAdministrator})
	check(t, s.SaveRoom(boss, &property.Room{Number: "1204", Floor: 12}))
	g := &guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}
	check(t, s.CreateGuest(ctx, g))
	check(t, s.CreateRequest(boss, &requests.Request{GuestID: g.ID, Room: "1204", Category: "maintenance",
		Description: "Shower drains slowly"}, time.Time{}))
	check(t, s.AddNote(boss, &handover.Note{Text: "Plumber comes at 14:00"}))
	return path
}

func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := runHandover(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHandoverCommandPrintsTheShiftAsText(t *testing.T) {
	db := handoverDB(t)
	code, out, errOut := runCLI("--db", db)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, w := range []string{"HANDOVER · ", "1 open requests", "Room 1204 · Siti Rahayu — Shower drains slowly",
		"Maintenance & engineering", "Plumber comes at 14:00", "No earlier handover was acknowledged."} {
		if !strings.Contains(out, w) {
			t.Errorf("the text report lacks %q:\n%s", w, out)
		}
	}
}

func TestHandoverCommandWritesCSVAndPDFFiles(t *testing.T) {
	db := handoverDB(t)
	dir := t.TempDir()
	csvPath, pdfPath := filepath.Join(dir, "h.csv"), filepath.Join(dir, "h.pdf")
	if code, _, errOut := runCLI("--db", db, "--format", "csv", "--out", csvPath); code != 0 {
		t.Fatalf("csv: exit %d: %s", code, errOut)
	}
	f, err := os.Open(csvPath)
	check(t, err)
	defer f.Close()
	lines, err := handover.ReadCSV(f)
	check(t, err)
	if len(lines) != 2 || lines[0].Section != handover.SectionOpen || lines[0].Text != "Shower drains slowly" ||
		lines[1].Section != handover.SectionLogbook {
		t.Errorf("csv lines = %+v", lines)
	}
	if code, _, errOut := runCLI("--db", db, "--format", "pdf", "--out", pdfPath); code != 0 {
		t.Fatalf("pdf: exit %d: %s", code, errOut)
	}
	pdf, err := os.ReadFile(pdfPath)
	check(t, err)
	st, err := os.Stat(pdfPath)
	check(t, err)
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 1000 || st.Mode().Perm() != 0o600 {
		t.Errorf("pdf of %d bytes, mode %v", len(pdf), st.Mode().Perm())
	}
}

func TestHandoverCommandForAChosenShift(t *testing.T) {
	db := handoverDB(t)
	code, out, errOut := runCLI("--db", db, "--day", "2026-11-23", "--shift", "night")
	if code != 0 || !strings.Contains(out, "HANDOVER · NIGHT SHIFT, 23 NOV 2026, 23:00–07:00") {
		t.Fatalf("exit %d %s:\n%s", code, errOut, out)
	}
}

func TestHandoverCommandRefusesBadArguments(t *testing.T) {
	db := handoverDB(t)
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{nil, 2, "give the database with --db FILE"},
		{[]string{"--db", db, "--format", "docx"}, 2, "--format is text, csv or pdf"},
		{[]string{"--db", db, "--day", "2026-11-23"}, 2, "give --day and --shift together"},
		{[]string{"--db", db, "--day", "23/11/2026", "--shift", "night"}, 2, "--day is a date like 2026-11-23"},
		{[]string{"--db", db, "--day", "2026-11-23", "--shift", "noon"}, 1, "Choose one of the options in the list."},
		{[]string{"--db", filepath.Join(t.TempDir(), "missing.db")}, 1, "no database at"},
	}
	for _, c := range cases {
		code, _, errOut := runCLI(c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) || strings.Count(errOut, "\n") > 1 && c.code == 1 {
			t.Errorf("%v: exit %d %q, want %d %q", c.args, code, errOut, c.code, c.msg)
		}
	}
}

// A command that reads a property's data never turns an empty or foreign file into a
// new database: it says what the file is and leaves it as it was.
func TestReadCommandsLeaveANonDatabaseAlone(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	text := filepath.Join(dir, "notes.db")
	check(t, os.WriteFile(empty, nil, 0o600))
	check(t, os.WriteFile(text, []byte("guest list\n"), 0o600))
	for _, c := range []struct {
		path, want string
	}{{empty, "is empty"}, {text, "is not a Frontdesk database"}, {filepath.Join(dir, "none.db"), "there is no database"}} {
		var out, errOut bytes.Buffer
		for name, run := range map[string]func([]string, io.Writer, io.Writer) int{"handover": runHandover, "export": runExport} {
			args := []string{"--db", c.path}
			if name == "export" {
				args = append([]string{"guests"}, args...)
			}
			if code := run(args, &out, &errOut); code == 0 || !strings.Contains(errOut.String(), c.want) {
				t.Errorf("%s %s: exit %d, %q", name, c.path, code, errOut.String())
			}
		}
	}
	for _, p := range []string{empty, text} {
		if st, err := os.Stat(p); err != nil || st.Size() > int64(len("guest list\n")) {
			t.Errorf("%s changed", p)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("a database was created where none was")
	}
}
