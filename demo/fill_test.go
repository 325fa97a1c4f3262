package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"frontdesk/handover"
	"frontdesk/loans"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

func TestFillLoadsTheWholePropertyOnceAndNeverTouchesItAgain(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), sqlite.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	n, err := Fill(ctx, store, now)
	if err != nil || n < 1800 {
		t.Fatalf("filled %d guests, %v", n, err)
	}
	if staff, _ := store.CountStaff(ctx); staff != len(Staff) {
		t.Errorf("%d staff", staff)
	}
	rooms, _ := store.CountRooms(ctx, property.RoomFilter{})
	occupied, _ := store.CountRooms(ctx, property.RoomFilter{Status: property.RoomOccupied})
	if rooms != 300 || occupied < 150 {
		t.Errorf("%d rooms, %d occupied", rooms, occupied)
	}
	out, _ := store.ListLoans(ctx, loans.Filter{OutOnly: true})
	overdue, _ := store.ListLoans(ctx, loans.Filter{OverdueOnly: true})
	if len(out) != 40 || len(overdue) == 0 {
		t.Errorf("%d loans out, %d overdue", len(out), len(overdue))
	}
	notes, err := store.ListNotes(ctx, handover.NoteFilter{})
	if err != nil || len(notes) != len(logbook) || !notes[0].Pinned || notes[0].Author != "Rina Kusuma" {
		t.Errorf("logbook %+v, %v", notes, err)
	}
	open, _ := store.CountRequests(ctx, requests.Filter{})
	if open[requests.ViewOverdue] == 0 || open[requests.ViewFollowUp] == 0 || open[requests.ViewHistory] < 1000 {
		t.Errorf("demo requests by view %v", open)
	}
	if _, err := store.SignIn(ctx, mustStaffID(t, store, "Dewi Lestari"), "4829"); err != nil {
		t.Errorf("the README's demo PIN does not work: %v", err)
	}

	again, err := Fill(ctx, store, now)
	if err != nil || again != 0 {
		t.Fatalf("second fill: %d, %v", again, err)
	}
	if staff, _ := store.CountStaff(ctx); staff != len(Staff) {
		t.Errorf("second fill changed staff: %d", staff)
	}
}

func mustStaffID(t *testing.T, s *sqlite.Store, name string) string {
	t.Helper()
	list, err := s.ListStaff(context.Background(), staff.Filter{NamePrefix: name})
	if err != nil || len(list) != 1 {
		t.Fatalf("staff %q: %v %v", name, list, err)
	}
	return list[0].ID
}
