package conformance

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"frontdesk/guests"
	"frontdesk/remote"
	"frontdesk/services"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// processDesks starts a server process on a new file and pairs n desks with it, the
// first administrator signed in at each.
func processDesks(t *testing.T, n int) (*serveProcess, []*remote.Client) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "frontdesk.db")
	p := startServe(t, db, "127.0.0.1:0")
	ctx := context.Background()
	first := pairWithCode(t, p.url, p.code, "Front desk 1")
	admin := staff.Staff{Name: "Wayan Sudarma", Role: staff.RoleAdministrator, Active: true}
	if err := asAll(t, first).CreateFirstAdministrator(ctx, &admin, adminPIN); err != nil {
		t.Fatal(err)
	}
	cs := []*remote.Client{first}
	for i := 1; i < n; i++ {
		if _, err := first.SignIn(ctx, admin.ID, adminPIN); err != nil {
			t.Fatal(err)
		}
		code, _, err := first.CreatePairingCode(ctx)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, pairWithCode(t, p.url, code, fmt.Sprintf("Front desk %d", i+1)))
	}
	for _, c := range cs {
		if _, err := c.SignIn(ctx, admin.ID, adminPIN); err != nil {
			t.Fatal(err)
		}
	}
	return p, cs
}

func asAll(t *testing.T, c *remote.Client) services.All {
	t.Helper()
	all, ok := any(c).(services.All)
	if !ok {
		t.Fatal("the API client does not implement every service yet")
	}
	return all
}

// writer is a desk storing guests as fast as the server takes them, keeping the IDs the
// server acknowledged.
type writer struct {
	svc   services.All
	mu    sync.Mutex
	acked []string
	fails atomic.Int64
}

func (w *writer) run(ctx context.Context, desk int) {
	for i := 0; ctx.Err() == nil; i++ {
		g := guests.Guest{GivenName: fmt.Sprintf("Desk%d", desk), FamilyName: fmt.Sprintf("Guest%d", i)}
		if err := w.svc.CreateGuest(context.Background(), &g); err != nil {
			w.fails.Add(1)
			time.Sleep(20 * time.Millisecond)
			continue
		}
		w.mu.Lock()
		w.acked = append(w.acked, g.ID)
		w.mu.Unlock()
	}
}

func (w *writer) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.acked)
}

// waitFor waits until cond holds, failing after d.
func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestKillNineKeepsAcknowledged: the server is killed (SIGKILL) while three desks write;
// every write a desk saw acknowledged is there after the restart, and the desks go on by
// themselves, with the same sessions.
func TestKillNineKeepsAcknowledged(t *testing.T) {
	p, cs := processDesks(t, 3)
	ctx, stop := context.WithCancel(context.Background())
	ws := make([]*writer, len(cs))
	var wg sync.WaitGroup
	var downs, ups atomic.Int64
	for i, c := range cs {
		ws[i] = &writer{svc: asAll(t, c)}
		c.Watch(func(up bool) {
			if up {
				ups.Add(1)
			} else {
				downs.Add(1)
			}
		})
		wg.Add(1)
		go func(i int) { defer wg.Done(); ws[i].run(ctx, i) }(i)
	}
	waitFor(t, 30*time.Second, "writes before the kill", func() bool { return ws[0].count() >= 20 && ws[2].count() >= 20 })
	p.kill(syscall.SIGKILL)
	before := make([]int, len(ws))
	for i, w := range ws {
		before[i] = w.count()
	}
	waitFor(t, 10*time.Second, "every desk to see the server gone", func() bool { return downs.Load() >= int64(len(cs)) })
	p2 := startServe(t, p.db, p.listen)
	waitFor(t, 30*time.Second, "writes after the restart", func() bool {
		for i, w := range ws {
			if w.count() < before[i]+10 {
				return false
			}
		}
		return true
	})
	stop()
	wg.Wait()
	if ups.Load() < int64(len(cs)) {
		t.Fatalf("desks saw the server back %d times, want %d", ups.Load(), len(cs))
	}
	check := asAll(t, cs[0])
	total := 0
	for _, w := range ws {
		for _, id := range w.acked {
			if _, err := check.FindGuestByID(context.Background(), id); err != nil {
				t.Fatalf("guest %s was acknowledged but is gone after kill -9: %v\n%s", id, err, p2.output())
			}
			total++
		}
	}
	t.Logf("%d writes acknowledged, all there after kill -9; %d failed while the server was away", total,
		ws[0].fails.Load()+ws[1].fails.Load()+ws[2].fails.Load())
}

// TestServerStoppedUnderOpenDesk: a server stopped cleanly (SIGTERM) and started again
// while a desk is open; the desk says so and goes on without pairing or signing in again.
func TestServerStoppedUnderOpenDesk(t *testing.T) {
	p, cs := processDesks(t, 1)
	c := cs[0]
	var changes []bool
	var mu sync.Mutex
	c.Watch(func(up bool) { mu.Lock(); changes = append(changes, up); mu.Unlock() })
	svc := asAll(t, c)
	g := guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}
	if err := svc.CreateGuest(context.Background(), &g); err != nil {
		t.Fatal(err)
	}
	follow(t, svc, 0) // a desk listening to the feed does not hold the stop up
	time.Sleep(300 * time.Millisecond)
	began := time.Now()
	p.kill(syscall.SIGTERM)
	if took := time.Since(began); took > 10*time.Second {
		t.Fatalf("the server took %v to stop under a followed feed", took)
	}
	if out := p.output(); !bytes.Contains([]byte(out), []byte("the database is closed")) {
		t.Fatalf("no clean stop in the log:\n%s", out)
	}
	_, err := svc.FindGuestByID(context.Background(), g.ID)
	if err == nil || c.Connected() {
		t.Fatalf("a call to a stopped server succeeded: %v", err)
	}
	startServe(t, p.db, p.listen)
	waitFor(t, 15*time.Second, "the desk to see the server back", c.Connected)
	got, err := svc.FindGuestByID(context.Background(), g.ID)
	if err != nil || got.Guest.FamilyName != "Rahayu" {
		t.Fatalf("after the restart: %+v %v", got, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(changes) < 2 || changes[0] || !changes[len(changes)-1] {
		t.Fatalf("connection changes seen: %v", changes)
	}
}

// TestSecondServerRefused: one file, one server.
func TestSecondServerRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "frontdesk.db")
	startServe(t, db, "127.0.0.1:0")
	out, err := execServe(db)
	if err == nil || !bytes.Contains(out, []byte("Another Frontdesk server is already serving")) {
		t.Fatalf("a second server started on one file: %v\n%s", err, out)
	}
}

// TestDeskCutOffMidImport: a desk that goes away in the middle of an import leaves all of
// it or none of it.
func TestDeskCutOffMidImport(t *testing.T) {
	p, cs := processDesks(t, 1)
	svc := asAll(t, cs[0])
	var csv bytes.Buffer
	csv.WriteString("First name,Last name,Email\n")
	const rows = 3000
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&csv, "Guest%d,Import,guest%d@example.com\n", i, i)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err := svc.ImportGuestsCSV(ctx, bytes.NewReader(csv.Bytes()), guests.ImportOptions{Progress: func(done, total int) {
		if done > 0 {
			cancel()
		}
	}})
	cancel()
	n := countGuests(t, p.db)
	if (err != nil && n != 0) || (err == nil && n != rows) {
		t.Fatalf("a cut-off import left %d of %d guests (err %v)", n, rows, err)
	}
}

// execServe runs a second `frontdesk serve` on db and returns what it said.
func execServe(db string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return exec.CommandContext(ctx, frontdeskBin, "serve", "--db", db, "--listen", "127.0.0.1:0").CombinedOutput()
}

// countGuests counts the guests in the file, read beside the server.
func countGuests(t *testing.T, db string) int {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db, sqlite.Options{CheckLater: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, err := st.ExportGuestsCSV(staff.WithActor(context.Background(), staff.Actor{Name: "test", Role: staff.RoleAdministrator}), io.Discard, false)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
