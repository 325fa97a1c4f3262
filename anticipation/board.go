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
	ListPrompts   = "prompts"
	ListArrivals  = "arrivals"
	ListVIPs      = "vips"
	ListOccasions = "occasions"
	// CountTomorrow counts the arrivals tomorrow among ListArrivals.
	CountTomorrow = "arrivals_tomorrow"
)

// Lists names every list of a board.
var Lists = []string{ListPrompts, ListArrivals, ListVIPs, ListOccasions}

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
// before shortening. b is not changed.
func Scope(b *Board, audience string, q BoardQuery) *Board {
	match := guestFilter(q.Filter)
	out := &Board{Audience: audience, Counts: map[string]int{}}
	for _, p := range b.Prompts {
		if slices.Contains(PromptAudiences(p), audience) && match(p.GuestName, p.Room) {
			out.Prompts = append(out.Prompts, p)
		}
	}
	slices.SortStableFunc(out.Prompts, comparePrompts)
	for _, a := range b.Arrivals {
		if slices.Contains(ArrivalAudiences(a), audience) && match(a.Guest.DisplayName(), a.Stay.Room) {
			out.Arrivals = append(out.Arrivals, a)
			if a.Tomorrow {
				out.Counts[CountTomorrow]++
			}
		}
	}
	slices.SortStableFunc(out.Arrivals, compareArrivals)
	for _, g := range b.VIPs {
		if slices.Contains(vipAudiences(g.Guest), audience) && match(g.Guest.DisplayName(), g.Stay.Room) {
			out.VIPs = append(out.VIPs, g)
		}
	}
	for _, o := range b.Occasions {
		if slices.Contains(occasionAudiences, audience) && match(o.Guest.DisplayName(), o.Stay.Room) {
			out.Occasions = append(out.Occasions, o)
		}
	}
	out.Counts[ListPrompts], out.Counts[ListArrivals] = len(out.Prompts), len(out.Arrivals)
	out.Counts[ListVIPs], out.Counts[ListOccasions] = len(out.VIPs), len(out.Occasions)
	whole := func(list string) bool { return slices.Contains(q.All, list) }
	out.Prompts = shorten(out.Prompts, whole(ListPrompts))
	out.Arrivals = shorten(out.Arrivals, whole(ListArrivals))
	out.VIPs = shorten(out.VIPs, whole(ListVIPs))
	out.Occasions = shorten(out.Occasions, whole(ListOccasions))
	return out
}

func shorten[T any](items []T, whole bool) []T {
	if whole || len(items) <= ListShort {
		return items
	}
	return slices.Clip(items[:ListShort])
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

func comparePrompts(a, b Prompt) int {
	return cmp.Or(PromptOrder[a.Kind]-PromptOrder[b.Kind], a.When.Compare(b.When))
}

// compareArrivals puts today's before tomorrow's, and among them what is not prepared
// before what is under way, ready, or needs nothing; top-tier guests first within that.
func compareArrivals(a, b ArrivalCard) int {
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

// PromptAudiences are the boards a prompt is on: preparation on the board of every
// department with a task in it (and the managers' when an allergy, medical or security
// alert is among them); occasions for F&B, the front desk and the concierge; habits for
// the front desk and the concierge; recovery for managers; welcomes for the casino host
// (top players: theirs alone) or the front desk and concierge.
func PromptAudiences(p Prompt) []string {
	switch p.Kind {
	case KindPrepare:
		var out []string
		for _, t := range p.Tasks {
			if !slices.Contains(out, t.Department) {
				out = append(out, t.Department)
			}
			if slices.Contains(exceptionAlerts, t.Alert) && !slices.Contains(out, Managers) {
				out = append(out, Managers)
			}
		}
		if len(out) == 0 {
			out = []string{standards.DeptFrontDesk}
		}
		return out
	case KindOccasion:
		return occasionAudiences
	case KindRecovery:
		return []string{Managers}
	case KindWelcome:
		if p.Casino {
			return []string{standards.DeptCasinoHost}
		}
	}
	return []string{standards.DeptFrontDesk, standards.DeptConcierge}
}

var occasionAudiences = []string{standards.DeptFood, standards.DeptFrontDesk, standards.DeptConcierge, Managers}

// ArrivalAudiences are the boards an arrival is on: the front desk's always, every
// department with a preparation task, the casino host's for a top player, and the
// managers' for a VIP or an allergy, medical or security alert.
func ArrivalAudiences(a ArrivalCard) []string {
	out := []string{standards.DeptFrontDesk}
	for _, t := range a.Tasks {
		if !slices.Contains(out, t.Department) {
			out = append(out, t.Department)
		}
	}
	if topPlayer(a.Guest) {
		out = append(out, standards.DeptCasinoHost)
	}
	exception := a.Guest.IsTopTier() || slices.ContainsFunc(a.Alerts, func(al guests.Alert) bool {
		return slices.Contains(exceptionAlerts, al.Kind)
	})
	if exception && !slices.Contains(out, Managers) {
		out = append(out, Managers)
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
