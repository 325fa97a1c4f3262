package anticipation

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// resortBoard builds the whole board of a property with n guests arriving and n in house,
// of every kind: wishes and alerts of every category, tiers, casino players, birthdays,
// unhappy stays and habits.
func resortBoard(n int, seed uint64) *Board {
	rnd := rand.New(rand.NewPCG(seed, 1))
	prefs := []guests.PreferenceCategory{guests.PrefRoom, guests.PrefBedding, guests.PrefFood, guests.PrefAmenities,
		guests.PrefService, guests.PrefCasino, guests.PrefOther}
	alerts := []guests.AlertKind{guests.AlertAllergy, guests.AlertAccessibility, guests.AlertMedical, guests.AlertSecurity, guests.AlertOther}
	casino := []guests.CasinoTier{guests.CasinoNone, guests.CasinoGold, guests.CasinoPlatinum, guests.CasinoBlack}
	guest := func(i int, kind string) GuestState {
		id := fmt.Sprintf("%s-%d", kind, i)
		g := GuestState{Guest: guests.Guest{ID: id, GivenName: "Guest", FamilyName: fmt.Sprintf("Number%d", i),
			VIP: rnd.IntN(10) == 0, CasinoTier: casino[rnd.IntN(len(casino))]}}
		for k := range rnd.IntN(3) {
			g.Preferences = append(g.Preferences, guests.Preference{ID: fmt.Sprintf("%s-p%d", id, k), GuestID: id,
				Category: prefs[rnd.IntN(len(prefs))], Text: "wish"})
		}
		if rnd.IntN(4) == 0 {
			g.Alerts = append(g.Alerts, guests.Alert{ID: id + "-a", GuestID: id, Kind: alerts[rnd.IntN(len(alerts))], Text: "alert"})
		}
		if rnd.IntN(8) == 0 {
			g.Occasions = append(g.Occasions, guests.Occasion{ID: id + "-o", GuestID: id, Kind: guests.OccasionBirthday, Month: 11, Day: 23 + rnd.IntN(2)})
		}
		return g
	}
	var snap Snapshot
	snap.Now = at(2026, 11, 23, 9, 0)
	for i := range n {
		g := guest(i, "arr")
		g.Stay = guests.Stay{ID: g.Guest.ID + "-s", GuestID: g.Guest.ID, Arrival: date(2026, 11, 23+rnd.IntN(2)),
			Departure: date(2026, 11, 28), Room: fmt.Sprintf("%d", 100+i), Status: guests.StayExpected}
		if rnd.IntN(3) == 0 {
			g.PrepTotal, g.PrepDone = 2, rnd.IntN(3)
		}
		snap.Arrivals = append(snap.Arrivals, g)
	}
	for i := range n {
		g := guest(i, "in")
		g.Stay = guests.Stay{ID: g.Guest.ID + "-s", GuestID: g.Guest.ID, Arrival: date(2026, 11, 20), Departure: date(2026, 11, 23+rnd.IntN(4)),
			Room: fmt.Sprintf("%d", 2000+i), Status: guests.StayInHouse}
		g.Stays = []guests.Stay{g.Stay}
		if rnd.IntN(6) == 0 {
			g.Requests = append(g.Requests, RequestBrief{ID: g.Guest.ID + "-r", Category: "maintenance", Description: "AC",
				Kind: requests.KindComplaint, Status: requests.StatusNew, CreatedAt: date(2026, 11, 22)})
		}
		dept := []string{standards.DeptHousekeeping, ""}[rnd.IntN(2)] // "": a category no department is known for
		for k := range 3 * rnd.IntN(2) {
			g.Requests = append(g.Requests, RequestBrief{ID: fmt.Sprintf("%s-t%d", g.Guest.ID, k), Category: "towels",
				Department: dept, Description: "Towels", Kind: requests.KindRequest, Status: requests.StatusClosed, CreatedAt: date(2026, 11, 21)})
		}
		snap.InHouse = append(snap.InHouse, g)
	}
	return Build(snap)
}

// whole is every list of audience's board, unshortened.
func whole(b *Board, audience string) *Board {
	return Scope(b, audience, BoardQuery{All: Lists})
}

// Every prompt, arrival, VIP and occasion of the property is on at least one board, and
// a board holds nothing that is not the property's.
func TestNothingIsLostBetweenBoards(t *testing.T) {
	for seed := range uint64(5) {
		b := resortBoard(300, seed)
		prompts, arrivals, vips, occasions, departures := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, audience := range Audiences {
			s := whole(b, audience)
			for _, p := range append(s.Prompts, s.Habits...) {
				prompts[p.Key] = true
			}
			for _, p := range s.Prompts {
				if p.Kind == KindRepeat {
					t.Fatalf("a habit among %s's prompts: %s", audience, p.Key)
				}
			}
			for _, a := range s.Arrivals {
				arrivals[a.Stay.ID] = true
			}
			for _, v := range s.VIPs {
				vips[v.Stay.ID] = true
			}
			for _, d := range s.Departures {
				departures[d.Stay.ID] = true
			}
			for _, o := range s.Occasions {
				occasions[o.Occasion.ID+o.On.String()] = true
			}
		}
		if len(b.Departures) == 0 || len(departures) != len(b.Departures) {
			t.Fatalf("seed %d: boards hold %d/%d departures", seed, len(departures), len(b.Departures))
		}
		if len(prompts) != len(b.Prompts) || len(arrivals) != len(b.Arrivals) || len(vips) != len(b.VIPs) || len(occasions) != len(b.Occasions) {
			t.Fatalf("seed %d: boards hold %d/%d prompts, %d/%d arrivals, %d/%d VIPs, %d/%d occasions", seed,
				len(prompts), len(b.Prompts), len(arrivals), len(b.Arrivals), len(vips), len(b.VIPs), len(occasions), len(b.Occasions))
		}
		for _, p := range b.Prompts {
			if !prompts[p.Key] {
				t.Fatalf("seed %d: %s is on no board", seed, p.Key)
			}
		}
	}
}

// Each board holds what its people act on.
func TestEachBoardHoldsItsDepartmentsWork(t *testing.T) {
	b := resortBoard(400, 7)
	has := func(tasks []Task, dept string) bool {
		return slices.ContainsFunc(tasks, func(t Task) bool { return t.Department == dept })
	}
	for _, audience := range Audiences {
		s := whole(b, audience)
		if s.Audience != audience {
			t.Fatalf("%s's board says it is %s's", audience, s.Audience)
		}
		for _, p := range append(s.Prompts, s.Habits...) {
			switch {
			case p.Kind == KindRecovery && audience != Managers:
				t.Errorf("%s sees a recovery touch-point", audience)
			case p.Kind == KindPrepare && audience != Managers && !has(p.Tasks, audience):
				t.Errorf("%s sees preparation with none of its tasks: %+v", audience, p.Tasks)
			case p.Kind == KindWelcome && audience != standards.DeptCasinoHost && audience != standards.DeptConcierge,
				p.Kind == KindWelcome && audience == standards.DeptCasinoHost && !p.Casino:
				t.Errorf("%s welcomes %s (a top player: %v)", audience, p.GuestName, p.Casino)
			case p.Kind == KindRepeat && audience != cmp.Or(p.Department, standards.DeptFrontDesk):
				t.Errorf("%s is asked to save a habit %s fulfils", audience, p.Department)
			}
		}
	}
	for _, audience := range []string{standards.DeptHousekeeping, standards.DeptFrontDesk} {
		if len(whole(b, audience).Habits) == 0 {
			t.Errorf("no habit on %s's board", audience)
		}
	}
	// Housekeeping: every arrival with a housekeeping task; F&B every occasion and every
	// allergy's preparation; the managers every recovery and every allergy, medical or
	// security alert arriving.
	hk, food, mgr := whole(b, standards.DeptHousekeeping), whole(b, standards.DeptFood), whole(b, Managers)
	for _, a := range b.Arrivals {
		if has(a.Tasks, standards.DeptHousekeeping) && !slices.ContainsFunc(hk.Arrivals, func(x ArrivalCard) bool { return x.Stay.ID == a.Stay.ID }) {
			t.Errorf("housekeeping does not see %s arriving", a.Guest.ID)
		}
		alerted := slices.ContainsFunc(a.Alerts, func(al guests.Alert) bool { return slices.Contains(exceptionAlerts, al.Kind) })
		if alerted && !slices.ContainsFunc(mgr.Arrivals, func(x ArrivalCard) bool { return x.Stay.ID == a.Stay.ID }) {
			t.Errorf("the managers do not see %s arriving with an alert", a.Guest.ID)
		}
	}
	if len(food.Occasions) != len(b.Occasions) {
		t.Errorf("F&B sees %d of %d occasions", len(food.Occasions), len(b.Occasions))
	}
	for _, p := range b.Prompts {
		onBoard := func(s *Board) bool {
			return slices.ContainsFunc(s.Prompts, func(x Prompt) bool { return x.Key == p.Key })
		}
		if p.Kind == KindRecovery && !onBoard(mgr) {
			t.Errorf("the managers do not see %s", p.Key)
		}
		if p.Kind == KindPrepare && slices.ContainsFunc(p.Tasks, func(t Task) bool { return t.Alert == guests.AlertAllergy }) && !onBoard(food) {
			t.Errorf("F&B does not see the allergy of %s", p.GuestName)
		}
	}
}

// A board's lists are counted whole, carry their first ListShort rows unless asked for
// whole, put the most important first, and leave the property's board as it was.
func TestBoardsAreCountedOrderedAndShortened(t *testing.T) {
	b := resortBoard(500, 3)
	before := len(b.Prompts)
	all := whole(b, Managers)
	short := Scope(b, Managers, BoardQuery{})
	if len(all.Prompts) <= ListShort || len(short.Prompts) != ListShort || short.Counts[ListPrompts] != len(all.Prompts) {
		t.Fatalf("managers: %d prompts carried of %d (count %d)", len(short.Prompts), len(all.Prompts), short.Counts[ListPrompts])
	}
	if short.Counts[ListArrivals] != len(all.Arrivals) || len(short.Arrivals) != min(ListShort, len(all.Arrivals)) {
		t.Fatalf("arrivals: %d carried, count %d, whole %d", len(short.Arrivals), short.Counts[ListArrivals], len(all.Arrivals))
	}
	for i := 1; i < len(all.Prompts); i++ {
		if comparePrompts(&all.Prompts[i-1], &all.Prompts[i]) > 0 {
			t.Fatalf("prompt %d (%s) before %s", i, all.Prompts[i-1].Kind, all.Prompts[i].Kind)
		}
	}
	if all.Prompts[0].Kind != KindRecovery {
		t.Fatalf("the managers' board opens on %s, not an unhappy guest", all.Prompts[0].Kind)
	}
	fd := whole(b, standards.DeptFrontDesk)
	tomorrow := 0
	for i, a := range fd.Arrivals {
		if a.Tomorrow {
			tomorrow++
		}
		if i > 0 && compareArrivals(&fd.Arrivals[i-1], &a) > 0 {
			t.Fatalf("arrival %d out of order", i)
		}
	}
	if fd.Counts[CountTomorrow] != tomorrow || fd.Arrivals[0].Tomorrow {
		t.Fatalf("tomorrow counted %d of %d, first arrival tomorrow: %v", fd.Counts[CountTomorrow], tomorrow, fd.Arrivals[0].Tomorrow)
	}
	if len(b.Prompts) != before || b.Audience != "" || b.Counts != nil {
		t.Fatal("scoping changed the property's board")
	}
}

// The filter finds a guest by any part of their name, in any case, or by their room's
// start, on every list.
func TestBoardFilterFindsAGuest(t *testing.T) {
	b := resortBoard(300, 11)
	one := Scope(b, standards.DeptFrontDesk, BoardQuery{Filter: "number17", All: Lists})
	for _, a := range one.Arrivals {
		if a.Guest.FamilyName[:8] != "Number17" {
			t.Fatalf("the filter let %s through", a.Guest.FamilyName)
		}
	}
	if len(one.Arrivals) == 0 || one.Counts[ListArrivals] != len(one.Arrivals) {
		t.Fatalf("filtered arrivals %d (count %d)", len(one.Arrivals), one.Counts[ListArrivals])
	}
	room := Scope(b, standards.DeptFrontDesk, BoardQuery{Filter: " 2001 ", All: Lists})
	for _, p := range room.Prompts {
		if p.Room != "2001" {
			t.Fatalf("room 2001's filter let room %s through", p.Room)
		}
	}
}

// Each member of staff opens on their own board; only managers look at any other, and
// department staff at their own departments'.
func TestWhoSeesWhichBoard(t *testing.T) {
	agent := staff.Actor{Role: staff.RoleAgent}
	hk := staff.Actor{Role: staff.RoleDepartment, Departments: []string{standards.DeptHousekeeping, standards.DeptMaintenance}}
	cases := []struct {
		who  staff.Actor
		want string
	}{
		{agent, standards.DeptFrontDesk}, {hk, standards.DeptHousekeeping}, {staff.Actor{Role: staff.RoleConcierge}, standards.DeptConcierge},
		{staff.Actor{Role: staff.RoleShiftManager}, Managers}, {staff.Actor{Role: staff.RoleAdministrator}, Managers},
	}
	for _, c := range cases {
		if got, err := AudienceFor(c.who, ""); got != c.want || err != nil {
			t.Errorf("%s opens on %q (%v), want %q", c.who.Role, got, err, c.want)
		}
	}
	if got, err := AudienceFor(hk, standards.DeptMaintenance); got != standards.DeptMaintenance || err != nil {
		t.Errorf("housekeeping's second department: %q %v", got, err)
	}
	if got, err := AudienceFor(staff.Actor{Role: staff.RoleShiftManager}, standards.DeptFood); got != standards.DeptFood || err != nil {
		t.Errorf("a manager looking at F&B: %q %v", got, err)
	}
	for _, refused := range []struct {
		who      staff.Actor
		audience string
	}{{agent, standards.DeptHousekeeping}, {agent, Managers}, {hk, standards.DeptFood}} {
		_, err := AudienceFor(refused.who, refused.audience)
		var e *errs.Error
		if fs := errs.AsFields(err); len(fs) > 0 {
			e = fs[0]
		} else if x, ok := err.(*errs.Error); ok {
			e = x
		}
		if e == nil || e.Template != MsgOtherBoard {
			t.Errorf("%s looking at %s: %v", refused.who.Role, refused.audience, err)
		}
	}
	if _, err := AudienceFor(staff.Actor{Role: staff.RoleShiftManager}, "spa"); errs.CodeOf(err) != errs.Invalid {
		t.Errorf("an unknown board: %v", err)
	}
}

// The guests leaving today are on the front desk's board, an unhappy stay first; the
// managers see the unhappy ones and the VIPs.
func TestDeparturesTodayAreTheFrontDesksAndTheUnhappyOnesTheManagers(t *testing.T) {
	leaving := func(id, room string, vip bool, reqs ...RequestBrief) GuestState {
		st := guests.Stay{ID: id + "-s", GuestID: id, Arrival: date(2026, 11, 20), Departure: date(2026, 11, 23), Room: room, Status: guests.StayInHouse}
		return GuestState{Guest: guests.Guest{ID: id, GivenName: "Guest", FamilyName: id, VIP: vip}, Stay: st, Stays: []guests.Stay{st}, Requests: reqs}
	}
	unhappy := RequestBrief{ID: "r1", Category: "maintenance", Description: "AC not cooling", Kind: requests.KindRequest,
		Status: requests.StatusClosed, Outcome: requests.OutcomeNotSatisfied, CreatedAt: date(2026, 11, 21)}
	staying := leaving("staying", "2001", true)
	staying.Stay.Departure = date(2026, 11, 25)
	snap := Snapshot{Now: at(2026, 11, 23, 9, 0), InHouse: []GuestState{
		leaving("plain", "1101", false), leaving("vip", "1201", true), leaving("sad", "1301", false, unhappy), staying}}
	b := Build(snap)
	desk := whole(b, standards.DeptFrontDesk)
	var order []string
	for _, d := range desk.Departures {
		order = append(order, d.Guest.ID)
	}
	if !slices.Equal(order, []string{"sad", "vip", "plain"}) || !desk.Departures[0].Unhappy || desk.Counts[ListDepartures] != 3 {
		t.Fatalf("the front desk's departures %v (%+v)", order, desk.Departures)
	}
	mgr := whole(b, Managers)
	if len(mgr.Departures) != 2 || mgr.Departures[0].Guest.ID != "sad" || mgr.Departures[1].Guest.ID != "vip" {
		t.Fatalf("the managers' departures %+v", mgr.Departures)
	}
	if hk := whole(b, standards.DeptHousekeeping); len(hk.Departures) != 0 {
		t.Fatalf("housekeeping's board lists departures %+v", hk.Departures)
	}
}
