package anticipation

import (
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/standards"
)

var wita = time.FixedZone("WITA", 8*3600)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func at(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, wita) }

var housekeeping = standards.ServiceHours{Open: 6 * 60, Close: 23 * 60}

func TestPrepDueBeforeArrivalAndInsideServiceHours(t *testing.T) {
	cases := []struct {
		name    string
		arrival time.Time
		now     time.Time
		hours   standards.ServiceHours
		want    time.Time
	}{
		{"arriving tomorrow", date(2026, 11, 24), at(2026, 11, 23, 9, 0), housekeeping, at(2026, 11, 24, 13, 0)},
		{"arriving today, morning", date(2026, 11, 23), at(2026, 11, 23, 9, 0), housekeeping, at(2026, 11, 23, 13, 0)},
		{"booked at 12:45 for today", date(2026, 11, 23), at(2026, 11, 23, 12, 45), housekeeping, at(2026, 11, 23, 13, 15)},
		{"arrival at 23:50, housekeeping closed", date(2026, 11, 23), at(2026, 11, 23, 23, 50), housekeeping, at(2026, 11, 24, 6, 0)},
		{"arrival at 23:50, kitchen open all night", date(2026, 11, 23), at(2026, 11, 23, 23, 50), standards.ServiceHours{}, at(2026, 11, 24, 0, 20)},
	}
	for _, c := range cases {
		if got := PrepDue(c.arrival, c.now, c.hours); !got.Equal(c.want) {
			t.Errorf("%s: due %v, want %v", c.name, got, c.want)
		}
	}
}

func arriving(prefs []guests.Preference, alerts []guests.Alert) GuestState {
	st := guests.Stay{ID: "stay-1", Arrival: date(2026, 11, 24), Departure: date(2026, 11, 27), Status: guests.StayExpected}
	return GuestState{Guest: guests.Guest{ID: "g-1", GivenName: "Siti", FamilyName: "Rahayu"}, Stay: st,
		Stays: []guests.Stay{st}, Preferences: prefs, Alerts: alerts}
}

func TestPrepTasksGoToTheRightDepartments(t *testing.T) {
	g := arriving([]guests.Preference{{ID: "p1", Category: guests.PrefBedding, Text: "Feather-free pillows"}},
		[]guests.Alert{{ID: "a1", Kind: guests.AlertAllergy, Text: "Peanut allergy"}})
	tasks := PrepTasks(g, at(2026, 11, 23, 9, 0), map[string]standards.ServiceHours{standards.DeptHousekeeping: housekeeping})
	want := []struct{ source, dept string }{
		{"p1", standards.DeptHousekeeping}, {"a1:" + standards.DeptFood, standards.DeptFood}, {"a1:" + standards.DeptHousekeeping, standards.DeptHousekeeping},
	}
	if len(tasks) != len(want) {
		t.Fatalf("tasks %+v", tasks)
	}
	for i, w := range want {
		if tasks[i].SourceID != w.source || tasks[i].Department != w.dept || !tasks[i].Due.Equal(at(2026, 11, 24, 13, 0)) {
			t.Errorf("task %d: %+v, want %s for %s", i, tasks[i], w.source, w.dept)
		}
	}
	if len(PrepTasks(arriving(nil, nil), at(2026, 11, 23, 9, 0), nil)) != 0 {
		t.Error("a guest with no preferences or alerts needs no preparation")
	}
}

func TestArrivalPreparationStatusAndPromptOnce(t *testing.T) {
	g := arriving([]guests.Preference{{ID: "p1", Category: guests.PrefBedding, Text: "Feather-free pillows"}}, nil)
	s := Snapshot{Now: at(2026, 11, 23, 9, 0), Arrivals: []GuestState{g}, Handled: map[string]bool{}}
	b := Build(s)
	if len(b.Arrivals) != 1 || b.Arrivals[0].Prep != PrepNotStarted || !b.Arrivals[0].Tomorrow {
		t.Fatalf("arrival %+v", b.Arrivals)
	}
	if len(b.Prompts) != 1 || b.Prompts[0].Kind != KindPrepare || len(b.Prompts[0].Tasks) != 1 {
		t.Fatalf("prompts %+v", b.Prompts)
	}
	s.Handled[b.Prompts[0].Key] = true
	if b := Build(s); len(b.Prompts) != 0 {
		t.Fatalf("a handled prompt came back: %+v", b.Prompts)
	}
	g.PrepTotal, g.PrepDone, g.PrepLogged = 1, 1, []string{"p1"}
	s.Arrivals = []GuestState{g}
	if b := Build(s); b.Arrivals[0].Prep != PrepReady {
		t.Fatalf("every task done is prepared: %v", b.Arrivals[0].Prep)
	}
	none := Build(Snapshot{Now: s.Now, Arrivals: []GuestState{arriving(nil, nil)}})
	if none.Arrivals[0].Prep != PrepNothing || len(none.Prompts) != 0 {
		t.Fatalf("a guest with no wishes: %+v", none)
	}
}

// inHouse is a guest in house from 22 to 26 Nov with earlier stays.
func inHouse(past ...guests.Stay) GuestState {
	st := guests.Stay{ID: "now", Arrival: date(2026, 11, 22), Departure: date(2026, 11, 26), Room: "1204", Status: guests.StayInHouse}
	return GuestState{Guest: guests.Guest{ID: "g-2", GivenName: "Kenji", FamilyName: "Sato"}, Stay: st, Stays: append(past, st)}
}

func ask(cat, text string, t time.Time) RequestBrief {
	return RequestBrief{ID: text + t.String(), Category: cat, Description: text, Kind: requests.KindRequest, Status: requests.StatusClosed, CreatedAt: t}
}

func TestRepeatRequestAcrossThreeStaysProposesAPreference(t *testing.T) {
	march := guests.Stay{ID: "mar", Arrival: date(2026, 3, 2), Departure: date(2026, 3, 5), Status: guests.StayDeparted}
	july := guests.Stay{ID: "jul", Arrival: date(2026, 7, 10), Departure: date(2026, 7, 12), Status: guests.StayDeparted}
	g := inHouse(march, july)
	g.Requests = []RequestBrief{
		ask("amenities", "Feather-free pillows", time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)),
		ask("amenities", "Feather-free pillows", time.Date(2026, 7, 10, 20, 0, 0, 0, time.UTC)),
		ask("amenities", "Feather-free pillows", time.Date(2026, 11, 22, 21, 0, 0, 0, time.UTC)),
		ask("towels", "Extra towels", time.Date(2026, 11, 22, 22, 0, 0, 0, time.UTC)),
	}
	b := Build(Snapshot{Now: at(2026, 11, 23, 9, 0), InHouse: []GuestState{g}})
	var repeats []Prompt
	for _, p := range b.Prompts {
		if p.Kind == KindRepeat {
			repeats = append(repeats, p)
		}
	}
	if len(repeats) != 1 || repeats[0].Subject != "Feather-free pillows" || repeats[0].Key != "repeat:g-2:amenities" {
		t.Fatalf("repeat prompts %+v", repeats)
	}
	g.Preferences = []guests.Preference{{Category: guests.PrefBedding, Text: "feather-free pillows, firm"}}
	b = Build(Snapshot{Now: at(2026, 11, 23, 9, 0), InHouse: []GuestState{g}})
	for _, p := range b.Prompts {
		if p.Kind == KindRepeat {
			t.Fatalf("proposed a preference the guest already has: %+v", p)
		}
	}
	three := inHouse()
	for h := 0; h < 3; h++ {
		three.Requests = append(three.Requests, ask("towels", "Extra towels", time.Date(2026, 11, 23, h, 0, 0, 0, time.UTC)))
	}
	if b := Build(Snapshot{Now: at(2026, 11, 23, 9, 0), InHouse: []GuestState{three}}); len(b.Prompts) != 1 || b.Prompts[0].Kind != KindRepeat {
		t.Fatalf("three times in one stay: %+v", b.Prompts)
	}
}

func TestOccasionsDuringTheStayPromptTheDayBeforeAndOnTheDay(t *testing.T) {
	g := inHouse()
	g.Occasions = []guests.Occasion{{ID: "o1", Kind: guests.OccasionBirthday, Month: time.November, Day: 24}}
	b := Build(Snapshot{Now: at(2026, 11, 23, 9, 0), InHouse: []GuestState{g}})
	if len(b.Occasions) != 1 || len(b.Prompts) != 1 || b.Prompts[0].Key != "occasion:o1:2026-11-24:before" {
		t.Fatalf("day before: %+v %+v", b.Occasions, b.Prompts)
	}
	b = Build(Snapshot{Now: at(2026, 11, 24, 9, 0), InHouse: []GuestState{g}})
	if len(b.Prompts) != 1 || b.Prompts[0].Key != "occasion:o1:2026-11-24:day" {
		t.Fatalf("on the day: %+v", b.Prompts)
	}
	if b := Build(Snapshot{Now: at(2026, 11, 28, 9, 0), InHouse: []GuestState{g}}); len(b.Occasions) != 0 {
		t.Fatal("an occasion after departure prompted")
	}
}

func TestLeapDayOccasionIsKeptOn28FebruaryInOtherYears(t *testing.T) {
	o := guests.Occasion{Kind: guests.OccasionBirthday, Month: time.February, Day: 29}
	if !OccursOn(o, date(2027, 2, 28)) || OccursOn(o, date(2028, 2, 28)) || !OccursOn(o, date(2028, 2, 29)) {
		t.Fatal("29 February: 28 Feb in common years, 29 Feb in leap years")
	}
}

func TestStayCrossingMidnightCountsRequestsOnTheDepartureDay(t *testing.T) {
	g := inHouse()
	lateNight := time.Date(2026, 11, 26, 1, 30, 0, 0, time.UTC) // the night before checking out
	if stayOf(g.Stays, lateNight) != "now" {
		t.Fatal("a request in the small hours of the departure day belongs to the stay")
	}
	if stayOf(g.Stays, time.Date(2026, 11, 27, 1, 0, 0, 0, time.UTC)) != "" {
		t.Fatal("a request after the departure day belongs to no stay")
	}
}

func TestReturningGuestIsRecognisedWithLastStaysIssue(t *testing.T) {
	march := guests.Stay{ID: "mar", Arrival: date(2026, 3, 2), Departure: date(2026, 3, 5), Status: guests.StayDeparted}
	g := arriving(nil, nil)
	g.Stays = []guests.Stay{march, g.Stay}
	ac := RequestBrief{Category: "maintenance", Description: "AC not cooling", Kind: requests.KindRequest, Status: requests.StatusClosed,
		Outcome: requests.OutcomeNotSatisfied, Score: 2, CreatedAt: time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)}
	g.Requests = []RequestBrief{ask("towels", "Towels", time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC)), ac}
	r := Recognize(g)
	if r.Visit != 2 || r.LastStay == nil || r.LastStay.ID != "mar" || r.LastIssue == nil || r.LastIssue.Description != "AC not cooling" {
		t.Fatalf("recognition %+v", r)
	}
	if first := Recognize(arriving(nil, nil)); first.Visit != 1 || first.LastStay != nil {
		t.Fatalf("first stay %+v", first)
	}
}

func TestUnhappyGuestInHouseGetsAManagerTouchPointAndVIPAWelcome(t *testing.T) {
	g := inHouse()
	g.Guest.VIP = true
	g.Requests = []RequestBrief{{ID: "r1", Category: "maintenance", Description: "AC not cooling", Status: requests.StatusReopened,
		Outcome: requests.OutcomeNotSatisfied, Score: 2, Recovery: true, CreatedAt: time.Date(2026, 11, 22, 20, 0, 0, 0, time.UTC)}}
	b := Build(Snapshot{Now: at(2026, 11, 23, 9, 0), InHouse: []GuestState{g}})
	kinds := map[PromptKind]Prompt{}
	for _, p := range b.Prompts {
		kinds[p.Kind] = p
	}
	if p, ok := kinds[KindRecovery]; !ok || !p.Manager || p.Score != 2 {
		t.Errorf("recovery prompt %+v", p)
	}
	if _, ok := kinds[KindWelcome]; !ok || len(b.VIPs) != 1 {
		t.Errorf("VIP welcome prompt missing: %+v", b.Prompts)
	}
	handled := map[string]bool{kinds[KindWelcome].Key: true, kinds[KindRecovery].Key: true}
	if b := Build(Snapshot{Now: at(2026, 11, 23, 9, 0), InHouse: []GuestState{g}, Handled: handled}); len(b.Prompts) != 0 {
		t.Errorf("handled prompts came back: %+v", b.Prompts)
	}
}

// With the default rules a standing wish is prepared by Frontdesk the evening before,
// raising no prompt, while an allergy waits for a person; the automatic task is due at
// 18:00 the day before arrival and once logged is not logged again.
func TestPreparationRunsItselfWhereTheRuleSays(t *testing.T) {
	rules := RulesBySource(DefaultPrepRules())
	pillows := guests.Preference{ID: "p1", Category: guests.PrefBedding, Text: "Feather-free pillows"}
	peanuts := guests.Alert{ID: "a1", Kind: guests.AlertAllergy, Text: "Peanut allergy"}
	now := at(2026, 11, 23, 9, 0)
	wish := arriving([]guests.Preference{pillows}, nil)
	b := Build(Snapshot{Now: now, Arrivals: []GuestState{wish}, Rules: rules})
	a := b.Arrivals[0]
	if a.Prep != PrepScheduled || !a.AutoAt.Equal(at(2026, 11, 23, 18, 0)) || len(b.Prompts) != 0 || !a.Tasks[0].Auto {
		t.Fatalf("a wish: prep %v at %v, prompts %+v", a.Prep, a.AutoAt, b.Prompts)
	}
	if got := AutoTasks(wish, rules, at(2026, 11, 23, 17, 59), a.Tasks, nil); len(got) != 0 {
		t.Fatalf("logged before its time: %+v", got)
	}
	if got := AutoTasks(wish, rules, at(2026, 11, 23, 18, 0), a.Tasks, nil); len(got) != 1 || got[0].SourceID != "p1" {
		t.Fatalf("at 18:00: %+v", got)
	}
	wish.PrepLogged, wish.PrepTotal = []string{"p1"}, 1
	if got := AutoTasks(wish, rules, at(2026, 11, 23, 20, 0), a.Tasks, nil); len(got) != 0 {
		t.Fatalf("logged twice: %+v", got)
	}

	both := arriving([]guests.Preference{pillows}, []guests.Alert{peanuts})
	b = Build(Snapshot{Now: now, Arrivals: []GuestState{both}, Rules: rules})
	if b.Arrivals[0].Prep != PrepNotStarted || len(b.Prompts) != 1 || len(b.Prompts[0].Tasks) != 2 {
		t.Fatalf("an allergy: prep %v, prompts %+v", b.Arrivals[0].Prep, b.Prompts)
	}
	for _, task := range b.Prompts[0].Tasks {
		if task.Alert != guests.AlertAllergy {
			t.Fatalf("the prompt asks about %+v, which Frontdesk prepares itself", task)
		}
	}
	// Once the automatic task is logged, the allergy still waits: under way, still asked.
	both.PrepLogged, both.PrepTotal = []string{"p1"}, 1
	b = Build(Snapshot{Now: now, Arrivals: []GuestState{both}, Rules: rules})
	if b.Arrivals[0].Prep != PrepInProgress || len(b.Prompts) != 1 {
		t.Fatalf("after the automatic task: prep %v, prompts %d", b.Arrivals[0].Prep, len(b.Prompts))
	}
	// Without rules every task needs a person, as before.
	if b := Build(Snapshot{Now: now, Arrivals: []GuestState{arriving([]guests.Preference{pillows}, nil)}}); len(b.Prompts) != 1 {
		t.Fatalf("no rules: %d prompts", len(b.Prompts))
	}
}

func TestPrepRulesAreChecked(t *testing.T) {
	if err := CheckPrepRules(DefaultPrepRules()); err != nil {
		t.Fatalf("the defaults: %v", err)
	}
	bad := [][]PrepRule{
		{{Source: "preference:spa", AtHour: 18}},
		{{Source: SourceOfAlert(guests.AlertAllergy), AtHour: 24}},
		{{Source: SourceOfPreference(guests.PrefFood), AtHour: 18}, {Source: SourceOfPreference(guests.PrefFood), AtHour: 9}},
	}
	for _, rules := range bad {
		if err := CheckPrepRules(rules); errs.CodeOf(err) != errs.Invalid {
			t.Errorf("%+v accepted: %v", rules, err)
		}
	}
}
