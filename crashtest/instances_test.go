package crashtest

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// Two Frontdesk processes and a third instance in this one (the app plus the CLI, or
// two windows) log requests on one file at full speed while this one also searches,
// lists and takes a backup. Every write must succeed: "database is locked" never reaches
// a caller, it waits its turn.
func TestFrontdesksSharingOneFileWriteTogetherWithoutLockErrors(t *testing.T) {
	each := *sharedWrites
	p := newProperty(t)
	procs := []*writer{p.startWriter(t, each), p.startWriter(t, each)}
	s, err := sqlite.Open(context.Background(), p.path, sqlite.Options{})
	must(t, err)
	defer s.Close()

	start := time.Now()
	var wg sync.WaitGroup
	var mine []string
	writing := make(chan struct{})
	wg.Go(func() { mine = p.logHere(t, s, each) })
	wg.Go(func() { readUntil(t, s, writing) })
	wg.Go(func() {
		if _, err := s.Backup(context.Background(), filepath.Join(t.TempDir(), "during.db")); err != nil {
			t.Errorf("backup while three instances write: %v", err)
		}
	})
	all := []string{}
	for i, w := range procs {
		ids := w.drain()
		if err := w.cmd.Wait(); err != nil || len(ids) != each {
			t.Errorf("process %d: %d of %d requests logged, %v: %s", i, len(ids), each, err, w.stderr.String())
		}
		all = append(all, ids...)
	}
	close(writing)
	wg.Wait()
	all = append(all, mine...)
	if got := present(t, p.path, all); got != 3*each || len(all) != 3*each {
		t.Fatalf("%d of %d requests stored", got, 3*each)
	}
	t.Logf("3 instances, %d writes and concurrent reads and a backup, no lock errors, in %v", len(all), time.Since(start).Round(time.Millisecond))
}

// logHere logs n requests through s, failing the test on any error.
func (p *testProperty) logHere(t *testing.T, s *sqlite.Store, n int) []string {
	ctx := staff.WithActor(context.Background(), staff.Actor{ID: p.agent, Name: "Dewi Lestari", Role: staff.RoleAgent})
	var ids []string
	for i := range n {
		r := &requests.Request{GuestID: p.guestID, Room: room, Category: "towels", Description: fmt.Sprintf("Towels here %d", i)}
		if err := s.CreateRequest(ctx, r, time.Time{}); err != nil {
			t.Errorf("request %d: %v", i, err)
			return ids
		}
		ids = append(ids, r.ID)
	}
	return ids
}

// readUntil searches and lists until done is closed.
func readUntil(t *testing.T, s *sqlite.Store, done <-chan struct{}) {
	ctx := context.Background()
	for {
		select {
		case <-done:
			return
		default:
		}
		if _, err := s.SearchGuests(ctx, guests.Query{Text: "siti"}); err != nil {
			t.Errorf("search: %v", err)
			return
		}
		if _, err := s.ListRequests(ctx, requests.Filter{}); err != nil {
			t.Errorf("list: %v", err)
			return
		}
	}
}
