package conformance

import (
	"context"
	"sync"
	"syscall"
	"testing"
	"time"

	"frontdesk/audit"
	"frontdesk/guests"
	"frontdesk/staff"
)

// feedLog collects what a desk's feed gives it.
type feedLog struct {
	mu      sync.Mutex
	changes []audit.Change
}

func (l *feedLog) add(cs []audit.Change, _ bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.changes = append(l.changes, cs...)
}

// has says whether a change of entity with id was given.
func (l *feedLog) has(entity, id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.changes {
		if c.Entity == entity && c.EntityID == id {
			return true
		}
	}
	return false
}

// inOrder says whether the changes came once each, in the order committed.
func (l *feedLog) inOrder() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := 1; i < len(l.changes); i++ {
		if l.changes[i].Seq <= l.changes[i-1].Seq {
			return false
		}
	}
	return true
}

// follow starts following d's feed from since until the test ends.
func follow(t *testing.T, feed audit.Feed, since int64) *feedLog {
	l := &feedLog{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); feed.Follow(ctx, since, l.add) }()
	t.Cleanup(func() { cancel(); <-done })
	return l
}

// A change made at a desk reaches every follower within a second, once, in order, with
// what it touched and who did it.
func TestChangeFeedGivesEveryChange(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAgent)
		log := follow(t, d.svc.Feed, 0)
		time.Sleep(300 * time.Millisecond) // the follower is listening
		g := guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}
		must(t, d.svc.Guests.CreateGuest(ctx, &g))
		p := guests.Preference{GuestID: g.ID, Category: guests.PrefBedding, Text: "Feather-free pillows"}
		must(t, d.svc.Guests.AddPreference(ctx, &p))
		waitFor(t, 5*time.Second, "the changes in the feed", func() bool { return log.has("guest", g.ID) && log.has("preference", p.ID) })
		if !log.inOrder() {
			t.Fatalf("changes out of order or twice: %+v", log.changes)
		}
		for _, c := range log.changes {
			if c.EntityID == g.ID && (c.ActorName != "Test agent" || c.GuestID != g.ID || c.Action == "") {
				t.Fatalf("the change says %+v", c)
			}
		}
	})
}

// A desk that follows from an earlier change catches up with what it missed.
func TestChangeFeedCatchesUp(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAgent)
		before, err := d.store.LastChange(context.Background())
		must(t, err)
		var ids []string
		for _, name := range []string{"Ayu", "Budi", "Citra"} {
			g := guests.Guest{GivenName: name, FamilyName: "Santoso"}
			must(t, d.svc.Guests.CreateGuest(ctx, &g))
			ids = append(ids, g.ID)
		}
		log := follow(t, d.svc.Feed, before)
		waitFor(t, 5*time.Second, "the missed changes", func() bool {
			return log.has("guest", ids[0]) && log.has("guest", ids[1]) && log.has("guest", ids[2])
		})
	})
}

// A desk following the feed of a server that is killed and started again goes on by
// itself from the last change it had: a change made after the restart reaches it.
func TestChangeFeedAfterServerRestart(t *testing.T) {
	p, cs := processDesks(t, 2)
	log := follow(t, asAll(t, cs[0]), 0)
	time.Sleep(300 * time.Millisecond)
	first := guests.Guest{GivenName: "Before", FamilyName: "Restart"}
	must(t, asAll(t, cs[1]).CreateGuest(context.Background(), &first))
	waitFor(t, 5*time.Second, "the first change", func() bool { return log.has("guest", first.ID) })
	p.kill(syscall.SIGKILL)
	startServe(t, p.db, p.listen)
	second := guests.Guest{GivenName: "After", FamilyName: "Restart"}
	waitFor(t, 15*time.Second, "the other desk to write again", func() bool {
		return asAll(t, cs[1]).CreateGuest(context.Background(), &second) == nil
	})
	waitFor(t, 10*time.Second, "the change after the restart", func() bool { return log.has("guest", second.ID) })
	if !log.inOrder() {
		t.Fatal("changes out of order or twice after the restart")
	}
}
