package app

import (
	"context"
	"crypto/tls"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"frontdesk/guests"
	"frontdesk/remote"
	"frontdesk/requests"
	"frontdesk/server"
	"frontdesk/services"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// deskServer is a Frontdesk server of a temp-dir database on a loopback TLS port that
// a test can stop and start again at the same address.
type deskServer struct {
	t     *testing.T
	store *sqlite.Store
	srv   *server.Server
	cert  tls.Certificate
	addr  string
	ts    *httptest.Server
}

func newDeskServer(t *testing.T, now func() time.Time) *deskServer {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "fd.db"), sqlite.Options{PhoneRegion: "ID", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	cert, err := server.LoadOrCreateCert(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s := &deskServer{t: t, store: store, cert: cert, addr: "127.0.0.1:0",
		srv: server.New(server.Config{Services: services.Of(store), Desks: store, Region: "ID", Version: "test",
			Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: now})}
	s.start()
	t.Cleanup(func() { s.ts.Close() })
	return s
}

// start serves at the server's address (a new one the first time).
func (s *deskServer) start() {
	s.t.Helper()
	var ln net.Listener
	var err error
	for i := 0; i < 50; i++ { // the address may still be held a moment after a stop
		if ln, err = net.Listen("tcp", s.addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		s.t.Fatal(err)
	}
	s.addr = ln.Addr().String()
	s.ts = httptest.NewUnstartedServer(s.srv.Handler())
	s.ts.Listener = ln
	s.ts.EnableHTTP2 = true
	s.ts.TLS = server.TLSConfig(s.cert)
	s.ts.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.ts.StartTLS()
}

// pair pairs a desk and returns its client.
func (s *deskServer) pair() *remote.Client {
	s.t.Helper()
	code, _, err := s.store.CreatePairingCodeAtStart(context.Background())
	if err != nil {
		s.t.Fatal(err)
	}
	cred, err := remote.Pair(context.Background(), "https://"+s.addr, code, "Front desk 1")
	if err != nil {
		s.t.Fatal(err)
	}
	c, err := remote.Dial(context.Background(), cred)
	if err != nil {
		s.t.Fatal(err)
	}
	return c
}

// remoteHarness is a window that is a desk of a server, with the administrator signed in.
func remoteHarness(t *testing.T) (*harness, *deskServer, *remote.Client) {
	t.Helper()
	h := &harness{t: t, queue: make(chan func(), 64)}
	h.setNow(testNow)
	ds := newDeskServer(t, h.now)
	h.store = ds.store
	c := ds.pair()
	admin := staff.Staff{Name: "Wayan Sudarma", Role: staff.RoleAdministrator}
	if err := c.CreateFirstAdministrator(context.Background(), &admin, "1357"); err != nil {
		t.Fatal(err)
	}
	actor, err := c.SignIn(context.Background(), admin.ID, "1357")
	if err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	SetLanguage("en")
	h.win = test.NewTempWindow(t, widget.NewLabel(""))
	h.win.Resize(fyne.NewSize(1280, 800))
	svc := services.Of(c)
	svc.Link, svc.Desks = c, c
	h.ui = newUI(h.win, svc)
	h.ui.now = h.now
	h.ui.do = func(f func()) { h.queue <- f }
	h.ui.notifyDesktop = func(*fyne.Notification) error { return nil }
	h.ui.watchLink()
	h.ui.showMain(actor)
	h.settle(0)
	return h, ds, c
}

// drainUntil applies background results until cond holds.
func (h *harness) drainUntil(what string, d time.Duration, cond func() bool) {
	h.t.Helper()
	deadline := time.After(d)
	for !cond() {
		select {
		case f := <-h.queue:
			f()
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			h.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// The header names the server; when the server goes away the desk says so under the
// header, and when it is back the line goes by itself.
func TestHeaderShowsTheServerConnection(t *testing.T) {
	h, ds, c := remoteHarness(t)
	content := h.win.Content()
	if findLabelDeep(content, "Server: "+ds.addr) == nil {
		t.Fatal("the header does not name the server")
	}
	if h.ui.conn.box == nil || h.ui.conn.box.Visible() {
		t.Fatal("the no-connection line shows while the server answers")
	}
	ds.ts.Close()
	if _, err := c.CountStaff(context.Background()); err == nil {
		t.Fatal("a stopped server answered")
	}
	h.drainUntil("the no-connection line", 5*time.Second, func() bool { return h.ui.conn.box.Visible() })
	if findLabelDeep(h.ui.conn.box, "No connection to the Frontdesk server — retrying") == nil {
		t.Fatal("the line does not say what happened")
	}
	// Screens that read again by themselves do not stack a dialog each.
	_, err := c.CountStaff(context.Background())
	h.ui.showError("reload", err)
	h.ui.showError("reload", err)
	if n := len(h.win.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d dialogs for one outage", n)
	}
	h.win.Canvas().Overlays().Top().Hide()
	h.win.Canvas().Overlays().Remove(h.win.Canvas().Overlays().Top())
	ds.start()
	h.drainUntil("the line to go when the server is back", 15*time.Second, func() bool { return !h.ui.conn.box.Visible() })
}

// An administrator at a desk of a server sees the desks and makes a pairing code.
func TestDesksTabPairsAndLists(t *testing.T) {
	h, _, _ := remoteHarness(t)
	h.ui.showTab(h.ui.resources.content)
	var desksTab int = -1
	for i, it := range h.ui.resources.tabs.Items {
		if it.Text == "Desks" {
			desksTab = i
		}
	}
	if desksTab < 0 {
		t.Fatal("no Desks tab for an administrator at a desk of a server")
	}
	h.ui.resources.tabs.SelectIndex(desksTab)
	h.settle(0)
	tab := h.ui.resources.tabs.Items[desksTab].Content
	if findLabelDeep(tab, "Front desk 1") == nil {
		t.Fatal("the paired desk is not listed")
	}
	test.Tap(button(t, tab, "Pair a new desk"))
	h.settle(0)
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no pairing code shown")
	}
	code, ok := findDeep(top, func(l *widget.Label) bool { return regexp.MustCompile(`^[A-Z2-9]{5}-[A-Z2-9]{5}$`).MatchString(l.Text) })
	if !ok {
		t.Fatal("the dialog has no code")
	}
	if _, err := remote.Pair(context.Background(), "https://"+strings.TrimPrefix(h.ui.svc.Link.Server(), "https://"), code.Text, "Concierge"); err != nil {
		t.Fatalf("the code shown does not pair: %v", err)
	}
}

// A desk without a server in this window has no Desks tab and no server on its header.
func TestPCOnItsOwnHasNoServerParts(t *testing.T) {
	h := newBareHarness(t, nil)
	h.ui.showMain(staff.Actor{Name: "Wayan Sudarma", Role: staff.RoleAdministrator})
	for _, it := range h.ui.resources.tabs.Items {
		if it.Text == "Desks" {
			t.Fatal("a PC on its own shows a Desks tab")
		}
	}
	if findLabelDeep(h.win.Content(), "Server: ") != nil {
		t.Fatal("a PC on its own names a server")
	}
}

// The first start asks how the PC works; the server's way leads to pairing, where a
// wrong address is refused beside its field, a good code pairs, and the certificate is
// shown before the desk goes on.
func TestFirstStartChoiceAndPairing(t *testing.T) {
	test.NewTempApp(t)
	SetLanguage("en")
	now := func() time.Time { return testNow }
	ds := newDeskServer(t, now)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1280, 800))
	own, paired := false, false
	queue := make(chan func(), 8)
	waitUI := func(t *testing.T, cond func() bool) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for !cond() {
			select {
			case f := <-queue:
				f()
			case <-deadline:
				t.Fatal("timed out")
			}
		}
	}
	ShowConnect(w, Connect{do: func(f func()) { queue <- f }, Ask: true, DeskName: "Front desk 3",
		OnOwn: func() { own = true },
		Pair: func(ctx context.Context, url, code, name string) (string, error) {
			cred, err := remote.Pair(ctx, url, code, name)
			return cred.Fingerprint, err
		},
		OnPaired: func() { paired = true }})
	test.Tap(button(t, w.Content(), "Use this PC on its own"))
	if !own {
		t.Fatal("on its own was not chosen")
	}
	test.Tap(button(t, w.Content(), "Connect to a Frontdesk server"))
	entries := func() []*keyEntry {
		var out []*keyEntry
		for _, o := range childrenOfAll(w.Content()) {
			if e, ok := o.(*keyEntry); ok {
				out = append(out, e)
			}
		}
		return out
	}
	es := entries()
	if len(es) != 3 || es[2].Text != "Front desk 3" {
		t.Fatalf("the pairing form: %d entries", len(es))
	}
	test.Type(es[0], "http://"+ds.addr)
	test.Type(es[1], "AAAAA-BBBBB")
	test.Tap(button(t, w.Content(), "Pair this desk"))
	waitUI(t, func() bool { return findLabelDeep(w.Content(), "must start with https://") != nil })
	code, _, err := ds.store.CreatePairingCodeAtStart(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	es[0].SetText("https://" + ds.addr)
	es[1].SetText(strings.ToLower(code))
	test.Tap(button(t, w.Content(), "Pair this desk"))
	waitUI(t, func() bool { return findLabelDeep(w.Content(), "SHA256:") != nil })
	if es[0].Text != "https://"+ds.addr {
		t.Fatal("the form lost what was typed")
	}
	test.Tap(button(t, w.Content(), "Continue"))
	if !paired {
		t.Fatal("the desk did not go on after pairing")
	}
}

// childrenOfAll is every object under obj.
func childrenOfAll(obj fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{obj}
	for _, c := range childrenOf(obj) {
		out = append(out, childrenOfAll(c)...)
	}
	return out
}

// A request logged at another desk appears in this desk's open queue and on its Today
// without anyone pressing Refresh.
func TestRequestFromAnotherDeskAppearsLive(t *testing.T) {
	h, ds, _ := remoteHarness(t)
	h.ui.followFeed()
	t.Cleanup(h.ui.stopFeed)
	other := ds.pair()
	admin, err := other.ListStaff(context.Background(), staff.Filter{})
	if err != nil || len(admin) != 1 {
		t.Fatalf("staff: %v %v", admin, err)
	}
	if _, err := other.SignIn(context.Background(), admin[0].ID, "1357"); err != nil {
		t.Fatal(err)
	}
	h.ui.showTab(h.ui.requests.content)
	h.settle(0)
	time.Sleep(300 * time.Millisecond) // the feed is followed
	g := guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}
	if err := other.CreateGuest(context.Background(), &g); err != nil {
		t.Fatal(err)
	}
	r := requests.Request{GuestID: g.ID, Category: "towels", Description: "Two more bath towels"}
	if err := other.CreateRequest(context.Background(), &r, time.Time{}); err != nil {
		t.Fatal(err)
	}
	inQueue := func() bool {
		for _, row := range h.ui.requests.rows {
			if row.ID == r.ID {
				return true
			}
		}
		return false
	}
	h.drainUntil("the request in the open queue", 5*time.Second, inQueue)
	h.ui.showTab(h.ui.today.content)
	h.settle(0)
	r2 := requests.Request{GuestID: g.ID, Category: "towels", Description: "And a bathrobe"}
	if err := other.CreateRequest(context.Background(), &r2, time.Time{}); err != nil {
		t.Fatal(err)
	}
	onToday := func() bool {
		if h.ui.today.data == nil {
			return false
		}
		for _, row := range h.ui.today.data.mine {
			if row.ID == r2.ID {
				return true
			}
		}
		return false
	}
	h.drainUntil("the request on Today", 5*time.Second, onToday)
}
