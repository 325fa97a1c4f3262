package crashtest

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"frontdesk/guests"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// The writer process is this test binary started with these variables set.
const (
	envDB    = "FRONTDESK_WRITER_DB"    // the database file
	envActor = "FRONTDESK_WRITER_ACTOR" // the agent logging requests
	envGuest = "FRONTDESK_WRITER_GUEST" // the guest they are for
	envCount = "FRONTDESK_WRITER_COUNT" // requests to log, then exit; 0: until killed

	writers = 3 // goroutines logging at once in one process
	room    = "1204"
)

func TestMain(m *testing.M) {
	if db := os.Getenv(envDB); db != "" {
		os.Exit(writeRequests(db))
	}
	os.Exit(m.Run())
}

// writeRequests is the writer process: it logs requests as fast as it can and prints each
// one's ID on stdout only after CreateRequest returned, that is after the commit. Any
// error goes to stderr and makes the exit code non-zero.
func writeRequests(db string) int {
	s, err := sqlite.Open(context.Background(), db, sqlite.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		return 2
	}
	defer s.Close()
	ctx := staff.WithActor(context.Background(), staff.Actor{ID: os.Getenv(envActor), Name: "Dewi Lestari", Role: staff.RoleAgent})
	count, _ := strconv.Atoi(os.Getenv(envCount))
	fmt.Println("ready")
	var mu sync.Mutex
	var wg sync.WaitGroup
	failed := false
	for w := range writers {
		wg.Go(func() {
			for i := 0; count == 0 || i < count/writers; i++ {
				r := &requests.Request{GuestID: os.Getenv(envGuest), Room: room, Category: "towels",
					Description: fmt.Sprintf("Towels, writer %d/%d", w, i)}
				err := s.CreateRequest(ctx, r, time.Time{})
				mu.Lock()
				if err != nil {
					fmt.Fprintln(os.Stderr, "create request:", err)
					failed = true
				} else {
					os.Stdout.WriteString(r.ID + "\n") // one write, so lines never interleave
				}
				mu.Unlock()
				if err != nil {
					return
				}
			}
		})
	}
	wg.Wait()
	if failed {
		return 1
	}
	return 0
}

// testProperty is a database with what a request needs: an agent, a room and a guest.
type testProperty struct {
	path           string
	agent, guestID string
}

func newProperty(t *testing.T) *testProperty {
	t.Helper()
	ctx := context.Background()
	p := &testProperty{path: filepath.Join(t.TempDir(), "fd.db")}
	s, err := sqlite.Open(ctx, p.path, sqlite.Options{})
	must(t, err)
	defer s.Close()
	admin := &staff.Staff{Name: "Wayan Sudarma"}
	must(t, s.CreateFirstAdministrator(ctx, admin, "1357"))
	boss := staff.WithActor(ctx, staff.Actor{ID: admin.ID, Name: admin.Name, Role: admin.Role})
	agent := &staff.Staff{Name: "Dewi Lestari", Role: staff.RoleAgent, Active: true}
	must(t, s.CreateStaff(boss, agent, "4829"))
	must(t, s.SaveRoom(boss, &property.Room{Number: room, Floor: 12}))
	g := &guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}
	must(t, s.CreateGuest(ctx, g))
	p.agent, p.guestID = agent.ID, g.ID
	return p
}

// writer is a started writer process and the IDs it acknowledged, read as they come.
type writer struct {
	cmd    *exec.Cmd
	stderr strings.Builder
	ready  chan struct{}
	lines  chan string // acknowledged IDs; closed when the process's stdout closes
}

// startWriter starts a writer process on p logging count requests (0: until killed).
func (p *testProperty) startWriter(t *testing.T, count int) *writer {
	t.Helper()
	w := &writer{ready: make(chan struct{}), lines: make(chan string, 1<<16)}
	w.cmd = exec.Command(os.Args[0], "-test.run=^$")
	w.cmd.Env = append(os.Environ(), envDB+"="+p.path, envActor+"="+p.agent, envGuest+"="+p.guestID,
		envCount+"="+strconv.Itoa(count))
	w.cmd.Stderr = &w.stderr
	out, err := w.cmd.StdoutPipe()
	must(t, err)
	must(t, w.cmd.Start())
	go w.read(out)
	return w
}

// read passes on complete lines only: a line cut short by a kill was never acknowledged.
func (w *writer) read(out io.Reader) {
	defer close(w.lines)
	r := bufio.NewReader(out)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		switch line = strings.TrimSuffix(line, "\n"); {
		case line == "ready":
			close(w.ready)
		case len(line) == 36:
			w.lines <- line
		}
	}
}

// drain returns every acknowledged ID once stdout has closed.
func (w *writer) drain() []string {
	var ids []string
	for id := range w.lines {
		ids = append(ids, id)
	}
	return ids
}

// present counts how many of ids are stored, over a read-only connection that leaves
// the WAL as the crash left it for the next writer to recover.
func present(t *testing.T, path string, ids []string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=10000")
	must(t, err)
	defer db.Close()
	n := 0
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		var found int
		q := "SELECT count(*) FROM requests WHERE id IN (?" + strings.Repeat(",?", len(chunk)-1) + ")"
		must(t, db.QueryRow(q, args...).Scan(&found))
		n += found
	}
	return n
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
