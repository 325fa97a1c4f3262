package conformance

import (
	"context"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/remote"
	"frontdesk/requests"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// cutter stands between a desk and the server like a network that can fail: cut drops
// every connection and refuses new ones, mend answers again on the same address.
type cutter struct {
	target, addr string
	mu           sync.Mutex
	ln           net.Listener
	conns        []net.Conn
}

func newCutter(t *testing.T, target string) *cutter {
	t.Helper()
	c := &cutter{target: target, addr: "127.0.0.1:0"}
	c.mend(t)
	t.Cleanup(c.cut)
	return c
}

// mend listens again (first on any port; then on the same one).
func (c *cutter) mend(t *testing.T) {
	t.Helper()
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		t.Fatal(err)
	}
	c.mu.Lock()
	c.ln, c.addr = ln, ln.Addr().String()
	c.mu.Unlock()
	go c.accept(ln)
}

func (c *cutter) accept(ln net.Listener) {
	for {
		in, err := ln.Accept()
		if err != nil {
			return
		}
		out, err := net.Dial("tcp", c.target)
		if err != nil {
			in.Close()
			continue
		}
		c.mu.Lock()
		c.conns = append(c.conns, in, out)
		c.mu.Unlock()
		go func() { io.Copy(out, in); out.Close() }()
		go func() { io.Copy(in, out); in.Close() }()
	}
}

// cut closes the listener and every connection through it.
func (c *cutter) cut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ln != nil {
		c.ln.Close()
	}
	for _, conn := range c.conns {
		conn.Close()
	}
	c.conns = nil
}

// resort is a server process with its administrator's desk, the file beside it (to
// check and to set the scene, never to act for a desk) and its staff.
type resort struct {
	serve *serveProcess
	admin *remote.Client
	file  *sqlite.Store
	staff map[string]staff.Staff // by first name
}

// openProperty starts a server on a new file with an administrator and the agents named.
func openProperty(t *testing.T, agents ...string) *resort {
	t.Helper()
	db := filepath.Join(t.TempDir(), "frontdesk.db")
	p := &resort{serve: startServe(t, db, "127.0.0.1:0"), staff: map[string]staff.Staff{}}
	ctx := context.Background()
	p.admin = pairWithCode(t, p.serve.url, p.serve.code, "Back office")
	admin := staff.Staff{Name: "Wayan Sudarma", Role: staff.RoleAdministrator, Active: true}
	must(t, asAll(t, p.admin).CreateFirstAdministrator(ctx, &admin, adminPIN))
	actor, err := p.admin.SignIn(ctx, admin.ID, adminPIN)
	must(t, err)
	actx := staff.WithActor(ctx, actor)
	for _, name := range agents {
		st := staff.Staff{Name: name, Role: staff.RoleAgent, Active: true}
		must(t, p.admin.CreateStaff(actx, &st, staffPIN))
		p.staff[name] = st
	}
	p.file, err = sqlite.Open(ctx, db, sqlite.Options{Now: func() time.Time { return pinned }, PhoneRegion: "ID", CheckLater: true})
	must(t, err)
	t.Cleanup(func() { p.file.Close() })
	return p
}

// desk starts a desk process with the named agent signed in, through url (the server's
// when empty).
func (p *resort) desk(t *testing.T, name, agent, url string) *deskProc {
	t.Helper()
	code, _, err := p.admin.CreatePairingCode(context.Background())
	must(t, err)
	if url == "" {
		url = p.serve.url
	}
	return startDeskProcess(t, url, code, name, p.staff[agent].ID, staffPIN)
}

// guest stores a guest in the file, as a property's earlier system left them.
func (p *resort) guest(t *testing.T, given, family string) guests.Guest {
	t.Helper()
	g := guests.Guest{GivenName: given, FamilyName: family}
	must(t, p.file.CreateGuest(staff.WithActor(context.Background(), staff.Actor{Name: "Import", Role: staff.RoleAdministrator}), &g))
	return g
}

// Several desks for real: a server process and desk processes, each pairing, signing its
// own person in and following the feed, as the window does.
func TestDeskProcessesWorkTogether(t *testing.T) {
	p := openProperty(t, "Dewi", "Kenji", "Made")
	g := p.guest(t, "Siti", "Rahayu")
	line := newCutter(t, p.serve.listen)
	concierge := p.desk(t, "Concierge", "Dewi", "")
	housekeeping := p.desk(t, "Housekeeping", "Kenji", "")
	front := p.desk(t, "Front desk", "Made", "https://"+line.addr)
	others := []*deskProc{housekeeping, front}

	logRequest := func(d *deskProc, what string) string {
		t.Helper()
		a := d.do(t, deskCommand{Op: "create_request", Request: &requests.Request{GuestID: g.ID, Category: "towels", Description: what}})
		if a.Code != "" || a.ID == "" {
			t.Fatalf("%s: %s", what, a.Msg)
		}
		return a.ID
	}

	// A request logged at the concierge is at the other two desks within a second.
	id := logRequest(concierge, "Two bath towels")
	committed := time.Now()
	for _, d := range others {
		waitFor(t, time.Second, "the request at "+d.name, func() bool { _, ok := d.sawAt("request", id); return ok })
		at, _ := d.sawAt("request", id)
		t.Logf("request at %s after %v", d.name, at.Sub(committed).Round(time.Millisecond))
	}

	// Two desks edit one profile: one saves, the other is told and keeps its text.
	a1 := housekeeping.do(t, deskCommand{Op: "find_guest", ID: g.ID})
	a2 := front.do(t, deskCommand{Op: "find_guest", ID: g.ID})
	first, second := *a1.Guest, *a2.Guest
	first.Email = "siti@example.com"
	second.Notes = "Prefers a high floor"
	if a := housekeeping.do(t, deskCommand{Op: "update_guest", Guest: &first}); a.Code != "" {
		t.Fatalf("the first save: %s", a.Msg)
	}
	a := front.do(t, deskCommand{Op: "update_guest", Guest: &second})
	if a.Code != errs.Conflict || a.Msg != guests.MsgChangedElsewhere || a.Args["Name"] != "Kenji" {
		t.Fatalf("the second save: %s %q %v", a.Code, a.Msg, a.Args)
	}
	if a.Guest.Notes != "Prefers a high floor" || a.Guest.Version != second.Version {
		t.Fatalf("the refused form lost its text or version: %+v", a.Guest)
	}

	// Two desks acknowledge one request at once: one wins, the other is told who.
	for _, d := range others {
		d.send(t, deskCommand{Op: "acknowledge", ID: id})
	}
	won, told := 0, 0
	winner := map[string]string{housekeeping.name: "Kenji", front.name: "Made"}
	answers := map[string]deskLine{}
	for _, d := range others {
		answers[d.name] = d.answer(t, "acknowledge")
	}
	var who string
	for name, l := range answers {
		if l.Code == "" {
			won, who = won+1, winner[name]
		}
	}
	for _, l := range answers {
		if l.Code == errs.Conflict && l.Msg == requests.MsgAlreadyBy[requests.StatusAcknowledged] && l.Args["Name"] == who {
			told++
		}
	}
	if won != 1 || told != 1 {
		t.Fatalf("two acknowledgements: %d won, %d told who (%v)", won, told, answers)
	}

	// The front desk's network is cut while the concierge works; mended, it catches up.
	line.cut()
	var missed []string
	for i := range 3 {
		missed = append(missed, logRequest(concierge, fmt.Sprintf("Extra pillow %d", i+1)))
	}
	time.Sleep(time.Second) // as long as a change takes to reach a connected desk
	for _, id := range missed {
		if _, ok := front.sawAt("request", id); ok {
			t.Fatal("a change reached the desk whose network was cut")
		}
	}
	line.mend(t)
	waitFor(t, 20*time.Second, "the front desk catching up", func() bool {
		for _, id := range missed {
			if _, ok := front.sawAt("request", id); !ok {
				return false
			}
		}
		return true
	})
}

// Five desks open, Dewi signed in at two of them: her overdue request is told once, and
// once more when it climbs an escalation level — at one desk, not five.
func TestFiveDesksOneNotice(t *testing.T) {
	p := openProperty(t, "Dewi", "Kenji", "Made", "Putu")
	var desks []*deskProc
	for i, agent := range []string{"Dewi", "Dewi", "Kenji", "Made", "Putu"} {
		desks = append(desks, p.desk(t, fmt.Sprintf("Desk %d", i+1), agent, ""))
	}
	dewi := p.staff["Dewi"]
	late := requests.Historic{Request: requests.Request{Room: "", Category: "towels", Department: "housekeeping",
		Description: "Extra pillows", Priority: requests.PriorityNormal, Kind: requests.KindRequest, CreatedBy: dewi.ID,
		Owner: dewi.ID, Status: requests.StatusNew, CreatedAt: pinned.Add(-2 * time.Hour), PromisedAt: pinned.Add(-90 * time.Minute)}}
	late.Request.GuestID = p.guest(t, "Siti", "Rahayu").ID
	importer := staff.WithActor(context.Background(), staff.Actor{Name: "Import", Role: staff.RoleAdministrator})
	must(t, p.file.ImportRequests(importer, []requests.Historic{late}))

	// Every desk asks, all at once, as its clock ticks; then again.
	tick := func() map[string]int {
		told := map[string]int{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for _, d := range desks {
			wg.Add(1)
			go func() {
				defer wg.Done()
				a := d.do(t, deskCommand{Op: "claim"})
				mu.Lock()
				defer mu.Unlock()
				for range a.IDs {
					told[d.name]++
				}
			}()
		}
		wg.Wait()
		return told
	}
	onlyDewi := func(when string, told map[string]int) {
		t.Helper()
		total := told["Desk 1"] + told["Desk 2"]
		if total != 1 || len(told) != 1 {
			t.Fatalf("%s: told %v, want once at one of Dewi's desks", when, told)
		}
	}
	onlyDewi("overdue", tick())
	if told := tick(); len(told) != 0 {
		t.Fatalf("the next tick told again: %v", told)
	}
	climbs, err := p.file.EscalateDue(context.Background()) // the sweep, as the server's clock runs it
	must(t, err)
	if len(climbs) != 1 {
		t.Fatalf("the sweep climbed %d requests", len(climbs))
	}
	onlyDewi("after the climb", tick())
	if told := tick(); len(told) != 0 {
		t.Fatalf("the next tick told again: %v", told)
	}
}
