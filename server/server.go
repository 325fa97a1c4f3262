// Package server is `frontdesk serve`: one process that owns the property's database and
// serves every desk's services over TLS (Connect), deciding itself who is calling. A call
// carries its desk's credential (given once, at pairing) and, for everything but signing
// in, the session of the member of staff signed in at that desk; the actor, and with it
// every role check and audit entry, comes from that session alone.
package server

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"connectrpc.com/connect"

	"frontdesk/api/frontdesk/v1/frontdeskv1connect"
	"frontdesk/desks"
	"frontdesk/services"
)

// Config is what a server serves.
type Config struct {
	Services services.Services
	Desks    desks.Store
	Region   string // the country of phone numbers typed without a country code
	Version  string
	Log      *slog.Logger     // slog.Default() when nil
	Now      func() time.Time // the server's clock, told to desks; time.Now when nil
	// PairingsPerMinute bounds pairing attempts from one address; 10 when zero (a load
	// test pairing fifty desks from one PC raises it).
	PairingsPerMinute int
	// Backup takes a backup into the server's backups folder for `frontdesk backup
	// --server`; nil refuses it.
	Backup func(ctx context.Context) (file string, guests, requests int, err error)
}

// Server serves the API.
type Server struct {
	cfg     Config
	log     *slog.Logger
	api     *api
	guard   *guard
	handler http.Handler
	// feeds ends every change feed being followed: Serve cancels it before it waits for
	// the calls in flight, which a feed never stops being.
	feeds     context.Context
	stopFeeds context.CancelFunc
}

// New returns a server of cfg's services.
func New(cfg Config) *Server {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Server{cfg: cfg, log: cfg.Log, api: &api{svc: cfg.Services, region: cfg.Region}}
	s.guard = newGuard(cfg.Desks, cfg.Log, cfg.Now)
	if cfg.PairingsPerMinute > 0 {
		s.guard.pairs.n = cfg.PairingsPerMinute
	}
	s.feeds, s.stopFeeds = context.WithCancel(context.Background())
	mux := http.NewServeMux()
	opts := []connect.HandlerOption{connect.WithInterceptors(s.guard), connect.WithRecover(s.recovered),
		connect.WithReadMaxBytes(maxMessage)}
	s.api.mount(mux, opts...)
	path, h := frontdeskv1connect.NewDeskServiceHandler(&deskHandler{s: s}, opts...)
	mux.Handle(path, h)
	path, h = frontdeskv1connect.NewChangeServiceHandler(&changeHandler{s: s}, opts...)
	mux.Handle(path, h)
	s.handler = mux
	return s
}

// maxMessage is the largest message a desk may send: a guest file of 100,000 rows.
const maxMessage = 256 << 20

// Handler is the API as an http.Handler (for tests and for Serve).
func (s *Server) Handler() http.Handler { return s.handler }

// Serve answers on ln with TLS until ctx is cancelled, then stops taking calls, lets
// the calls in flight finish (for up to 30 s) and returns.
func (s *Server) Serve(ctx context.Context, ln net.Listener, cert tls.Certificate) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		TLSConfig:         TLSConfig(cert),
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
	done := make(chan error, 1)
	go func() { done <- hs.ServeTLS(ln, "", "") }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	s.log.Info("stopping: finishing the calls in flight")
	s.stopFeeds()
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	if e := <-done; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

// TLSConfig is the server's TLS: 1.2 at least, with HTTP/2.
func TLSConfig(cert tls.Certificate) *tls.Config {
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12, NextProtos: []string{"h2", "http/1.1"}}
}

// recovered turns a panic in a handler into an internal error, logged; the server goes on.
func (s *Server) recovered(ctx context.Context, spec connect.Spec, _ http.Header, p any) error {
	s.log.Error("panic in a call", "procedure", spec.Procedure, "panic", p)
	return connect.NewError(connect.CodeInternal, errors.New("internal error"))
}
