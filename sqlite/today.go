package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"frontdesk/anticipation"
	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

var _ anticipation.Service = (*Store)(nil)

// hereCTE names the guests the Today board concerns: in house, or arriving on the two
// dates given. Every part is then read in one set-based query instead of one per guest,
// starting from this small set (CROSS JOIN keeps it the outer loop): without statistics
// SQLite would otherwise walk a whole table in guest order to merge the union, which at a
// million guests takes seconds instead of milliseconds.
const hereCTE = `WITH here(guest_id) AS MATERIALIZED (
	SELECT guest_id FROM stays INDEXED BY stays_in_house_room WHERE status = 'in_house'
	UNION SELECT guest_id FROM stays INDEXED BY stays_arrival WHERE status = 'expected' AND arrival BETWEEN ? AND ?) `

// Today is the board of the person signed in, or of the department a manager asks for:
// their part of the property's whole board (anticipation.Scope).
func (s *Store) Today(ctx context.Context, q anticipation.BoardQuery) (*anticipation.Board, error) {
	audience, err := anticipation.AudienceFor(staff.ActorFrom(ctx), q.Audience)
	if err != nil {
		return nil, err
	}
	whole, err := s.WholeBoard(ctx, q.Now)
	if err != nil {
		return nil, err
	}
	return anticipation.Scope(whole, audience, q), nil
}

// besideRead is the board's second reader, when the store has one.
func (s *Store) besideRead() readFunc {
	if s.beside == nil {
		return nil
	}
	return s.readBeside
}

// WholeBoard is the property's whole board at now, gathered in one read transaction.
// Guests whose data has not changed since the last board are not read again, and the
// board itself is built again only when a guest changed or the minute turned
// (boardCache): every desk's board is scoped from the same one.
func (s *Store) WholeBoard(ctx context.Context, now time.Time) (*anticipation.Board, error) {
	var b *anticipation.Board
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		b, err = s.board.build(ctx, tx, now, s.besideRead())
		return err
	})
	return b, err
}

// todayState is the snapshot being gathered: the concerned guests' profiles and history.
// cte names them as here(guest_id), with args.
type todayState struct {
	cte      string
	args     []any
	profiles map[string]*guests.Profile
	requests map[string][]anticipation.RequestBrief
	prep     map[string]prepCount // by stay ID
	handled  map[string][]string
}

func newTodayState(cte string, args ...any) *todayState {
	return &todayState{cte: cte, args: args, profiles: map[string]*guests.Profile{},
		requests: map[string][]anticipation.RequestBrief{}, prep: map[string]prepCount{}, handled: map[string][]string{}}
}

// load reads everything the rules need of the guests named by st.cte.
func (st *todayState) load(ctx context.Context, tx *sql.Tx) error {
	loaders := []func(context.Context, *sql.Tx, *todayState) error{loadHereGuests, loadHereParts, loadHereStays,
		loadHereRequests, loadHerePrep, loadHandled}
	for _, load := range loaders {
		if err := load(ctx, tx, st); err != nil {
			return err
		}
	}
	st.order()
	return nil
}

// order puts each guest's parts in the order the rules and screens read them: stays by
// arrival, wishes by category and age, alerts by age, requests newest first (at most
// maxHistory). The reads leave them in index order: sorting a guest's few rows is far
// cheaper than SQLite sorting every row of a resort's thousands of guests together.
func (st *todayState) order() {
	for id, p := range st.profiles {
		slices.SortStableFunc(p.Stays, func(a, b guests.Stay) int { return a.Arrival.Compare(b.Arrival) })
		slices.SortStableFunc(p.Preferences, func(a, b guests.Preference) int {
			return cmp.Or(cmp.Compare(a.Category, b.Category), a.RecordedAt.Compare(b.RecordedAt))
		})
		slices.SortStableFunc(p.Alerts, func(a, b guests.Alert) int { return a.CreatedAt.Compare(b.CreatedAt) })
		rs := st.requests[id]
		slices.SortStableFunc(rs, func(a, b anticipation.RequestBrief) int { return b.CreatedAt.Compare(a.CreatedAt) })
		if len(rs) > maxHistory {
			st.requests[id] = slices.Clone(rs[:maxHistory])
		}
	}
}

// boardDay is the board's date and the arguments of hereCTE for it.
func boardDay(now time.Time) (time.Time, []any) {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return today, []any{fmtDate(today), fmtDate(today.AddDate(0, 0, 1))}
}

// snapshot assembles st's guests into the rules' snapshot at now.
func (st *todayState) snapshot(ctx context.Context, tx *sql.Tx, now, today time.Time) (anticipation.Snapshot, error) {
	snap, err := emptySnapshot(ctx, tx, now)
	if err != nil {
		return snap, err
	}
	for _, keys := range st.handled {
		for _, k := range keys {
			snap.Handled[k] = true
		}
	}
	st.assemble(&snap, today)
	return snap, nil
}

// emptySnapshot is a snapshot at now with the departments' hours, the preparation rules
// and no guests yet.
func emptySnapshot(ctx context.Context, tx *sql.Tx, now time.Time) (anticipation.Snapshot, error) {
	snap := anticipation.Snapshot{Now: now, Handled: map[string]bool{}, Hours: map[string]standards.ServiceHours{}}
	if err := loadHours(ctx, tx, snap.Hours); err != nil {
		return snap, err
	}
	var err error
	if snap.Rules, err = loadPrepRules(ctx, tx); err != nil {
		return snap, err
	}
	snap.Stock, err = itemStock(ctx, tx)
	return snap, err
}

func loadHereGuests(ctx context.Context, tx *sql.Tx, st *todayState) error {
	return eachRow(ctx, tx, st.cte+"SELECT "+guestColumns+" FROM guests WHERE id IN (SELECT guest_id FROM here)", st.args,
		func(r *sql.Rows) error {
			p := &guests.Profile{}
			err := scanGuest(r, &p.Guest)
			st.profiles[p.ID] = p
			return err
		})
}

// loadHereParts reads preferences, alerts and occasions of every concerned guest.
func loadHereParts(ctx context.Context, tx *sql.Tx, st *todayState) error {
	err := eachRow(ctx, tx, st.cte+`SELECT p.guest_id, p.id, p.category, p.text, p.recorded_by, p.recorded_at
		FROM here h CROSS JOIN guest_preferences p ON h.guest_id = p.guest_id`, st.args, func(r *sql.Rows) error {
		var pr guests.Preference
		var at string
		err := r.Scan(&pr.GuestID, &pr.ID, &pr.Category, &pr.Text, &pr.RecordedBy, &at)
		pr.RecordedAt = parseTime(at)
		st.add(pr.GuestID, func(p *guests.Profile) { p.Preferences = append(p.Preferences, pr) })
		return err
	})
	if err != nil {
		return err
	}
	err = eachRow(ctx, tx, st.cte+`SELECT a.guest_id, a.id, a.kind, a.text, a.created_by, a.created_at, a.score
		FROM here h CROSS JOIN guest_alerts a ON h.guest_id = a.guest_id`, st.args, func(r *sql.Rows) error {
		var a guests.Alert
		var at string
		err := r.Scan(&a.GuestID, &a.ID, &a.Kind, &a.Text, &a.CreatedBy, &at, &a.Score)
		a.CreatedAt = parseTime(at)
		st.add(a.GuestID, func(p *guests.Profile) { p.Alerts = append(p.Alerts, a) })
		return err
	})
	if err != nil {
		return err
	}
	return eachRow(ctx, tx, st.cte+`SELECT o.guest_id, o.id, o.kind, o.label, o.month, o.day, o.year
		FROM here h CROSS JOIN guest_occasions o ON h.guest_id = o.guest_id`, st.args, func(r *sql.Rows) error {
		var o guests.Occasion
		err := r.Scan(&o.GuestID, &o.ID, &o.Kind, &o.Label, &o.Month, &o.Day, &o.Year)
		st.add(o.GuestID, func(p *guests.Profile) { p.Occasions = append(p.Occasions, o) })
		return err
	})
}

func (st *todayState) add(guestID string, fn func(*guests.Profile)) {
	if p := st.profiles[guestID]; p != nil {
		fn(p)
	}
}

func loadHereStays(ctx context.Context, tx *sql.Tx, st *todayState) error {
	return eachRow(ctx, tx, st.cte+"SELECT "+prefixed("s.", stayColumns)+` FROM here h CROSS JOIN stays s ON s.guest_id = h.guest_id`, st.args, func(r *sql.Rows) error {
		var s guests.Stay
		err := scanStay(r, &s)
		st.add(s.GuestID, func(p *guests.Profile) { p.Stays = append(p.Stays, s) })
		return err
	})
}

// prefixed qualifies each column of a list with a table alias.
func prefixed(alias, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = alias + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}

// maxHistory bounds how many of a guest's requests the rules read (newest first).
const maxHistory = 200

func loadHereRequests(ctx context.Context, tx *sql.Tx, st *todayState) error {
	cats, err := categoryRefs(ctx, tx)
	if err != nil {
		return err
	}
	return eachRow(ctx, tx, st.cte+`SELECT r.guest_id, r.id, r.category, r.description, r.kind, r.status,
		r.outcome, r.score, r.recovery, r.created_at
		FROM here h CROSS JOIN requests r ON r.guest_id = h.guest_id`, st.args, func(r *sql.Rows) error {
		// Scanned into plain strings and integers: tens of thousands of rows at a resort,
		// and database/sql converts named types and ints by reflection.
		var guestID, id, category, description, kind, status, outcome, at string
		var score, recovery int64
		err := r.Scan(&guestID, &id, &category, &description, &kind, &status, &outcome, &score, &recovery, &at)
		st.requests[guestID] = append(st.requests[guestID], anticipation.RequestBrief{ID: id, Category: category,
			CategoryName: cats[category].name, Department: cats[category].department, Description: description, Kind: requests.Kind(kind), Status: requests.Status(status),
			Outcome: requests.Outcome(outcome), Score: int(score), Recovery: recovery != 0, CreatedAt: parseTime(at)})
		return err
	})
}

// categoryRef is what a guest's history names of a request category: its name and the
// department its requests go to.
type categoryRef struct{ name, department string }

// categoryRefs reads every request category's name and department, by code, in one read.
func categoryRefs(ctx context.Context, tx *sql.Tx) (map[string]categoryRef, error) {
	out := map[string]categoryRef{}
	err := eachRow(ctx, tx, "SELECT code, name, department FROM categories", nil, func(rows *sql.Rows) error {
		var code string
		var c categoryRef
		err := rows.Scan(&code, &c.name, &c.department)
		out[code] = c
		return err
	})
	return out, err
}

func loadHerePrep(ctx context.Context, tx *sql.Tx, st *todayState) error {
	return eachRow(ctx, tx, st.cte+`SELECT pt.stay_id, pt.source_id, r.status IN ('done','closed')
		FROM here h CROSS JOIN stays s ON s.guest_id = h.guest_id CROSS JOIN prep_tasks pt ON pt.stay_id = s.id
		JOIN requests r ON r.id = pt.request_id`, st.args, func(r *sql.Rows) error {
		var stay, source string
		var done bool
		err := r.Scan(&stay, &source, &done)
		n := st.prep[stay]
		n.total++
		if done {
			n.done++
		}
		n.logged = append(n.logged, source)
		st.prep[stay] = n
		return err
	})
}

// prepCount is a stay's preparation logged so far: how many tasks, how many done, and
// their sources.
type prepCount struct {
	total, done int
	logged      []string
}

func loadHandled(ctx context.Context, tx *sql.Tx, st *todayState) error {
	return eachRow(ctx, tx, st.cte+`SELECT p.guest_id, p.key FROM here h CROSS JOIN prompt_actions p ON h.guest_id = p.guest_id`, st.args,
		func(r *sql.Rows) error {
			var guestID, key string
			err := r.Scan(&guestID, &key)
			st.handled[guestID] = append(st.handled[guestID], key)
			return err
		})
}

func loadHours(ctx context.Context, tx *sql.Tx, hours map[string]standards.ServiceHours) error {
	return eachRow(ctx, tx, "SELECT code, open_minute, close_minute FROM departments", nil, func(r *sql.Rows) error {
		var code string
		var h standards.ServiceHours
		err := r.Scan(&code, &h.Open, &h.Close)
		hours[code] = h
		return err
	})
}

// assemble sorts the gathered guests into arrivals and in-house guests.
func (st *todayState) assemble(snap *anticipation.Snapshot, today time.Time) {
	snap.InHouse = make([]anticipation.GuestState, 0, len(st.profiles))
	for id, p := range st.profiles {
		in, arriving := guestStates(p, st.requests[id], st.prep, today, nil)
		snap.InHouse = append(snap.InHouse, in...)
		snap.Arrivals = append(snap.Arrivals, arriving...)
	}
	sortBoard(snap)
}

// guestStates are a guest's places on the board of today: the stays that have them in
// house, and those that bring them today or tomorrow. prep counts tasks by stay ID;
// analysis, when set, gives each state its history analysis (kept by boardCache).
func guestStates(p *guests.Profile, history []anticipation.RequestBrief, prep map[string]prepCount, today time.Time,
	analysis func(anticipation.GuestState) *anticipation.Analysis) (in, arriving []anticipation.GuestState) {
	for _, stay := range p.Stays {
		isIn, isArriving := boardStay(stay, today)
		if !isIn && !isArriving {
			continue
		}
		g := anticipation.GuestState{Guest: p.Guest, Stay: stay, Stays: p.Stays, Preferences: p.Preferences,
			Alerts: p.Alerts, Occasions: p.Occasions, Requests: history}
		n := prep[stay.ID]
		g.PrepTotal, g.PrepDone, g.PrepLogged = n.total, n.done, n.logged
		if analysis != nil {
			g.Analysis = analysis(g)
		}
		if isIn {
			in = append(in, g)
		} else {
			arriving = append(arriving, g)
		}
	}
	return in, arriving
}

// sortBoard puts arrivals in order of date, then name, and the guests in house by name.
func sortBoard(snap *anticipation.Snapshot) {
	byArrival := func(a, b *anticipation.GuestState) int {
		if c := a.Stay.Arrival.Compare(b.Stay.Arrival); c != 0 {
			return c
		}
		return compareNames(&a.Guest, &b.Guest)
	}
	snap.Arrivals = sortedCopy(snap.Arrivals, byArrival)
	snap.InHouse = sortedCopy(snap.InHouse, func(a, b *anticipation.GuestState) int { return compareNames(&a.Guest, &b.Guest) })
}

// boardStay tells whether a stay puts its guest on the board of today: in house, or
// arriving today or tomorrow.
func boardStay(stay guests.Stay, today time.Time) (in, arriving bool) {
	in = stay.Status == guests.StayInHouse
	arriving = stay.Status == guests.StayExpected && !stay.Arrival.Before(today) && !stay.Arrival.After(today.AddDate(0, 0, 1))
	return in, arriving
}

// sortedCopy sorts positions rather than the values themselves: a guest's state is
// hundreds of bytes, and a resort's board holds thousands.
func sortedCopy[T any](xs []T, cmp func(a, b *T) int) []T {
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return cmp(&xs[i], &xs[j]) })
	out := make([]T, len(xs))
	for i, k := range order {
		out[i] = xs[k]
	}
	return out
}

func compareNames(a, b *guests.Guest) int {
	return cmp.Or(strings.Compare(a.FamilyName, b.FamilyName), strings.Compare(a.GivenName, b.GivenName))
}

// PrepareArrival logs the stay's preparation tasks not logged yet, owned by the actor.
func (s *Store) PrepareArrival(ctx context.Context, stayID string) (int, error) {
	actor, err := requestActor(ctx)
	if err != nil {
		return 0, err
	}
	now := s.now()
	logged := 0
	err = s.write(ctx, func(tx *sql.Tx) error {
		g, snap, ok, err := arrivalIn(ctx, tx, stayID, now)
		if err != nil {
			return err
		}
		if !ok {
			return errs.New(errs.NotFound, "This arrival is no longer expected today or tomorrow.", nil)
		}
		for _, task := range anticipation.PrepTasks(g, now, snap.Hours) {
			done, err := s.logPrepTask(ctx, tx, g, task, now, actor.ID, actor)
			if err != nil {
				return err
			}
			if done {
				logged++
			}
		}
		return s.remember(ctx, tx, anticipation.Resolution{Key: "prepare:" + stayID, Kind: anticipation.KindPrepare,
			GuestID: g.Guest.ID}, created{stayID: stayID, tasks: logged}, actor, now)
	})
	return logged, err
}

// arrivalIn reads the stay's guest as the board's rules see them, in tx (a writer's:
// only this guest is read while the lock is held), with the snapshot's hours and rules;
// ok is false when the stay is not arriving today or tomorrow.
func arrivalIn(ctx context.Context, tx *sql.Tx, stayID string, now time.Time) (anticipation.GuestState, anticipation.Snapshot, bool, error) {
	st := newTodayState(`WITH here(guest_id) AS MATERIALIZED (SELECT guest_id FROM stays WHERE id = ?) `, stayID)
	if err := st.load(ctx, tx); err != nil {
		return anticipation.GuestState{}, anticipation.Snapshot{}, false, err
	}
	today, _ := boardDay(now)
	snap, err := st.snapshot(ctx, tx, now, today)
	if err != nil {
		return anticipation.GuestState{}, snap, false, err
	}
	for _, g := range snap.Arrivals {
		if g.Stay.ID == stayID {
			return g, snap, true, nil
		}
	}
	return anticipation.GuestState{}, snap, false, nil
}

// logPrepTask logs one task owned by owner, by actor, unless it was logged before; it
// reports whether it logged.
func (s *Store) logPrepTask(ctx context.Context, tx *sql.Tx, g anticipation.GuestState, task anticipation.Task, now time.Time, owner string, actor staff.Actor) (bool, error) {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM prep_tasks WHERE stay_id = ? AND source_id = ?", g.Stay.ID, task.SourceID).Scan(&one)
	if err == nil {
		return false, nil
	}
	if err != sql.ErrNoRows {
		return false, err
	}
	r := &requests.Request{ID: newID(), GuestID: g.Guest.ID, Room: g.Stay.Room, Category: standards.CategoryArrivalPrep,
		Department: task.Department, Description: clip(task.Description, requests.MaxDescription),
		Priority: requests.PriorityNormal, Kind: requests.KindRequest, CreatedBy: owner, Owner: owner,
		Status: requests.StatusNew, CreatedAt: now.UTC()}
	if err := r.Normalize().Err(); err != nil {
		return false, err
	}
	if err := s.insertRequest(ctx, tx, r, now, task.Due, actor); err != nil {
		return false, err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO prep_tasks (stay_id, source_id, request_id) VALUES (?, ?, ?)", g.Stay.ID, task.SourceID, r.ID)
	return true, err
}

// ResolvePrompt remembers what was done with a prompt, with its task or preference.
func (s *Store) ResolvePrompt(ctx context.Context, res anticipation.Resolution) error {
	actor, err := requestActor(ctx)
	if err != nil {
		return err
	}
	if err := res.Normalize().Err(); err != nil {
		return err
	}
	now := s.now()
	return s.write(ctx, func(tx *sql.Tx) error {
		var made created
		if res.Request != nil {
			r := res.Request
			made.requestID = newID()
			r.ID, r.CreatedBy, r.CreatedAt, r.Status = made.requestID, actor.ID, now.UTC(), requests.StatusNew
			if r.Owner == "" {
				r.Owner = actor.ID
			}
			if err := s.insertRequest(ctx, tx, r, now, time.Time{}, actor); err != nil {
				return err
			}
		}
		if res.Preference != nil {
			p := res.Preference
			p.ID, p.RecordedBy, p.RecordedAt = newID(), actor.Name, now.UTC()
			made.preferenceID = p.ID
			if err := guestExists(ctx, tx, p.GuestID); err != nil {
				return err
			}
			if err := insertPreference(ctx, tx, p); err != nil {
				return err
			}
		}
		return s.remember(ctx, tx, res, made, actor, now)
	})
}

// created is what acting on a prompt wrote, for an undo to take back.
type created struct {
	stayID, requestID, preferenceID string
	tasks                           int // preparation tasks logged for the stay
}

// remember records the prompt as handled and audits it.
func (s *Store) remember(ctx context.Context, tx *sql.Tx, res anticipation.Resolution, made created, actor staff.Actor, now time.Time) error {
	action := "done"
	if res.Dismissed {
		action = "dismissed"
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO prompt_actions (key, kind, guest_id, action, note, actor_id, actor_name, at,
		stay_id, request_id, preference_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, res.Key, res.Kind, null(res.GuestID), action,
		res.Note, actor.ID, actor.Name, fmtTime(now), null(made.stayID), null(made.requestID), null(made.preferenceID))
	if isUnique(err) {
		return errs.New(errs.Conflict, "Someone has already dealt with this prompt.", nil)
	}
	if err != nil {
		return err
	}
	c := change{entity: "prompt", entityID: res.Key, guestID: res.GuestID, action: action, summary: res.Note}
	if res.Note == "" {
		c.words = promptDone(res.Kind, made)
	}
	return s.audit(ctx, tx, c)
}

// promptDone says what acting on a prompt did, when the person typed nothing.
func promptDone(kind anticipation.PromptKind, made created) *audit.Words {
	switch kind {
	case anticipation.KindPrepare:
		return summaryOf("Tasks logged: {{.Count}}", map[string]any{"Count": made.tasks})
	case anticipation.KindOccasion:
		return summaryOf("Task logged", nil)
	case anticipation.KindRepeat:
		return summaryOf("Saved as a preference", nil)
	case anticipation.KindWelcome:
		return summaryOf("Welcome contact made", nil)
	}
	return nil
}
