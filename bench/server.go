package bench

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"os"
	"time"

	"frontdesk/remote"
	"frontdesk/server"
	"frontdesk/services"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// benchAgent is the member of staff the run through the server signs in as: created in
// the file the first time (a benchmark file already takes its requests and edits), its
// PIN new at every run.
const benchAgent = "Benchmark shift manager" // a manager may look at every board

// viaServer measures the desk's operations through the API: the file served by a
// Frontdesk server in this process on a loopback TLS port, a desk paired with it and the
// benchmark agent signed in, so every call is encoded, encrypted, sent, checked (desk,
// session, role) and decoded as at a desk of a server. local are the same operations'
// figures on the store itself, for the overhead.
func viaServer(ctx context.Context, s *sqlite.Store, in *inputs, opts Options, local []Row) ([]Row, error) {
	c, stop, err := serveAndDial(ctx, s, opts)
	if err != nil {
		return nil, err
	}
	defer stop()
	agent, err := signInStaff(ctx, s, c, benchAgent, staff.RoleShiftManager)
	if err != nil {
		return nil, err
	}
	in.agent = agent
	byName := map[string]Row{}
	for _, r := range local {
		byName[r.Operation] = r
	}
	var rows []Row
	for _, o := range operations(c, nil, in, opts) {
		if opts.Progress != nil {
			opts.Progress(o.name + " (through the server)")
		}
		r, err := measure(ctx, o, opts.Budget)
		if err != nil {
			return nil, fmt.Errorf("%s through the server: %w", o.name, err)
		}
		r.Through = "server"
		if l, ok := byName[o.name]; ok {
			p50, p95 := l.P50, l.P95
			r.LocalP50, r.LocalP95 = &p50, &p95
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// serveAndDial starts the server and pairs a desk with it.
func serveAndDial(ctx context.Context, s *sqlite.Store, opts Options) (*remote.Client, func(), error) {
	url, stop, err := startServer(ctx, s, opts.Now)
	if err != nil {
		return nil, nil, err
	}
	c, err := pairDesk(ctx, s, url, "Benchmark desk")
	if err != nil {
		stop()
		return nil, nil, err
	}
	return c, stop, nil
}

// pairDesk pairs a desk with the server at url and dials it.
func pairDesk(ctx context.Context, s *sqlite.Store, url, name string) (*remote.Client, error) {
	code, _, err := s.CreatePairingCodeAtStart(ctx)
	if err != nil {
		return nil, err
	}
	cred, err := remote.Pair(ctx, url, code, name)
	if err != nil {
		return nil, err
	}
	return remote.Dial(ctx, cred)
}

// startServer serves s on a loopback TLS port in this process until stop.
func startServer(ctx context.Context, s *sqlite.Store, now func() time.Time) (url string, stop func(), err error) {
	dir, err := os.MkdirTemp("", "frontdesk-bench")
	if err != nil {
		return "", nil, err
	}
	cert, err := server.LoadOrCreateCert(dir)
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	srv := server.New(server.Config{Services: services.Of(s), Desks: s, Region: s.PhoneRegion(), Version: "bench",
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: now,
		PairingsPerMinute: 1000}) // every desk of a load test pairs from this PC
	sctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); srv.Serve(sctx, ln, cert) }()
	return "https://" + ln.Addr().String(), func() { cancel(); <-done; os.RemoveAll(dir) }, nil
}

// signInStaff signs the member of staff called name in at the desk, creating them with
// role in the file the first time, with a new PIN at every run.
func signInStaff(ctx context.Context, s *sqlite.Store, c *remote.Client, name string, role staff.Role) (staff.Actor, error) {
	admin := staff.WithActor(ctx, staff.Actor{Name: "frontdesk bench", Role: staff.RoleAdministrator})
	pin, err := randomPIN()
	if err != nil {
		return staff.Actor{}, err
	}
	people, err := s.ListStaff(ctx, staff.Filter{NamePrefix: name, Limit: 10})
	if err != nil {
		return staff.Actor{}, err
	}
	var id string
	for _, p := range people {
		if p.Name == name {
			id = p.ID
		}
	}
	if id == "" {
		st := staff.Staff{Name: name, Role: role, Active: true}
		if err := s.CreateStaff(admin, &st, pin); err != nil {
			return staff.Actor{}, err
		}
		id = st.ID
	} else if err := s.ResetStaffPIN(admin, id, pin); err != nil {
		return staff.Actor{}, err
	}
	return c.SignIn(ctx, id, pin)
}

func randomPIN() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(90000000))
	if err != nil {
		return "", err
	}
	return fmt.Sprint(10000000 + n.Int64()), nil
}
