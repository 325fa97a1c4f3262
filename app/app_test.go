package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"frontdesk/guests"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

var testToday = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// testZone is the property's zone in UI tests: a fixed UTC+8 (Bali), so that neither the
// machine's TZ nor its time-zone database matters.
var testZone = time.FixedZone("WITA", 8*60*60)

// testNow is the moment every UI test starts at, the same for the store and the window:
// mid-morning shift on testToday. FRONTDESK_TEST_NOW (RFC 3339) moves it, so the suite
// can be run at a shift change or around midnight (README, Tests).
var testNow = func() time.Time {
	if v := os.Getenv("FRONTDESK_TEST_NOW"); v != "" {
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			return t.In(testZone)
		}
		panic("FRONTDESK_TEST_NOW is not an RFC 3339 time: " + v)
	}
	return time.Date(2026, 11, 23, 10, 30, 0, 0, testZone)
}()

// harness is a UI on a real temp-dir database.
type harness struct {
	t     testing.TB
	ui    *UI
	store *sqlite.Store
	win   fyne.Window
	queue chan func()  // background results, applied by settle on the test goroutine
	clock atomic.Int64 // the pinned clock, Unix nanoseconds: read by the store's goroutines
}

// now is the harness's pinned clock, shared by the store and the window.
func (h *harness) now() time.Time { return time.Unix(0, h.clock.Load()).In(testZone) }

// setNow moves the pinned clock.
func (h *harness) setNow(t time.Time) { h.clock.Store(t.UnixNano()) }

// newBareHarness is a UI on a real temp-dir database before anyone signed in.
func newBareHarness(t *testing.T, svc func(*sqlite.Store) guests.Service) *harness {
	t.Helper()
	h := &harness{}
	h.setNow(testNow)
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "fd.db"), sqlite.Options{PhoneRegion: "ID", Now: h.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	harnessOn(t, h, store, svc)
	h.ui.now = h.now
	return h
}

// harnessOn makes h a UI before anyone signed in, on an open store (a benchmark's seeded
// file, on the real clock).
func harnessOn(t testing.TB, h *harness, store *sqlite.Store, svc func(*sqlite.Store) guests.Service) {
	t.Helper()
	test.NewTempApp(t)
	SetLanguage("en")
	h.t, h.store, h.queue = t, store, make(chan func(), 64)
	h.win = test.NewTempWindow(t, widget.NewLabel(""))
	h.win.Resize(fyne.NewSize(1280, 800))
	var gs guests.Service = store
	if svc != nil {
		gs = svc(store)
	}
	h.ui = newUI(h.win, Services{Guests: gs, Privacy: store, Transfer: store, Staff: store, Standards: store, Loans: store, Rooms: store, Audit: store, Escalation: store, Roster: store, Requests: store, Notices: store, PrepRules: store})
	h.ui.do = func(f func()) { h.queue <- f }
	// The test app records notifications; no desktop service is asked.
	h.ui.notifyDesktop = func(n *fyne.Notification) error {
		fyne.CurrentApp().SendNotification(n)
		return nil
	}
}

// newHarness is a UI already signed in as an agent, on the Guests screen.
func newHarness(t *testing.T, svc func(*sqlite.Store) guests.Service) *harness {
	h := newBareHarness(t, svc)
	h.ui.showMain(staff.Actor{Name: "Dewi Lestari", Role: staff.RoleAgent})
	return h
}

// staff creates an active member of staff and returns them as an actor.
func (h *harness) staff(name string, role staff.Role) staff.Actor {
	h.t.Helper()
	st := &staff.Staff{Name: name, Role: role, Active: true}
	boss := staff.WithActor(context.Background(), staff.Actor{Name: "Test setup", Role: staff.RoleAdministrator})
	if err := h.store.CreateStaff(boss, st, "4829"); err != nil {
		h.t.Fatal(err)
	}
	return staff.Actor{ID: st.ID, Name: st.Name, Role: st.Role}
}

// settle applies background results, as the UI goroutine would, until only n are
// still being worked on.
func (h *harness) settle(n int) {
	h.t.Helper()
	deadline := time.After(10 * time.Second)
	for h.ui.inflight > n {
		select {
		case f := <-h.queue:
			f()
		case <-deadline:
			h.t.Fatal("the UI did not settle")
		}
	}
}

func (h *harness) addGuest(g guests.Guest, room string) string {
	h.t.Helper()
	ctx := context.Background()
	if err := h.store.CreateGuest(ctx, &g); err != nil {
		h.t.Fatal(err)
	}
	if room != "" {
		st := guests.Stay{GuestID: g.ID, Arrival: testToday.AddDate(0, 0, -2), Departure: testToday.AddDate(0, 0, 3),
			Room: room, Status: guests.StayInHouse, PartySize: 2}
		if err := h.store.AddStay(ctx, &st); err != nil {
			h.t.Fatal(err)
		}
	}
	return g.ID
}

// labels returns the texts of every label under obj.
func labels(obj fyne.CanvasObject) []*widget.Label {
	var out []*widget.Label
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Label:
			out = append(out, o)
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case *widget.Card:
			walk(o.Content)
		}
	}
	walk(obj)
	return out
}

func findLabel(obj fyne.CanvasObject, substr string) *widget.Label {
	for _, l := range labels(obj) {
		if strings.Contains(l.Text, substr) {
			return l
		}
	}
	return nil
}

// findLabelDeep looks through widgets' rendered objects too (dialogs, scrolls).
func findLabelDeep(obj fyne.CanvasObject, substr string) *widget.Label {
	l, _ := findDeep(obj, func(l *widget.Label) bool { return strings.Contains(l.Text, substr) })
	return l
}

// message returns the text shown under field (empty when none); tests read it.
func (f *form) message(field string) string {
	if m, ok := f.errors[field]; ok && m.Visible() {
		return m.Text
	}
	return ""
}
