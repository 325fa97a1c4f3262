package scale

import (
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"
	"time"

	"frontdesk/escalation"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// Requests yields cfg.Requests requests made during the stays the profiles hold, batch
// at a time, each with its whole timeline as the request lifecycle produced it.
// Requests fall due, are done, followed up with the guest, escalated, cancelled and
// recovered as they would have been up to cfg.Now; a few were never finished, so every
// department has open requests, some of them long overdue.
func (g *Generator) Requests(p Property, batch int) iter.Seq[[]requests.Detail] {
	batch = max(batch, 1)
	return func(yield func([]requests.Detail) bool) {
		rg := newReqGen(g, p)
		if len(rg.cum) == 0 || len(rg.cats) == 0 || len(rg.desk) == 0 {
			return
		}
		out := make([]requests.Detail, 0, batch)
		for done := 0; done < g.cfg.Requests; {
			for _, d := range rg.next(g.cfg.Requests - done) {
				out = append(out, d)
				done++
			}
			if len(out) >= batch || done == g.cfg.Requests {
				if !yield(out) {
					return
				}
				out = make([]requests.Detail, 0, batch)
			}
		}
	}
}

// escalator is who escalations made by the clock are attributed to, as the store does.
var escalator = staff.Actor{Name: "Frontdesk"}

// actCreate is the first event of every timeline, as the store writes it.
const actCreate requests.ActionKind = "create"

type catChoice struct {
	cat  standards.Category
	dept standards.Department
	cum  int
}

// reqGen draws requests from one random stream, so they come out the same every time.
type reqGen struct {
	g        *Generator
	r        *rng
	gr       *rng // guest streams, for a guest's standing
	ids      *rng // guest IDs
	eligible []int32
	cum      []float64 // running total of the eligible stays' lengths
	cats     []catChoice
	recovery *catChoice
	depts    map[string]standards.Department
	desk     []staff.Actor
	workers  map[string][]staff.Actor
	managers []staff.Actor
	rules    escalation.Rules
	steps    []step // reused by each request's life
}

func newReqGen(g *Generator, p Property) *reqGen {
	rg := &reqGen{g: g, r: newRNG(g.cfg.Seed, tagRequests, 0), gr: newRNG(g.cfg.Seed, tagGuest, 0),
		ids:   newRNG(0, 0, 0),
		depts: map[string]standards.Department{}, workers: map[string][]staff.Actor{}, rules: p.Rules}
	total := 0.0
	for k, s := range g.slots {
		if s.status != stInHouse && s.status != stDeparted {
			continue
		}
		from, to := g.stayWindow(s)
		if h := to.Sub(from).Hours(); h > 0 {
			total += h
			rg.eligible, rg.cum = append(rg.eligible, int32(k)), append(rg.cum, total)
		}
	}
	for _, d := range p.Departments {
		rg.depts[d.Code] = d
	}
	rg.people(p.Staff)
	rg.categories(p.Categories)
	return rg
}

// people sorts the staff into who logs and follows up requests, who does the work in
// each department, and the managers.
func (rg *reqGen) people(all []staff.Staff) {
	for _, st := range all {
		a := staff.Actor{ID: st.ID, Name: st.Name, Role: st.Role}
		switch {
		case st.Role.IsManager():
			rg.managers = append(rg.managers, a)
		case st.Role == staff.RoleAgent || st.Role == staff.RoleConcierge:
			rg.desk = append(rg.desk, a)
		}
		for _, d := range st.Departments {
			rg.workers[d] = append(rg.workers[d], a)
		}
	}
	if len(rg.desk) == 0 {
		rg.desk = rg.managers
	}
	if len(rg.managers) == 0 {
		rg.managers = rg.desk
	}
}

func (rg *reqGen) categories(cats []standards.Category) {
	total := 0
	for _, c := range cats {
		d, ok := rg.depts[c.Department]
		if !ok {
			continue
		}
		if c.Code == standards.CategoryRecovery {
			rg.recovery = &catChoice{cat: c, dept: d}
			continue
		}
		w, known := categoryWeights[c.Code]
		if !known {
			w = 1
		}
		total += w
		rg.cats = append(rg.cats, catChoice{cat: c, dept: d, cum: total})
	}
}

func (rg *reqGen) category() catChoice {
	n := rg.r.IntN(rg.cats[len(rg.cats)-1].cum)
	i := sort.Search(len(rg.cats), func(i int) bool { return rg.cats[i].cum > n })
	return rg.cats[i]
}

// worker is someone in the department, or a desk agent when it has nobody.
func (rg *reqGen) worker(dept string) staff.Actor {
	if w := rg.workers[dept]; len(w) > 0 {
		return w[rg.r.IntN(len(w))]
	}
	return rg.desk[rg.r.IntN(len(rg.desk))]
}

// next returns one request, or a request and the recovery it led to when left > 1.
func (rg *reqGen) next(left int) []requests.Detail {
	r := rg.r
	k := rg.eligible[sort.SearchFloat64s(rg.cum, r.Float64()*rg.cum[len(rg.cum)-1])]
	s := rg.g.slots[k]
	from, to := rg.g.stayWindow(s)
	created := from.Add(time.Duration(r.Int64N(int64(to.Sub(from))))).Truncate(time.Second)
	rg.gr.reseed(rg.g.cfg.Seed, tagGuest, uint64(s.guest))
	standing := rg.gr.standing()
	cc := rg.category()
	if cc.cat.Code == "casino_host" && standing.casino == "none" {
		cc = rg.category()
	}
	req := &requests.Request{ID: newUUID(r), Room: rg.g.rooms[s.room].Number, Category: cc.cat.Code,
		Department: cc.dept.Code, Priority: []requests.Priority{requests.PriorityNormal, requests.PriorityHigh,
			requests.PriorityUrgent}[r.weighted(85, 12, 3)], Kind: requests.KindRequest}
	if r.chance(0.96) {
		req.GuestID = rg.g.guestID(rg.ids, int(s.guest))
	}
	req.Description = r.one(descriptions(cc.cat))
	owner := rg.desk[r.IntN(len(rg.desk))]
	l, ok := rg.open(req, cc, owner, created, standing.topTier())
	if !ok {
		return nil
	}
	rec := rg.live(l, cc, owner, left > 1)
	rg.steps = l.steps[:0] // keep the grown buffer for the next request
	out := []requests.Detail{l.detail()}
	if rec != nil {
		out = append(out, rec.detail())
	}
	return out
}

func descriptions(c standards.Category) []string {
	if d := requestTexts[c.Code]; len(d) > 0 {
		return d
	}
	return []string{c.Name}
}

// open computes the promise and starts the timeline, as the store does when a request
// is logged.
func (rg *reqGen) open(req *requests.Request, cc catChoice, by staff.Actor, at time.Time, top bool) (*life, bool) {
	var guestTime time.Time
	if cc.cat.GuestNamesTime {
		guestTime = at.Add(time.Duration(1+rg.r.IntN(14)) * time.Hour).Truncate(15 * time.Minute)
		if local := guestTime.Local(); !cc.dept.Hours.IsOpen(local) {
			guestTime = cc.dept.Hours.NextOpen(local).Add(30 * time.Minute)
		}
	}
	p, err := standards.PromiseFor(cc.cat, cc.dept, at.Local(), top, guestTime)
	if err != nil {
		return nil, false
	}
	req.CreatedBy, req.Owner, req.CreatedAt, req.Status = by.ID, by.ID, at, requests.StatusNew
	req.PromisedAt, req.TopTier = p.Due.UTC(), top
	if cc.cat.Complaint {
		req.Kind = requests.KindComplaint
	}
	note := cc.cat.Name
	if p.Delayed {
		note += " · " + cc.dept.Name + " " + cc.dept.Hours.String()
	}
	l := &life{req: req, now: rg.g.cfg.Now, events: make([]requests.Event, 0, 6), steps: rg.steps[:0]}
	l.events = append(l.events, requests.Event{At: at, ActorID: by.ID, Actor: by.Name, Action: actCreate, To: requests.StatusNew, Note: note})
	return l, true
}

// life is a request going through its lifecycle; steps later than now do not happen.
type life struct {
	req    *requests.Request
	events []requests.Event
	now    time.Time
	steps  []step
}

type step struct {
	at    time.Time
	actor staff.Actor
	act   requests.Action
}

func (l *life) plan(at time.Time, by staff.Actor, a requests.Action) time.Time {
	l.steps = append(l.steps, step{at.Truncate(time.Second), by, a})
	return at
}

// run applies the planned steps in time order up to now.
func (l *life) run() {
	slices.SortStableFunc(l.steps, func(a, b step) int { return a.at.Compare(b.at) })
	for _, s := range l.steps {
		if s.at.After(l.now) {
			break
		}
		if ev, err := l.req.Apply(s.act, s.at, s.actor); err == nil {
			l.events = append(l.events, ev)
		}
	}
	l.steps = l.steps[:0]
}

func (l *life) detail() requests.Detail {
	return requests.Detail{Summary: requests.Summary{Request: *l.req}, Timeline: l.events}
}

// live plans what happens to the request after it is logged and runs it; it returns
// the recovery request an unhappy guest led to, when allowed.
func (rg *reqGen) live(l *life, cc catChoice, owner staff.Actor, mayRecover bool) *life {
	r := rg.r
	req := l.req
	worker := rg.worker(req.Department)
	t := req.CreatedAt
	switch u := r.Float64(); {
	case u < 0.025:
		l.plan(t.Add(r.minutes(8)), owner, requests.Action{Kind: requests.ActCancel, Reason: r.one(cancelReasons)})
		l.run()
		return nil
	case u < 0.0265: // never picked up
		rg.escalations(l, owner, time.Time{})
		l.run()
		return nil
	case u < 0.028: // acknowledged and forgotten
		l.plan(t.Add(r.minutes(3)), worker, requests.Action{Kind: requests.ActAcknowledge})
		rg.escalations(l, owner, time.Time{})
		l.run()
		return nil
	}
	if r.chance(0.25) {
		t = l.plan(t.Add(r.minutes(2)), owner, requests.Action{Kind: requests.ActAssign, Assignee: worker.ID})
	}
	if r.chance(0.65) {
		t = l.plan(t.Add(r.minutes(3)), worker, requests.Action{Kind: requests.ActAcknowledge})
	}
	if r.chance(0.015) {
		worker = rg.transfer(l, owner, t.Add(r.minutes(5)))
	}
	if r.chance(0.55) {
		t = l.plan(t.Add(r.minutes(4)), worker, requests.Action{Kind: requests.ActStart})
	}
	done := rg.doneAt(req, cc, t)
	rg.escalations(l, owner, done)
	l.plan(done, worker, requests.Action{Kind: requests.ActDone})
	return rg.followUp(l, cc, owner, worker, done, mayRecover)
}

// doneAt is when the department finishes: mostly within the promise, sometimes late.
func (rg *reqGen) doneAt(req *requests.Request, cc catChoice, after time.Time) time.Time {
	r := rg.r
	var at time.Time
	switch {
	case cc.cat.GuestNamesTime && r.chance(0.9):
		at = req.PromisedAt.Add(-time.Duration(r.IntN(5)) * time.Minute)
	case r.chance(0.85):
		at = req.CreatedAt.Add(time.Duration((0.35 + 0.6*r.Float64()) * float64(req.PromisedAt.Sub(req.CreatedAt))))
	default:
		at = req.PromisedAt.Add(r.minutes(12))
	}
	if !at.After(after) {
		at = after.Add(time.Minute)
	}
	return at
}

func (rg *reqGen) transfer(l *life, owner staff.Actor, at time.Time) staff.Actor {
	to := rg.cats[rg.r.IntN(len(rg.cats))].dept.Code
	if to == l.req.Department {
		return rg.worker(to)
	}
	l.plan(at, owner, requests.Action{Kind: requests.ActTransfer, Department: to, Reason: "Wrong department"})
	return rg.worker(to)
}

// escalations plans the climbs the clock makes while the request is late, until done
// (or until now when it never is).
func (rg *reqGen) escalations(l *life, owner staff.Actor, done time.Time) {
	req := l.req
	for _, lv := range rg.rules.ForClass(req.EscalationClass()) {
		at := req.PromisedAt.Add(lv.After)
		if !done.IsZero() && !at.Before(done) {
			return
		}
		e := escalation.Step{Level: lv.Level, Target: lv.Target}
		switch lv.Target {
		case escalation.TargetOwner:
			e.ToStaff, e.ToName = owner.ID, owner.Name
		case escalation.TargetDepartmentOnDuty:
			d := rg.depts[req.Department]
			e.ToName = strings.TrimSpace(d.Name + " " + d.OnDutyContact)
		case escalation.TargetShiftManager:
			m := rg.managers[rg.r.IntN(len(rg.managers))]
			e.ToStaff, e.ToName = m.ID, m.Name
		}
		l.plan(at.Add(time.Second), escalator, requests.Action{Kind: requests.ActEscalate, Escalation: e})
	}
}

// followUp plans the check back with the guest: mostly satisfied, sometimes
// unreachable at first, now and then unhappy (which reopens the request and starts a
// recovery), a few closed by a manager, and a few never called back at all.
func (rg *reqGen) followUp(l *life, cc catChoice, owner, worker staff.Actor, done time.Time, mayRecover bool) *life {
	r := rg.r
	t := done.Add(r.minutes(40))
	satisfied := func(at time.Time, by staff.Actor) {
		l.plan(at, by, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 3 + r.weighted(10, 30, 60)})
	}
	switch u := r.Float64(); {
	case u < 0.003: // done, and nobody ever called the guest back
	case u < 0.013:
		l.plan(t, rg.managers[r.IntN(len(rg.managers))], requests.Action{Kind: requests.ActClose, Reason: r.one(closeReasons)})
	case u < 0.08:
		next := t.Add(2 * time.Hour)
		l.plan(t, owner, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeUnreachable, NextAttempt: next})
		satisfied(next.Add(r.minutes(5)), owner)
	case u < 0.105 && mayRecover && rg.recovery != nil:
		score := 1 + r.IntN(2)
		note := r.one(unhappyNotes)
		l.plan(t, owner, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: score, Reason: note,
			Promise: reopenedPromise(cc, t, l.req.TopTier)})
		redo := l.plan(t.Add(r.minutes(20)), worker, requests.Action{Kind: requests.ActDone})
		satisfied(redo.Add(r.minutes(30)), owner)
		l.run()
		if t.After(l.now) {
			return nil
		}
		return rg.recover(l.req, owner, t, score, note)
	case u < 0.108:
		satisfied(t, owner)
		back := t.Add(r.minutes(180))
		l.plan(back, owner, requests.Action{Kind: requests.ActReopen, Reason: r.one(reopenReasons), Promise: reopenedPromise(cc, back, l.req.TopTier)})
		redo := l.plan(back.Add(r.minutes(25)), worker, requests.Action{Kind: requests.ActDone})
		satisfied(redo.Add(r.minutes(30)), owner)
	default:
		satisfied(t, owner)
	}
	l.run()
	return nil
}

// reopenedPromise is the new promise of a request of cc reopened at: its standard from
// then, or for the categories where the guest names the time, an hour later (or half an
// hour into the department's next opening). It draws nothing from the random stream, so
// a seed gives the same property as before.
func reopenedPromise(cc catChoice, at time.Time, top bool) time.Time {
	var guestTime time.Time
	if cc.cat.GuestNamesTime {
		guestTime = at.Add(time.Hour)
		if local := guestTime.Local(); !cc.dept.Hours.IsOpen(local) {
			guestTime = cc.dept.Hours.NextOpen(local).Add(30 * time.Minute)
		}
	}
	p, err := standards.PromiseFor(cc.cat, cc.dept, at.Local(), top, guestTime)
	if err != nil {
		return at.Add(time.Hour)
	}
	return p.Due.UTC()
}

// recover is the linked complaint an unhappy follow-up opens for the shift manager.
func (rg *reqGen) recover(orig *requests.Request, by staff.Actor, at time.Time, score int, said string) *life {
	r := rg.r
	mgr := rg.managers[r.IntN(len(rg.managers))]
	rec := &requests.Request{ID: newUUID(r), GuestID: orig.GuestID, Room: orig.Room, Category: rg.recovery.cat.Code,
		Department: rg.recovery.dept.Code, Priority: requests.PriorityHigh, Kind: requests.KindComplaint,
		RecoveryOf: orig.ID, Description: fmt.Sprintf("Guest not satisfied (%d/5) with: %s\nGuest said: %s", score, orig.Description, said)}
	l, ok := rg.open(rec, *rg.recovery, by, at, orig.TopTier)
	if !ok {
		return nil
	}
	rec.Owner = mgr.ID
	t := l.plan(at.Add(r.minutes(4)), mgr, requests.Action{Kind: requests.ActAcknowledge})
	done := l.plan(t.Add(r.minutes(25)), mgr, requests.Action{Kind: requests.ActDone})
	l.plan(done.Add(r.minutes(30)), mgr, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 3 + r.weighted(30, 40, 30)})
	l.run()
	return l
}
