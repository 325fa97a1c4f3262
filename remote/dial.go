package remote

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/api/frontdesk/v1/frontdeskv1connect"
	"frontdesk/desks"
	"frontdesk/errs"
	"frontdesk/staff"
	"frontdesk/wire"
)

// Messages of a desk that cannot reach or trust its server.
const (
	MsgNotHTTPS    = "The server's address must start with https:// (Frontdesk never talks to its server unencrypted)."
	MsgBadAddress  = "This is not a server address. Type it as https://HOST:PORT, e.g. https://backoffice:8443."
	MsgCertChanged = "The Frontdesk server's certificate is not the one this desk was paired with ({{.Got}} instead of {{.Want}}). Someone may be between this desk and the server: do not sign in, and ask IT. If the server was reinstalled, pair this desk again."
)

// CallTimeout is how long a call waits for the server before the desk says it has no
// connection; imports, exports and erasures stream and are not cut short.
const CallTimeout = 10 * time.Second

// Credential is what a desk keeps after pairing: where its server is, which certificate
// it showed, and the desk's own ID and secret.
type Credential struct {
	URL         string
	Fingerprint string // the server certificate's, pinned at pairing
	DeskID      string
	Secret      string
	DeskName    string
}

// CheckURL validates a server address as typed and returns it cleaned.
func CheckURL(raw string) (string, error) {
	raw = strings.TrimRight(strings.TrimSpace(raw), "/")
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", errs.FieldError(desks.FieldServerAddress, MsgBadAddress, nil)
	}
	if u.Scheme != "https" {
		return "", errs.FieldError(desks.FieldServerAddress, MsgNotHTTPS, nil)
	}
	return u.Scheme + "://" + u.Host, nil
}

// Pair pairs this PC with the server at rawURL using a one-time code: it trusts the
// certificate the server shows now (and returns its fingerprint in the credential, to
// compare with the one the server printed) and pins it from then on.
func Pair(ctx context.Context, rawURL, code, deskName string) (Credential, error) {
	u, err := CheckURL(rawURL)
	if err != nil {
		return Credential{}, err
	}
	var seen string
	hc := httpClient(func(cs tls.ConnectionState) error {
		if len(cs.PeerCertificates) == 0 {
			return errors.New("no certificate")
		}
		seen = desks.Fingerprint(cs.PeerCertificates[0].Raw)
		return nil
	})
	dc := frontdeskv1connect.NewDeskServiceClient(hc, u)
	ctx, cancel := context.WithTimeout(ctx, CallTimeout)
	defer cancel()
	res, err := dc.Pair(ctx, connect.NewRequest(&v1.PairRequest{Code: code, DeskName: strings.TrimSpace(deskName)}))
	if err != nil {
		return Credential{}, wire.FromConnect(err)
	}
	return Credential{URL: u, Fingerprint: seen, DeskID: res.Msg.DeskId, Secret: res.Msg.Secret, DeskName: strings.TrimSpace(deskName)}, nil
}

// Dial connects to the server of cred, refusing any certificate but the pinned one, and
// says hello (which checks the desk's credential). The client has no one signed in.
func Dial(ctx context.Context, cred Credential) (*Client, error) {
	u, err := CheckURL(cred.URL)
	if err != nil {
		return nil, err
	}
	c := newClient(pinnedClient(cred.Fingerprint), u, cred)
	if err := c.hello(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// New is a client of the server of cred that has not called it yet: a desk opening while
// its server is away starts with it, and its first calls say there is no connection until
// the server answers.
func New(cred Credential) (*Client, error) {
	u, err := CheckURL(cred.URL)
	if err != nil {
		return nil, err
	}
	return newClient(pinnedClient(cred.Fingerprint), u, cred), nil
}

// pinnedClient is an HTTP client that accepts only the certificate with fingerprint.
func pinnedClient(fingerprint string) *http.Client {
	return httpClient(func(cs tls.ConnectionState) error {
		if len(cs.PeerCertificates) == 0 {
			return errors.New("no certificate")
		}
		if got := desks.Fingerprint(cs.PeerCertificates[0].Raw); got != fingerprint {
			return &certError{got: got, want: fingerprint}
		}
		return nil
	})
}

// certError is a server showing a certificate other than the pinned one.
type certError struct{ got, want string }

func (e *certError) Error() string { return "certificate changed: " + e.got }

// httpClient is an HTTP/2 client over TLS that accepts the server's certificate only
// through verify (the certificate is self-signed: trust is the pinned fingerprint).
func httpClient(verify func(tls.ConnectionState) error) *http.Client {
	t := &http.Transport{
		TLSClientConfig: &tls.Config{
			InsecureSkipVerify: true, // replaced by VerifyConnection: the pinned fingerprint
			VerifyConnection:   verify,
			MinVersion:         tls.VersionTLS12,
		},
		ForceAttemptHTTP2:     true,
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   5 * time.Second,
		ResponseHeaderTimeout: 0, // streams answer when they are ready; unary calls carry a deadline
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   4,
	}
	return &http.Client{Transport: t}
}

func newClient(hc *http.Client, u string, cred Credential) *Client {
	c := &Client{cred: cred}
	// No gzip: on the property's network compressing a Today board of a resort costs the
	// server more time than sending it whole (BENCHMARKS.md, through the server).
	opts := []connect.ClientOption{connect.WithInterceptors(&caller{c: c}), connect.WithSendMaxBytes(256 << 20),
		connect.WithAcceptCompression("gzip", nil, nil)}
	c.desk = frontdeskv1connect.NewDeskServiceClient(hc, u, opts...)
	c.guests = frontdeskv1connect.NewGuestServiceClient(hc, u, opts...)
	c.privacy = frontdeskv1connect.NewPrivacyServiceClient(hc, u, opts...)
	c.transfer = frontdeskv1connect.NewTransferServiceClient(hc, u, opts...)
	c.staff = frontdeskv1connect.NewStaffServiceClient(hc, u, opts...)
	c.standards = frontdeskv1connect.NewStandardsServiceClient(hc, u, opts...)
	c.loans = frontdeskv1connect.NewLoanServiceClient(hc, u, opts...)
	c.rooms = frontdeskv1connect.NewRoomServiceClient(hc, u, opts...)
	c.roster = frontdeskv1connect.NewRosterServiceClient(hc, u, opts...)
	c.audit = frontdeskv1connect.NewAuditServiceClient(hc, u, opts...)
	c.escalation = frontdeskv1connect.NewEscalationServiceClient(hc, u, opts...)
	c.requests = frontdeskv1connect.NewRequestServiceClient(hc, u, opts...)
	c.today = frontdeskv1connect.NewTodayServiceClient(hc, u, opts...)
	c.handover = frontdeskv1connect.NewHandoverServiceClient(hc, u, opts...)
	c.changes = frontdeskv1connect.NewChangeServiceClient(hc, u, opts...)
	return c
}

func (c *Client) hello(ctx context.Context) error {
	res, err := c.desk.Hello(ctx, connect.NewRequest(&v1.HelloRequest{}))
	if err != nil {
		return c.failed(err)
	}
	c.region = res.Msg.PhoneRegion
	return nil
}

// failed is a call's error as the screens know it; a changed certificate is named.
func (c *Client) failed(err error) error {
	var ce *certError
	if errors.As(err, &ce) {
		return errs.Wrap(err, errs.Denied, MsgCertChanged, map[string]any{"Got": ce.got, "Want": ce.want})
	}
	return wire.FromConnect(err)
}

// SignIn checks the PIN at the server and keeps the session it opens for this desk's
// calls from now on (a previous one is replaced: the user switched).
func (c *Client) SignIn(ctx context.Context, staffID, pin string) (staff.Actor, error) {
	res, err := c.desk.SignIn(ctx, connect.NewRequest(&v1.SignInRequest{StaffId: staffID, Pin: pin}))
	if err != nil {
		return staff.Actor{}, c.failed(err)
	}
	c.mu.Lock()
	c.session = res.Msg.Session
	c.mu.Unlock()
	return wire.Go[staff.Actor](res.Msg.Actor), nil
}

// SignOut ends this desk's session at the server.
func (c *Client) SignOut(ctx context.Context) error {
	_, err := c.desk.SignOut(ctx, connect.NewRequest(&v1.SignOutRequest{}))
	c.mu.Lock()
	c.session = ""
	c.mu.Unlock()
	if err != nil {
		return c.failed(err)
	}
	return nil
}

// CreatePairingCode makes a one-time code for another desk (administrators).
func (c *Client) CreatePairingCode(ctx context.Context) (string, time.Time, error) {
	res, err := c.desk.CreatePairingCode(ctx, connect.NewRequest(&v1.CreatePairingCodeRequest{}))
	if err != nil {
		return "", time.Time{}, c.failed(err)
	}
	return res.Msg.Code, wire.GoTime(res.Msg.ExpiresAt), nil
}

// ListDesks lists the desks paired with the server (administrators).
func (c *Client) ListDesks(ctx context.Context) ([]desks.Desk, error) {
	res, err := c.desk.ListDesks(ctx, connect.NewRequest(&v1.ListDesksRequest{}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[desks.Desk](res.Msg.Desks), nil
}

// RevokeDesk refuses a desk from now on (administrators).
func (c *Client) RevokeDesk(ctx context.Context, deskID string) error {
	_, err := c.desk.RevokeDesk(ctx, connect.NewRequest(&v1.RevokeDeskRequest{DeskId: deskID}))
	if err != nil {
		return c.failed(err)
	}
	return nil
}

// Backup asks the server for a checked backup into its backups folder and returns the
// backup's name there with what it holds.
func (c *Client) Backup(ctx context.Context) (file string, guests, requests int, err error) {
	res, err := c.desk.Backup(ctx, connect.NewRequest(&v1.BackupRequest{}))
	if err != nil {
		return "", 0, 0, c.failed(err)
	}
	return res.Msg.File, int(res.Msg.Guests), int(res.Msg.Requests), nil
}

// Credential is the pairing this client calls with.
func (c *Client) Credential() Credential { return c.cred }

// caller adds the desk's credential and the session to every call, and a deadline to
// every unary call that has none.
type caller struct{ c *Client }

func (k *caller) headers(h http.Header) {
	h.Set(desks.HeaderAuthorization, desks.DeskScheme+k.c.cred.DeskID+"."+k.c.cred.Secret)
	k.c.mu.Lock()
	if k.c.session != "" {
		h.Set(desks.HeaderSession, k.c.session)
	}
	k.c.mu.Unlock()
}

func (k *caller) WrapUnary(next connect.UnaryFunc) connect.UnaryFunc {
	return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
		k.headers(req.Header())
		if _, ok := ctx.Deadline(); !ok {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, CallTimeout)
			defer cancel()
		}
		res, err := next(ctx, req)
		k.c.observe(err)
		return res, err
	}
}

func (k *caller) WrapStreamingClient(next connect.StreamingClientFunc) connect.StreamingClientFunc {
	return func(ctx context.Context, spec connect.Spec) connect.StreamingClientConn {
		conn := next(ctx, spec)
		k.headers(conn.RequestHeader())
		return conn
	}
}

func (k *caller) WrapStreamingHandler(next connect.StreamingHandlerFunc) connect.StreamingHandlerFunc {
	return next
}
