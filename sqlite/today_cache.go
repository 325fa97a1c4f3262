package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"maps"
	"runtime"
	"sync"
	"time"

	"frontdesk/anticipation"
	"frontdesk/guests"
)

// boardCache keeps what the Today board's rules read of each guest on the board, so a
// refresh reads again only the guests whose data changed since the last one (the
// guest_changes log that triggers keep, migration 0010, in the writer's transaction,
// whichever desk wrote) and the guests new to the board. At a resort the board concerns
// thousands of guests and tens of thousands of requests; a refresh reads a handful.
type boardCache struct {
	mu     sync.Mutex
	rev    int64                  // the newest change the entries include
	guests map[string]*boardGuest // by guest ID

	built   *anticipation.Board // the last whole board, of rev, built at builtAt; never changed
	builtAt time.Time
}

// boardGuest is one guest as the rules read them.
type boardGuest struct {
	profile  *guests.Profile
	requests []anticipation.RequestBrief
	prep     map[string]prepCount              // by stay ID
	handled  []string                          // keys of the guest's prompts already dealt with
	analysis map[string]*anticipation.Analysis // by current stay ID, computed when first needed

	// The guest's places on the board of day, kept until the day or the guest changes.
	day          time.Time
	in, arriving []anticipation.GuestState
}

func newBoardCache() *boardCache { return &boardCache{guests: map[string]*boardGuest{}} }

// forGuestsCTE names the guests of a JSON list as here(guest_id).
const forGuestsCTE = `WITH here(guest_id) AS MATERIALIZED (SELECT value FROM json_each(?)) `

// build is the whole board at now: the last one built when no guest changed since and
// now is in the same minute of the property's clock, else built afresh from the snapshot.
// Calls take turns, so a board is built once however many desks ask for it at once.
func (c *boardCache) build(ctx context.Context, tx *sql.Tx, now time.Time, side readFunc) (*anticipation.Board, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var rev int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(rev), 0) FROM guest_changes").Scan(&rev); err != nil {
		return nil, err
	}
	minute := now.Truncate(time.Minute)
	if c.built != nil && rev == c.rev && minute.Equal(c.builtAt) && now.Location().String() == c.builtAt.Location().String() {
		return c.built, nil
	}
	snap, err := c.snapshot(ctx, tx, now, rev, side)
	if err != nil {
		return nil, err
	}
	c.built, c.builtAt = anticipation.Build(snap), minute
	return c.built, nil
}

// snapshot gathers the board's snapshot at now in tx, reading only what the cache lacks
// (rev is the newest guest change in tx; side reads a share of them beside tx). The
// caller holds c.mu.
func (c *boardCache) snapshot(ctx context.Context, tx *sql.Tx, now time.Time, rev int64, side readFunc) (anticipation.Snapshot, error) {
	today, args := boardDay(now)
	if rev < c.rev { // the file was replaced by an older one (a restore): start again
		c.guests = map[string]*boardGuest{}
	}
	ids, err := boardGuestIDs(ctx, tx, args)
	if err != nil {
		return anticipation.Snapshot{}, err
	}
	changed, err := c.changedSince(ctx, tx)
	if err != nil {
		return anticipation.Snapshot{}, err
	}
	kept := make(map[string]*boardGuest, len(ids))
	var stale []string
	for _, id := range ids {
		if g := c.guests[id]; g != nil && !changed[id] && g.complete(today) {
			kept[id] = g
		} else {
			stale = append(stale, id)
		}
	}
	if err := readGuestsBeside(ctx, tx, side, stale, kept, today); err != nil {
		return anticipation.Snapshot{}, err
	}
	c.guests, c.rev = kept, rev
	return c.board(ctx, tx, now, today)
}

// board assembles the kept guests into the rules' snapshot at now. Each guest's places on
// the board are kept for the day, so only the guests read again are put together again;
// once their analyses are attached, their request history is dropped: the rules read it
// no more until the guest changes, and a resort's board would otherwise keep tens of
// thousands of requests in memory all shift.
func (c *boardCache) board(ctx context.Context, tx *sql.Tx, now, today time.Time) (anticipation.Snapshot, error) {
	snap, err := emptySnapshot(ctx, tx, now)
	if err != nil {
		return snap, err
	}
	snap.InHouse = make([]anticipation.GuestState, 0, len(c.guests))
	for _, g := range c.guests {
		if !g.day.Equal(today) {
			g.place(today)
		}
		snap.InHouse = append(snap.InHouse, g.in...)
		snap.Arrivals = append(snap.Arrivals, g.arriving...)
		for _, k := range g.handled {
			snap.Handled[k] = true
		}
	}
	sortBoard(&snap)
	return snap, nil
}

// withoutHistory drops the request history from kept guest states: their analysis is
// attached, and the rules read nothing else of it.
func withoutHistory(gs []anticipation.GuestState) {
	for i := range gs {
		gs[i].Requests = nil
	}
}

// complete reports whether the kept guest has what the rules need today: their history,
// or the analysis of every stay that puts them on today's board (a stay booked for the
// day after tomorrow comes onto the board with the date, with no change to the guest).
func (g *boardGuest) complete(today time.Time) bool {
	if g.requests != nil {
		return true
	}
	for _, s := range g.profile.Stays {
		if in, arriving := boardStay(s, today); (in || arriving) && g.analysis[s.ID] == nil {
			return false
		}
	}
	return true
}

// boardGuestIDs are the guests in house or arriving on the board's two dates.
func boardGuestIDs(ctx context.Context, tx *sql.Tx, args []any) ([]string, error) {
	var ids []string
	err := eachRow(ctx, tx, hereCTE+"SELECT guest_id FROM here", args, func(r *sql.Rows) error {
		var id string
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	})
	return ids, err
}

// changedSince is the set of guests changed after the cache's revision (none to ask about
// while the cache is empty).
func (c *boardCache) changedSince(ctx context.Context, tx *sql.Tx) (map[string]bool, error) {
	changed := map[string]bool{}
	if len(c.guests) == 0 {
		return changed, nil
	}
	err := eachRow(ctx, tx, "SELECT guest_id FROM guest_changes WHERE rev > ?", []any{c.rev}, func(r *sql.Rows) error {
		var id string
		err := r.Scan(&id)
		changed[id] = true
		return err
	})
	return changed, err
}

// readGuests reads the guests ids from the database into into.
// readFunc runs fn in a read transaction of its own (Store.read).
type readFunc func(ctx context.Context, fn func(*sql.Tx) error) error

// besideMin is how many guests make it worth reading half of them on a second
// connection: the first board after opening reads thousands at a resort.
var besideMin = 1000

// readGuestsBeside reads the guests of ids into into: a large set half in tx and half in
// a read transaction of its own (side) at the same time, on the machine's second core.
// Each guest is read whole in one snapshot; the two snapshots may differ by a write
// committed between their starts, and the guest_changes log the cache follows then reads
// that guest again on the next board, as it does any guest changed since.
func readGuestsBeside(ctx context.Context, tx *sql.Tx, side readFunc, ids []string, into map[string]*boardGuest, today time.Time) error {
	if side == nil || len(ids) < besideMin || runtime.GOMAXPROCS(0) < 2 {
		return readGuests(ctx, tx, ids, into, today)
	}
	half := len(ids) / 2
	other := map[string]*boardGuest{}
	done := make(chan error, 1)
	go func() {
		done <- side(ctx, func(tx *sql.Tx) error { return readGuests(ctx, tx, ids[half:], other, today) })
	}()
	err := readGuests(ctx, tx, ids[:half], into, today)
	if sideErr := <-done; err == nil {
		err = sideErr
	}
	maps.Copy(into, other)
	return err
}

// readGuests reads what the rules need of the guests of ids in tx into into, and puts
// them on the board of today (their analyses are made beside the reading, too).
func readGuests(ctx context.Context, tx *sql.Tx, ids []string, into map[string]*boardGuest, today time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	st := newTodayState(forGuestsCTE, string(list))
	if err := st.load(ctx, tx); err != nil {
		return err
	}
	for id, p := range st.profiles {
		g := &boardGuest{profile: p, requests: st.requests[id], prep: map[string]prepCount{}, handled: st.handled[id]}
		for _, s := range p.Stays {
			if n, ok := st.prep[s.ID]; ok {
				g.prep[s.ID] = n
			}
		}
		g.place(today)
		into[id] = g
	}
	return nil
}

// place puts the guest on the board of today: their places on it (in house, arriving),
// each with the analysis of their history for that stay, which is then dropped: the
// rules read it no more until the guest changes, and a resort's board would otherwise
// keep tens of thousands of requests in memory all shift.
func (g *boardGuest) place(today time.Time) {
	g.in, g.arriving = guestStates(g.profile, g.requests, g.prep, today, g.analysisOf)
	g.day = today
	g.requests = nil
	withoutHistory(g.in)
	withoutHistory(g.arriving)
}

// analysisOf is the guest's history analysis for the stay of gs, computed once for each
// version of the guest read (a change replaces the cached guest, and with it this).
func (g *boardGuest) analysisOf(gs anticipation.GuestState) *anticipation.Analysis {
	if a := g.analysis[gs.Stay.ID]; a != nil {
		return a
	}
	if g.analysis == nil {
		g.analysis = map[string]*anticipation.Analysis{}
	}
	a := anticipation.Analyse(gs)
	g.analysis[gs.Stay.ID] = a
	return a
}

// forget drops the built board: the next read builds it again (the rules changed).
func (c *boardCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.built = nil
}
