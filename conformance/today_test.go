package conformance

import (
	"context"
	"slices"
	"testing"
	"time"

	"frontdesk/anticipation"
	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/loans"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// hotel is a property on the pinned Monday morning, built through the desk's own
// services so that both desks hold the same: a shift manager and an agent on the morning
// shift; Siti, back for a second stay, arriving tomorrow with a wish and an allergy; Putu
// arriving today; Kenji, a VIP in house with an alert, a birthday today, an open
// complaint and a plug adapter on loan; Made in house, who asked for towels three times.
type hotel struct {
	t *testing.T
	d *desk

	managerID, agentID     string
	managerName, agentName string

	siti, kenji, made, putu                 guests.Guest
	sitiStay, kenjiStay, madeStay, putuStay guests.Stay
	sitiBefore                              guests.Stay // departed in October
	pillows                                 guests.Preference
	peanuts, wheelchair                     guests.Alert
	birthday                                guests.Occasion
	towels                                  []requests.Request // Made's: new, escalated, done
	noise                                   requests.Request   // Kenji's complaint
	adapter                                 loans.Loan
}

// date is a calendar date of the pinned month, as stays keep them (midnight UTC).
func date(day int) time.Time { return time.Date(2026, 11, day, 0, 0, 0, 0, time.UTC) }

func newHotel(t *testing.T, d *desk) *hotel {
	t.Helper()
	h := &hotel{t: t, d: d}
	h.as(staff.RoleShiftManager)
	h.as(staff.RoleAgent)
	d.mu.Lock()
	h.managerID, h.managerName = d.staff[staff.RoleShiftManager].ID, d.staff[staff.RoleShiftManager].Name
	h.agentID, h.agentName = d.staff[staff.RoleAgent].ID, d.staff[staff.RoleAgent].Name
	d.mu.Unlock()
	h.property()
	h.guests()
	h.requests()
	return h
}

// property adds the rooms, the morning roster and an item to lend.
func (h *hotel) property() {
	t, d := h.t, h.d
	admin := h.as(staff.RoleAdministrator)
	for _, n := range []string{"1204", "1315", "1402"} {
		must(t, d.svc.Rooms.SaveRoom(admin, &property.Room{Number: n, Floor: 12}))
	}
	must(t, d.svc.Roster.SetRoster(admin, property.DayOf(d.now), property.ShiftMorning,
		[]property.RosterEntry{{StaffID: h.managerID, Manager: true}, {StaffID: h.agentID}}))
	must(t, d.svc.Loans.SaveItem(admin, &loans.Item{Code: "adapter", Name: "Plug adapter", Total: 5}))
}

// guests adds the guests, their wishes, alerts, occasions and stays.
func (h *hotel) guests() {
	t, d := h.t, h.d
	agent := h.as(staff.RoleAgent)
	h.siti = guests.Guest{GivenName: "Siti", FamilyName: "Rahayu", Tier: guests.TierGold}
	h.kenji = guests.Guest{GivenName: "Kenji", FamilyName: "Sato", VIP: true, Tier: guests.TierPlatinum}
	h.made = guests.Guest{GivenName: "Made", FamilyName: "Wirawan"}
	h.putu = guests.Guest{GivenName: "Putu", FamilyName: "Ayu"}
	for _, g := range []*guests.Guest{&h.siti, &h.kenji, &h.made, &h.putu} {
		must(t, d.svc.Guests.CreateGuest(agent, g))
	}
	h.pillows = guests.Preference{GuestID: h.siti.ID, Category: guests.PrefBedding, Text: "Feather-free pillows"}
	must(t, d.svc.Guests.AddPreference(agent, &h.pillows))
	h.peanuts = guests.Alert{GuestID: h.siti.ID, Kind: guests.AlertAllergy, Text: "Peanut allergy"}
	must(t, d.svc.Guests.AddAlert(agent, &h.peanuts))
	h.wheelchair = guests.Alert{GuestID: h.kenji.ID, Kind: guests.AlertAccessibility, Text: "Uses a wheelchair"}
	must(t, d.svc.Guests.AddAlert(agent, &h.wheelchair))
	h.birthday = guests.Occasion{GuestID: h.kenji.ID, Kind: guests.OccasionBirthday, Month: time.November, Day: 23, Year: 1970}
	must(t, d.svc.Guests.AddOccasion(agent, &h.birthday))

	h.sitiBefore = guests.Stay{GuestID: h.siti.ID, Arrival: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
		Departure: time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC), Room: "1204", Status: guests.StayDeparted, PartySize: 2}
	h.sitiStay = guests.Stay{GuestID: h.siti.ID, Arrival: date(24), Departure: date(27), Room: "1204", Status: guests.StayExpected, PartySize: 2}
	h.putuStay = guests.Stay{GuestID: h.putu.ID, Arrival: date(23), Departure: date(25), Status: guests.StayExpected, PartySize: 3}
	h.kenjiStay = guests.Stay{GuestID: h.kenji.ID, Arrival: date(22), Departure: date(26), Room: "1315", Status: guests.StayInHouse, PartySize: 1}
	h.madeStay = guests.Stay{GuestID: h.made.ID, Arrival: date(21), Departure: date(25), Room: "1402", Status: guests.StayInHouse, PartySize: 1}
	for _, s := range []*guests.Stay{&h.sitiBefore, &h.sitiStay, &h.putuStay, &h.kenjiStay, &h.madeStay} {
		must(t, d.svc.Guests.AddStay(agent, s))
	}
}

// requests logs Made's towels (one escalated, one done and waiting for the call-back),
// Kenji's complaint and the adapter lent to his room.
func (h *hotel) requests() {
	t, d := h.t, h.d
	agent := h.as(staff.RoleAgent)
	for range 3 {
		r := requests.Request{GuestID: h.made.ID, Room: "1402", Category: "towels", Description: "Two extra bath towels"}
		must(t, d.svc.Requests.CreateRequest(agent, &r, time.Time{}))
		h.towels = append(h.towels, r)
	}
	h.noise = requests.Request{GuestID: h.kenji.ID, Room: "1315", Category: "complaint", Description: "Noise from the corridor at night"}
	must(t, d.svc.Requests.CreateRequest(agent, &h.noise, time.Time{}))
	_, err := d.svc.Requests.Act(agent, h.towels[1].ID, requests.Action{Kind: requests.ActEscalate})
	must(t, err)
	_, err = d.svc.Requests.Act(agent, h.towels[2].ID, requests.Action{Kind: requests.ActDone})
	must(t, err)
	h.adapter = loans.Loan{ItemCode: "adapter", Room: "1315", GuestID: h.kenji.ID, Qty: 1}
	must(t, d.svc.Loans.Lend(agent, &h.adapter))
}

// as signs the member of staff with role in at the desk (a server's desk acts for whoever
// signed in last) and returns the context to call with.
func (h *hotel) as(role staff.Role) context.Context {
	h.t.Helper()
	return h.d.signIn(h.t, role)
}

// query asks for audience's board (the person's own when empty) with every list whole.
func (h *hotel) query(audience string) anticipation.BoardQuery {
	return anticipation.BoardQuery{Now: h.d.now, Audience: audience, All: anticipation.Lists}
}

// board is audience's board as a shift manager looks at it (signed in for it: at a
// server's desk, sign the next person in again).
func (h *hotel) board(audience string) *anticipation.Board {
	h.t.Helper()
	b, err := h.d.svc.Today.Today(h.as(staff.RoleShiftManager), h.query(audience))
	must(h.t, err)
	return b
}

// arrivalOf is the board's arrival card of guestID; it fails the test when there is none.
func arrivalOf(t *testing.T, b *anticipation.Board, guestID string) anticipation.ArrivalCard {
	t.Helper()
	for _, a := range b.Arrivals {
		if a.Guest.ID == guestID {
			return a
		}
	}
	t.Fatalf("no arrival of %s on the board", guestID)
	return anticipation.ArrivalCard{}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// promptOf is the board's prompt of kind for guestID; it fails the test when there is none.
func promptOf(t *testing.T, b *anticipation.Board, kind anticipation.PromptKind, guestID string) anticipation.Prompt {
	t.Helper()
	for _, p := range append(b.Prompts, b.Habits...) {
		if p.Kind == kind && p.GuestID == guestID {
			return p
		}
	}
	t.Fatalf("no %s prompt for %s on the board: %+v", kind, guestID, b.Prompts)
	return anticipation.Prompt{}
}

func hasPrompt(b *anticipation.Board, key string) bool {
	for _, p := range append(b.Prompts, b.Habits...) {
		if p.Key == key {
			return true
		}
	}
	return false
}

// The board comes over whole: every arrival with its wishes, alerts, tasks and
// recognition, the VIPs in house, today's occasion, and every prompt with its tasks,
// occasion and score, as the store built it.
func TestTodayBoardTravelsWhole(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		h := newHotel(t, d)
		// Every department's board and the managers', as a manager looks at them, is the
		// store's; together they hold every prompt.
		manager := h.as(staff.RoleShiftManager)
		var b *anticipation.Board
		var prompts []anticipation.Prompt
		for _, audience := range anticipation.Audiences {
			got, err := d.svc.Today.Today(manager, h.query(audience))
			must(t, err)
			want, err := d.store.Today(manager, h.query(audience))
			must(t, err)
			sameAsStore(t, audience+"'s board", got, want)
			if audience == standards.DeptFrontDesk {
				b = got // every arrival, VIP and occasion
			}
			for _, p := range append(got.Prompts, got.Habits...) {
				if !hasPrompt(&anticipation.Board{Prompts: prompts}, p.Key) {
					prompts = append(prompts, p)
				}
			}
		}
		b.Prompts = prompts

		if len(b.Arrivals) != 2 {
			t.Fatalf("arrivals %+v", b.Arrivals)
		}
		putu, siti := b.Arrivals[0], b.Arrivals[1]
		if putu.Guest.ID != h.putu.ID || putu.Tomorrow || putu.Stay.PartySize != 3 || putu.Prep != anticipation.PrepNothing {
			t.Errorf("Putu arriving today: %+v", putu)
		}
		if siti.Guest.ID != h.siti.ID || !siti.Tomorrow || siti.Stay.ID != h.sitiStay.ID || !siti.Stay.Arrival.Equal(date(24)) ||
			siti.Prep != anticipation.PrepNotStarted || siti.Guest.Tier != guests.TierGold {
			t.Errorf("Siti arriving tomorrow: %+v", siti)
		}
		if len(siti.Preferences) != 1 || siti.Preferences[0].ID != h.pillows.ID || siti.Preferences[0].Text != "Feather-free pillows" ||
			!siti.Preferences[0].RecordedAt.Equal(d.now) {
			t.Errorf("Siti's wishes %+v", siti.Preferences)
		}
		if len(siti.Alerts) != 1 || siti.Alerts[0].ID != h.peanuts.ID || siti.Alerts[0].Kind != guests.AlertAllergy {
			t.Errorf("Siti's alerts %+v", siti.Alerts)
		}
		if r := siti.Recognition; r.Visit != 2 || r.LastStay == nil || r.LastStay.ID != h.sitiBefore.ID ||
			!r.LastStay.Departure.Equal(h.sitiBefore.Departure) {
			t.Errorf("Siti is recognised: %+v", r)
		}
		due := time.Date(2026, 11, 24, 13, 0, 0, 0, zone) // an hour before check-in
		if len(siti.Tasks) != 3 {
			t.Fatalf("Siti's preparation %+v", siti.Tasks)
		}
		for _, task := range siti.Tasks {
			if task.SourceID == "" || task.Department == "" || task.Description == "" || !task.Due.Equal(due) {
				t.Errorf("preparation task %+v", task)
			}
		}

		if len(b.VIPs) != 1 || b.VIPs[0].Guest.ID != h.kenji.ID || !b.VIPs[0].Guest.VIP || b.VIPs[0].Stay.Room != "1315" ||
			len(b.VIPs[0].Alerts) != 1 || b.VIPs[0].Alerts[0].Text != "Uses a wheelchair" {
			t.Errorf("VIPs in house %+v", b.VIPs)
		}
		if len(b.Occasions) != 1 || b.Occasions[0].Occasion.ID != h.birthday.ID || b.Occasions[0].Occasion.Month != time.November ||
			b.Occasions[0].Occasion.Year != 1970 || b.Occasions[0].GuestState.Guest.ID != h.kenji.ID ||
			!b.Occasions[0].On.Equal(date(23)) {
			t.Errorf("occasions %+v", b.Occasions)
		}

		prepare := promptOf(t, b, anticipation.KindPrepare, h.siti.ID)
		// The pillows are prepared by Frontdesk the evening before (the default rule); the
		// allergy's two tasks wait for a person, and the prompt asks about them alone.
		if prepare.StayID != h.sitiStay.ID || prepare.GuestName != "Siti Rahayu" || prepare.Room != "1204" ||
			!prepare.When.Equal(date(24)) || len(prepare.Tasks) != 2 {
			t.Fatalf("prepare prompt %+v", prepare)
		}
		for i, task := range prepare.Tasks {
			card := siti.Tasks[i+1]
			if task.SourceID != card.SourceID || task.Department != card.Department || !task.Due.Equal(due) ||
				task.Alert != guests.AlertAllergy || task.Auto {
				t.Errorf("the prompt's task %d %+v, the card's %+v", i, task, card)
			}
		}
		if pillows := siti.Tasks[0]; pillows.SourceID != h.pillows.ID || !pillows.Auto || siti.Prep != anticipation.PrepNotStarted ||
			!siti.AutoAt.Equal(time.Date(2026, 11, 23, 18, 0, 0, 0, zone)) {
			t.Errorf("the pillows' task %+v (prep %v, automatic at %v)", pillows, siti.Prep, siti.AutoAt)
		}
		occasion := promptOf(t, b, anticipation.KindOccasion, h.kenji.ID)
		if occasion.Occasion == nil || occasion.Occasion.ID != h.birthday.ID || occasion.Occasion.Kind != guests.OccasionBirthday {
			t.Errorf("occasion prompt %+v", occasion)
		}
		repeat := promptOf(t, b, anticipation.KindRepeat, h.made.ID)
		if repeat.Category != "towels" || repeat.Subject != "Two extra bath towels" || !repeat.When.Equal(d.now) {
			t.Errorf("repeat prompt %+v", repeat)
		}
		recovery := promptOf(t, b, anticipation.KindRecovery, h.kenji.ID)
		if !recovery.Manager || recovery.Room != "1315" {
			t.Errorf("recovery prompt %+v", recovery)
		}
		if welcome := promptOf(t, b, anticipation.KindWelcome, h.kenji.ID); welcome.Key == "" || welcome.Room != "1315" {
			t.Errorf("welcome prompt %+v", welcome)
		}
	})
}

// Preparing an arrival logs its tasks once, owned by whoever clicked; they alone can take
// it back, and the prompt is on the board again afterwards.
func TestArrivalPreparedAndUndone(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		h := newHotel(t, d)
		// Siti's wishes are for housekeeping and the kitchen: not on the front desk's board.
		prepare := promptOf(t, h.board(standards.DeptHousekeeping), anticipation.KindPrepare, h.siti.ID)
		agent := h.as(staff.RoleAgent)
		if own, err := d.svc.Today.Today(agent, h.query("")); err != nil || hasPrompt(own, prepare.Key) {
			t.Fatalf("the front desk's board has housekeeping's preparation (%v)", err)
		}

		n, err := d.svc.Today.PrepareArrival(agent, h.sitiStay.ID)
		if err != nil || n != 3 {
			t.Fatalf("prepared %d tasks: %v", n, err)
		}
		tasks, err := d.svc.Requests.ListRequests(agent, requests.Filter{GuestID: h.siti.ID})
		must(t, err)
		if len(tasks) != 3 {
			t.Fatalf("tasks %+v", tasks)
		}
		for _, r := range tasks {
			if r.Owner != h.agentID || r.Category != "arrival_prep" || !r.PromisedAt.Equal(time.Date(2026, 11, 24, 13, 0, 0, 0, zone)) {
				t.Errorf("task %+v", r.Request)
			}
		}
		if n, err := d.svc.Today.PrepareArrival(agent, h.sitiStay.ID); err == nil || n != 0 {
			t.Fatalf("prepared twice: %d tasks (%v)", n, err)
		}
		b := h.board(standards.DeptHousekeeping)
		agent = h.as(staff.RoleAgent)
		if prep := arrivalOf(t, b, h.siti.ID).Prep; hasPrompt(b, prepare.Key) || prep != anticipation.PrepInProgress {
			t.Fatalf("after preparing: prep %v, prompts %+v", prep, b.Prompts)
		}
		_, err = d.svc.Today.PrepareArrival(agent, h.kenjiStay.ID)
		wantRefusal(t, err, errs.NotFound, "This arrival is no longer expected today or tomorrow.")

		err = d.svc.Today.UndoPrompt(h.as(staff.RoleShiftManager), prepare.Key)
		wantRefusal(t, err, errs.Conflict, anticipation.MsgUndoNotYours)
		if e := asError(err); e.Args["Name"] != h.agentName {
			t.Errorf("the refusal names %v, want %s", e.Args["Name"], h.agentName)
		}
		agent = h.as(staff.RoleAgent)
		must(t, d.svc.Today.UndoPrompt(agent, prepare.Key))
		b = h.board(standards.DeptHousekeeping)
		agent = h.as(staff.RoleAgent)
		if !hasPrompt(b, prepare.Key) {
			t.Fatalf("the undone prompt is not back: %+v", b.Prompts)
		}
		detail, err := d.svc.Requests.GetRequest(agent, tasks[0].ID)
		must(t, err)
		if last := detail.Timeline[len(detail.Timeline)-1]; detail.Status != requests.StatusCancelled || !last.Undo {
			t.Errorf("an undone task: %s, last event %+v", detail.Status, last)
		}
		wantRefusal(t, d.svc.Today.UndoPrompt(agent, prepare.Key), errs.NotFound, anticipation.MsgUndoGone)
	})
}

// A prompt is answered once: with a note, or dismissed with a reason; a repeat request
// saved as a preference is on the guest's profile as the person who saved it. A VIP's
// welcome is on the concierge's board, a habit on the board of the department that
// fulfils it (towels: housekeeping), not on the front desk's.
func TestPromptsResolvedOnce(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		h := newHotel(t, d)
		welcome := promptOf(t, h.board(standards.DeptConcierge), anticipation.KindWelcome, h.kenji.ID)
		repeat := promptOf(t, h.board(standards.DeptHousekeeping), anticipation.KindRepeat, h.made.ID)
		if repeat.Department != standards.DeptHousekeeping {
			t.Errorf("the habit's department %q", repeat.Department)
		}
		agent := h.as(staff.RoleAgent)
		b, err := d.svc.Today.Today(agent, h.query(""))
		must(t, err)
		if hasPrompt(b, welcome.Key) || hasPrompt(b, repeat.Key) {
			t.Errorf("the front desk's board holds a welcome or another department's habit: %+v", b.Prompts)
		}

		err = d.svc.Today.ResolvePrompt(agent, anticipation.Resolution{Key: welcome.Key, Kind: welcome.Kind, GuestID: h.kenji.ID, Dismissed: true})
		wantFieldError(t, err, anticipation.FieldNote, "Say why this does not need doing, so the next shift knows.", nil)
		must(t, d.svc.Today.ResolvePrompt(agent, anticipation.Resolution{Key: welcome.Key, Kind: welcome.Kind, GuestID: h.kenji.ID,
			Note: "Welcomed at the lift"}))
		err = d.svc.Today.ResolvePrompt(agent, anticipation.Resolution{Key: welcome.Key, Kind: welcome.Kind, GuestID: h.kenji.ID, Note: "again"})
		wantRefusal(t, err, errs.Conflict, "Someone has already dealt with this prompt.")

		must(t, d.svc.Today.ResolvePrompt(agent, anticipation.ResolutionFor(repeat)))
		occasion := promptOf(t, b, anticipation.KindOccasion, h.kenji.ID)
		cakeTask := anticipation.ResolutionFor(occasion)
		must(t, d.svc.Today.ResolvePrompt(agent, cakeTask))
		if hasPrompt(h.board(standards.DeptConcierge), welcome.Key) || hasPrompt(h.board(standards.DeptHousekeeping), repeat.Key) {
			t.Fatalf("answered prompts came back")
		}
		agent = h.as(staff.RoleAgent)
		p, err := d.svc.Guests.FindGuestByID(agent, h.made.ID)
		must(t, err)
		if len(p.Preferences) != 1 || p.Preferences[0].Text != "Two extra bath towels" || p.Preferences[0].RecordedBy != h.agentName {
			t.Fatalf("the saved preference %+v", p.Preferences)
		}
		cake, err := d.svc.Requests.ListRequests(agent, requests.Filter{GuestID: h.kenji.ID, Department: "food_beverage"})
		must(t, err)
		if len(cake) != 1 || cake[0].Occasion != string(guests.OccasionBirthday) || !cake[0].OccasionOn.Equal(occasion.When) ||
			cake[0].Room != "1315" || cake[0].Owner != h.agentID {
			t.Errorf("the occasion's task %+v", cake)
		}
		log, err := d.svc.Audit.ListAudit(h.as(staff.RoleShiftManager), audit.Filter{GuestID: h.kenji.ID})
		must(t, err)
		if !slices.ContainsFunc(log, func(e audit.Entry) bool {
			return e.Entity == "prompt" && e.ActorID == h.agentID && e.Summary == "Welcomed at the lift"
		}) {
			t.Errorf("the welcome is not in the audit log: %+v", log)
		}
	})
}

// Another department's board is for managers: an agent asking for housekeeping's is
// refused, at a server's desk even when the window claims a manager is signed in; a
// manager looks at any board.
func TestOtherDepartmentsBoardsAreForManagers(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		h := newHotel(t, d)
		if b := h.board(standards.DeptHousekeeping); b.Audience != standards.DeptHousekeeping {
			t.Fatalf("a manager asked for housekeeping's board and got %q's", b.Audience)
		}
		agent := h.as(staff.RoleAgent)
		_, err := d.svc.Today.Today(agent, h.query(standards.DeptHousekeeping))
		wantRefusal(t, err, errs.Invalid, anticipation.MsgOtherBoard)
		own, err := d.svc.Today.Today(agent, h.query(""))
		must(t, err)
		if own.Audience != standards.DeptFrontDesk {
			t.Fatalf("an agent's own board is %q's", own.Audience)
		}
		if d.client == nil {
			return
		}
		claimed := staff.WithActor(context.Background(), staff.Actor{ID: h.managerID, Name: h.managerName, Role: staff.RoleShiftManager})
		_, err = d.svc.Today.Today(claimed, h.query(standards.DeptHousekeeping))
		wantRefusal(t, err, errs.Invalid, anticipation.MsgOtherBoard)
	})
}
