package conformance

// A desk of its own: the test binary started again as one desk of a server, the way the
// window is one — a process that pairs with a code, signs a member of staff in, follows
// the change feed and acts through the API client when told. It reads commands as JSON
// lines on stdin and writes what the feed gives it and its answers as JSON lines on
// stdout.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/remote"
	"frontdesk/requests"
	"frontdesk/staff"
)

// deskVariable holds a desk process's settings (deskSettings as JSON): set, the test
// binary runs as that desk instead of the tests.
const deskVariable = "FRONTDESK_TEST_DESK"

type deskSettings struct {
	URL, Code, Name, StaffID, PIN string
}

// deskCommand is one thing a desk process is told to do.
type deskCommand struct {
	Op      string // create_request, find_guest, update_guest, acknowledge, claim
	ID      string
	Guest   *guests.Guest
	Request *requests.Request
}

// deskLine is one line a desk process writes: a change its feed gave it, or an answer.
type deskLine struct {
	Kind   string // ready, change, answer
	Change *audit.Change
	Op     string
	ID     string
	IDs    []string
	Guest  *guests.Guest
	Code   errs.Code
	Msg    string // the problem's template
	Args   map[string]any
	Failed string // a failure that is not a typed problem
}

// runDeskProcess is a desk process's life; it returns the exit code.
func runDeskProcess(settings string) int {
	var s deskSettings
	if err := json.Unmarshal([]byte(settings), &s); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	ctx := context.Background()
	cred, err := remote.Pair(ctx, s.URL, s.Code, s.Name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pair:", err)
		return 1
	}
	c, err := remote.Dial(ctx, cred)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dial:", err)
		return 1
	}
	actor, err := c.SignIn(ctx, s.StaffID, s.PIN)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sign in:", err)
		return 1
	}
	out := &lineWriter{enc: json.NewEncoder(os.Stdout)}
	go c.Follow(ctx, 0, func(cs []audit.Change, _ bool) {
		for i := range cs {
			out.write(deskLine{Kind: "change", Change: &cs[i]})
		}
	})
	time.Sleep(300 * time.Millisecond) // the feed is listening
	out.write(deskLine{Kind: "ready"})
	in := json.NewDecoder(os.Stdin)
	actx := staff.WithActor(ctx, actor)
	for {
		var cmd deskCommand
		if err := in.Decode(&cmd); err != nil {
			return 0 // the test closed stdin: the desk closes
		}
		out.write(deskDo(actx, c, cmd))
	}
}

// deskDo carries out one command through the API client.
func deskDo(ctx context.Context, c *remote.Client, cmd deskCommand) deskLine {
	ans := deskLine{Kind: "answer", Op: cmd.Op}
	var err error
	switch cmd.Op {
	case "create_request":
		err = c.CreateRequest(ctx, cmd.Request, time.Time{})
		ans.ID = cmd.Request.ID
	case "find_guest":
		var p *guests.Profile
		if p, err = c.FindGuestByID(ctx, cmd.ID); err == nil {
			ans.Guest = &p.Guest
		}
	case "update_guest":
		err = c.UpdateGuest(ctx, cmd.Guest)
		ans.Guest = cmd.Guest // as the form holds it after the save, refused or not
	case "acknowledge":
		_, err = c.Act(ctx, cmd.ID, requests.Action{Kind: requests.ActAcknowledge})
	case "claim":
		var n requests.Notices
		n, err = c.ClaimNotices(ctx)
		for _, r := range n.Fresh {
			ans.IDs = append(ans.IDs, r.ID)
		}
	default:
		err = fmt.Errorf("unknown command %q", cmd.Op)
	}
	if e := asError(err); e != nil {
		ans.Code, ans.Msg, ans.Args = e.Code, e.Template, e.Args
	} else if err != nil {
		ans.Failed = err.Error()
	}
	return ans
}

// lineWriter writes JSON lines from several goroutines.
type lineWriter struct {
	mu  sync.Mutex
	enc *json.Encoder
}

func (w *lineWriter) write(l deskLine) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.enc.Encode(l)
}

// deskProc is a desk process as the test sees it.
type deskProc struct {
	name    string
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	answers chan deskLine
	mu      sync.Mutex
	seen    map[string]time.Time // "entity id" → when the desk's feed gave it
	exited  chan struct{}
}

// startDeskProcess starts a desk of the server at url, paired with code, with staffID
// signed in, and waits until its feed listens.
func startDeskProcess(t *testing.T, url, code, name, staffID, pin string) *deskProc {
	t.Helper()
	settings, _ := json.Marshal(deskSettings{URL: url, Code: code, Name: name, StaffID: staffID, PIN: pin})
	d := &deskProc{name: name, answers: make(chan deskLine, 16), seen: map[string]time.Time{}, exited: make(chan struct{})}
	d.cmd = exec.Command(os.Args[0], "-test.run=^$")
	d.cmd.Env = append(os.Environ(), deskVariable+"="+string(settings))
	d.cmd.Stderr = os.Stderr
	var err error
	if d.stdin, err = d.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := d.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan struct{})
	go d.read(stdout, ready)
	t.Cleanup(func() {
		d.stdin.Close()
		select {
		case <-d.exited:
		case <-time.After(10 * time.Second):
			d.cmd.Process.Kill()
			<-d.exited
		}
	})
	select {
	case <-ready:
	case <-d.exited:
		t.Fatalf("desk %s stopped at start", name)
	case <-time.After(60 * time.Second):
		t.Fatalf("desk %s did not start", name)
	}
	return d
}

// read takes the desk's lines: changes into seen, answers to the channel.
func (d *deskProc) read(r io.Reader, ready chan struct{}) {
	defer close(d.exited)
	defer d.cmd.Wait()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var l deskLine
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			continue // not ours (the test binary's own output)
		}
		switch l.Kind {
		case "ready":
			close(ready)
		case "change":
			d.mu.Lock()
			key := l.Change.Entity + " " + l.Change.EntityID
			if _, ok := d.seen[key]; !ok {
				d.seen[key] = time.Now()
			}
			d.mu.Unlock()
		case "answer":
			d.answers <- l
		}
	}
}

// do has the desk carry out cmd and returns its answer.
func (d *deskProc) do(t *testing.T, cmd deskCommand) deskLine {
	t.Helper()
	d.send(t, cmd)
	return d.answer(t, cmd.Op)
}

// send tells the desk to carry out cmd, without waiting for its answer.
func (d *deskProc) send(t *testing.T, cmd deskCommand) {
	t.Helper()
	b, _ := json.Marshal(cmd)
	if _, err := d.stdin.Write(append(b, '\n')); err != nil {
		t.Fatalf("desk %s: %v", d.name, err)
	}
}

// answer is the desk's answer to the command op it was sent.
func (d *deskProc) answer(t *testing.T, op string) deskLine {
	t.Helper()
	select {
	case a := <-d.answers:
		if a.Failed != "" {
			t.Fatalf("desk %s, %s: %s", d.name, op, a.Failed)
		}
		return a
	case <-d.exited:
		t.Fatalf("desk %s stopped", d.name)
	case <-time.After(30 * time.Second):
		t.Fatalf("desk %s did not answer %s", d.name, op)
	}
	return deskLine{}
}

// sawAt is when the desk's feed gave a change of entity id, if it has.
func (d *deskProc) sawAt(entity, id string) (time.Time, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	at, ok := d.seen[entity+" "+id]
	return at, ok
}
