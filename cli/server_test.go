package cli

import (
	"context"
	"io"
	"log"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"frontdesk/server"
	"frontdesk/services"
	"frontdesk/sqlite"
)

// serveFile serves the database at path on a loopback TLS port (a server in this
// process) and returns its address and a pairing code.
func serveFile(t *testing.T, path string) (url, code string) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	check(t, err)
	t.Cleanup(func() { s.Close() })
	cert, err := server.LoadOrCreateCert(t.TempDir())
	check(t, err)
	srv := server.New(server.Config{Services: services.Of(s), Desks: s, Region: "ID", Version: "test", Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Backup: func(ctx context.Context) (string, int, int, error) {
			file, info, _, err := backUp(ctx, path, "", 3)
			return filepath.Base(file), info.Guests, info.Requests, err
		}})
	ts := httptest.NewUnstartedServer(srv.Handler())
	ts.EnableHTTP2 = true
	ts.TLS = server.TLSConfig(cert)
	ts.Config.ErrorLog = log.New(io.Discard, "", 0)
	ts.StartTLS()
	t.Cleanup(ts.Close)
	code, _, err = s.CreatePairingCodeAtStart(context.Background())
	check(t, err)
	return ts.URL, code
}

// A PC without a window pairs once, then prints the handover from the server as a member
// of staff, whose PIN the server checks.
func TestHandoverThroughTheServer(t *testing.T) {
	url, code := serveFile(t, handoverDB(t))
	cfg := filepath.Join(t.TempDir(), "desk.json")
	if c, out, errOut := run(t, "pair", "--server", url, "--code", code, "--name", "Night audit PC", "--desk-config", cfg); c != 0 ||
		!strings.Contains(out, "The server's certificate: SHA256:") {
		t.Fatalf("pair: %d %s %s", c, out, errOut)
	}
	t.Setenv(PINVariable, "1357")
	c, out, errOut := runCLI("--server", url, "--desk-config", cfg, "--staff", "wayan sudarma")
	if c != 0 || !strings.Contains(out, "Room 1204 · Siti Rahayu — Shower drains slowly") {
		t.Fatalf("handover through the server: %d\n%s\n%s", c, out, errOut)
	}
	t.Setenv(PINVariable, "0000")
	if c, _, errOut := runCLI("--server", url, "--desk-config", cfg, "--staff", "Wayan Sudarma"); c != 1 || !strings.Contains(errOut, "PIN") {
		t.Fatalf("a wrong PIN: %d %s", c, errOut)
	}
	if c, _, errOut := runCLI("--server", url, "--desk-config", filepath.Join(t.TempDir(), "none.json"), "--staff", "Wayan Sudarma"); c != 1 ||
		!strings.Contains(errOut, "not paired") {
		t.Fatalf("an unpaired PC: %d %s", c, errOut)
	}
	if c, _, errOut := runCLI("--server", url, "--desk-config", cfg); c != 2 || !strings.Contains(errOut, "--staff") {
		t.Fatalf("no --staff: %d %s", c, errOut)
	}
}

// A manager asks the server for a backup; it lands in the server's backups folder.
func TestBackupThroughTheServer(t *testing.T) {
	db := handoverDB(t)
	url, code := serveFile(t, db)
	cfg := filepath.Join(t.TempDir(), "desk.json")
	if c, _, errOut := run(t, "pair", "--server", url, "--code", code, "--desk-config", cfg); c != 0 {
		t.Fatalf("pair: %s", errOut)
	}
	t.Setenv(PINVariable, "1357")
	c, out, errOut := run(t, "backup", "--server", url, "--desk-config", cfg, "--staff", "Wayan Sudarma")
	if c != 0 || !strings.Contains(out, "1 guests, 1 requests") {
		t.Fatalf("backup through the server: %d %s %s", c, out, errOut)
	}
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "*"))
	if len(files) != 1 {
		t.Fatalf("backups folder: %v", files)
	}
	if c, _, _ := run(t, "backup", "--server", url, "--desk-config", cfg, "--staff", "Wayan Sudarma", "--out", "x.db"); c != 2 {
		t.Fatal("--out with --server accepted")
	}
}
