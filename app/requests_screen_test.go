package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"frontdesk/escalation"
	"frontdesk/guests"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// findDeep returns the first object of type T under obj that matches.
// childrenOf is what a container holds or a widget draws.
func childrenOf(obj fyne.CanvasObject) []fyne.CanvasObject {
	switch o := obj.(type) {
	case *fyne.Container:
		return o.Objects
	case fyne.Widget:
		return test.WidgetRenderer(o).Objects()
	}
	return nil
}

func findDeep[T fyne.CanvasObject](obj fyne.CanvasObject, match func(T) bool) (T, bool) {
	if t, ok := obj.(T); ok && match(t) {
		return t, true
	}
	for _, c := range childrenOf(obj) {
		if t, ok := findDeep(c, match); ok {
			return t, true
		}
	}
	var zero T
	return zero, false
}

// button finds a button by its text under obj, an action button of a request too.
func button(t *testing.T, obj fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	if b, ok := findDeep(obj, func(b *widget.Button) bool { return b.Text == text }); ok {
		return b
	}
	if b, ok := findDeep(obj, func(b *actionButton) bool { return b.Text == text }); ok {
		return &b.Button
	}
	t.Fatalf("no %q button", text)
	return nil
}

// topDialog is the content of the dialog on top of the window.
func (h *harness) topDialog() fyne.CanvasObject {
	h.t.Helper()
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatal("no dialog is open")
	}
	return top
}

// deskHarness is signed in as a real agent, with a room, an in-house guest and a shift
// manager on the roster now.
func deskHarness(t *testing.T) (*harness, string, staff.Actor) {
	h := newBareHarness(t, nil)
	rina := h.staff("Rina Kusuma", staff.RoleShiftManager)
	dewi := h.staff("Dewi Lestari", staff.RoleAgent)
	boss := managerCtx()
	must(t, h.store.SaveRoom(boss, &property.Room{Number: "1204", Floor: 12}))
	shift, day, _, _, err := h.store.OnShift(context.Background(), h.now())
	must(t, err)
	must(t, h.store.SetRoster(boss, day, shift, []property.RosterEntry{{StaffID: rina.ID, Manager: true}}))
	siti := h.addGuest(guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}, "1204")
	h.ui.showMain(dewi)
	return h, siti, rina
}

func TestRequestLoggedByKeyboardFollowedUpUnhappyOpensRecovery(t *testing.T) {
	h, siti, rina := deskHarness(t)

	// Ctrl+N from anywhere, then room, Tab, category by type-ahead, Enter.
	h.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	h.settle(0)
	test.Type(h.win.Canvas().Focused(), "1204")
	h.settle(0)
	if _, ok := findDeep(h.topDialog(), func(l *widget.Label) bool { return strings.Contains(l.Text, "Siti Rahayu (in house)") }); !ok {
		t.Fatal("the guest in house in room 1204 is not recognised")
	}
	test.FocusNext(h.win.Canvas())
	test.Type(h.win.Canvas().Focused(), "towel")
	h.settle(0)
	// 15 minutes while housekeeping works; at night (FRONTDESK_TEST_NOW), its next opening.
	want, dueSoon := "(in 15 min)", "(1)"
	for _, d := range standards.DefaultDepartments() {
		if d.Code == standards.DeptHousekeeping && !d.Hours.IsOpen(h.now()) {
			want, dueSoon = "the department is closed now", "(0)"
		}
	}
	if _, ok := findDeep(h.topDialog(), func(l *widget.Label) bool {
		return strings.HasPrefix(l.Text, "Extra towels · By ") && strings.Contains(l.Text, want)
	}); !ok {
		t.Fatal("the promise does not show as the category is chosen")
	}
	h.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.settle(0)

	logged, err := h.store.ListRequests(context.Background(), requests.Filter{GuestID: siti})
	must(t, err)
	if len(logged) != 1 || logged[0].Category != "towels" || logged[0].Room != "1204" || logged[0].Description != "Extra towels" {
		t.Fatalf("logged %+v", logged)
	}

	// The housekeeping queue shows it.
	s := h.ui.requests
	h.ui.showRequest(logged[0].ID)
	h.settle(0)
	s.department.SetSelected("Housekeeping")
	h.settle(0)
	if len(s.rows) != 1 || s.rows[0].ID != logged[0].ID {
		t.Fatalf("housekeeping queue %+v", s.rows)
	}
	if !strings.Contains(s.viewButton[requests.ViewDueSoon].Text, dueSoon) {
		t.Errorf("due-soon count %q", s.viewButton[requests.ViewDueSoon].Text)
	}

	// Done, then the guest is not satisfied.
	test.Tap(button(t, s.detail.body, "Mark done"))
	h.settle(0)
	test.Tap(button(t, s.detail.body, "Follow up with guest"))
	dlg := h.topDialog()
	radio, _ := findDeep(dlg, func(r *widget.RadioGroup) bool { return len(r.Options) == 3 })
	radio.SetSelected("Not satisfied")
	score, _ := findDeep(dlg, func(r *widget.RadioGroup) bool { return len(r.Options) == 5 })
	score.SetSelected("2")
	comment, _ := findDeep(dlg, func(e *keyEntry) bool { return e.MultiLine })
	test.Type(comment, "Towels were damp")
	test.Tap(button(t, dlg, "Save follow-up"))
	h.settle(0)

	d := s.detail.current
	if d.Status != requests.StatusReopened || len(d.Linked) != 1 || d.Linked[0].Owner != rina.ID {
		t.Fatalf("after not satisfied: %s, linked %+v", d.Status, d.Linked)
	}
	if _, ok := findDeep(s.detail.body, func(l *widget.Label) bool { return l.Text == "Service recovery" }); !ok {
		t.Error("the recovery is not shown on the request")
	}
	h.ui.openGuest(siti)
	h.settle(0)
	if findLabelDeep(h.ui.guests.profile.body, "Not satisfied (2/5)") == nil {
		t.Error("the profile does not carry the recovery alert")
	}
	if findLabelDeep(h.ui.guests.profile.body, "Towels") == nil {
		t.Error("the profile does not list the guest's requests")
	}
}

func TestQuickAddKeepsTypedTextAndShowsProblemsBesideFields(t *testing.T) {
	h, _, _ := deskHarness(t)
	h.ui.showNewRequest()
	h.settle(0)
	test.Type(h.win.Canvas().Focused(), "9999")
	test.FocusNext(h.win.Canvas())
	test.Type(h.win.Canvas().Focused(), "xyz")
	h.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.settle(0)
	dlg := h.topDialog()
	if findLabelDeep(dlg, "Choose one of the options in the list.") == nil {
		t.Fatal("an unknown category is not explained beside the field")
	}
	cat, _ := findDeep(dlg, func(e *widget.SelectEntry) bool { return true })
	cat.SetText("Maintenance")
	h.settle(0)
	test.Tap(button(t, dlg, "Log request"))
	h.settle(0)
	if findLabelDeep(dlg, "There is no room 9999 in the room list.") == nil {
		t.Fatal("an unknown room is not explained beside the field")
	}
	room, _ := findDeep(dlg, func(e *keyEntry) bool { return e.Text == "9999" })
	if room == nil {
		t.Fatal("the typed room was lost")
	}
	n, err := h.store.CountRequests(context.Background(), requests.Filter{})
	must(t, err)
	if n[requests.ViewOpen] != 0 {
		t.Fatal("a refused request was stored")
	}
}

func TestEveryActionKeepsItsPlaceAndSaysWhyItIsOff(t *testing.T) {
	h, siti, _ := deskHarness(t)
	r := &requests.Request{GuestID: siti, Room: "1204", Category: "towels", Description: "Towels"}
	must(t, h.store.CreateRequest(h.ui.ctx(), r, time.Time{}))
	h.ui.showRequest(r.ID)
	h.settle(0)
	d := h.ui.requests.detail
	places := map[requests.ActionKind]fyne.Position{}
	for a, b := range d.buttons {
		places[a] = b.Position()
	}
	off := map[requests.ActionKind]bool{requests.ActFollowUp: true, requests.ActReopen: true, requests.ActClose: true}
	for _, a := range requests.Actions {
		b, ok := d.buttons[a]
		if !ok {
			t.Fatalf("no %s button", a)
		}
		if b.Disabled() != off[a] {
			t.Errorf("%s: disabled %v on a new request to an agent", a, b.Disabled())
		}
	}
	why, _ := findDeep(d.body, func(l *widget.Label) bool { return l.Text == "" && l.Importance == widget.LowImportance })
	d.buttons[requests.ActFollowUp].MouseIn(&desktop.MouseEvent{})
	if why == nil || why.Text != "Follow up with guest: "+requests.MsgCannotFollowUp {
		t.Fatalf("pointing at Follow up says %v", why)
	}
	d.buttons[requests.ActClose].MouseIn(&desktop.MouseEvent{})
	if why.Text != "Close without follow-up: "+staff.MsgManagerOnly {
		t.Errorf("pointing at Close says %q", why.Text)
	}
	test.Tap(d.buttons[requests.ActAcknowledge])
	h.settle(0)
	for a, b := range d.buttons {
		if b.Position() != places[a] {
			t.Errorf("%s moved from %v to %v after Acknowledge", a, places[a], b.Position())
		}
	}
	if !d.buttons[requests.ActAcknowledge].Disabled() || d.buttons[requests.ActCancel].Disabled() {
		t.Error("after Acknowledge: Acknowledge still on, or Cancel off")
	}
	test.Tap(d.buttons[requests.ActCancel])
	dlg := h.topDialog()
	test.Tap(button(t, dlg, "Cancel request"))
	h.settle(0)
	if _, ok := findDeep(dlg, func(l *widget.Label) bool { return l.Text == "Give a reason." && l.Visible() }); !ok {
		t.Fatal("cancelling without a reason is not explained beside the field")
	}
}

// After an action re-sorts the queue, the highlighted row is still the request in the
// detail pane, not whatever took its row number.
func TestTheSelectionFollowsTheRequestNotTheRow(t *testing.T) {
	h, siti, _ := deskHarness(t)
	first := &requests.Request{GuestID: siti, Room: "1204", Category: "maintenance", Description: "AC not cooling"}
	must(t, h.store.CreateRequest(h.ui.ctx(), first, time.Time{}))
	h.setNow(h.now().Add(time.Minute))
	second := &requests.Request{GuestID: siti, Room: "1204", Category: "maintenance", Description: "Bulb out"}
	must(t, h.store.CreateRequest(h.ui.ctx(), second, time.Time{}))
	h.setNow(h.now().Add(10 * time.Minute)) // both due soon, the first first
	h.ui.tabs.SelectIndex(2)
	s := h.ui.requests
	h.settle(0)
	if len(s.rows) != 2 || s.rows[0].ID != first.ID {
		t.Fatalf("queue %+v", s.rows)
	}
	s.list.Select(0)
	h.settle(0)
	test.Tap(s.detail.buttons[requests.ActDone])
	h.settle(0)
	if s.rows[0].ID != second.ID {
		t.Fatalf("marked done, it still leads what is due soon: %s first", s.rows[0].Description)
	}
	if s.detail.current.ID != first.ID || s.selected != first.ID {
		t.Fatalf("detail shows %s, the list highlights %s; want %s", s.detail.current.Description, s.selected, first.ID)
	}
}

// An escalation in the timeline is told from the event's fields, in the reader's words,
// then who it reached and why.
func TestEscalationEventsReadFromTheirFields(t *testing.T) {
	test.NewTempApp(t)
	SetLanguage("en")
	e := requests.Event{Action: requests.ActEscalate, Note: "guest called twice",
		Escalation: escalation.Step{Level: 3, Target: escalation.TargetShiftManager, ToName: "Rina Kusuma"}}
	if got := eventNote(e); got != "Level 3: Shift manager, Rina Kusuma, guest called twice" {
		t.Errorf("escalation reads %q", got)
	}
	e.Note = "L2 owner looks like a code"
	e.Escalation = escalation.Step{}
	if got := eventNote(e); got != e.Note {
		t.Errorf("an event without a step reads %q", got)
	}
}

// The category box finds what the agent means by the words the desk uses, in both
// languages; every word its hint advertises finds a category; and when the text stops
// matching, the department shown clears.
func TestCategoryFindsTheDesksWordsAndTheHintOnlyAdvertisesWordsThatWork(t *testing.T) {
	h, _, _ := deskHarness(t)
	for _, l := range []string{"en", "id"} {
		SetLanguage(l)
		hint := lang.L("type to find: towels, taxi, AC…")
		_, list, _ := strings.Cut(hint, ":")
		for _, w := range strings.Split(strings.TrimSuffix(strings.TrimSpace(list), "…"), ",") {
			if len(standards.MatchCategories(standards.DefaultCategories(), strings.TrimSpace(w))) == 0 {
				t.Errorf("%s hint word %q finds no category", l, w)
			}
		}
	}
	SetLanguage("en")
	h.ui.showNewRequest()
	h.settle(0)
	dlg := h.topDialog()
	cat, ok := findDeep(dlg, func(e *widget.SelectEntry) bool { return true })
	if !ok {
		t.Fatal("no category box")
	}
	dept, _ := findDeep(dlg, func(s *widget.Select) bool { return slices.Contains(s.Options, "Maintenance & engineering") })
	test.Type(cat, "AC")
	h.settle(0)
	if dept.Selected != "Maintenance & engineering" {
		t.Fatalf("AC chose %q", dept.Selected)
	}
	cat.SetText("zzz")
	h.settle(0)
	if dept.Selected != "" {
		t.Fatalf("the department of a category no longer typed stays: %q", dept.Selected)
	}
}
