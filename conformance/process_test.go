package conformance

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"frontdesk/cli"
	"frontdesk/services"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// frontdeskBin is the frontdesk program built for this run (TestMain), which the
// "process" desks start as `frontdesk serve`; empty when it could not be built.
var frontdeskBin string

func TestMain(m *testing.M) {
	if settings := os.Getenv(deskVariable); settings != "" {
		os.Exit(runDeskProcess(settings)) // started by a test as a desk of its own
	}
	dir, err := os.MkdirTemp("", "frontdesk-conformance")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := buildFrontdesk(dir); err != nil {
		fmt.Fprintln(os.Stderr, "conformance: building frontdesk:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// buildFrontdesk builds the program into dir with this test's flags (the race detector
// too, so the packages the test already compiled are reused).
func buildFrontdesk(dir string) error {
	bin := filepath.Join(dir, "frontdesk")
	args := []string{"build", "-tags", "sqlite_fts5,sqlite_percentile", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return err
	}
	cmd := exec.Command(goCmd, append(args, "frontdesk")...)
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%v: %s", err, out)
	}
	frontdeskBin = bin
	return nil
}

// serveProcess is a `frontdesk serve` process of the test.
type serveProcess struct {
	cmd    *exec.Cmd
	db     string
	listen string // the address it answers on
	url    string
	code   string // the pairing code it printed
	mu     sync.Mutex
	log    strings.Builder
	exited chan struct{}
}

var (
	listenLine = regexp.MustCompile(`msg="frontdesk serve started".* listen=(\S+)`)
	codeLine   = regexp.MustCompile(`msg="pairing code for a new desk.*" code=(\S+)`)
)

// startServe starts `frontdesk serve --pair` on db at listen ("127.0.0.1:0" for any
// port) with the pinned clock, and waits until it answers.
func startServe(t *testing.T, db, listen string) *serveProcess {
	t.Helper()
	p := &serveProcess{db: db, exited: make(chan struct{})}
	p.cmd = exec.Command(frontdeskBin, "serve", "--db", db, "--listen", listen, "--pair", "--log-level", "info")
	p.cmd.Env = append(os.Environ(), cli.ClockVariable+"="+pinned.Format(time.RFC3339))
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.cmd.Stderr = p.cmd.Stdout
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan struct{})
	go p.read(out, ready)
	go func() { p.cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() { p.kill(syscall.SIGKILL) })
	select {
	case <-ready:
	case <-p.exited:
		t.Fatalf("frontdesk serve stopped at start:\n%s", p.output())
	case <-time.After(60 * time.Second):
		t.Fatalf("frontdesk serve did not start:\n%s", p.output())
	}
	return p
}

// read keeps the process's log and finds its address and pairing code in it.
func (p *serveProcess) read(r io.Reader, ready chan struct{}) {
	sc := bufio.NewScanner(r)
	signalled := false
	for sc.Scan() {
		line := sc.Text()
		p.mu.Lock()
		p.log.WriteString(line + "\n")
		if m := listenLine.FindStringSubmatch(line); m != nil {
			p.listen, p.url = m[1], "https://"+m[1]
		}
		if m := codeLine.FindStringSubmatch(line); m != nil {
			p.code = m[1]
		}
		done := p.url != "" && p.code != ""
		p.mu.Unlock()
		if done && !signalled {
			signalled = true
			close(ready)
		}
	}
}

func (p *serveProcess) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

// kill sends sig and waits for the process to end.
func (p *serveProcess) kill(sig syscall.Signal) {
	if p.cmd.Process != nil {
		p.cmd.Process.Signal(sig)
	}
	select {
	case <-p.exited:
	case <-time.After(60 * time.Second):
		p.cmd.Process.Kill()
		<-p.exited
	}
}

// newProcessDesk is a desk of a `frontdesk serve` process of its own, on a new file:
// the first administrator is created through the API, as a property starting with a
// server does.
func newProcessDesk(t *testing.T) *desk {
	t.Helper()
	db := filepath.Join(t.TempDir(), "frontdesk.db")
	p := startServe(t, db, "127.0.0.1:0")
	ctx := context.Background()
	c := pairWithCode(t, p.url, p.code, "Front desk 1")
	all, ok := any(c).(services.All)
	if !ok {
		t.Fatal("the API client does not implement every service yet")
	}
	admin := staff.Staff{Name: "Wayan Sudarma", Role: staff.RoleAdministrator, Active: true}
	if err := all.CreateFirstAdministrator(ctx, &admin, adminPIN); err != nil {
		t.Fatalf("first administrator through the server: %v", err)
	}
	// The test reads the file beside the server to check what was stored, never to act.
	st, err := sqlite.Open(ctx, db, sqlite.Options{Now: func() time.Time { return pinned }, PhoneRegion: "ID", CheckLater: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &desk{svc: services.Of(all), store: st, now: pinned, name: "process", admin: admin, client: c, staff: map[staff.Role]staff.Staff{}}
}
