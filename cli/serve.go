package cli

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"frontdesk/anticipation"
	"frontdesk/backup"
	"frontdesk/demo"
	"frontdesk/escalation"
	"frontdesk/server"
	"frontdesk/services"
	"frontdesk/sqlite"
)

// Version is the program's version, set by main.
var Version = "dev"

// DefaultListen is where `frontdesk serve` answers unless told otherwise.
const DefaultListen = ":8443"

func init() {
	register(Command{
		Name:    "serve",
		Summary: "serve the database to the property's desks over TLS (the back-office PC; see README, Several desks)",
		Run:     runServe,
	})
}

// serveFlags are serve's options.
type serveFlags struct {
	db, listen, certFile, keyFile, region, level string
	keep                                         int
	pair, demo                                   bool
}

func parseServe(args []string, stderr io.Writer) (serveFlags, bool) {
	var f serveFlags
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.db, "db", "", "database file (default: "+sqlite.DefaultPath()+")")
	fs.StringVar(&f.listen, "listen", DefaultListen, "address and port to answer desks on")
	fs.StringVar(&f.certFile, "cert", "", "TLS certificate (PEM) the property gives; default: one made at first start beside the database")
	fs.StringVar(&f.keyFile, "key", "", "the certificate's private key (PEM), with --cert")
	fs.BoolVar(&f.demo, "demo", false, "fill an empty database with a demo property first (never touches one with data)")
	fs.BoolVar(&f.pair, "pair", false, "print a one-time code a new desk pairs with (good for 10 minutes)")
	fs.StringVar(&f.region, "region", "ID", "country for phone numbers typed without a country code (ISO 3166 code)")
	fs.IntVar(&f.keep, "keep-backups", backup.DefaultKeep, "automatic backups of each kind kept in the backups folder beside the database")
	fs.StringVar(&f.level, "log-level", "info", "least important log lines written: debug, info, warn or error")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || (f.certFile == "") != (f.keyFile == "") {
		fmt.Fprintln(stderr, "frontdesk serve: usage: frontdesk serve [--db FILE] [--listen ADDR] [--cert FILE --key FILE] [--pair]")
		return f, false
	}
	return f, true
}

// runServe is `frontdesk serve`: it owns the database file, runs what runs once per
// property (escalation, backups, the start-up check) and serves the desks until SIGTERM
// or Ctrl+C, when it lets the calls in flight finish and closes the file.
func runServe(args []string, stdout, stderr io.Writer) int {
	f, ok := parseServe(args, stderr)
	if !ok {
		return 2
	}
	logger := slog.New(slog.NewTextHandler(stdout, &slog.HandlerOptions{Level: logLevel(f.level)}))
	log.SetOutput(stdout) // the background jobs' lines go to the same log
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, f, logger); err != nil {
		logger.Error("frontdesk serve stopped", "error", err.Error())
		return 1
	}
	logger.Info("frontdesk serve stopped; the database is closed")
	return 0
}

func logLevel(s string) slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return slog.LevelInfo
	}
	return l
}

func serve(ctx context.Context, f serveFlags, logger *slog.Logger) error {
	path, err := servedPath(f.db)
	if err != nil {
		return err
	}
	release, err := sqlite.LockForServing(path)
	if err != nil {
		return err
	}
	defer release()
	if busy, err := sqlite.InUse(path); err == nil && busy {
		return fmt.Errorf("another program (a Frontdesk window?) has %s open: close it first, the server owns the file", path)
	}
	now, err := serveClock()
	if err != nil {
		return err
	}
	store, err := sqlite.Open(ctx, path, sqlite.Options{PhoneRegion: f.region, CheckLater: true, KeepBackups: f.keep, Now: now})
	if err != nil {
		return err
	}
	defer store.Close()
	if f.demo {
		n, err := demo.Fill(ctx, store, now())
		if err != nil {
			return err
		}
		if n > 0 {
			logger.Info("demo property created", "guests", n)
		}
	}
	cert, err := serverCert(f, path)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return err
	}
	logger.Info("frontdesk serve started", "version", Version, "db", path, "listen", ln.Addr().String(),
		"certificate", server.CertFingerprint(cert))
	if f.pair {
		if err := printPairingCode(ctx, store, logger); err != nil {
			ln.Close()
			return err
		}
	}
	stopEscalation := escalation.Start(store)
	stopPreparing := anticipation.StartPreparing(store, func(format string, args ...any) {
		logger.Info(fmt.Sprintf(format, args...))
	})
	stopBackups := backup.Start(store, path, f.keep)
	defer func() { stopEscalation(); stopPreparing(); stopBackups() }()
	ctx, cancel := context.WithCancelCause(ctx)
	go checkAtStart(ctx, store, logger, cancel)
	srv := server.New(server.Config{Services: services.Of(store), Desks: store, Region: store.PhoneRegion(), Version: Version, Log: logger, Now: now,
		Backup: func(ctx context.Context) (string, int, int, error) {
			file, info, warn, err := backUp(ctx, path, "", f.keep)
			if warn != nil {
				logger.Warn("older manual backups were not removed", "error", warn)
			}
			return filepath.Base(file), info.Guests, info.Requests, err
		}})
	err = srv.Serve(ctx, ln, cert)
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	return err
}

// ClockVariable fixes the server's clock at an RFC 3339 time, for tests that run the real
// server process against the same pinned clock as the store in the test (never set it
// at a property: every request would be due at the same minute for ever).
const ClockVariable = "FRONTDESK_SERVE_CLOCK"

// serveClock is the server's clock: time.Now, or the fixed one of ClockVariable.
func serveClock() (func() time.Time, error) {
	v := os.Getenv(ClockVariable)
	if v == "" {
		return time.Now, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return nil, fmt.Errorf("%s is not an RFC 3339 time: %q", ClockVariable, v)
	}
	return func() time.Time { return t }, nil
}

// servedPath is the database to serve: an existing Frontdesk database, or a new file
// (a property starting with a server; its first desk creates the administrator).
func servedPath(db string) (string, error) {
	path := orDefault(db)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if db == "" {
			return sqlite.PrepareDefaultPath()
		}
		return path, os.MkdirAll(filepath.Dir(path), 0o700)
	}
	return path, existingDatabase(path)
}

// serverCert is the property's certificate, or the one made at first start beside the
// database.
func serverCert(f serveFlags, path string) (tls.Certificate, error) {
	if f.certFile != "" {
		return tls.LoadX509KeyPair(f.certFile, f.keyFile)
	}
	return server.LoadOrCreateCert(filepath.Dir(path))
}

// printPairingCode writes a one-time code to the log for the first (or next) desk.
func printPairingCode(ctx context.Context, store *sqlite.Store, logger *slog.Logger) error {
	code, expires, err := store.CreatePairingCodeAtStart(ctx)
	if err != nil {
		return err
	}
	logger.Info("pairing code for a new desk: type it at the desk with this server's address",
		"code", code, "valid_until", expires.Format(time.TimeOnly))
	return nil
}

// checkAtStart runs the database's quick check while the desks already work; a damaged
// file stops the server (the backups beside it are kept; `frontdesk restore` brings one
// back).
func checkAtStart(ctx context.Context, store *sqlite.Store, logger *slog.Logger, stop context.CancelCauseFunc) {
	began := time.Now()
	err := store.QuickCheck(ctx)
	switch {
	case err == nil:
		logger.Info("start-up check: the database is sound", "took", time.Since(began).Round(time.Millisecond).String())
	case sqlite.IsDamaged(err):
		logger.Error("start-up check: the database is damaged; stopping. Restore the latest good backup with `frontdesk restore`.", "error", err)
		stop(err)
	case ctx.Err() == nil:
		logger.Warn("start-up check could not run", "error", err)
	}
}
