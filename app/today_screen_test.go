package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/anticipation"
	"frontdesk/demo"
	"frontdesk/guests"
	"frontdesk/loans"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// demoHarness is the demo property, signed in as the shift manager on duty, opening on Today.
func demoHarness(t *testing.T) *harness {
	h := newBareHarness(t, nil)
	if _, err := demo.Fill(context.Background(), h.store, h.now()); err != nil {
		t.Fatal(err)
	}
	// The shift manager on duty now (Rina in the morning and at night, Wayan in the
	// evening): the demo's service recovery is theirs.
	_, _, _, mgr, err := h.store.OnShift(context.Background(), h.now())
	must(t, err)
	if mgr == nil {
		t.Fatal("the demo rosters a shift manager on every shift")
	}
	people, err := h.store.ListStaff(context.Background(), staff.Filter{Limit: 100})
	must(t, err)
	for _, st := range people {
		if st.ID == mgr.StaffID {
			h.ui.svc.Today = h.store
			h.ui.showMain(staff.Actor{ID: st.ID, Name: st.Name, Role: st.Role})
		}
	}
	h.settle(0)
	return h
}

func TestDemoOpensOnTodayWithArrivalsPromptsAndDueItems(t *testing.T) {
	h := demoHarness(t)
	if h.ui.tabs.Selected().Content != h.ui.today.content {
		t.Fatal("the app does not open on Today")
	}
	d := h.ui.today.data
	if d == nil || len(d.board.Arrivals) == 0 || len(d.board.Prompts) == 0 || len(d.board.VIPs) == 0 {
		t.Fatalf("today's data: %+v", d)
	}
	if len(d.overdue) == 0 || d.overdueCount == 0 {
		t.Fatal("a manager sees no overdue requests on the demo property")
	}
	if len(d.mine) == 0 {
		t.Fatal("the shift manager's own items (the demo's service recovery) are missing")
	}
	for _, want := range []string{"Prompts to act on", "Arrivals", "VIPs in house", "Overdue across the property", "My requests and follow-ups"} {
		if _, ok := findDeep(h.ui.today.content, func(c *widget.Card) bool { return strings.HasPrefix(c.Title, want) }); !ok {
			t.Errorf("no %q card", want)
		}
	}
	if findLabelDeep(h.ui.today.right, "Stay number") == nil {
		t.Error("returning guests are not recognised on the arrivals list")
	}
}

func TestActingOnAPromptCreatesTheTasksAndRemovesIt(t *testing.T) {
	h := demoHarness(t)
	var prep anticipation.Prompt
	for _, p := range h.ui.today.data.board.Prompts {
		if p.Kind == anticipation.KindPrepare {
			prep = p
			break
		}
	}
	if prep.Key == "" {
		t.Fatal("the demo has no arrival to prepare for")
	}
	before := len(h.ui.today.data.board.Prompts)
	createTasks := func() {
		t.Helper()
		row, ok := findDeep(h.ui.today.left, func(c *fyne.Container) bool {
			b, found := findDeep(c, func(b *widget.Button) bool { return b.Text == "Create tasks" })
			return found && b != nil && len(c.Objects) == 3 // the row: text, badge, buttons
		})
		if !ok {
			t.Fatal("no prompt row with Create tasks")
		}
		if findLabelDeep(row, prep.GuestName) == nil {
			t.Fatalf("the first Create tasks is not %s's", prep.GuestName)
		}
		height := h.ui.today.left.MinSize().Height
		test.Tap(button(t, row, "Create tasks"))
		h.settle(0)
		if h.ui.today.undos[prep.Key] == nil {
			t.Fatal("no Undo after Create tasks")
		}
		if got := h.ui.today.left.MinSize().Height; got != height {
			t.Errorf("the prompts moved: the list is %v high, was %v", got, height)
		}
	}
	createTasks()
	// The row says what was done, for whom, in the same place; the list has not moved.
	done := findLabelDeep(h.ui.today.left, "created for "+prep.GuestName)
	if done == nil || !strings.HasPrefix(done.Text, "✓ ") || len(h.ui.today.data.board.Prompts) != before {
		t.Fatalf("after Create tasks: %v, %d prompts shown", done, len(h.ui.today.data.board.Prompts))
	}
	test.Tap(h.ui.today.undos[prep.Key])
	h.settle(0)
	if !slices.ContainsFunc(h.ui.today.data.board.Prompts, func(p anticipation.Prompt) bool { return p.Key == prep.Key }) {
		t.Fatal("after Undo the prompt is not back")
	}
	createTasks()
	h.ui.today.reload()
	h.settle(0)
	after := h.ui.today.data.board.Prompts
	if len(after) != before-1 {
		t.Fatalf("prompts %d → %d", before, len(after))
	}
	for _, p := range after {
		if p.Key == prep.Key {
			t.Fatal("the acted-on prompt is still shown")
		}
	}
	tasks, err := h.store.ListRequests(context.Background(), requests.Filter{Mine: h.ui.actor.ID, Limit: 200})
	must(t, err)
	n := 0
	for _, r := range tasks {
		if r.Category == standards.CategoryArrivalPrep {
			n++
		}
	}
	if n == 0 {
		t.Fatal("no preparation task was logged for the person who acted")
	}
}

func TestDismissingAPromptNeedsAReasonAndIsRemembered(t *testing.T) {
	h := demoHarness(t)
	before := len(h.ui.today.data.board.Prompts)
	test.Tap(button(t, h.ui.today.left, "Dismiss…"))
	dlg := h.topDialog()
	test.Tap(button(t, dlg, "Dismiss"))
	h.settle(0)
	if findLabelDeep(dlg, "Say why this does not need doing, so the next shift knows.") == nil {
		t.Fatal("a dismissal without a reason is not explained")
	}
	note, _ := findDeep(dlg, func(e *keyEntry) bool { return e.MultiLine })
	test.Type(note, "Guest declined")
	test.Tap(button(t, dlg, "Dismiss"))
	h.settle(0)
	h.ui.today.reload()
	h.settle(0)
	if got := len(h.ui.today.data.board.Prompts); got != before-1 {
		t.Fatalf("prompts %d → %d after a dismissal", before, got)
	}
}

func TestDueRequestsNotifyOncePerChange(t *testing.T) {
	h, siti, _ := deskHarness(t)
	overdue := requests.Historic{Request: requests.Request{GuestID: siti, Room: "1204", Category: "towels", Department: "housekeeping",
		Description: "Towels, please", Priority: requests.PriorityNormal, Kind: requests.KindRequest, CreatedBy: h.ui.actor.ID,
		Owner: h.ui.actor.ID, Status: requests.StatusNew, CreatedAt: h.now().Add(-40 * time.Minute), PromisedAt: h.now().Add(-25 * time.Minute)}}
	admin := staff.WithActor(context.Background(), staff.Actor{Name: "Import", Role: staff.RoleAdministrator})
	must(t, h.store.ImportRequests(admin, []requests.Historic{overdue}))
	h.ui.tabs.SelectIndex(0)
	test.AssertNotificationSent(t, &fyne.Notification{Title: "⚠ Overdue 25 min", Content: "Towels, please · Room 1204 · Siti Rahayu"}, func() {
		h.ui.ticked()
		h.settle(0)
	})
	if !h.ui.dueButton.Visible() || h.ui.dueButton.Text != "⚠ 1 needs you" {
		t.Fatalf("header shows %q (visible %v)", h.ui.dueButton.Text, h.ui.dueButton.Visible())
	}
	test.AssertNotificationSent(t, nil, func() {
		h.ui.ticked()
		h.settle(0)
	})
}

// At a resort the board holds hundreds of VIPs and thousands of prompts: a list shows a
// few rows and "Show all" with the whole count (the board carries only its first rows);
// shown whole, at most todayAllCap rows, and says how many more the filter finds.
func TestLongTodayListsStayShort(t *testing.T) {
	s := &todayScreen{all: map[string]bool{}, filter: entryWith("", "")}
	row := func(int) fyne.CanvasObject { return widget.NewLabel("row") }
	carried := make([]int, anticipation.ListShort)
	got := shortList(s, "vips", todayVIPs, carried, 500, row, "none")
	more, ok := got.Objects[len(got.Objects)-1].(*widget.Button)
	if len(got.Objects) != todayVIPs+1 || !ok || more.Text != "Show all 500" {
		t.Fatalf("short: %d rows, last %#v", len(got.Objects), got.Objects[len(got.Objects)-1])
	}
	s.all["vips"] = true
	got = shortList(s, "vips", todayVIPs, make([]int, 500), 500, row, "none")
	last, ok := got.Objects[len(got.Objects)-1].(*widget.Label)
	if len(got.Objects) != todayAllCap+1 || !ok || last.Text != "… and 300 more: type a name or room above to find them" {
		t.Fatalf("all: %d rows, last %#v", len(got.Objects), got.Objects[len(got.Objects)-1])
	}
	if got = shortList(s, "vips", todayVIPs, []int{}, 0, row, "none"); len(got.Objects) != 1 {
		t.Fatalf("empty: %d rows", len(got.Objects))
	}
}

// On a minimal desktop without a session D-Bus a notification cannot be shown: the
// window says so once, on a line under the header that can be closed, not in a dialog.
func TestTheWindowSaysOnceThatDesktopNotificationsAreOff(t *testing.T) {
	h, siti, _ := deskHarness(t)
	tries := 0
	h.ui.notifyDesktop = func(*fyne.Notification) error {
		tries++
		return errors.New("Unable to connect to session D-Bus")
	}
	if h.ui.notices.box.Visible() {
		t.Fatal("the line shows before any notification failed")
	}
	overdue := func(desc string) {
		r := requests.Historic{Request: requests.Request{GuestID: siti, Room: "1204", Category: "towels", Department: "housekeeping",
			Description: desc, Priority: requests.PriorityNormal, Kind: requests.KindRequest, CreatedBy: h.ui.actor.ID,
			Owner: h.ui.actor.ID, Status: requests.StatusNew, CreatedAt: h.now().Add(-40 * time.Minute), PromisedAt: h.now().Add(-25 * time.Minute)}}
		admin := staff.WithActor(context.Background(), staff.Actor{Name: "Import", Role: staff.RoleAdministrator})
		must(t, h.store.ImportRequests(admin, []requests.Historic{r}))
		h.ui.ticked()
		h.settle(0)
	}
	overdue("Towels, please")
	if tries != 1 || !h.ui.notices.box.Visible() || h.ui.notices.text.Text != MsgNotificationsOff {
		t.Fatalf("after a failed notification: %d tries, line visible %v: %q", tries, h.ui.notices.box.Visible(), h.ui.notices.text.Text)
	}
	if h.win.Canvas().Overlays().Top() != nil {
		t.Error("a dialog opened over the window")
	}
	if !h.ui.dueButton.Visible() {
		t.Error("the header does not show what needs the person")
	}
	closeLine, ok := findDeep(h.ui.notices.box, func(b *widget.Button) bool { return b.Icon == theme.CancelIcon() })
	if !ok {
		t.Fatal("the line cannot be closed")
	}
	test.Tap(closeLine)
	overdue("Soap, please")
	if tries != 2 || h.ui.notices.box.Visible() {
		t.Fatalf("after closing: %d tries, line visible again %v", tries, h.ui.notices.box.Visible())
	}
	h.ui.showMain(h.ui.actor) // switching user keeps it closed
	if h.ui.notices.box.Visible() {
		t.Error("the closed line came back")
	}
}

// A board with thousands of prompts: the manager picks housekeeping's board, which shows
// its count and its first rows; "Show all" reads the list whole and stops at
// todayAllCap rows; the filter finds one guest among them. An agent's board is their own,
// with no choice.
func TestABoardOfThousandsGroupsAndFilters(t *testing.T) {
	h := newBareHarness(t, nil)
	h.ui.svc.Today = h.store
	const arrivals = 1200
	ps := make([]guests.Profile, arrivals)
	for i := range ps {
		ps[i] = guests.Profile{Guest: guests.Guest{GivenName: "Guest", FamilyName: fmt.Sprintf("Number%04d", i)},
			Alerts: []guests.Alert{{Kind: guests.AlertAllergy, Text: "Peanut allergy"}}, // a person decides
			Stays: []guests.Stay{{Arrival: testToday.AddDate(0, 0, 1), Departure: testToday.AddDate(0, 0, 4),
				Status: guests.StayExpected, PartySize: 2}}}
	}
	admin := staff.WithActor(context.Background(), staff.Actor{Name: "Import", Role: staff.RoleAdministrator})
	_, err := h.store.ImportProfiles(admin, ps)
	must(t, err)
	h.ui.showMain(h.staff("Rina Kusuma", staff.RoleShiftManager))
	h.settle(0)
	s := h.ui.today
	if s.board.Selected != "Managers' board" || !s.pick.Visible() {
		t.Fatalf("a manager opens on %q (choice shown %v)", s.board.Selected, s.pick.Visible())
	}
	s.board.SetSelected("Housekeeping board")
	h.settle(0)
	b := s.data.board
	if b.Audience != standards.DeptHousekeeping || b.Counts[anticipation.ListPrompts] != arrivals || len(b.Prompts) != anticipation.ListShort {
		t.Fatalf("housekeeping's board: %s, %d prompts counted, %d carried", b.Audience, b.Counts[anticipation.ListPrompts], len(b.Prompts))
	}
	if findLabelDeep(s.left, "Prompts to act on (1200)") == nil && !cardTitled(s.left, "Prompts to act on (1200)") {
		t.Fatal("the prompts' card does not count them all")
	}
	showAll, ok := findDeep(s.left, func(b *widget.Button) bool { return b.Text == "Show all 1200" })
	if !ok {
		t.Fatal("no Show all 1200")
	}
	test.Tap(showAll)
	h.settle(0)
	if len(s.data.board.Prompts) != arrivals || findLabelDeep(s.left, "… and 1000 more") == nil {
		t.Fatalf("shown whole: %d prompts carried, no '… and 1000 more'", len(s.data.board.Prompts))
	}
	test.Type(s.filter, "number0042")
	time.Sleep(filterPause + 100*time.Millisecond)
	h.settle(0)
	for s.data.board.Counts[anticipation.ListPrompts] != 1 {
		select {
		case f := <-h.queue:
			f()
			h.settle(0)
		case <-time.After(5 * time.Second):
			t.Fatalf("the filter left %d prompts", s.data.board.Counts[anticipation.ListPrompts])
		}
	}
	if p := s.data.board.Prompts[0]; p.GuestName != "Guest Number0042" {
		t.Fatalf("the filter found %q", p.GuestName)
	}

	h.ui.showMain(h.staff("Dewi Lestari", staff.RoleAgent))
	h.settle(0)
	a := h.ui.today
	if a.data.board.Audience != standards.DeptFrontDesk || a.pick.Visible() || a.boardOf.Text != "Front desk board" || a.data.board.Counts[anticipation.ListPrompts] != 0 {
		t.Fatalf("an agent's board: %s (choice shown %v, named %q), %d prompts", a.data.board.Audience, a.pick.Visible(), a.boardOf.Text, a.data.board.Counts[anticipation.ListPrompts])
	}
}

// cardTitled says whether a card in obj has the title.
func cardTitled(obj fyne.CanvasObject, title string) bool {
	_, ok := findDeep(obj, func(c *widget.Card) bool { return c.Title == title })
	return ok
}

// Two arrivals wish for a crib and one is left: Today says so, in red, before anyone
// promises one; neither crib is prepared by itself — each arrival asks a person to
// choose, on its prompt and its row.
func TestTodayShowsItemsArrivalsAskForAgainstStock(t *testing.T) {
	h := newBareHarness(t, nil)
	h.ui.svc.Today = h.store
	must(t, h.store.SaveItem(managerCtx(), &loans.Item{Code: "crib", Name: "Baby cribs", Total: 1}))
	for _, name := range []string{"Ana", "Budi"} {
		_, err := h.store.ImportProfiles(staff.WithActor(context.Background(), staff.Actor{Name: "Import", Role: staff.RoleAdministrator}),
			[]guests.Profile{{Guest: guests.Guest{GivenName: name, FamilyName: "Lima"},
				Preferences: []guests.Preference{{Category: guests.PrefAmenities, Text: "Baby crib"}},
				Stays:       []guests.Stay{{Arrival: testToday.AddDate(0, 0, 1), Departure: testToday.AddDate(0, 0, 3), Status: guests.StayExpected, PartySize: 3}}}})
		must(t, err)
	}
	h.ui.showMain(h.staff("Dewi Lestari", staff.RoleAgent))
	h.settle(0)
	want := "⚠ Baby cribs: 0 asked for today, 2 tomorrow · 1 left — not enough"
	if l := findLabelDeep(h.ui.today.right, want); l == nil || l.Importance != widget.DangerImportance {
		t.Fatalf("no %q in red on Today", want)
	}
	choices := 0
	findDeep(h.ui.today.content, func(b *badge) bool {
		if b.text.Text == "⚠ Needs a choice" {
			choices++
		}
		return false
	})
	if choices != 2 {
		t.Errorf("%d arrivals marked as needing a choice, want 2", choices)
	}
	// The cribs are housekeeping's to prepare: their board asks the question.
	h.ui.showMain(h.staff("Rina Kusuma", staff.RoleShiftManager))
	h.settle(0)
	h.ui.today.board.SetSelected("Housekeeping board")
	h.settle(0)
	for _, name := range []string{"Ana Lima", "Budi Lima"} {
		prompt := findLabelDeep(h.ui.today.left, name+": 1 task before arrival")
		if prompt == nil || !strings.Contains(prompt.Text, "⚠ “Baby crib”: not enough Baby cribs for every arrival asking; choose who gets one.") {
			t.Errorf("%s's prompt does not ask for a choice: %v", name, prompt)
		}
	}
}

// A Prepare prompt says under its wishes why each one in conflict waits for a person.
func TestAPreparePromptSaysWhyAWishWaits(t *testing.T) {
	p := anticipation.Prompt{Kind: anticipation.KindPrepare, GuestName: "Siti Rahayu", Room: "1204", Tasks: []anticipation.Task{
		{Description: "Prawn crackers in the minibar", Conflict: anticipation.ConflictAllergy, ConflictWith: "Shellfish allergy"},
		{Description: "Twin beds", Conflict: anticipation.ConflictChoice, ConflictWith: "King bed"},
		{Description: "Baby crib", Conflict: anticipation.ConflictShort, ConflictWith: "Baby cribs"},
		{Description: "Quiet room"},
	}}
	want := "Siti Rahayu · Room 1204: 4 tasks before arrival — Prawn crackers in the minibar; Twin beds; Baby crib; Quiet room" +
		"\n⚠ “Prawn crackers in the minibar” may clash with the allergy “Shellfish allergy”: check with the guest before preparing." +
		"\n⚠ “Twin beds” and “King bed” cannot both be prepared: ask the guest which one for this stay." +
		"\n⚠ “Baby crib”: not enough Baby cribs for every arrival asking; choose who gets one."
	if got := promptText(p); got != want {
		t.Fatalf("prompt text:\n%s\nwant\n%s", got, want)
	}
}

// A guest who keeps asking for towels is a habit on housekeeping's board, in a list of
// its own under the prompts, not on the front desk's; saving it is one click.
func TestHabitsHaveTheirOwnListOnTheDepartmentsBoard(t *testing.T) {
	h, siti, _ := deskHarness(t)
	h.ui.svc.Today = h.store
	var asked []requests.Historic
	for i := range 3 {
		at := h.now().Add(-time.Duration(i+1) * time.Hour)
		asked = append(asked, requests.Historic{Request: requests.Request{GuestID: siti, Room: "1204", Category: "towels",
			Department: "housekeeping", Description: "Two extra bath towels", Priority: requests.PriorityNormal, Kind: requests.KindRequest,
			CreatedBy: h.ui.actor.ID, Owner: h.ui.actor.ID, Status: requests.StatusClosed, Outcome: requests.OutcomeSatisfied,
			CreatedAt: at, PromisedAt: at.Add(15 * time.Minute), AckAt: at.Add(time.Minute), DoneAt: at.Add(10 * time.Minute)}})
	}
	admin := staff.WithActor(context.Background(), staff.Actor{Name: "Import", Role: staff.RoleAdministrator})
	must(t, h.store.ImportRequests(admin, asked))
	h.ui.today.reload()
	h.settle(0)
	if b := h.ui.today.data.board; b.Counts[anticipation.ListHabits] != 0 || cardTitled(h.ui.today.left, "Habits worth saving (1)") {
		t.Fatalf("the front desk's board holds %d habits", b.Counts[anticipation.ListHabits])
	}
	h.ui.showMain(h.staff("Rina Kusuma", staff.RoleShiftManager))
	h.settle(0)
	h.ui.today.board.SetSelected("Housekeeping board")
	h.settle(0)
	s := h.ui.today
	if !cardTitled(s.left, "Habits worth saving (1)") || s.data.board.Counts[anticipation.ListPrompts] != 0 {
		t.Fatalf("housekeeping's board: %v", s.data.board.Counts)
	}
	habit := findLabelDeep(s.left, "Siti Rahayu · Room 1204: asked again for “Two extra bath towels”")
	if habit == nil {
		t.Fatal("the habit is not shown")
	}
	test.Tap(button(t, s.left, "Save preference"))
	h.settle(0)
	p, err := h.store.FindGuestByID(context.Background(), siti)
	must(t, err)
	if len(p.Preferences) != 1 || p.Preferences[0].Text != "Two extra bath towels" {
		t.Fatalf("saved preferences %+v", p.Preferences)
	}
}

// A guest leaving today whose request was not put right is at the top of the front
// desk's "Leaving today", marked, before anyone settles the stay.
func TestTheFrontDeskSeesWhoLeavesTodayAnUnhappyStayFirst(t *testing.T) {
	h := newBareHarness(t, nil)
	h.ui.svc.Today = h.store
	ctx := context.Background()
	for _, n := range []string{"1101", "1204", "1301"} {
		must(t, h.store.SaveRoom(managerCtx(), &property.Room{Number: n, Floor: 11}))
	}
	leave := func(name, room string) string {
		g := guests.Guest{GivenName: name, FamilyName: "Lima"}
		must(t, h.store.CreateGuest(ctx, &g))
		st := guests.Stay{GuestID: g.ID, Arrival: testToday.AddDate(0, 0, -2), Departure: testToday, Room: room, Status: guests.StayInHouse, PartySize: 1}
		must(t, h.store.AddStay(ctx, &st))
		return g.ID
	}
	leave("Ana", "1101")
	budi := leave("Budi", "1204")
	h.addGuest(guests.Guest{GivenName: "Citra", FamilyName: "Lima"}, "1301") // stays three more nights
	dewi := h.staff("Dewi Lestari", staff.RoleAgent)
	at := h.now().Add(-20 * time.Hour)
	sad := requests.Historic{Request: requests.Request{GuestID: budi, Room: "1204", Category: "maintenance", Department: "maintenance",
		Description: "AC not cooling", Priority: requests.PriorityNormal, Kind: requests.KindRequest, CreatedBy: dewi.ID, Owner: dewi.ID,
		Status: requests.StatusClosed, Outcome: requests.OutcomeNotSatisfied, Score: 2, CreatedAt: at, PromisedAt: at.Add(time.Hour),
		AckAt: at.Add(time.Minute), DoneAt: at.Add(30 * time.Minute)}}
	must(t, h.store.ImportRequests(staff.WithActor(ctx, staff.Actor{Name: "Import", Role: staff.RoleAdministrator}), []requests.Historic{sad}))
	h.ui.showMain(dewi)
	h.settle(0)
	s := h.ui.today
	if !cardTitled(s.right, "Leaving today (2)") {
		t.Fatalf("no Leaving today (2): %v", s.data.board.Counts)
	}
	if d := s.data.board.Departures; len(d) != 2 || d[0].Guest.ID != budi || !d[0].Unhappy || d[1].Unhappy {
		t.Fatalf("departures %+v", d)
	}
	marked := 0
	findDeep(s.right, func(b *badge) bool {
		if b.text.Text == "⚠ Not put right" {
			marked++
		}
		return false
	})
	if marked != 1 {
		t.Fatalf("%d rows marked as not put right", marked)
	}
	button(t, s.right, "Budi Lima · Room 1204") // the row opens his profile
}
