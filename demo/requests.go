package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// asks are what demo guests ask for, per category code.
var asks = map[string][]string{
	"towels":       {"Two extra bath towels", "Pool towels for two", "Fresh hand towels"},
	"amenities":    {"Extra pillows", "Feather-free pillows", "Toothbrush kit", "Slippers for a child", "More coffee capsules"},
	"housekeeping": {"Room not made up yet", "Turndown service", "Bed linen change"},
	"maintenance":  {"AC not cooling", "Shower drain slow", "TV remote not working", "Bedside lamp flickering", "Safe will not open"},
	"room_service": {"Club sandwich and fries", "Breakfast for two at 07:30", "Bottle of sparkling water"},
	"restaurant":   {"Table for four at the grill, 19:30", "Sunset dinner on the beach"},
	"luggage":      {"Bags down to the lobby", "Luggage up to the room"},
	"complaint":    {"Noise from the room next door", "Charged twice for the minibar", "Waited 20 minutes at check-in"},
	"lost_found":   {"Left a phone charger in the spa"},
	"casino_host":  {"Would like to meet the host about a tournament"},
	"other":        {"Printing a boarding pass"},
}

// scenario is how far a request of today has come.
type scenario int

const (
	overdue scenario = iota
	dueSoon
	onTrack
	awaitingFollowUp
	unreachable
	closedToday
)

// scenarios is the shape of today's queue, one entry per in-house guest with a request.
var scenarios = []scenario{
	overdue, overdue, overdue, overdue, overdue, overdue,
	dueSoon, dueSoon, dueSoon, dueSoon, dueSoon, dueSoon,
	onTrack, onTrack, onTrack, onTrack, onTrack, onTrack, onTrack, onTrack,
	awaitingFollowUp, awaitingFollowUp, awaitingFollowUp, awaitingFollowUp, awaitingFollowUp, awaitingFollowUp,
	unreachable, unreachable,
	closedToday, closedToday, closedToday, closedToday, closedToday, closedToday, closedToday, closedToday,
	closedToday, closedToday, closedToday, closedToday,
}

// reqGen builds the demo's requests by running each through the real lifecycle.
type reqGen struct {
	r     *rand.Rand
	now   time.Time
	cats  map[string]standards.Category
	staff map[string]staff.Actor // by name
	out   []requests.Historic
}

// fillRequests loads today's queue and years of history, then lets the clock escalate
// what is overdue and records one unhappy guest so that service recovery shows.
func fillRequests(ctx context.Context, t Target, ps []guests.Profile, now time.Time) error {
	people, err := t.ListStaff(ctx, staff.Filter{})
	if err != nil {
		return err
	}
	g := &reqGen{r: rand.New(rand.NewPCG(7, 11)), now: now.UTC(), cats: map[string]standards.Category{}, staff: map[string]staff.Actor{}}
	for _, c := range standards.DefaultCategories() {
		g.cats[c.Code] = c
	}
	for _, st := range people {
		g.staff[st.Name] = staff.Actor{ID: st.ID, Name: st.Name, Role: st.Role}
	}
	g.today(ps)
	g.history(ps)
	if err := t.ImportRequests(ctx, g.out); err != nil {
		return err
	}
	if _, err := t.EscalateDue(ctx); err != nil {
		return err
	}
	return g.unhappyGuest(ctx, t)
}

// today gives in-house guests requests in every state of the queue.
func (g *reqGen) today(ps []guests.Profile) {
	i := 0
	for _, p := range ps {
		st := p.CurrentStay()
		if st == nil || i >= len(scenarios) {
			continue
		}
		g.todays(p, st.Room, scenarios[i])
		i++
	}
}

func (g *reqGen) todays(p guests.Profile, room string, s scenario) {
	cat := g.category(s == overdue)
	minutesAgo := map[scenario]int{overdue: 35 + g.r.IntN(50), dueSoon: 2 + g.r.IntN(6), onTrack: 1 + g.r.IntN(3),
		awaitingFollowUp: 20 + g.r.IntN(60), unreachable: 90 + g.r.IntN(60), closedToday: 60 + g.r.IntN(300)}[s]
	if s == onTrack {
		cat = g.cats[[]string{"housekeeping", "restaurant", "room_service"}[g.r.IntN(3)]]
	}
	created := g.now.Add(-time.Duration(minutesAgo) * time.Minute)
	h := g.request(p, room, cat, created)
	switch s {
	case overdue:
		g.step(&h, requests.Action{Kind: []requests.ActionKind{requests.ActAcknowledge, requests.ActStart}[g.r.IntN(2)]}, 3)
	case dueSoon, onTrack:
		if g.r.IntN(2) == 0 {
			g.step(&h, requests.Action{Kind: requests.ActAcknowledge}, 1)
		}
	case awaitingFollowUp:
		g.progress(&h)
	case unreachable:
		g.progress(&h)
		g.step(&h, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeUnreachable,
			NextAttempt: g.now.Add(time.Duration(10+g.r.IntN(50)) * time.Minute)}, 10)
	case closedToday:
		g.progress(&h)
		g.step(&h, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 4 + g.r.IntN(2)}, 15)
	}
	g.out = append(g.out, h)
}

// category picks a category with a fixed promise; slow ones make the overdue cases.
func (g *reqGen) category(late bool) standards.Category {
	codes := []string{"towels", "amenities", "maintenance", "room_service", "luggage", "complaint", "other"}
	if late {
		codes = []string{"towels", "amenities", "maintenance", "complaint"}
	}
	return g.cats[codes[g.r.IntN(len(codes))]]
}

// request starts a request logged at created by a desk agent.
func (g *reqGen) request(p guests.Profile, room string, cat standards.Category, created time.Time) requests.Historic {
	desk := g.staff[[]string{"Dewi Lestari", "Agus Pratama", "Maria Santos"}[g.r.IntN(3)]]
	texts := asks[cat.Code]
	r := requests.Request{GuestID: p.ID, Room: room, Category: cat.Code, Department: cat.Department,
		Description: texts[g.r.IntN(len(texts))], Priority: requests.PriorityNormal, Kind: requests.KindRequest,
		CreatedBy: desk.ID, Owner: desk.ID, Status: requests.StatusNew, CreatedAt: created,
		PromisedAt: created.Add(promiseOf(cat, p.IsTopTier())), TopTier: p.IsTopTier()}
	if cat.Complaint {
		r.Kind = requests.KindComplaint
	}
	if g.r.IntN(12) == 0 {
		r.Priority = requests.PriorityHigh
	}
	ev := requests.Event{At: created, ActorID: desk.ID, Actor: desk.Name, Action: "create", To: requests.StatusNew, Note: cat.Name}
	return requests.Historic{Request: r, Timeline: []requests.Event{ev}}
}

// promiseOf is how long cat's standard gives, tighter for a top-tier guest.
func promiseOf(cat standards.Category, topTier bool) time.Duration {
	if topTier && cat.TopTierPromise > 0 {
		return cat.TopTierPromise
	}
	return cat.Promise
}

// step applies a to the request some minutes after its last event; a reopened request is
// promised anew from its category's standard.
func (g *reqGen) step(h *requests.Historic, a requests.Action, afterMin int) {
	last := h.Timeline[len(h.Timeline)-1].At
	at := last.Add(time.Duration(1+g.r.IntN(afterMin+1)) * time.Minute)
	if at.After(g.now) {
		at = g.now
	}
	actor := g.staff["Kenji Watanabe"]
	if a.Kind == requests.ActFollowUp || a.Kind == requests.ActAcknowledge {
		actor = g.staff[nameOf(g.staff, h.Request.Owner)]
	}
	if a.Reopens() {
		a.Promise = at.Add(promiseOf(g.cats[h.Request.Category], h.Request.TopTier))
	}
	ev, err := h.Request.Apply(a, at, actor)
	if err != nil {
		panic("demo request step: " + err.Error()) // the demo's own scenarios are legal by construction
	}
	h.Timeline = append(h.Timeline, ev)
}

// progress takes a request from new to done, mostly within its promise.
func (g *reqGen) progress(h *requests.Historic) {
	g.step(h, requests.Action{Kind: requests.ActAcknowledge}, 3)
	g.step(h, requests.Action{Kind: requests.ActStart}, 4)
	g.step(h, requests.Action{Kind: requests.ActDone}, 12)
}

func nameOf(staff map[string]staff.Actor, id string) string {
	for name, a := range staff {
		if a.ID == id {
			return name
		}
	}
	return ""
}

// history gives returning guests requests on their past stays: mostly satisfied, some
// complaints, and the same wish on several stays for the guests who always ask for it.
func (g *reqGen) history(ps []guests.Profile) {
	for i, p := range ps {
		repeat := i%23 == 0
		for _, st := range p.Stays {
			if st.Status != guests.StayDeparted || (!repeat && g.r.IntN(3) != 0) {
				continue
			}
			created := st.Arrival.Add(time.Duration(15+g.r.IntN(30)) * time.Hour)
			cat := g.category(false)
			h := g.request(p, st.Room, cat, created)
			if repeat {
				h.Request.Category, h.Request.Department, h.Request.Description = "amenities", standards.DeptHousekeeping, "Feather-free pillows"
			}
			g.progress(&h)
			outcome, score := requests.OutcomeSatisfied, 3+g.r.IntN(3)
			if h.Request.Kind == requests.KindComplaint && g.r.IntN(3) == 0 {
				outcome, score = requests.OutcomeNotSatisfied, 2
			}
			g.step(&h, requests.Action{Kind: requests.ActFollowUp, Outcome: outcome, Score: score}, 60)
			if outcome == requests.OutcomeNotSatisfied {
				g.step(&h, requests.Action{Kind: requests.ActDone}, 30)
				g.step(&h, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 4}, 30)
			}
			g.out = append(g.out, h)
		}
	}
}

// unhappyGuest follows up one of today's done requests as "not satisfied", through the
// store, so that the recovery, the shift manager's queue and the profile alert are real.
func (g *reqGen) unhappyGuest(ctx context.Context, t Target) error {
	for _, h := range g.out {
		r := h.Request
		if r.Status != requests.StatusDone || r.Outcome != "" || r.CreatedAt.Before(g.now.Add(-24*time.Hour)) {
			continue
		}
		agent := staff.WithActor(ctx, g.staff[nameOf(g.staff, r.Owner)])
		_, err := t.Act(agent, r.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: 2,
			Reason: "Says it is still not right and is disappointed nobody came back sooner."})
		return err
	}
	return nil
}
