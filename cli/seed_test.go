package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"frontdesk/guests"
	"frontdesk/sqlite"
)

// seeded is a small resort made by the seed command, shared by the tests below.
func seededDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "seed.db")
	code, out, errOut := run(t, "seed", "--db", db, "--guests", "2000", "--requests", "5000", "--seed", "3")
	if code != 0 || !strings.Contains(out, "2,000 guests") || !strings.Contains(out, "5,000 requests") {
		t.Fatalf("seed: %d\n%s\n%s", code, out, errOut)
	}
	for _, stage := range []string{"guests", "requests", "indexes", "search index"} {
		if !strings.Contains(errOut, stage) {
			t.Errorf("progress never showed %q:\n%s", stage, errOut)
		}
	}
	return db
}

func TestSeedFillsANewDatabaseAndRefusesToSeedItTwice(t *testing.T) {
	db := seededDB(t)
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sample, err := s.SampleGuests(context.Background(), 1, 1)
	if err != nil || len(sample) != 1 {
		t.Fatalf("sample: %v %v", sample, err)
	}
	ms, err := s.SearchGuests(context.Background(), guests.Query{Text: sample[0].FullName()})
	if err != nil || len(ms) == 0 {
		t.Fatalf("a seeded guest is not found by name: %v", err)
	}
	s.Close()
	code, _, errOut := run(t, "seed", "--db", db, "--guests", "10", "--requests", "0")
	if code != 1 || !strings.Contains(errOut, "already holds guests") {
		t.Fatalf("seeding twice: %d %s", code, errOut)
	}
}

func TestSeedAndBenchRefuseMissingArguments(t *testing.T) {
	for _, args := range [][]string{{"seed"}, {"seed", "--db", "x.db", "--guests", "0"}, {"bench"}} {
		if code, _, errOut := run(t, args[0], args[1:]...); code != 2 || !strings.Contains(errOut, "--db") {
			t.Errorf("%v: %d %s", args, code, errOut)
		}
	}
	if code, _, errOut := run(t, "bench", "--db", filepath.Join(t.TempDir(), "none.db")); code != 1 || !strings.Contains(errOut, "no database") {
		t.Errorf("bench on a missing file: %d %s", code, errOut)
	}
}

// benchOperations are the rows every bench run prints.
var benchOperations = []string{
	"startup: open file + migrations", "search: name, 1 word (2–4 letters)", "search: name, 2 words (2–4 letters each)",
	"search: phone digits (6–8)", "search: phone, last digits (4–6)", "search: e-mail fragment (name@dom)", "search: loyalty number", "search: room (in house)",
	"open profile (FindGuestByID)", "create request (commit, full fsync)", "update profile: e-mail (commit, full fsync)", "requests queue: ",
	"Today board, managers", "Today board, front_desk", "Today board, concierge", "Today board, housekeeping",
	"Today board, food_beverage", "Today board, casino_host", "Today board, security", "Today board, maintenance", "Today board, bell_transport",
	"Today board, first after opening", "handover report, shift on now", "measures, last 90 days",
}

func TestBenchPrintsATableAndTheSameFiguresAsJSON(t *testing.T) {
	db := seededDB(t)
	code, out, errOut := run(t, "bench", "--db", db, "--n", "5")
	if code != 0 {
		t.Fatalf("bench: %d\n%s\n%s", code, out, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	figures := regexp.MustCompile(`\s\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+`) // n, p50, p95, max
	for _, op := range benchOperations {
		i := indexOfPrefix(lines, op)
		if i < 0 {
			t.Errorf("no row %q in\n%s", op, out)
			continue
		}
		if strings.HasPrefix(op, "search:") && !strings.Contains(lines[i], "×") {
			t.Errorf("search row without ratios: %s", lines[i])
		}
		if !figures.MatchString(lines[i]) {
			t.Errorf("row without n and three timings: %s", lines[i])
		}
	}
	code, out, errOut = run(t, "bench", "--db", db, "--n", "5", "--json")
	if code != 0 {
		t.Fatalf("bench --json: %d\n%s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(rows) != len(benchOperations) {
		t.Fatalf("%d JSON rows, want %d", len(rows), len(benchOperations))
	}
	for _, r := range rows {
		op, _ := r["operation"].(string)
		for _, field := range []string{"n", "p50_ms", "p95_ms", "max_ms"} {
			if _, ok := r[field].(float64); !ok {
				t.Errorf("%s: %s missing", op, field)
			}
		}
		_, naive := r["naive_p95_ms"].(float64)
		_, engine := r["engine_p95_ms"].(float64)
		if search := strings.HasPrefix(op, "search:"); naive != search || engine != search {
			t.Errorf("%s: naive %v engine %v", op, naive, engine)
		}
	}
}

func indexOfPrefix(lines []string, prefix string) int {
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return i
		}
	}
	return -1
}

// bench --server measures the desk's operations again through a server and says what
// the API adds to each.
func TestBenchThroughTheServer(t *testing.T) {
	db := seededDB(t)
	code, out, errOut := run(t, "bench", "--db", db, "--n", "5", "--server")
	if code != 0 {
		t.Fatalf("bench --server: %d\n%s\n%s", code, out, errOut)
	}
	head := strings.Index(out, "through the server")
	if head < 0 {
		t.Fatalf("no table through the server:\n%s", out)
	}
	through := strings.Split(out[head:], "\n")
	withLocal := regexp.MustCompile(`\s\d+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+-?[\d.]+$`) // n, p50, p95, max, local p95, API adds
	for _, op := range []string{"search: name, 1 word (2–4 letters)", "open profile (FindGuestByID)", "create request (commit, full fsync)",
		"requests queue: ", "Today board", "handover report, shift on now", "measures, last 90 days"} {
		i := indexOfPrefix(through, op)
		if i < 0 {
			t.Errorf("no row %q through the server", op)
			continue
		}
		if !withLocal.MatchString(through[i]) {
			t.Errorf("row without its local figure and the API's share: %s", through[i])
		}
	}
}

// loadtest has desks work through a server for a moment and reports every operation,
// without errors, and the time a request takes from one desk to the others.
func TestLoadtestReportsOperationsAndDeskToDesk(t *testing.T) {
	db := seededDB(t)
	code, out, errOut := run(t, "loadtest", "--db", db, "--desks", "3", "--duration", "4s", "--think", "200ms", "--json")
	if code != 0 {
		t.Fatalf("loadtest: %d\n%s\n%s", code, out, errOut)
	}
	var rep struct {
		Desks int `json:"desks"`
		Ops   []struct {
			Operation string `json:"operation"`
			N, Errors int
			FirstErr  string `json:"first_error"`
		} `json:"operations"`
		DeskToDesk struct {
			N   int     `json:"n"`
			P95 float64 `json:"p95_ms"`
		} `json:"desk_to_desk"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if rep.Desks != 3 || len(rep.Ops) != 7 {
		t.Fatalf("report: %+v", rep)
	}
	for _, op := range rep.Ops {
		if op.Errors > 0 {
			t.Errorf("%s: %d errors, first %s", op.Operation, op.Errors, op.FirstErr)
		}
	}
	if rep.Ops[0].N == 0 || rep.DeskToDesk.N == 0 || rep.DeskToDesk.P95 <= 0 {
		t.Errorf("nothing measured: %s", out)
	}
	if c, _, _ := run(t, "loadtest", "--desks", "3"); c != 2 {
		t.Error("loadtest without --db accepted")
	}
}
