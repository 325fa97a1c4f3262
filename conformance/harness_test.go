package conformance

import (
	"context"
	"io"
	"log"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"frontdesk/remote"
	"frontdesk/server"
	"frontdesk/services"
	"frontdesk/sqlite"
	"frontdesk/staff"
	"frontdesk/standards"
)

// zone is the property's: every test's clock reads in it, whatever TZ the suite runs in.
var zone = time.FixedZone("WITA", 8*60*60)

// pinned is the store's clock: a Monday morning at the property.
var pinned = time.Date(2026, 11, 23, 9, 30, 0, 0, zone)

// adminPIN is the first administrator's PIN; every other member of staff gets staffPIN.
const (
	adminPIN = "1357"
	staffPIN = "4829"
)

// desk is one implementation of the services under test, on a fresh database.
type desk struct {
	svc   services.Services
	store *sqlite.Store // the file behind it: to check what was stored, never to act
	now   time.Time     // the pinned clock of the store

	name   string // "local" or "server"
	admin  staff.Staff
	client *remote.Client // the server's client; nil locally
	mu     sync.Mutex
	staff  map[staff.Role]staff.Staff
}

// eachDesk runs fn against the store on this PC ("local"), through a Frontdesk server
// in this process ("server"), and through a `frontdesk serve` process ("process"), each
// on a fresh database file.
func eachDesk(t *testing.T, fn func(t *testing.T, d *desk)) {
	t.Run("local", func(t *testing.T) { fn(t, newLocalDesk(t)) })
	t.Run("server", func(t *testing.T) { fn(t, newServerDesk(t)) })
	t.Run("process", func(t *testing.T) { fn(t, newProcessDesk(t)) })
}

// openStore opens a fresh database with its first administrator.
func openStore(t *testing.T) (*sqlite.Store, staff.Staff) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "frontdesk.db"),
		sqlite.Options{Now: func() time.Time { return pinned }, PhoneRegion: "ID"})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	admin := staff.Staff{Name: "Wayan Sudarma", Role: staff.RoleAdministrator, Active: true}
	if err := st.CreateFirstAdministrator(context.Background(), &admin, adminPIN); err != nil {
		t.Fatalf("first administrator: %v", err)
	}
	return st, admin
}

func newLocalDesk(t *testing.T) *desk {
	st, admin := openStore(t)
	return &desk{svc: services.Of(st), store: st, now: pinned, name: "local", admin: admin, staff: map[staff.Role]staff.Staff{}}
}

// testServer is a Frontdesk server of st on a loopback TLS port, with its certificate.
type testServer struct {
	*httptest.Server
	srv *server.Server
}

func startServer(t *testing.T, st *sqlite.Store) *testServer {
	t.Helper()
	cert, err := server.LoadOrCreateCert(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(server.Config{Services: services.Of(st), Desks: st, Region: st.PhoneRegion(), Version: "test",
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return pinned }})
	ts := httptest.NewUnstartedServer(srv.Handler())
	ts.EnableHTTP2 = true
	ts.TLS = server.TLSConfig(cert)
	ts.Config.ErrorLog = log.New(io.Discard, "", 0) // handshakes refused on purpose
	ts.StartTLS()
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, srv: srv}
}

// pairDesk pairs a new desk with the server and dials it, no one signed in.
func pairDesk(t *testing.T, st *sqlite.Store, url, name string) *remote.Client {
	t.Helper()
	ctx := context.Background()
	code, _, err := st.CreatePairingCodeAtStart(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return pairWithCode(t, url, code, name)
}

// pairWithCode pairs a new desk with the server at url with a code, and dials it.
func pairWithCode(t *testing.T, url, code, name string) *remote.Client {
	t.Helper()
	cred, err := remote.Pair(context.Background(), url, code, name)
	if err != nil {
		t.Fatalf("pair: %v", err)
	}
	c, err := remote.Dial(context.Background(), cred)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	return c
}

func newServerDesk(t *testing.T) *desk {
	st, admin := openStore(t)
	ts := startServer(t, st)
	c := pairDesk(t, st, ts.URL, "Front desk 1")
	all, ok := any(c).(services.All)
	if !ok {
		t.Fatal("the API client does not implement every service yet")
	}
	return &desk{svc: services.Of(all), store: st, now: pinned, name: "server", admin: admin, client: c, staff: map[staff.Role]staff.Staff{}}
}

// signIn signs a member of staff with role in (creating them once per desk; department
// staff work in housekeeping) and returns the context to call with. At a server's desk
// the session decides who acts; the context's actor is only what the window would hold.
func (d *desk) signIn(t *testing.T, role staff.Role) context.Context {
	t.Helper()
	if role == staff.RoleAdministrator {
		return d.signInAs(t, d.admin.ID, adminPIN)
	}
	d.mu.Lock()
	st, ok := d.staff[role]
	d.mu.Unlock()
	if !ok {
		ctx := d.signInAs(t, d.admin.ID, adminPIN)
		st = staff.Staff{Name: "Test " + string(role), Role: role, Active: true}
		if role == staff.RoleDepartment {
			st.Departments = []string{standards.DeptHousekeeping}
		}
		if err := d.svc.Staff.CreateStaff(ctx, &st, staffPIN); err != nil {
			t.Fatalf("create %s: %v", role, err)
		}
		d.mu.Lock()
		d.staff[role] = st
		d.mu.Unlock()
	}
	return d.signInAs(t, st.ID, staffPIN)
}

// signInAs signs a member of staff in by ID and PIN.
func (d *desk) signInAs(t *testing.T, staffID, pin string) context.Context {
	t.Helper()
	actor, err := d.svc.Staff.SignIn(context.Background(), staffID, pin)
	if err != nil {
		t.Fatalf("sign in %s: %v", staffID, err)
	}
	return staff.WithActor(context.Background(), actor)
}
