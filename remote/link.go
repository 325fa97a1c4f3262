package remote

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
)

// retryEvery is how often a desk that lost its server tries it again.
const retryEvery = 3 * time.Second

// link is what the client knows of its connection: up or down, and who wants to know.
type link struct {
	mu       sync.Mutex
	down     bool
	probing  bool
	watchers []func(connected bool)
}

// Server is the server's address without its scheme, as the header shows it.
func (c *Client) Server() string { return strings.TrimPrefix(c.cred.URL, "https://") }

// Fingerprint is the server certificate's, pinned when this desk paired.
func (c *Client) Fingerprint() string { return c.cred.Fingerprint }

// Watch calls fn at every change of the connection.
func (c *Client) Watch(fn func(connected bool)) {
	c.link.mu.Lock()
	defer c.link.mu.Unlock()
	c.link.watchers = append(c.link.watchers, fn)
}

// Connected says whether the last call reached the server.
func (c *Client) Connected() bool {
	c.link.mu.Lock()
	defer c.link.mu.Unlock()
	return !c.link.down
}

// observe notes what a call's outcome says of the connection: an answer, even a refusal,
// means the server is there; no answer means it is not, and a probe starts.
func (c *Client) observe(err error) {
	if lostConnection(err) {
		c.setConnected(false)
		return
	}
	c.setConnected(true)
}

// lostConnection says whether err means the server did not answer (as opposed to an
// answer that refused).
func lostConnection(err error) bool {
	if err == nil {
		return false
	}
	var ce *connect.Error
	if !errors.As(err, &ce) {
		return false
	}
	if len(ce.Details()) > 0 || ce.Meta().Get("Content-Type") != "" {
		return false // the server answered
	}
	switch ce.Code() {
	case connect.CodeUnavailable, connect.CodeDeadlineExceeded, connect.CodeUnknown:
		return true
	}
	return false
}

func (c *Client) setConnected(up bool) {
	l := &c.link
	l.mu.Lock()
	if l.down == !up {
		l.mu.Unlock()
		return
	}
	l.down = !up
	watchers := append([]func(bool){}, l.watchers...)
	startProbe := !up && !l.probing
	if startProbe {
		l.probing = true
	}
	l.mu.Unlock()
	for _, w := range watchers {
		w(up)
	}
	if startProbe {
		go c.probe()
	}
}

// probe says hello every few seconds until the server answers.
func (c *Client) probe() {
	defer func() {
		c.link.mu.Lock()
		c.link.probing = false
		c.link.mu.Unlock()
	}()
	for {
		time.Sleep(retryEvery)
		ctx, cancel := context.WithTimeout(context.Background(), CallTimeout)
		_, err := c.desk.Hello(ctx, connect.NewRequest(&v1.HelloRequest{}))
		cancel()
		if !lostConnection(err) {
			return // Hello's interceptor has marked the connection up
		}
	}
}
