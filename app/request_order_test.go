package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// importAs stores a request of category in a given state for owner, as a property
// moving to Frontdesk would bring it in; promised and done are minutes from now (done is
// read for a done request only).
func (h *harness) importAs(owner staff.Actor, guestID, category, text string, s requests.Status, promised, done int) string {
	h.t.Helper()
	now := h.now()
	r := requests.Request{GuestID: guestID, Room: "1204", Category: category, Department: categoryDept(category), Description: text,
		Priority: requests.PriorityNormal, Kind: requests.KindRequest, CreatedBy: owner.ID, Owner: owner.ID, Status: s,
		CreatedAt: now.Add(-2 * time.Hour), PromisedAt: now.Add(time.Duration(promised) * time.Minute)}
	if s == requests.StatusDone {
		r.DoneAt = now.Add(time.Duration(done) * time.Minute)
	}
	admin := staff.WithActor(context.Background(), staff.Actor{Name: "Import", Role: staff.RoleAdministrator})
	hs := []requests.Historic{{Request: r}}
	if err := h.store.ImportRequests(admin, hs); err != nil {
		h.t.Fatal(err)
	}
	return hs[0].Request.ID
}

// categoryDept is the department of a default category.
func categoryDept(code string) string {
	for _, c := range standards.DefaultCategories() {
		if c.Code == code {
			return c.Department
		}
	}
	return ""
}

// queueTexts is what the queue shows, top to bottom.
func queueTexts(s *requestsScreen) []string {
	var out []string
	for _, r := range s.rows {
		out = append(out, requestText(&r.Request))
	}
	return out
}

// The queue puts what is late first, the latest at the top, then what falls due soon,
// then the rest, a follow-up call among them by when it is due — with a department
// chosen too — and Today lists the person's own requests in the same order.
func TestQueueListsOverdueByLatenessThenDueSoonThenTheRest(t *testing.T) {
	h, siti, _ := deskHarness(t)
	dewi := h.ui.actor
	hk, mt := "towels", "maintenance"
	h.importAs(dewi, siti, hk, "Call back about towels", requests.StatusDone, -60, -40)
	h.importAs(dewi, siti, mt, "Later: fix the safe", requests.StatusNew, 120, 0)
	h.importAs(dewi, siti, hk, "3 min late", requests.StatusNew, -3, 0)
	h.importAs(dewi, siti, hk, "Due in 10 min", requests.StatusAcknowledged, 10, 0)
	h.importAs(dewi, siti, mt, "27 min late", requests.StatusInProgress, -27, 0)
	h.ui.tabs.SelectIndex(2)
	s := h.ui.requests
	h.settle(0)
	want := []string{"27 min late", "3 min late", "Due in 10 min", "Call back about towels", "Later: fix the safe"}
	if got := queueTexts(s); !slices.Equal(got, want) {
		t.Fatalf("open queue %q, want %q", got, want)
	}
	row := s.list.CreateItem().(*requestRow)
	s.updateRow(0, row)
	if row.badge.text.Text != "⚠ Overdue 27 min" {
		t.Errorf("the top row says %q", row.badge.text.Text)
	}
	s.department.SetSelected("Housekeeping")
	h.settle(0)
	if got := queueTexts(s); !slices.Equal(got, []string{"3 min late", "Due in 10 min", "Call back about towels"}) {
		t.Fatalf("housekeeping queue %q: the follow-up call must not lead it", got)
	}

	h.ui.svc.Today = h.store
	h.ui.today.reload()
	h.settle(0)
	var today []string
	for _, r := range h.ui.today.data.mine {
		today = append(today, r.Description)
	}
	if !slices.Equal(today, want) {
		t.Fatalf("Today lists %q, want %q", today, want)
	}
}

// After "not satisfied" the request is reopened with a new promise from its standard,
// counted from now, and the detail tells the agent what to tell the guest; the recovery
// shows its own promise.
func TestReopenedRequestShowsItsNewPromise(t *testing.T) {
	h, siti, _ := deskHarness(t)
	ac := &requests.Request{GuestID: siti, Room: "1204", Category: "maintenance", Description: "AC not cooling"}
	must(t, h.store.CreateRequest(h.ui.ctx(), ac, time.Time{}))
	s := h.ui.requests
	h.ui.showRequest(ac.ID)
	h.settle(0)
	test.Tap(s.detail.buttons[requests.ActDone])
	h.settle(0)
	h.setNow(h.now().Add(50 * time.Minute)) // the old promise is 20 minutes gone
	test.Tap(s.detail.buttons[requests.ActFollowUp])
	dlg := h.topDialog()
	outcome, _ := findDeep(dlg, func(r *widget.RadioGroup) bool { return len(r.Options) == 3 })
	outcome.SetSelected("Not satisfied")
	score, _ := findDeep(dlg, func(r *widget.RadioGroup) bool { return len(r.Options) == 5 })
	score.SetSelected("2")
	test.Tap(button(t, dlg, "Save follow-up"))
	h.settle(0)

	promise := h.now().Add(30 * time.Minute) // maintenance's standard, from now
	d := s.detail.current
	if d.Status != requests.StatusReopened || !d.PromisedAt.Equal(promise) {
		t.Fatalf("reopened %s, promised %v, want %v", d.Status, d.PromisedAt, promise)
	}
	if findLabelDeep(s.detail.body, "Reopened with a new promise: "+clockTime(promise, h.now())+". Tell the guest.") == nil {
		t.Error("the new promise is not shown for the agent to tell the guest")
	}
	if _, ok := findDeep(s.detail.body, func(b *widget.Button) bool {
		return strings.HasPrefix(b.Text, "Guest not satisfied") && strings.HasSuffix(b.Text, "⏱ Due in 15 min")
	}); !ok {
		t.Error("the recovery does not show its own promise")
	}
	// The recovery is due in 15 minutes; the reopened request's new promise, 30 minutes
	// away, is not due soon yet, so it comes after it, not among what is late.
	if got := queueTexts(s); len(got) != 2 || got[1] != "AC not cooling" || !strings.HasPrefix(got[0], "Guest not satisfied") {
		t.Errorf("queue after the reopen: %q", got)
	}
}

// A reopened taxi is promised for the new time the guest names, asked in the dialog.
func TestReopeningATaxiAsksForTheGuestsNewTime(t *testing.T) {
	h, siti, _ := deskHarness(t)
	taxi := h.importAs(h.ui.actor, siti, "transport", "Taxi to the airport", requests.StatusDone, -30, -20)
	s := h.ui.requests
	h.ui.showRequest(taxi)
	h.settle(0)
	test.Tap(s.detail.buttons[requests.ActReopen])
	dlg := h.topDialog()
	reason, _ := findDeep(dlg, func(e *keyEntry) bool { return e.MultiLine })
	test.Type(reason, "The taxi never came")
	test.Tap(button(t, dlg, "Reopen"))
	h.settle(0)
	if findLabelDeep(dlg, "Enter the time as HH:MM, e.g. 06:30.") == nil {
		t.Fatal("reopening a taxi without the guest's new time is not explained beside the field")
	}
	// A time within the transport desk's hours, at whatever hour the suite runs.
	when := h.now().Add(time.Hour).Truncate(time.Minute)
	for _, d := range standards.DefaultDepartments() {
		if d.Code == standards.DeptTransport && !d.Hours.IsOpen(when) {
			when = d.Hours.NextOpen(when).Add(30 * time.Minute)
		}
	}
	at, _ := findDeep(dlg, func(e *keyEntry) bool { return e.PlaceHolder == "HH:MM" })
	test.Type(at, when.Format("15:04"))
	test.Tap(button(t, dlg, "Reopen"))
	h.settle(0)
	d := s.detail.current
	if d.Status != requests.StatusReopened || !d.PromisedAt.Equal(when) {
		t.Fatalf("taxi %s, promised %v, want %v", d.Status, d.PromisedAt, when)
	}
	if findLabelDeep(s.detail.body, "Reopened with a new promise: "+clockTime(when, h.now())+". Tell the guest.") == nil {
		t.Error("the guest's new time is not shown as the promise")
	}
}

// Each person finds "Mine only" as they left it, whoever used the desk in between.
func TestMineOnlyIsRememberedForEachPerson(t *testing.T) {
	h, _, _ := deskHarness(t)
	dewi := h.ui.actor
	agus := h.staff("Agus Pratama", staff.RoleAgent)
	h.ui.tabs.SelectIndex(2)
	h.settle(0)
	if h.ui.requests.mine.Checked {
		t.Fatal("Mine only is on for someone who never ticked it")
	}
	test.Tap(h.ui.requests.mine)
	h.settle(0)
	if f := h.ui.requests.filter(0); f.Mine != dewi.ID {
		t.Fatalf("Mine only ticked, the queue is %+v", f)
	}
	h.ui.showMain(agus)
	h.settle(0)
	if h.ui.requests.mine.Checked {
		t.Fatal("Agus finds Dewi's Mine only")
	}
	h.ui.showMain(dewi)
	h.ui.tabs.SelectIndex(2)
	h.settle(0)
	if !h.ui.requests.mine.Checked || h.ui.requests.filter(0).Mine != dewi.ID {
		t.Fatal("Dewi's Mine only was forgotten")
	}
	test.Tap(h.ui.requests.mine)
	h.settle(0)
	h.ui.showMain(dewi)
	h.settle(0)
	if h.ui.requests.mine.Checked {
		t.Fatal("unticking Mine only was forgotten")
	}
}

// Housekeeping staff open the Requests screen on housekeeping's queue.
func TestDepartmentStaffLandOnTheirDepartmentsQueue(t *testing.T) {
	h, siti, _ := deskHarness(t)
	kenji := &staff.Staff{Name: "Kenji Watanabe", Role: staff.RoleDepartment, Departments: []string{standards.DeptHousekeeping}, Active: true}
	must(t, h.store.CreateStaff(managerCtx(), kenji, "7153"))
	h.importAs(h.ui.actor, siti, "towels", "Towels", requests.StatusNew, 10, 0)
	h.importAs(h.ui.actor, siti, "maintenance", "AC not cooling", requests.StatusNew, 10, 0)
	actor, err := h.store.SignIn(context.Background(), kenji.ID, "7153")
	must(t, err)
	h.ui.showMain(actor)
	h.ui.tabs.SelectIndex(2)
	s := h.ui.requests
	h.settle(0)
	if s.department.Selected != "Housekeeping" || s.filter(0).Department != standards.DeptHousekeeping {
		t.Fatalf("Kenji's queue: department %q, filter %+v", s.department.Selected, s.filter(0))
	}
	if got := queueTexts(s); !slices.Equal(got, []string{"Towels"}) {
		t.Fatalf("Kenji's queue lists %q", got)
	}
	s.department.SetSelected("All departments")
	h.settle(0)
	if len(s.rows) != 2 {
		t.Fatalf("all departments: %q", queueTexts(s))
	}
	h.ui.showMain(h.staff("Agus Pratama", staff.RoleAgent))
	h.ui.tabs.SelectIndex(2)
	h.settle(0)
	if f := h.ui.requests.filter(0); f.Department != "" || len(h.ui.requests.rows) != 2 {
		t.Fatalf("an agent lands on %+v", f)
	}
}

// The header's "needs you" opens the very queue it counts: the same filter, so the same
// number, whatever the queue showed before.
func TestNeedsYouCountsTheQueueItOpens(t *testing.T) {
	h, siti, _ := deskHarness(t)
	dewi := h.ui.actor
	agus := h.staff("Agus Pratama", staff.RoleAgent)
	h.importAs(dewi, siti, "towels", "Towels, 25 min late", requests.StatusNew, -25, 0)
	h.importAs(dewi, siti, "maintenance", "AC, 5 min late", requests.StatusInProgress, -5, 0)
	h.importAs(dewi, siti, "maintenance", "Bulb, due in 12 min", requests.StatusNew, 12, 0)
	h.importAs(dewi, siti, "towels", "Call back about slippers", requests.StatusDone, -60, -30)
	h.importAs(dewi, siti, "maintenance", "Safe, tonight", requests.StatusNew, 300, 0)
	h.importAs(agus, siti, "towels", "Agus's towels, late", requests.StatusNew, -8, 0)
	s := h.ui.requests
	h.ui.tabs.SelectIndex(2)
	h.settle(0)
	s.department.SetSelected("Housekeeping")
	s.setView(requests.ViewHistory)
	h.settle(0)
	h.ui.tabs.SelectIndex(0)
	h.ui.ticked()
	h.settle(0)
	if !h.ui.dueButton.Visible() || h.ui.dueButton.Text != "⚠ 3 need you" {
		t.Fatalf("header shows %q (visible %v)", h.ui.dueButton.Text, h.ui.dueButton.Visible())
	}
	test.Tap(h.ui.dueButton)
	h.settle(0)
	if h.ui.tabs.Selected().Content != s.content {
		t.Fatal("the header did not open the queue")
	}
	if f := s.filter(0); f != requests.NeedsYou(dewi) {
		t.Fatalf("opened %+v, the header counts %+v", f, requests.NeedsYou(dewi))
	}
	want := []string{"Towels, 25 min late", "AC, 5 min late", "Bulb, due in 12 min"}
	if got := queueTexts(s); !slices.Equal(got, want) {
		t.Fatalf("the queue opened lists %q, want %q", got, want)
	}
	if s.viewButton[requests.ViewAttention].Text != "Attention (3)" || s.viewButton[requests.ViewAttention].Importance != widget.HighImportance {
		t.Errorf("the view shown is %q", s.viewButton[requests.ViewAttention].Text)
	}
	if s.department.Selected != "All departments" || s.status.SelectedIndex() != 0 || !s.mine.Checked {
		t.Errorf("the filters shown: department %q, status %d, mine %v", s.department.Selected, s.status.SelectedIndex(), s.mine.Checked)
	}

	// Marking one done: the queue and the header count it down together.
	s.list.Select(0)
	h.settle(0)
	test.Tap(s.detail.buttons[requests.ActDone])
	h.settle(0)
	if len(s.rows) != 2 || h.ui.dueButton.Text != "⚠ 2 need you" {
		t.Fatalf("after Mark done: %d rows, header %q", len(s.rows), h.ui.dueButton.Text)
	}
}
