package anticipation

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/standards"
)

// The property's standard check-in time, which preparation aims before: tasks are due
// an hour earlier, and never sooner than PrepLead from now.
const (
	CheckInHour = 14
	PrepBefore  = time.Hour
	PrepLead    = 30 * time.Minute
)

// Preparation status of an arrival.
type PrepStatus int

// From nothing to prepare to every task done.
const (
	PrepNothing    PrepStatus = iota // no wishes or alerts
	PrepNotStarted                   // tasks not logged yet
	PrepInProgress                   // logged, not all done
	PrepReady                        // every task done: "prepared"
	PrepScheduled                    // nothing logged yet, and Frontdesk will log it all (ArrivalCard.AutoAt)
)

// ArrivalCard is one arrival on the Today board.
type ArrivalCard struct {
	GuestState
	Tomorrow    bool
	Tasks       []Task // what preparation needs
	Prep        PrepStatus
	AutoAt      time.Time // when Frontdesk logs the automatic tasks not logged yet; zero when none wait
	Recognition Recognition
}

// DepartureCard is a guest in house who leaves today: the desk settles their stay, and a
// stay that went wrong is the last chance to put it right before they go.
type DepartureCard struct {
	GuestState
	Unhappy bool // a request this stay or last was not put right (what the recovery rule finds)
}

// OccasionCard is an occasion during a stay, today or tomorrow.
type OccasionCard struct {
	GuestState
	Occasion guests.Occasion
	On       time.Time // local date it falls on this year
}

// Board is the Today screen's content.
type Board struct {
	Arrivals   []ArrivalCard
	VIPs       []GuestState    // top-tier guests in house
	Departures []DepartureCard // guests in house who leave today
	Occasions  []OccasionCard
	Prompts    []Prompt // the whole board: every prompt; a person's board: every kind but habits
	Habits     []Prompt // a person's board: the habits (KindRepeat) worth saving as preferences

	// A person's board (Scope) says whose it is and how long each list is in all: its
	// lists may carry only their first ListShort rows.
	Audience string
	Counts   map[string]int // by list name (ListPrompts…), and CountTomorrow
	Demand   []ItemDemand   // loanable items arrivals ask for, against what is left
}

// Build applies every rule to the snapshot.
func Build(s Snapshot) *Board {
	b := &Board{}
	today := localDay(s.Now)
	var short []shortItem
	b.Demand, short = demandOf(s, today)
	for _, g := range s.Arrivals {
		b.Arrivals = append(b.Arrivals, arrivalCard(g, s, today, short))
	}
	for _, g := range s.InHouse {
		if g.Guest.IsTopTier() {
			b.VIPs = append(b.VIPs, g.card())
		}
		if calendarDay(g.Stay.Departure).Equal(today) {
			b.Departures = append(b.Departures, DepartureCard{GuestState: g.card(), Unhappy: g.analysed().Recovery != nil})
		}
	}
	for _, gs := range [][]GuestState{s.InHouse, s.Arrivals} {
		for _, g := range gs {
			b.Occasions = append(b.Occasions, occasionsDuring(g.card(), today)...)
		}
	}
	slices.SortStableFunc(b.Occasions, func(a, c OccasionCard) int { return a.On.Compare(c.On) })
	b.Prompts = prompts(s, b)
	return b
}

// analysed is the guest's analysis: the one the store kept with them, else made now.
func (g GuestState) analysed() *Analysis {
	if g.Analysis != nil {
		return g.Analysis
	}
	return Analyse(g)
}

// card is what a card on the board keeps of a guest: the board stays on screen all
// shift, and at a resort the histories the rules read run to tens of thousands of
// requests, so they are dropped once the rules have run.
func (g GuestState) card() GuestState {
	g.Stays, g.Requests, g.Analysis = nil, nil, nil
	return g
}

func arrivalCard(g GuestState, s Snapshot, today time.Time, short []shortItem) ArrivalCard {
	c := ArrivalCard{GuestState: g.card(), Tomorrow: calendarDay(g.Stay.Arrival).After(today), Recognition: g.analysed().Recognition}
	c.Tasks = PrepTasks(g, s.Now, s.Hours)
	markShort(c.Tasks, short)
	var waitPerson, waitAuto int
	for i := range c.Tasks {
		t := &c.Tasks[i]
		r := s.Rules.For(*t)
		t.Auto = r.Auto && t.Conflict == ""
		switch {
		case slices.Contains(g.PrepLogged, t.SourceID):
		case t.Auto:
			waitAuto++
			if at := AutoAt(r, g.Stay.Arrival, s.Now); c.AutoAt.IsZero() || at.Before(c.AutoAt) {
				c.AutoAt = at
			}
		default:
			waitPerson++
		}
	}
	switch {
	case len(c.Tasks) == 0:
		c.Prep = PrepNothing
	case g.PrepTotal == 0 && waitPerson > 0:
		c.Prep = PrepNotStarted
	case g.PrepTotal == 0:
		c.Prep = PrepScheduled
	case g.PrepDone < g.PrepTotal || waitPerson+waitAuto > 0:
		c.Prep = PrepInProgress
	default:
		c.Prep = PrepReady
	}
	return c
}

// Judgement is what of an arrival's preparation waits for a person: the tasks whose rule
// is not automatic, or that conflict with something (Task.Conflict), and that are not
// logged yet.
func (a ArrivalCard) Judgement() []Task {
	var out []Task
	for _, t := range a.Tasks {
		if !t.Auto && !slices.Contains(a.PrepLogged, t.SourceID) {
			out = append(out, t)
		}
	}
	return out
}

// prefDepartment is who prepares for a standing wish of each category.
var prefDepartment = map[guests.PreferenceCategory]string{
	guests.PrefRoom: standards.DeptFrontDesk, guests.PrefBedding: standards.DeptHousekeeping,
	guests.PrefAmenities: standards.DeptHousekeeping, guests.PrefFood: standards.DeptFood,
	guests.PrefCasino: standards.DeptCasinoHost, guests.PrefService: standards.DeptFrontDesk,
	guests.PrefOther: standards.DeptFrontDesk,
}

// alertDepartments is who must prepare for an alert; an allergy concerns the kitchen
// and the room alike. Complaints are followed through by managers (KindRecovery).
var alertDepartments = map[guests.AlertKind][]string{
	guests.AlertAllergy:       {standards.DeptFood, standards.DeptHousekeeping},
	guests.AlertAccessibility: {standards.DeptHousekeeping, standards.DeptFrontDesk},
	guests.AlertMedical:       {standards.DeptFrontDesk},
	guests.AlertSecurity:      {standards.DeptSecurity},
	guests.AlertOther:         {standards.DeptFrontDesk},
}

// PrepTasks lists the preparation tasks an arrival needs, one per preference and one per
// department an alert concerns, each due before the expected arrival; a wish that names
// the guest's allergy, or that another of their wishes contradicts, is marked (Conflict).
func PrepTasks(g GuestState, now time.Time, hours map[string]standards.ServiceHours) []Task {
	var out []Task
	choices := choiceConflicts(g.Preferences)
	for _, p := range g.Preferences {
		dept := cmp.Or(prefDepartment[p.Category], standards.DeptFrontDesk)
		t := Task{SourceID: p.ID, Department: dept, Description: p.Text,
			Due: PrepDue(g.Stay.Arrival, now, hours[dept]), Preference: p.Category}
		if allergy, ok := allergyConflict(p, g.Alerts); ok {
			t.Conflict, t.ConflictWith = ConflictAllergy, allergy
		} else if other, ok := choices[p.ID]; ok {
			t.Conflict, t.ConflictWith = ConflictChoice, other
		}
		out = append(out, t)
	}
	for _, a := range g.Alerts {
		for _, dept := range alertDepartments[a.Kind] {
			out = append(out, Task{SourceID: a.ID + ":" + dept, Department: dept, Description: a.Text,
				Due: PrepDue(g.Stay.Arrival, now, hours[dept]), Alert: a.Kind})
		}
	}
	return out
}

// PrepDue is when a preparation task for an arrival on arrivalDate is due: an hour
// before the standard check-in, but at least PrepLead from now (a guest booked late, or
// arriving at 23:50, still gets a real promise), moved into the department's hours.
func PrepDue(arrivalDate, now time.Time, hours standards.ServiceHours) time.Time {
	y, m, d := arrivalDate.Date()
	due := time.Date(y, m, d, CheckInHour, 0, 0, 0, now.Location()).Add(-PrepBefore)
	if earliest := now.Add(PrepLead); due.Before(earliest) {
		due = earliest
	}
	return hours.NextOpen(due)
}

// Recognition is how an agent greets a returning guest: which stay this is, when they
// were last here, and how their last stay's most telling request ended.
type Recognition struct {
	Visit     int          // 1 for a first stay
	LastStay  *guests.Stay // nil for a first stay
	LastIssue *RequestBrief
}

// Recognize reads a guest's history for the greeting.
func Recognize(g GuestState) Recognition {
	r := Recognition{Visit: 1}
	for i := range g.Stays {
		s := &g.Stays[i]
		if s.ID == g.Stay.ID || s.Status == guests.StayCancelled || !s.Arrival.Before(g.Stay.Arrival) {
			continue
		}
		r.Visit++
		if r.LastStay == nil || s.Arrival.After(r.LastStay.Arrival) {
			r.LastStay = s
		}
	}
	if r.LastStay != nil {
		last := *r.LastStay // copies: the recognition must not hold the whole history
		r.LastStay = &last
		if issue := telling(g.Requests, last); issue != nil {
			i := *issue
			r.LastIssue = &i
		}
	}
	return r
}

// telling picks the request of a stay worth mentioning: a complaint, else the lowest
// score.
func telling(rs []RequestBrief, s guests.Stay) *RequestBrief {
	var best *RequestBrief
	for i := range rs {
		r := &rs[i]
		if !within(r.CreatedAt, s) || r.Status == requests.StatusCancelled {
			continue
		}
		if best == nil || rank(r) < rank(best) {
			best = r
		}
	}
	return best
}

func rank(r *RequestBrief) int {
	score := r.Score
	if score == 0 {
		score = 6
	}
	if r.Kind == requests.KindComplaint || r.Outcome == requests.OutcomeNotSatisfied {
		return score - 10
	}
	return score
}

// within reports whether t falls during stay s (arrival day to departure day inclusive).
func within(t time.Time, s guests.Stay) bool {
	return !t.Before(s.Arrival) && t.Before(s.Departure.AddDate(0, 0, 1))
}

// occasionsDuring lists the guest's occasions falling today or tomorrow within the stay.
func occasionsDuring(g GuestState, today time.Time) []OccasionCard {
	var out []OccasionCard
	for _, day := range []time.Time{today, today.AddDate(0, 0, 1)} {
		if day.Before(calendarDay(g.Stay.Arrival)) || day.After(calendarDay(g.Stay.Departure)) {
			continue
		}
		for _, o := range g.Occasions {
			if OccursOn(o, day) {
				out = append(out, OccasionCard{GuestState: g, Occasion: o, On: day})
			}
		}
	}
	return out
}

// OccursOn reports whether a yearly occasion falls on day; 29 February is kept on
// 28 February in other years.
func OccursOn(o guests.Occasion, day time.Time) bool {
	m, d := o.Month, o.Day
	if m == time.February && d == 29 && !leap(day.Year()) {
		d = 28
	}
	return day.Month() == m && day.Day() == d
}

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// localDay is the calendar date of t as midnight UTC, the form stays are kept in.
func localDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// calendarDay is a stay date as midnight UTC.
func calendarDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// prompts applies the prompting rules and leaves out what was handled.
func prompts(s Snapshot, b *Board) []Prompt {
	out := make([]Prompt, 0, promptRoom(s, b))
	add := func(p Prompt) {
		if !s.Handled[p.Key] {
			out = append(out, p)
		}
	}
	for _, a := range b.Arrivals {
		if p, ok := preparePrompt(a); ok {
			add(p)
		}
	}
	today := localDay(s.Now)
	for _, o := range b.Occasions {
		add(occasionPrompt(o, today))
	}
	for _, g := range s.InHouse {
		a := g.analysed()
		for _, p := range a.Repeats {
			add(p)
		}
		if a.Recovery != nil {
			add(*a.Recovery)
		}
		if g.Guest.IsTopTier() {
			add(Prompt{Key: "welcome:" + g.Stay.ID, Kind: KindWelcome, GuestID: g.Guest.ID, GuestName: g.Guest.DisplayName(),
				Room: g.Stay.Room, When: g.Stay.Arrival, Casino: topPlayer(g.Guest)})
		}
	}
	return sortedByWhen(out)
}

// sortedByWhen orders prompts by time, keeping the order they were raised in for equal
// times. Thousands of prompts at a resort: the positions are sorted, not the prompts.
func sortedByWhen(ps []Prompt) []Prompt {
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return ps[a].When.Compare(ps[b].When) })
	out := make([]Prompt, len(ps))
	for i, k := range order {
		out[i] = ps[k]
	}
	return out
}

// promptRoom is about how many prompts a board raises, so the list is allocated once:
// a resort's board raises over ten thousand.
func promptRoom(s Snapshot, b *Board) int {
	n := len(b.Arrivals) + len(b.Occasions)
	for _, g := range s.InHouse {
		n += 2 // recovery, welcome
		if g.Analysis != nil {
			n += len(g.Analysis.Repeats)
		}
	}
	return n
}

// preparePrompt asks a person about the preparation that needs judgement (an allergy, a
// medical alert, a wish whose rule is not automatic); what Frontdesk prepares by itself
// raises no prompt.
func preparePrompt(a ArrivalCard) (Prompt, bool) {
	tasks := a.Judgement()
	if len(tasks) == 0 {
		return Prompt{}, false
	}
	return Prompt{Key: "prepare:" + a.Stay.ID, Kind: KindPrepare, GuestID: a.Guest.ID, GuestName: a.Guest.DisplayName(),
		Room: a.Stay.Room, When: a.Stay.Arrival, Tasks: tasks, StayID: a.Stay.ID}, true
}

func occasionPrompt(o OccasionCard, today time.Time) Prompt {
	subject := string(o.Occasion.Kind)
	if o.Occasion.Label != "" {
		subject = o.Occasion.Label
	}
	return Prompt{Key: "occasion:" + o.Occasion.ID + ":" + o.On.Format("2006-01-02") + ":" + boolWord(o.On.After(today), "before", "day"),
		Kind: KindOccasion, GuestID: o.Guest.ID, GuestName: o.Guest.DisplayName(), Room: o.Stay.Room, Subject: subject, When: o.On,
		Occasion: &o.Occasion}
}

func boolWord(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// RepeatMinStays and RepeatMinInStay are when a request counts as a habit.
const (
	RepeatMinStays  = 2
	RepeatMinInStay = 3
)

// Analysis is what the rules conclude from a guest's history for a stay, which does not
// depend on the time: how to greet them, the habits worth saving as preferences and an
// unhappy stay to put right. It changes only when the guest's data does, so a caller that
// keeps guests between boards may keep it with them (GuestState.Analysis); reading
// thousands of histories on every refresh is what makes a resort's board slow.
type Analysis struct {
	Recognition Recognition
	Repeats     []Prompt
	Recovery    *Prompt
}

// Analyse reads g's history for the greeting and the prompts that come from it. Once a
// guest's analysis for a stay is kept, the rules no longer read their history.
func Analyse(g GuestState) *Analysis {
	a := &Analysis{Recognition: Recognize(g), Repeats: repeatPrompts(g)}
	if p, ok := recoveryPrompt(g); ok {
		a.Recovery = &p
	}
	return a
}

// repeatPrompts proposes saving as a preference what the guest asked for on two or more
// stays, or three times in this one, unless a preference already says it. A guest asks
// for few categories and few texts, so they are kept in short slices: the board runs this
// for every guest in house, thousands at a resort.
func repeatPrompts(g GuestState) []Prompt {
	var habits []*habit
	for _, r := range g.Requests {
		if r.Kind == requests.KindComplaint || r.Status == requests.StatusCancelled || r.Category == standards.CategoryRecovery {
			continue
		}
		stay := stayOf(g.Stays, r.CreatedAt)
		if stay == "" {
			continue
		}
		h := habitFor(&habits, r.Category)
		h.department = cmp.Or(h.department, r.Department)
		if !slices.Contains(h.stays, stay) {
			h.stays = append(h.stays, stay)
		}
		h.count(r.Description)
		if stay == g.Stay.ID {
			h.inStay++
		}
		if r.CreatedAt.After(h.lastAsk) {
			h.lastAsk = r.CreatedAt
		}
	}
	var out []Prompt
	for _, h := range habits {
		if len(h.stays) < RepeatMinStays && h.inStay < RepeatMinInStay {
			continue
		}
		text := h.mostCommon()
		if alreadyPreferred(g.Preferences, text) {
			continue
		}
		out = append(out, Prompt{Key: "repeat:" + g.Guest.ID + ":" + h.category, Kind: KindRepeat, GuestID: g.Guest.ID,
			Category: h.category, Department: h.department, GuestName: g.Guest.DisplayName(), Room: g.Stay.Room, Subject: text, When: h.lastAsk})
	}
	slices.SortFunc(out, func(a, b Prompt) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// habit is what a guest asked for in one category: on which stays, how often this stay,
// in which words, and when last.
type habit struct {
	category   string
	department string
	stays      []string
	inStay     int
	texts      []textCount
	lastAsk    time.Time
}

type textCount struct {
	text string
	n    int
}

func habitFor(habits *[]*habit, category string) *habit {
	for _, h := range *habits {
		if h.category == category {
			return h
		}
	}
	h := &habit{category: category}
	*habits = append(*habits, h)
	return h
}

func (h *habit) count(text string) {
	for i := range h.texts {
		if h.texts[i].text == text {
			h.texts[i].n++
			return
		}
	}
	h.texts = append(h.texts, textCount{text, 1})
}

func stayOf(stays []guests.Stay, t time.Time) string {
	for _, s := range stays {
		if s.Status != guests.StayCancelled && within(t, s) {
			return s.ID
		}
	}
	return ""
}

// mostCommon is the words asked most often; on a tie, the first in text order.
func (h *habit) mostCommon() string {
	best, n := "", 0
	for _, c := range h.texts {
		if c.n > n || c.n == n && c.text < best {
			best, n = c.text, c.n
		}
	}
	return best
}

// alreadyPreferred reports whether a preference already says text.
func alreadyPreferred(prefs []guests.Preference, text string) bool {
	t := strings.ToLower(text)
	return slices.ContainsFunc(prefs, func(p guests.Preference) bool {
		pt := strings.ToLower(p.Text)
		return strings.Contains(pt, t) || strings.Contains(t, pt)
	})
}

// recoveryPrompt flags a guest in house whose request this stay or last was not put
// right: not satisfied, a recovery still open, or an open complaint.
func recoveryPrompt(g GuestState) (Prompt, bool) {
	last := Recognize(g).LastStay
	for _, r := range g.Requests {
		if r.Category == standards.CategoryRecovery {
			continue // the recovery itself; the request it recovers tells what went wrong
		}
		inScope := within(r.CreatedAt, g.Stay) || (last != nil && within(r.CreatedAt, *last))
		open := r.Status != requests.StatusClosed && r.Status != requests.StatusCancelled
		unhappy := r.Outcome == requests.OutcomeNotSatisfied || (r.Recovery && open) || (r.Kind == requests.KindComplaint && open)
		if inScope && unhappy {
			return Prompt{Key: "recovery:" + g.Guest.ID + ":" + g.Stay.ID, Kind: KindRecovery, GuestID: g.Guest.ID,
				GuestName: g.Guest.DisplayName(), Room: g.Stay.Room, Subject: r.Description, When: r.CreatedAt,
				Manager: true, Score: r.Score}, true
		}
	}
	return Prompt{}, false
}

// PreferenceFor is the preference category a repeated request of category is saved as.
func PreferenceFor(category string) guests.PreferenceCategory {
	switch category {
	case "towels", "amenities", "housekeeping":
		return guests.PrefAmenities
	case "room_service", "restaurant":
		return guests.PrefFood
	case "maintenance":
		return guests.PrefRoom
	case "casino_host":
		return guests.PrefCasino
	case "wake_up", "transport", "luggage":
		return guests.PrefService
	}
	return guests.PrefOther
}
