package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"strings"
	"sync"
	"time"

	"connectrpc.com/connect"

	"frontdesk/desks"
	"frontdesk/errs"
	"frontdesk/staff"
	"frontdesk/wire"
)

// Procedures by what they need of the caller. Everything not named needs a paired desk
// and a session at it.
var (
	// open to anyone who reaches the server: pairing, with its own code.
	openProcedures = map[string]bool{"/frontdesk.v1.DeskService/Pair": true}
	// a paired desk with no one signed in yet: the sign-in screen and the first start.
	deskProcedures = map[string]bool{
		"/frontdesk.v1.DeskService/Hello":                     true,
		"/frontdesk.v1.DeskService/SignIn":                    true,
		"/frontdesk.v1.StaffService/CountStaff":               true,
		"/frontdesk.v1.StaffService/ListStaff":                true,
		"/frontdesk.v1.StaffService/CreateFirstAdministrator": true,
		"/frontdesk.v1.GuestService/PhoneRegion":              true,
	}
)

// Limits on guessing.
const (
	pairTriesPerMinute   = 10 // pairing attempts from one address
	signInFailsPerMinute = 10 // wrong PINs from one desk, whichever accounts
)

type callerKey struct{}

// caller is who a call comes from, as the server established it.
type caller struct {
	desk  desks.Desk
	token string // the session's, when the call has one
}

func callerFrom(ctx context.Context) caller {
	c, _ := ctx.Value(callerKey{}).(caller)
	return c
}

// guard is the interceptor every call passes: it checks the desk and the session, puts
// the actor in the context, and turns errors into their travelling form.
type guard struct {
	desks  desks.Store
	log    *slog.Logger
	pairs  *limiter // by remote address
	signIn *limiter // failed sign-ins by desk
}

func newGuard(d desks.Store, log *slog.Logger, now func() time.Time) *guard {
	return &guard{desks: d, log: log, pairs: newLimiter(pairTriesPerMinute, now), signIn: newLimiter(signInFailsPerMinute, now)}
}

// admit returns the context a call runs in: its desk and actor established, or the
// refusal.
func (g *guard) admit(ctx context.Context, procedure string, h interface{ Get(string) string }, peer string) (context.Context, error) {
	if openProcedures[procedure] {
		if !g.pairs.allow(hostOf(peer)) {
			return nil, errs.New(errs.Denied, desks.MsgTooManyTries, nil)
		}
		return staff.WithActor(ctx, staff.Actor{}), nil
	}
	cred, scheme := strings.CutPrefix(h.Get(desks.HeaderAuthorization), desks.DeskScheme)
	id, secret, ok := strings.Cut(cred, ".")
	if !ok || !scheme {
		return nil, errs.New(errs.Denied, desks.MsgUnknownDesk, nil)
	}
	d, err := g.desks.CheckDesk(ctx, id, secret)
	if err != nil {
		return nil, err
	}
	c := caller{desk: d, token: h.Get(desks.HeaderSession)}
	ctx = context.WithValue(ctx, callerKey{}, c)
	if deskProcedures[procedure] {
		return staff.WithActor(ctx, staff.Actor{Name: d.Name}), nil
	}
	if c.token == "" {
		return nil, errs.New(errs.Denied, desks.MsgNotSignedIn, nil)
	}
	actor, err := g.desks.CheckSession(ctx, d.ID, c.token)
	if err != nil {
		return nil, err
	}
	return staff.WithActor(ctx, actor), nil
}

// WrapUnary guards a unary call.
func (g *guard) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		if req.Spec().IsClient {
			return next(ctx, req)
		}
		ctx, err := g.admit(ctx, req.Spec().Procedure, req.Header(), req.Peer().Addr)
		if err != nil {
			return nil, g.refuse(req.Spec().Procedure, req.Peer().Addr, err)
		}
		res, err := next(ctx, req)
		return res, g.fail(req.Spec().Procedure, err)
	}
}

// WrapStreamingClient leaves a client's streams alone: the guard is the server's.
func (g *guard) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return next
}

// WrapStreamingHandler guards a streaming call (imports, exports, erasing backups).
func (g *guard) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return func(ctx context.Context, conn connect.StreamingHandlerConn) error {
		ctx, err := g.admit(ctx, conn.Spec().Procedure, conn.RequestHeader(), conn.Peer().Addr)
		if err != nil {
			return g.refuse(conn.Spec().Procedure, conn.Peer().Addr, err)
		}
		return g.fail(conn.Spec().Procedure, next(ctx, conn))
	}
}

// refuse logs a refused call and returns its refusal.
func (g *guard) refuse(procedure, peer string, err error) error {
	g.log.Warn("call refused", "procedure", procedure, "from", peer, "reason", err.Error())
	return wire.ToConnect(err)
}

// fail returns a service's error in its travelling form, logging faults with detail.
func (g *guard) fail(procedure string, err error) error {
	if err == nil {
		return nil
	}
	var ce *connect.Error
	if errors.As(err, &ce) {
		return err
	}
	if errs.CodeOf(err) == errs.Internal {
		g.log.Error("call failed", "procedure", procedure, "error", err)
	}
	return wire.ToConnect(err)
}

func hostOf(addr string) string {
	if h, _, err := net.SplitHostPort(addr); err == nil {
		return h
	}
	return addr
}

// limiter allows at most n events per key in any minute.
type limiter struct {
	mu     sync.Mutex
	n      int
	now    func() time.Time
	events map[string][]time.Time
}

func newLimiter(n int, now func() time.Time) *limiter {
	return &limiter{n: n, now: now, events: map[string][]time.Time{}}
}

// allow records an event for key and says whether it is within the limit.
func (l *limiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	ev := l.recent(key)
	if len(ev) >= l.n {
		return false
	}
	l.events[key] = append(ev, l.now())
	return true
}

// ok says whether key may have another event, without recording one.
func (l *limiter) ok(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.recent(key)) < l.n
}

// add records an event for key.
func (l *limiter) add(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events[key] = append(l.recent(key), l.now())
}

func (l *limiter) recent(key string) []time.Time {
	cut := l.now().Add(-time.Minute)
	ev := l.events[key]
	i := 0
	for i < len(ev) && !ev[i].After(cut) {
		i++
	}
	if i == len(ev) {
		delete(l.events, key)
		return nil
	}
	l.events[key] = ev[i:]
	return ev[i:]
}
