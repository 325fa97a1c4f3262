package anticipation

// A board per person: the property's whole board is built once, then each member of
// staff is given their audience's part of it — a department's, or the managers' — with
// every list counted, the most important first, and shortened to ListShort rows unless
// asked for whole. Nothing is dropped: every prompt, arrival, VIP and occasion belongs to
// at least one board.

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// Managers is the managers' board: exceptions (alerts, not prepared, VIPs), recovery.
const Managers = "managers"

// Audiences lists the boards, in the order a manager picks among them.
var Audiences = []string{Managers, standards.DeptFrontDesk, standards.DeptConcierge, standards.DeptHousekeeping,
	standards.DeptFood, standards.DeptCasinoHost, standards.DeptSecurity, standards.DeptMaintenance, standards.DeptTransport}

// The lists of a board, as BoardQuery.All and Board.Counts name them.
const (
	ListPrompts    = "prompts" // what to act on: every kind but habits
	ListHabits     = "habits"  // requests asked again, worth saving as preferences
	ListArrivals   = "arrivals"
	ListVIPs       = "vips"
	ListDepartures = "departures"
	ListOccasions  = "occasions"
	// CountTomorrow counts the arrivals tomorrow among ListArrivals.
	CountTomorrow = "arrivals_tomorrow"
)

// Lists names every list of a board.
var Lists = []string{ListPrompts, ListHabits, ListArrivals, ListDepartures, ListVIPs, ListOccasions}

// ListShort is how many rows a list of a person's board carries unless asked whole.
const ListShort = 25

// MsgOtherBoard refuses a look at another department's board to someone who is not a
// manager.
const MsgOtherBoard = "Only managers can look at another department's board."

// BoardQuery asks for a person's Today board.
type BoardQuery struct {
	Now      time.Time
	Audience string   // whose board: a department's code or Managers; empty: the person's own
	Filter   string   // only guests whose name contains it, or whose room starts with it
	All      []string // lists wanted whole; the others carry their first ListShort
}

// AudienceOf is the board a member of staff sees when they sign in.
func AudienceOf(a staff.Actor) string {
	switch {
	case a.Role.IsManager():
		return Managers
	case a.Role == staff.RoleConcierge:
		return standards.DeptConcierge
	case a.HomeDepartment() != "":
		return a.HomeDepartment()
	}
	return standards.DeptFrontDesk
}

// AudienceFor is the board a query asks for on behalf of a: their own, one of their
// departments', or for a manager any board.
func AudienceFor(a staff.Actor, asked string) (string, error) {
	if asked == "" {
		return AudienceOf(a), nil
	}
	if !slices.Contains(Audiences, asked) {
		return "", errs.New(errs.Invalid, "This board is not known.", nil)
	}
	if asked == AudienceOf(a) || a.Role.IsManager() || slices.Contains(a.Departments, asked) {
		return asked, nil
	}
	return "", errs.New(errs.Invalid, MsgOtherBoard, nil)
}

// Scope is audience's part of the whole board b, filtered and ordered, each list
// shortened to ListShort unless q asks for it whole; Counts holds each list's length
// before shortening. The whole board's prompts are split into Prompts and Habits; the
// demand for loanable items is the property's, on every board. b is not changed.
func Scope(b *Board, audience string, q BoardQuery) *Board {
	match := guestFilter(q.Filter)
	whole := func(list string) bool { return slices.Contains(q.All, list) }
	out := &Board{Audience: audience, Counts: map[string]int{}, Demand: b.Demand} // the property's stock, whoever looks
	tomorrow := 0
	out.Prompts, out.Counts[ListPrompts] = scoped(b.Prompts, func(p *Prompt) bool {
		return p.Kind != KindRepeat && promptOn(p, audience) && match(p.GuestName, p.Room)
	}, comparePrompts, whole(ListPrompts))
	// Habits have a list of their own: a resort raises thousands, and among the prompts
	// they would make a list nobody can finish of what is to be done before guests ask.
	out.Habits, out.Counts[ListHabits] = scoped(b.Prompts, func(p *Prompt) bool {
		return p.Kind == KindRepeat && promptOn(p, audience) && match(p.GuestName, p.Room)
	}, comparePrompts, whole(ListHabits))
	out.Arrivals, out.Counts[ListArrivals] = scoped(b.Arrivals, func(a *ArrivalCard) bool {
		on := arrivalOn(a, audience) && match(a.Guest.DisplayName(), a.Stay.Room)
		if on && a.Tomorrow {
			tomorrow++
		}
		return on
	}, compareArrivals, whole(ListArrivals))
	out.Counts[CountTomorrow] = tomorrow
	out.Departures, out.Counts[ListDepartures] = scoped(b.Departures, func(d *DepartureCard) bool {
		return departureOn(d, audience) && match(d.Guest.DisplayName(), d.Stay.Room)
	}, compareDepartures, whole(ListDepartures))
	out.VIPs, out.Counts[ListVIPs] = scoped(b.VIPs, func(g *GuestState) bool {
		return slices.Contains(vipAudiences(g.Guest), audience) && match(g.Guest.DisplayName(), g.Stay.Room)
	}, nil, whole(ListVIPs))
	out.Occasions, out.Counts[ListOccasions] = scoped(b.Occasions, func(o *OccasionCard) bool {
		return slices.Contains(occasionAudiences, audience) && match(o.Guest.DisplayName(), o.Stay.Room)
	}, nil, whole(ListOccasions))
	return out
}

// scoped is the items kept, in order (their own when order is nil), the first ListShort
// unless whole, and how many were kept in all. A resort's board holds thousands of
// prompts: positions are kept and sorted, and only the rows carried are copied.
func scoped[T any](items []T, keep func(*T) bool, order func(a, b *T) int, whole bool) ([]T, int) {
	var at []int
	for i := range items {
		if keep(&items[i]) {
			at = append(at, i)
		}
	}
	if order != nil {
		slices.SortStableFunc(at, func(x, y int) int { return order(&items[x], &items[y]) })
	}
	n := len(at)
	if !whole && n > ListShort {
		at = at[:ListShort]
	}
	out := make([]T, len(at))
	for i, k := range at {
		out[i] = items[k]
	}
	return out, n
}

// guestFilter matches a guest's name (any part, any case) or room (its start).
func guestFilter(text string) func(name, room string) bool {
	text = strings.ToLower(strings.TrimSpace(text))
	if text == "" {
		return func(string, string) bool { return true }
	}
	return func(name, room string) bool {
		return strings.Contains(strings.ToLower(name), text) || strings.HasPrefix(strings.ToLower(room), text)
	}
}

// PromptOrder puts what matters most first: an unhappy guest, then preparing arrivals,
// occasions, welcomes, and habits to save last; within a kind, the soonest first.
var PromptOrder = map[PromptKind]int{KindRecovery: 0, KindPrepare: 1, KindOccasion: 2, KindWelcome: 3, KindRepeat: 4}

func comparePrompts(a, b *Prompt) int {
	return cmp.Or(PromptOrder[a.Kind]-PromptOrder[b.Kind], a.When.Compare(b.When))
}

// compareArrivals puts today's before tomorrow's, and among them what is not prepared
// before what is under way, ready, or needs nothing; top-tier guests first within that.
func compareArrivals(a, b *ArrivalCard) int {
	rank := map[PrepStatus]int{PrepNotStarted: 0, PrepInProgress: 1, PrepReady: 2, PrepNothing: 3}
	return cmp.Or(boolRank(a.Tomorrow)-boolRank(b.Tomorrow), rank[a.Prep]-rank[b.Prep],
		boolRank(!a.Guest.IsTopTier())-boolRank(!b.Guest.IsTopTier()))
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// exceptionAlerts are the alerts a manager sees on arrival: what can hurt a guest.
var exceptionAlerts = []guests.AlertKind{guests.AlertAllergy, guests.AlertMedical, guests.AlertSecurity}

// promptOn says whether a prompt is on audience's board (PromptAudiences), without
// making the list: the board asks it of every prompt of the property.
func promptOn(p *Prompt, audience string) bool {
	switch p.Kind {
	case KindPrepare:
		for _, t := range p.Tasks {
			if t.Department == audience || audience == Managers && slices.Contains(exceptionAlerts, t.Alert) {
				return true
			}
		}
		return len(p.Tasks) == 0 && audience == standards.DeptFrontDesk
	case KindOccasion:
		return slices.Contains(occasionAudiences, audience)
	case KindRecovery:
		return audience == Managers
	case KindWelcome:
		if p.Casino {
			return audience == standards.DeptCasinoHost
		}
		return audience == standards.DeptConcierge
	case KindRepeat:
		return audience == cmp.Or(p.Department, standards.DeptFrontDesk)
	}
	return audience == standards.DeptFrontDesk
}

// departureOn says whether a departure is on audience's board: every one on the front
// desk's, and on the managers' a VIP's or an unhappy guest's.
func departureOn(d *DepartureCard, audience string) bool {
	return audience == standards.DeptFrontDesk || audience == Managers && (d.Unhappy || d.Guest.IsTopTier())
}

// compareDepartures puts an unhappy stay first, then VIPs, then by room.
func compareDepartures(a, b *DepartureCard) int {
	return cmp.Or(boolRank(!a.Unhappy)-boolRank(!b.Unhappy), boolRank(!a.Guest.IsTopTier())-boolRank(!b.Guest.IsTopTier()),
		strings.Compare(a.Stay.Room, b.Stay.Room))
}

// arrivalOn says whether an arrival is on audience's board (ArrivalAudiences).
func arrivalOn(a *ArrivalCard, audience string) bool {
	switch {
	case audience == standards.DeptFrontDesk:
		return true
	case audience == standards.DeptCasinoHost && topPlayer(a.Guest):
		return true
	case audience == Managers:
		return a.Guest.IsTopTier() || slices.ContainsFunc(a.Alerts, func(al guests.Alert) bool {
			return slices.Contains(exceptionAlerts, al.Kind)
		})
	}
	return slices.ContainsFunc(a.Tasks, func(t Task) bool { return t.Department == audience })
}

// PromptAudiences are the boards a prompt is on: preparation on the board of every
// department with a task in it (and the managers' when an allergy, medical or security
// alert is among them); occasions for F&B, the front desk, the concierge and managers;
// a habit for the department that fulfils what the guest keeps asking for (the front
// desk's when none is known); recovery for managers; welcomes for the casino host (top
// players) or the concierge. At a resort, habits and welcomes run to thousands: on the
// front desk's board they buried the arrivals the desk prepares for.
func PromptAudiences(p Prompt) []string {
	var out []string
	for _, a := range Audiences {
		if promptOn(&p, a) {
			out = append(out, a)
		}
	}
	return out
}

var occasionAudiences = []string{standards.DeptFood, standards.DeptFrontDesk, standards.DeptConcierge, Managers}

// ArrivalAudiences are the boards an arrival is on: the front desk's always, every
// department with a preparation task, the casino host's for a top player, and the
// managers' for a VIP or an allergy, medical or security alert.
func ArrivalAudiences(a ArrivalCard) []string {
	var out []string
	for _, audience := range Audiences {
		if arrivalOn(&a, audience) {
			out = append(out, audience)
		}
	}
	return out
}

// vipAudiences are the boards a VIP in house is on.
func vipAudiences(g guests.Guest) []string {
	out := []string{standards.DeptFrontDesk, standards.DeptConcierge, Managers}
	if topPlayer(g) {
		out = append(out, standards.DeptCasinoHost)
	}
	return out
}

// topPlayer is a casino guest of the top tiers, whom the casino host looks after.
func topPlayer(g guests.Guest) bool {
	return g.CasinoTier == guests.CasinoBlack || g.CasinoTier == guests.CasinoPlatinum
}
