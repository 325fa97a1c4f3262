package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"frontdesk/handover"
	"frontdesk/requests"
	"frontdesk/staff"
)

// rawGroups is the definition the roll-ups must reproduce: every group measured from the
// requests alone.
func rawGroups(ctx context.Context, tx *sql.Tx, p handover.Period, now time.Time) (groupRows, error) {
	return measureGroups(ctx, tx, p, now, percentileFunctions())
}

// measureZones are property zones with offsets of whole hours, half hours and quarter
// hours, summer time on either side of the equator, and one no real zone has.
var measureZones = func() []*time.Location {
	out := []*time.Location{time.UTC, time.FixedZone("odd", 7*60+13)}
	for _, name := range []string{"Pacific/Auckland", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham"} {
		if loc, err := time.LoadLocation(name); err == nil {
			out = append(out, loc)
		}
	}
	return out
}()

// randomHistory logs, works on and imports requests over three weeks before testNow at
// random milliseconds, then acts on old ones long after (acknowledged, done, scored,
// cancelled, closed, reopened, moved to another department).
func randomHistory(t *testing.T, d *desk, rng *rand.Rand) []string {
	t.Helper()
	start := testNow.AddDate(0, 0, -21)
	at := func(from time.Time, span time.Duration) time.Time {
		return from.Add(time.Duration(rng.Int64N(int64(span)))).Truncate(time.Millisecond)
	}
	cats := []string{"towels", "maintenance", "complaint", "other"}
	var ids []string
	for range 150 {
		d.now = at(start, 21*24*time.Hour)
		r := d.logAt(t, d.now, []string{"1204", "1315"}[rng.IntN(2)], cats[rng.IntN(len(cats))], "random")
		ids = append(ids, r.ID)
		when := d.now
		for range rng.IntN(5) {
			when = at(when, 3*time.Hour)
			actOn(d, rng, r.ID, when)
		}
	}
	ids = append(ids, importRandom(t, d, rng, start)...)
	for range 120 { // after the fact: days or weeks later
		id := ids[rng.IntN(len(ids))]
		actOn(d, rng, id, at(testNow, 5*24*time.Hour))
	}
	return ids
}

// actOn tries a random action at when; one the request's state refuses is skipped.
func actOn(d *desk, rng *rand.Rand, id string, when time.Time) {
	acts := []requests.Action{
		{Kind: requests.ActAcknowledge}, {Kind: requests.ActStart}, {Kind: requests.ActDone}, {Kind: requests.ActDone},
		{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 1 + rng.IntN(5)},
		{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: 1 + rng.IntN(2)},
		{Kind: requests.ActCancel, Reason: "Guest changed their mind"},
		{Kind: requests.ActClose, Reason: "Guest checked out"},
		{Kind: requests.ActReopen, Reason: "Not fixed"},
		{Kind: requests.ActTransfer, Department: "maintenance", Reason: "Their job"},
	}
	d.now = when
	who := []staff.Actor{d.dewi, d.rina}[rng.IntN(2)]
	d.s.Act(as(who), id, acts[rng.IntN(len(acts))]) //nolint:errcheck // refusals are part of the game
}

// importRandom imports requests from another system with times a desk would not make:
// acknowledged before they were created, resolved after days.
func importRandom(t *testing.T, d *desk, rng *rand.Rand, start time.Time) []string {
	t.Helper()
	var hs []requests.Historic
	var ids []string
	for i := range 40 {
		created := start.Add(time.Duration(rng.Int64N(int64(21 * 24 * time.Hour)))).Truncate(time.Millisecond)
		off := func(span time.Duration) time.Time {
			return created.Add(time.Duration(rng.Int64N(int64(span))) - span/10).Truncate(time.Millisecond)
		}
		status := []requests.Status{requests.StatusNew, requests.StatusAcknowledged, requests.StatusDone,
			requests.StatusClosed, requests.StatusCancelled}[rng.IntN(5)]
		r := requests.Request{ID: fmt.Sprintf("imp-%d", i), Room: "1204", Category: "towels", Department: "housekeeping",
			Description: "imported", CreatedBy: d.dewi.ID, Owner: d.dewi.ID, Status: status, CreatedAt: created,
			PromisedAt: off(2 * time.Hour)}
		if status != requests.StatusNew {
			r.AckAt = off(time.Hour)
		}
		if status == requests.StatusDone || status == requests.StatusClosed || rng.IntN(4) == 0 {
			r.DoneAt = off(80 * time.Hour)
		}
		if status == requests.StatusClosed {
			r.Outcome, r.Score = requests.OutcomeSatisfied, rng.IntN(6)
			r.Recovery = rng.IntN(3) == 0
		}
		hs = append(hs, requests.Historic{Request: r, Timeline: []requests.Event{{At: created, Actor: "Import",
			Action: requests.ActCreate, To: status}}})
		ids = append(ids, r.ID)
	}
	must(t, d.s.ImportRequests(as(staff.Actor{Name: "Import", Role: staff.RoleAdministrator}), hs))
	return ids
}

// checkMeasuresAgainstRaw compares every figure of the roll-ups with the raw one over
// periods of whole local days in every zone, and periods that start and end at random
// milliseconds, asked at several moments.
func checkMeasuresAgainstRaw(t *testing.T, d *desk, rng *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	for _, loc := range measureZones {
		for _, now := range []time.Time{testNow.AddDate(0, 0, -10), testNow, testNow.AddDate(0, 0, 6)} {
			from := testNow.AddDate(0, 0, -25).Add(time.Duration(rng.Int64N(int64(30 * 24 * time.Hour)))).Truncate(time.Millisecond)
			periods := []handover.Period{handover.LastDays(now.In(loc), 1), handover.LastDays(now.In(loc), 7),
				handover.LastDays(now.In(loc), 30), {From: from.In(loc), To: from.Add(time.Duration(rng.Int64N(int64(9 * 24 * time.Hour)))).In(loc)},
				{From: from.In(loc), To: from.Add(time.Duration(rng.Int64N(int64(20 * time.Hour)))).In(loc)}}
			for _, p := range periods {
				if p.Check() != nil {
					continue
				}
				d.now = now
				rolled, err := d.s.Measures(ctx, p)
				must(t, err)
				raw, err := d.s.measures(ctx, p, rawGroups, repeatProblemsFrom)
				must(t, err)
				if !reflect.DeepEqual(rolled, raw) {
					t.Fatalf("%s, %v–%v at %v:\nroll-ups %+v\n     raw %+v", loc, p.From, p.To, now, *rolled, *raw)
				}
			}
		}
	}
}

func TestMeasuresFromRollupsEqualTheRawComputation(t *testing.T) {
	for seed := range uint64(3) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 21))
			d := newDesk(t)
			randomHistory(t, d, rng)
			checkMeasuresAgainstRaw(t, d, rng)
			assertRebuildEqualsKept(t, d)
		})
	}
}

// rollupRows is every row of the roll-up tables, as text.
func rollupRows(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.read(context.Background(), func(tx *sql.Tx) error {
		for _, q := range []string{"SELECT day, department, category, " + dayColumns + " FROM measure_days ORDER BY 1, 2, 3",
			"SELECT * FROM measure_quarters ORDER BY at", "SELECT * FROM measure_changes"} {
			err := eachRow(context.Background(), tx, q, nil, func(rows *sql.Rows) error {
				cols, _ := rows.Columns()
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				err := rows.Scan(ptrs...)
				out = append(out, fmt.Sprint(vals...))
				return err
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	must(t, err)
	return out
}

// assertRebuildEqualsKept checks that the roll-ups kept change by change are those the
// migration's data step builds from the requests.
func assertRebuildEqualsKept(t *testing.T, d *desk) {
	t.Helper()
	kept := rollupRows(t, d.s)
	must(t, d.s.write(context.Background(), func(tx *sql.Tx) error { return rebuildMeasures(context.Background(), tx) }))
	if built := rollupRows(t, d.s); !reflect.DeepEqual(kept, built) {
		t.Fatalf("roll-ups kept by the triggers differ from the ones built from the requests:\nkept  %v\nbuilt %v", kept, built)
	}
}

func TestMeasuresCountChangesAnotherProgramLeftUnfolded(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	d := newDesk(t)
	randomHistory(t, d, rng)
	// A tool on the file changes requests without the store: the triggers queue the
	// changes, nothing folds them.
	for _, q := range []string{"UPDATE requests SET score = 5, outcome = 'satisfied', status = 'closed', open = 0 WHERE seq % 3 = 0",
		"UPDATE requests SET department = 'maintenance' WHERE seq % 5 = 0"} {
		if _, err := d.s.writer.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if pendingChanges(t, d.s) == 0 {
		t.Fatal("the tool's changes were not queued")
	}
	checkMeasuresAgainstRaw(t, d, rng)
	must(t, d.s.catchUpMeasures(context.Background()))
	if n := pendingChanges(t, d.s); n != 0 {
		t.Fatalf("%d changes left after catching up at start", n)
	}
	checkMeasuresAgainstRaw(t, d, rng)
	assertRebuildEqualsKept(t, d)
}

// pendingChanges is how many contributions wait in measure_changes.
func pendingChanges(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	must(t, s.reader.QueryRow("SELECT count(*) FROM measure_changes").Scan(&n))
	return n
}

func TestHistogramKeepsEveryMinuteAndRoundTrips(t *testing.T) {
	var h measureHist
	for _, m := range []int{-3, 0, 0, 5, 2879, 2880, 525600, 7} {
		h.add(m, 1)
	}
	var back measureHist
	must(t, back.merge(h.blob(), 1))
	if !reflect.DeepEqual(back.bins(), h.bins()) || len(h.bins()) != 7 {
		t.Fatalf("bins %v, back %v", h.bins(), back.bins())
	}
	n, q := back.quantiles(0, 0.5, 1)
	if n != 8 || q[0] != -3*time.Minute || q[1] != 6*time.Minute || q[2] != 525600*time.Minute {
		t.Fatalf("n %d quantiles %v", n, q)
	}
}
