package conformance

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/api/frontdesk/v1/frontdeskv1connect"
	"frontdesk/desks"
	"frontdesk/errs"
	"frontdesk/remote"
	"frontdesk/staff"
	"frontdesk/wire"
)

// wantRefusal fails unless err is the typed error with code and template.
func wantRefusal(t *testing.T, err error, code errs.Code, template string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want %s %q, got no error", code, template)
	}
	var e *errs.Error
	if fs := errs.AsFields(err); len(fs) > 0 {
		e = fs[0]
	} else if !errors.As(err, &e) {
		t.Fatalf("want a typed error %q, got %v", template, err)
	}
	if errs.CodeOf(err) != code || e.Template != template {
		t.Fatalf("want %s %q, got %s %q (%v)", code, template, errs.CodeOf(err), e.Template, err)
	}
}

// rawDesk is a desk's calls made by hand, headers and all, as an attacker would.
type rawDesk struct {
	desk  frontdeskv1connect.DeskServiceClient
	staff frontdeskv1connect.StaffServiceClient
	loans frontdeskv1connect.LoanServiceClient
	auth  string
}

func newRawDesk(ts *testServer, cred remote.Credential) rawDesk {
	hc := ts.Client()
	return rawDesk{
		desk:  frontdeskv1connect.NewDeskServiceClient(hc, ts.URL),
		staff: frontdeskv1connect.NewStaffServiceClient(hc, ts.URL),
		loans: frontdeskv1connect.NewLoanServiceClient(hc, ts.URL),
		auth:  "Desk " + cred.DeskID + "." + cred.Secret,
	}
}

func withHeaders[T any](m *T, auth, session string) *connect.Request[T] {
	r := connect.NewRequest(m)
	if auth != "" {
		r.Header().Set("Authorization", auth)
	}
	if session != "" {
		r.Header().Set("Frontdesk-Session", session)
	}
	return r
}

// signInRaw signs in by hand and returns the session token.
func (r rawDesk) signInRaw(t *testing.T, staffID, pin string) string {
	t.Helper()
	res, err := r.desk.SignIn(context.Background(), withHeaders(&v1.SignInRequest{StaffId: staffID, Pin: pin}, r.auth, ""))
	if err != nil {
		t.Fatalf("sign in: %v", err)
	}
	return res.Msg.Session
}

func TestUnpairedDeskRefused(t *testing.T) {
	st, _ := openStore(t)
	ts := startServer(t, st)
	c := pairDesk(t, st, ts.URL, "Front desk 1")
	cred := c.Credential()
	for name, bad := range map[string]remote.Credential{
		"unknown desk": {URL: cred.URL, Fingerprint: cred.Fingerprint, DeskID: "no-such-desk", Secret: cred.Secret},
		"wrong secret": {URL: cred.URL, Fingerprint: cred.Fingerprint, DeskID: cred.DeskID, Secret: desks.NewSecret()},
		"no secret":    {URL: cred.URL, Fingerprint: cred.Fingerprint, DeskID: cred.DeskID},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := remote.Dial(context.Background(), bad)
			wantRefusal(t, err, errs.Denied, desks.MsgUnknownDesk)
		})
	}
	// No credential at all, even for what a desk may do before sign-in.
	raw := newRawDesk(ts, cred)
	_, err := raw.staff.ListStaff(context.Background(), withHeaders(&v1.ListStaffRequest{}, "", ""))
	wantRefusal(t, wire.FromConnect(err), errs.Denied, desks.MsgUnknownDesk)
}

func TestPairingCodeOnceOnly(t *testing.T) {
	st, _ := openStore(t)
	ts := startServer(t, st)
	code, _, err := st.CreatePairingCodeAtStart(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := remote.Pair(context.Background(), ts.URL, strings.ToLower(code), "Concierge"); err != nil {
		t.Fatalf("pair with the code as typed in lower case: %v", err)
	}
	_, err = remote.Pair(context.Background(), ts.URL, code, "Concierge 2")
	wantRefusal(t, err, errs.Invalid, desks.MsgBadCode)
	_, err = remote.Pair(context.Background(), ts.URL, "AAAAA-BBBBB", "Guessing")
	wantRefusal(t, err, errs.Invalid, desks.MsgBadCode)
	code2, _, _ := st.CreatePairingCodeAtStart(context.Background())
	_, err = remote.Pair(context.Background(), ts.URL, code2, "  ")
	wantRefusal(t, err, errs.Invalid, desks.MsgNameRequired)
}

func TestPairingGuessesLimited(t *testing.T) {
	st, _ := openStore(t)
	ts := startServer(t, st)
	var err error
	for i := 0; i < 11; i++ {
		_, err = remote.Pair(context.Background(), ts.URL, "AAAAA-BBBBB", "Guessing")
	}
	wantRefusal(t, err, errs.Denied, desks.MsgTooManyTries)
	code, _, _ := st.CreatePairingCodeAtStart(context.Background())
	_, err = remote.Pair(context.Background(), ts.URL, code, "Front desk")
	wantRefusal(t, err, errs.Denied, desks.MsgTooManyTries) // a right code too, for the minute
}

func TestChangedCertificateRefused(t *testing.T) {
	st, _ := openStore(t)
	ts := startServer(t, st)
	c := pairDesk(t, st, ts.URL, "Front desk 1")
	cred := c.Credential()
	if !strings.HasPrefix(cred.Fingerprint, "SHA256:") {
		t.Fatalf("fingerprint %q", cred.Fingerprint)
	}
	// Another server (another certificate) answering at the address this desk knows.
	other := startServer(t, st)
	moved := cred
	moved.URL = other.URL
	_, err := remote.Dial(context.Background(), moved)
	wantRefusal(t, err, errs.Denied, remote.MsgCertChanged)
}

func TestPlainHTTPRefused(t *testing.T) {
	_, err := remote.CheckURL("http://backoffice:8443")
	wantRefusal(t, err, errs.Invalid, remote.MsgNotHTTPS)
	st, _ := openStore(t)
	ts := startServer(t, st)
	res, err := http.Post("http://"+strings.TrimPrefix(ts.URL, "https://")+frontdeskv1connect.DeskServiceHelloProcedure,
		"application/json", strings.NewReader("{}"))
	if err == nil {
		defer res.Body.Close()
		if res.StatusCode == http.StatusOK {
			t.Fatalf("a plain HTTP call was answered: %s", res.Status)
		}
	}
}

func TestRoleCheckedByServer(t *testing.T) {
	d := newServerDesk(t)
	ctx := d.signIn(t, staff.RoleAgent)
	// The window's context claims the administrator; the session says agent.
	forged := staff.WithActor(ctx, staff.Actor{ID: d.admin.ID, Name: d.admin.Name, Role: staff.RoleAdministrator})
	_, _, err := d.client.CreatePairingCode(forged)
	wantRefusal(t, err, errs.Invalid, desks.MsgAdminOnly)
	err = d.svc.Staff.CreateStaff(forged, &staff.Staff{Name: "Mallory", Role: staff.RoleAdministrator, Active: true}, "9999")
	wantRefusal(t, err, errs.Invalid, staff.MsgManagerOnly)
	_, _, _, err = d.client.Backup(forged)
	wantRefusal(t, err, errs.Invalid, staff.MsgManagerOnly)
	n, err := d.svc.Staff.ListStaff(forged, staff.Filter{NamePrefix: "Mallory"})
	if err != nil || len(n) != 0 {
		t.Fatalf("Mallory stored: %v %v", n, err)
	}
}

func TestSessionBoundToDesk(t *testing.T) {
	st, admin := openStore(t)
	ts := startServer(t, st)
	a := pairDesk(t, st, ts.URL, "Front desk 1")
	b := pairDesk(t, st, ts.URL, "Front desk 2")
	rawA, rawB := newRawDesk(ts, a.Credential()), newRawDesk(ts, b.Credential())
	token := rawA.signInRaw(t, admin.ID, adminPIN)
	ctx := context.Background()
	if _, err := rawA.loans.ListItems(ctx, withHeaders(&v1.ListItemsRequest{}, rawA.auth, token)); err != nil {
		t.Fatalf("desk A with its own session: %v", err)
	}
	_, err := rawB.loans.ListItems(ctx, withHeaders(&v1.ListItemsRequest{}, rawB.auth, token))
	wantRefusal(t, wire.FromConnect(err), errs.Denied, desks.MsgSessionEnded)
	_, err = rawB.loans.ListItems(ctx, withHeaders(&v1.ListItemsRequest{}, rawB.auth, ""))
	wantRefusal(t, wire.FromConnect(err), errs.Denied, desks.MsgNotSignedIn)
	_, err = rawA.loans.ListItems(ctx, withHeaders(&v1.ListItemsRequest{}, rawA.auth, desks.NewSecret()))
	wantRefusal(t, wire.FromConnect(err), errs.Denied, desks.MsgSessionEnded)
	// Signed out: the token is dead.
	if _, err := rawA.desk.SignOut(ctx, withHeaders(&v1.SignOutRequest{}, rawA.auth, token)); err != nil {
		t.Fatal(err)
	}
	_, err = rawA.loans.ListItems(ctx, withHeaders(&v1.ListItemsRequest{}, rawA.auth, token))
	wantRefusal(t, wire.FromConnect(err), errs.Denied, desks.MsgSessionEnded)
}

func TestRevokedDeskRefused(t *testing.T) {
	st, admin := openStore(t)
	ts := startServer(t, st)
	a := pairDesk(t, st, ts.URL, "Front desk 1")
	b := pairDesk(t, st, ts.URL, "Front desk 2")
	ctx := context.Background()
	if _, err := a.SignIn(ctx, admin.ID, adminPIN); err != nil {
		t.Fatal(err)
	}
	if _, err := b.SignIn(ctx, admin.ID, adminPIN); err != nil {
		t.Fatal(err)
	}
	list, err := a.ListDesks(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("desks: %v %v", list, err)
	}
	if err := a.RevokeDesk(ctx, b.Credential().DeskID); err != nil {
		t.Fatal(err)
	}
	_, err = b.ListDesks(ctx)
	wantRefusal(t, err, errs.Denied, desks.MsgUnknownDesk)
	_, err = remote.Dial(ctx, b.Credential())
	wantRefusal(t, err, errs.Denied, desks.MsgUnknownDesk)
	list, _ = a.ListDesks(ctx)
	for _, d := range list {
		if d.ID == b.Credential().DeskID && (!d.Revoked() || d.RevokedBy != admin.Name) {
			t.Fatalf("revoked desk listed as %+v", d)
		}
	}
}

func TestPINGuessingLocked(t *testing.T) {
	st, admin := openStore(t)
	ts := startServer(t, st)
	c := pairDesk(t, st, ts.URL, "Front desk 1")
	ctx := context.Background()
	var err error
	for i := 0; i < 5; i++ {
		_, err = c.SignIn(ctx, admin.ID, "0000")
	}
	if errs.CodeOf(err) == "" {
		t.Fatal("wrong PINs accepted")
	}
	_, err = c.SignIn(ctx, admin.ID, adminPIN)
	wantRefusal(t, err, errs.Unavailable, staff.MsgPINLocked)
	// The desk itself is slowed down whatever account it guesses at.
	for i := 0; i < 10; i++ {
		_, err = c.SignIn(ctx, "someone-else", "0000")
	}
	wantRefusal(t, err, errs.Denied, desks.MsgTooManyTries)
}
