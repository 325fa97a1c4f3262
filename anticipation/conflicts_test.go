package anticipation

import (
	"testing"

	"frontdesk/guests"
	"frontdesk/loans"
)

// A wish that names what the guest is allergic to is never prepared blindly: it waits on
// the board for a person, with the allergy named; a wish that keeps the allergen away
// ("feather-free", "no nuts") and a wish of another kind are prepared as their rule says.
func TestAWishThatNamesTheGuestsAllergyWaitsForAPerson(t *testing.T) {
	rules := RulesBySource(DefaultPrepRules())
	allergies := []guests.Alert{
		{ID: "a1", Kind: guests.AlertAllergy, Text: "Shellfish allergy (prawns, crab, lobster)"},
		{ID: "a2", Kind: guests.AlertAllergy, Text: "Feathers and nuts"},
	}
	prefs := []guests.Preference{
		{ID: "p1", Category: guests.PrefFood, Text: "Prawn crackers in the minibar"},
		{ID: "p2", Category: guests.PrefBedding, Text: "Feather-free pillows"},
		{ID: "p3", Category: guests.PrefFood, Text: "No nuts at breakfast"},
		{ID: "p4", Category: guests.PrefRoom, Text: "Room with a view of the crab boats"}, // not put near the guest
		{ID: "p5", Category: guests.PrefAmenities, Text: "Extra pillows"},
	}
	g := arriving(prefs, allergies)
	now := at(2026, 11, 23, 9, 0)
	b := Build(Snapshot{Now: now, Arrivals: []GuestState{g}, Rules: rules})
	byID := map[string]Task{}
	for _, task := range b.Arrivals[0].Tasks {
		byID[task.SourceID] = task
	}
	if c := byID["p1"]; c.Conflict != ConflictAllergy || c.ConflictWith != allergies[0].Text || c.Auto {
		t.Errorf("prawn crackers for a shellfish allergy: %+v", c)
	}
	for _, id := range []string{"p2", "p3", "p4", "p5"} {
		if c := byID[id]; c.Conflict != "" || !c.Auto {
			t.Errorf("%s (%q) marked: %+v", id, c.Description, c)
		}
	}
	if len(b.Prompts) != 1 || !hasTask(b.Prompts[0].Tasks, "p1") || hasTask(b.Prompts[0].Tasks, "p2") {
		t.Fatalf("the board asks about %+v", b.Prompts)
	}
	for _, task := range AutoTasks(g, rules, at(2026, 11, 23, 18, 0), PrepTasks(g, now, nil), nil) {
		if task.SourceID == "p1" {
			t.Fatalf("the job would prepare %q", task.Description)
		}
	}
}

// When arrivals ask for more of an item than is left, every wish for it waits for a
// person to choose who gets one — on the board and for the job — and once there is
// enough the same wishes are prepared by themselves again.
func TestWishesForAnItemThatIsShortWaitForAPersonsChoice(t *testing.T) {
	rules := RulesBySource(DefaultPrepRules())
	crib := func(id string) GuestState {
		g := arriving([]guests.Preference{{ID: id, Category: guests.PrefBedding, Text: "Baby crib by the window"}}, nil)
		g.Stay.ID = "stay-" + id
		return g
	}
	arrivals := []GuestState{crib("p1"), crib("p2"), crib("p3")}
	stock := func(left int) []loans.ItemStock {
		return []loans.ItemStock{{Item: loans.Item{Code: "crib", Name: "Baby cribs", Total: 5}, Available: left}}
	}
	now := at(2026, 11, 23, 9, 0)

	b := Build(Snapshot{Now: now, Arrivals: arrivals, Rules: rules, Stock: stock(2)})
	if len(b.Demand) != 1 || !b.Demand[0].Short() || b.Demand[0].Today+b.Demand[0].Tomorrow != 3 {
		t.Fatalf("demand %+v", b.Demand)
	}
	for _, a := range b.Arrivals {
		task := a.Tasks[0]
		if task.Conflict != ConflictShort || task.ConflictWith != "Baby cribs" || task.Auto || a.Prep != PrepNotStarted || !a.AutoAt.IsZero() {
			t.Errorf("%s: %+v, prep %v", a.Stay.ID, task, a.Prep)
		}
	}
	if len(b.Prompts) != 3 {
		t.Errorf("%d prompts, want one per arrival asking", len(b.Prompts))
	}

	b = Build(Snapshot{Now: now, Arrivals: arrivals, Rules: rules, Stock: stock(3)})
	for _, a := range b.Arrivals {
		if task := a.Tasks[0]; task.Conflict != "" || !task.Auto || a.Prep != PrepScheduled {
			t.Errorf("enough cribs, %s: %+v, prep %v", a.Stay.ID, task, a.Prep)
		}
	}
	if len(b.Prompts) != 0 {
		t.Errorf("prompts with enough cribs: %+v", b.Prompts)
	}
}

// Plural and singular forms meet; short words and common words do not make a conflict.
func TestAllergyWordsMatchSingularAndPlural(t *testing.T) {
	cases := []struct {
		wish, allergy string
		conflict      bool
	}{
		{"Fresh berries on arrival", "Strawberry allergy", false}, // another berry: a person reads the alert anyway
		{"Strawberries on arrival", "Allergic to strawberry", true},
		{"Down duvet", "Down feathers", true},
		{"Extra pillow please", "Allergy: please no extra room spray", false},
		{"Almond milk with coffee", "Tree nut allergy (almonds, walnuts)", true},
		{"Peanut-free snacks", "Severe peanut allergy", false},
		{"Snacks without peanuts", "Severe peanut allergy", false},
	}
	for _, c := range cases {
		p := guests.Preference{Category: guests.PrefFood, Text: c.wish}
		_, got := allergyConflict(p, []guests.Alert{{Kind: guests.AlertAllergy, Text: c.allergy}})
		if got != c.conflict {
			t.Errorf("%q with %q: conflict %v, want %v", c.wish, c.allergy, got, c.conflict)
		}
	}
}

func hasTask(tasks []Task, sourceID string) bool {
	for _, t := range tasks {
		if t.SourceID == sourceID {
			return true
		}
	}
	return false
}

// Two wishes that exclude each other are both held for a person to ask the guest; wishes
// on different topics, or one wish leaving the choice open, are not.
func TestWishesThatExcludeEachOtherWaitForTheGuestsChoice(t *testing.T) {
	cases := []struct {
		a, b     string
		conflict bool
	}{
		{"Twin beds", "King bed", true},
		{"High floor, away from the lift", "Low floor, below 5 (does not like heights)", true},
		{"High floor, away from the lift", "Room near the lift", true},
		{"Smoking room", "Non-smoking room only", true},
		{"Firm pillows", "Soft pillows please", true},
		{"King bed", "High floor", false},
		{"Twin or king bed, whichever is free", "King bed", false},
		{"Non-smoking room only", "No smoking anywhere near the room", false},
		{"Top floor", "Upper floor with a view", false},
		{"Quiet room", "Corner room", false},
	}
	for _, c := range cases {
		prefs := []guests.Preference{{ID: "a", Category: guests.PrefRoom, Text: c.a}, {ID: "b", Category: guests.PrefBedding, Text: c.b}}
		got := choiceConflicts(prefs)
		if (len(got) == 2) != c.conflict || (c.conflict && (got["a"] != c.b || got["b"] != c.a)) {
			t.Errorf("%q and %q: %v, want conflict %v", c.a, c.b, got, c.conflict)
		}
	}
	rules := RulesBySource(DefaultPrepRules())
	g := arriving([]guests.Preference{{ID: "p1", Category: guests.PrefBedding, Text: "Twin beds"},
		{ID: "p2", Category: guests.PrefBedding, Text: "King bed"}, {ID: "p3", Category: guests.PrefRoom, Text: "Quiet room"}}, nil)
	b := Build(Snapshot{Now: at(2026, 11, 23, 9, 0), Arrivals: []GuestState{g}, Rules: rules})
	if len(b.Prompts) != 1 || !hasTask(b.Prompts[0].Tasks, "p1") || !hasTask(b.Prompts[0].Tasks, "p2") || hasTask(b.Prompts[0].Tasks, "p3") {
		t.Fatalf("the board asks about %+v", b.Prompts)
	}
	for _, task := range b.Prompts[0].Tasks {
		if task.Conflict != ConflictChoice {
			t.Errorf("%q: %+v", task.Description, task)
		}
	}
}
