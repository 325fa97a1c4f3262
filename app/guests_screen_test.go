package app

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"frontdesk/guests"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

func TestSearchBoxHasFocusAtStart(t *testing.T) {
	h := newHarness(t, nil)
	if h.win.Canvas().Focused() != h.ui.guests.search {
		t.Fatal("the search box should have the focus when the window opens")
	}
}

func TestTypingFindsTheGuestAndArrowOpensProfileWithAlerts(t *testing.T) {
	h := newHarness(t, nil)
	id := h.addGuest(guests.Guest{GivenName: "Siti", FamilyName: "Rahayu", Tier: guests.TierPlatinum}, "1204")
	h.addGuest(guests.Guest{GivenName: "Budi", FamilyName: "Santoso"}, "")
	ctx := context.Background()
	must(t, h.store.AddAlert(ctx, &guests.Alert{GuestID: id, Kind: guests.AlertAllergy, Text: "Peanuts"}))
	must(t, h.store.AddPreference(ctx, &guests.Preference{GuestID: id, Category: guests.PrefBedding, Text: "Feather-free pillows"}))

	s := h.ui.guests
	test.Type(s.search, "rahay")
	h.settle(0)
	if s.results[0].ID != id || !s.results[0].InHouse {
		t.Fatalf("wrong result: %+v", s.results[0])
	}
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.settle(0)

	body := s.profile.body
	if findLabel(body, "Feather-free pillows") == nil {
		t.Error("preference not shown on the profile")
	}
	alert := findLabel(body, "Peanuts")
	if alert == nil || alert.Importance != widget.DangerImportance || alert.Text != "Allergy: Peanuts" {
		t.Errorf("alert not shown prominently: %+v", alert)
	}
	if findLabel(body, "In house, room 1204") == nil {
		t.Error("current stay not summarised")
	}
}

func TestEnterOpensFirstResult(t *testing.T) {
	h := newHarness(t, nil)
	id := h.addGuest(guests.Guest{GivenName: "José", FamilyName: "Álvarez"}, "")
	s := h.ui.guests
	test.Type(s.search, "jose")
	h.settle(0)
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.settle(0)
	if s.profile.profile.ID != id {
		t.Fatal("Enter did not open the first result")
	}
}

func TestSavingGuestWithBadEmailShowsMessageAndStoresNothing(t *testing.T) {
	h := newHarness(t, nil)
	saved := ""
	gf := h.ui.editGuest(guests.Guest{}, func(id string) { saved = id })
	test.Type(gf.given, "Ana")
	test.Type(gf.family, "Silva")
	test.Type(gf.email, "x@")
	test.Tap(gf.dialog.save)
	h.settle(0)
	if got := gf.form.message(guests.FieldEmail); got != "E-mail 'x@' is not a valid address." {
		t.Errorf("message beside e-mail = %q", got)
	}
	if has, _ := h.store.HasGuests(context.Background()); has {
		t.Fatal("a guest was stored despite the bad e-mail")
	}
	if gf.given.Text != "Ana" {
		t.Error("the form lost what was typed")
	}

	gf.email.SetText("ana.silva@example.com")
	test.Tap(gf.dialog.save)
	h.settle(0)
	p, err := h.store.FindGuestByID(context.Background(), saved)
	if err != nil || p.Email != "ana.silva@example.com" {
		t.Fatalf("stored %+v, %v", p, err)
	}
}

func TestQuickAddPreferenceWithEnter(t *testing.T) {
	h := newHarness(t, nil)
	id := h.addGuest(guests.Guest{GivenName: "Kenji", FamilyName: "Watanabe"}, "")
	s := h.ui.guests
	s.open(id)
	h.settle(0)
	pv := s.profile
	test.Type(pv.prefText, "Decaf coffee")
	pv.prefText.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.settle(0)
	p, _ := h.store.FindGuestByID(context.Background(), id)
	if len(p.Preferences) != 1 || p.Preferences[0].RecordedBy != "Dewi Lestari" {
		t.Fatalf("stored preferences: %+v", p.Preferences)
	}
}

// gatedSearch holds back the search for one text until released or cancelled, to play a
// slow query, and tells how the held one ended.
type gatedSearch struct {
	guests.Service
	slowText string
	release  chan struct{}
	ended    chan error // the held search's context error: nil when released
	deaf     bool       // ignores cancellation, as a service far away might
}

func (g *gatedSearch) SearchGuests(ctx context.Context, q guests.Query) ([]guests.Match, error) {
	if q.Text == g.slowText && g.deaf {
		<-g.release
		g.ended <- nil
	} else if q.Text == g.slowText {
		select {
		case <-g.release:
			g.ended <- nil
		case <-ctx.Done():
			g.ended <- ctx.Err()
			return nil, ctx.Err()
		}
	}
	return g.Service.SearchGuests(ctx, q)
}

func TestAKeystrokeCancelsTheQueryOfTheOneBefore(t *testing.T) {
	gate := &gatedSearch{slowText: "s", release: make(chan struct{}), ended: make(chan error, 1)}
	h := newHarness(t, func(s *sqlite.Store) guests.Service { gate.Service = s; return gate })
	h.addGuest(guests.Guest{GivenName: "Sven", FamilyName: "Olsen"}, "")
	s := h.ui.guests
	test.Type(s.search, "s") // held until cancelled: never released here
	test.Type(s.search, "v")
	h.settle(0)
	if err := <-gate.ended; !errors.Is(err, context.Canceled) {
		t.Fatalf("the overtaken search ended with %v, want it cancelled", err)
	}
	if len(s.results) != 1 || s.results[0].GivenName != "Sven" || s.status.Text == "" {
		t.Fatalf("results %+v, status %q", s.results, s.status.Text)
	}
}

// The store stops a query whose context is cancelled instead of running it to the end.
func TestTheStoreStopsACancelledSearch(t *testing.T) {
	h := newHarness(t, nil)
	h.addGuest(guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}, "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := h.store.SearchGuests(ctx, guests.Query{Text: "siti"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled search returned %v", err)
	}
}

func TestResultsOfEarlierKeystrokesNeverReplaceNewerOnes(t *testing.T) {
	gate := &gatedSearch{slowText: "s", release: make(chan struct{}), ended: make(chan error, 1), deaf: true}
	h := newHarness(t, func(s *sqlite.Store) guests.Service { gate.Service = s; return gate })
	h.addGuest(guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}, "")
	h.addGuest(guests.Guest{GivenName: "Sven", FamilyName: "Olsen"}, "")
	s := h.ui.guests
	test.Type(s.search, "s") // slow: held at the gate
	test.Type(s.search, "v") // "sv" answers first
	h.settle(1)              // only the held search is left
	if len(s.results) != 1 || s.results[0].GivenName != "Sven" {
		t.Fatalf("newer results not shown: %+v", s.results)
	}
	close(gate.release)
	h.settle(0)
	if len(s.results) != 1 || s.results[0].GivenName != "Sven" {
		t.Fatalf("stale results shown over newer ones: %+v", s.results)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Ctrl+N works with the cursor in the search box, and logs the request for the guest on
// screen in the room of their stay.
func TestNewRequestFromTheSearchBoxIsForTheGuestAndRoomOnScreen(t *testing.T) {
	h, siti, _ := deskHarness(t)
	h.ui.openGuest(siti)
	h.settle(0)
	h.ui.guests.search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	h.settle(0)
	dlg := h.topDialog()
	if _, ok := findDeep(dlg, func(e *keyEntry) bool { return e.Text == "1204" }); !ok {
		t.Fatal("the new request is not for room 1204")
	}
	if findLabelDeep(dlg, "Siti Rahayu") == nil {
		t.Fatal("the new request is not for Siti Rahayu")
	}
	h.ui.guests.search.TypedShortcut(&fyne.ShortcutSelectAll{}) // the entry's own shortcuts still work
}

// Two desks edit one profile: the second save is told, in words, who changed it and when;
// the form stays open with what was typed, and nothing of the first save is undone.
func TestSecondEditOfAProfileIsToldAndTheFormKeepsItsText(t *testing.T) {
	h := newHarness(t, nil)
	id := h.addGuest(guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}, "")
	p, err := h.store.FindGuestByID(context.Background(), id)
	must(t, err)
	gf := h.ui.editGuest(p.Guest, func(string) { t.Error("the refused save closed the form") })

	other := p.Guest // Kenji saves the same profile at another desk
	other.Email = "siti@example.com"
	kenji := staff.WithActor(context.Background(), h.staff("Kenji Watanabe", staff.RoleAgent))
	must(t, h.store.UpdateGuest(kenji, &other))

	test.Type(gf.notes, "Prefers a high floor")
	test.Tap(gf.dialog.save)
	h.settle(0)
	want := "Changed at another desk by Kenji Watanabe at " + h.now().Format("15:04") + " — your text is kept"
	if findLabelDeep(h.topDialog(), want) == nil {
		t.Fatalf("no %q over the form", want)
	}
	if open := len(h.win.Canvas().Overlays().List()); gf.notes.Text != "Prefers a high floor" || open != 2 {
		t.Fatalf("the form lost what was typed (%q) or closed (%d dialogs open)", gf.notes.Text, open)
	}
	now, err := h.store.FindGuestByID(context.Background(), id)
	must(t, err)
	if now.Email != "siti@example.com" || now.Notes != "" {
		t.Fatalf("the first save was undone: %+v", now.Guest)
	}
}
