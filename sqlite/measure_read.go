package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"frontdesk/handover"
)

// tallies are the groups of a period being measured: the total, each department, each
// category (with times) and each week (counts only).
type tallies map[groupKey]*tally

func (g tallies) group(dim, k string) *tally {
	key := groupKey{dim, k}
	if g[key] == nil {
		g[key] = &tally{}
	}
	return g[key]
}

// addRequest adds one request's contribution to its groups (to no week when week is
// empty).
func (g tallies) addRequest(c *contribution, week string) {
	g.group(dimTotal, "").add(c, false)
	g.group(dimDepartment, c.dept).add(c, false)
	g.group(dimCategory, c.cat).add(c, false)
	if week != "" {
		g.group(dimWeek, week).add(c, true)
	}
}

// rolledGroups measures p from the roll-ups: the whole UTC days inside it from
// measure_days and the changes not folded yet, its ends (part days) from the requests,
// the on-time base of requests not done as of now live, and the weeks from the quarter
// hours. The figures are the same as measureGroups' from the requests alone.
func rolledGroups(ctx context.Context, tx *sql.Tx, p handover.Period, now time.Time) (groupRows, error) {
	g := tallies{}
	week := weekKeyOf("r.created_at", p.From)
	d1, d2 := wholeDays(p)
	if !d1.Before(d2) {
		err := g.addRequests(ctx, tx, p.From, p.To, now, week, false)
		return g.rows(), err
	}
	_, off := p.From.Zone()
	quarters := off%(15*60) == 0 // else quarter hours straddle the property's midnights
	steps := []func() error{
		func() error { return g.addRequests(ctx, tx, p.From, d1, now, week, false) },
		func() error { return g.addRequests(ctx, tx, d2, p.To, now, week, false) },
		func() error { return g.addDays(ctx, tx, d1, d2) },
		func() error { return g.addChanges(ctx, tx, d1, d2, week, quarters) },
		func() error { return g.addUndone(ctx, tx, d1, d2, now, week) },
		func() error {
			if !quarters {
				return g.addRequests(ctx, tx, d1, d2, time.Time{}, week, true)
			}
			return g.addQuarters(ctx, tx, d1, d2, weekKeyOf("r.at", p.From))
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return g.rows(), nil
}

// wholeDays are the first and the last UTC midnight inside p; the first is not before
// the last when p holds no whole UTC day.
func wholeDays(p handover.Period) (time.Time, time.Time) {
	d1 := p.From.UTC().Truncate(24 * time.Hour)
	if d1.Before(p.From) {
		d1 = d1.AddDate(0, 0, 1)
	}
	return d1, p.To.UTC().Truncate(24 * time.Hour)
}

// addRequests adds the requests created in [from, to) from their rows, those not done
// counted late when their promise is past at now; weeksOnly adds them to the weeks alone
// and not live (addUndone counts them).
func (g tallies) addRequests(ctx context.Context, tx *sql.Tx, from, to, now time.Time, week string, weeksOnly bool) error {
	if !from.Before(to) {
		return nil
	}
	late, args := "r.status <> 'cancelled' AND r.done_at = '' AND r.promised_at <= ?3", []any{fmtTime(from), fmtTime(to), fmtTime(now)}
	if weeksOnly {
		late, args = "0", args[:2]
	}
	q := "SELECT " + contributionSQL + ", " + week + ", " + late + " FROM requests r WHERE r.created_at >= ?1 AND r.created_at < ?2"
	return eachRow(ctx, tx, q, args, func(rows *sql.Rows) error {
		c := contribution{sign: 1}
		var wk string
		var late int
		if err := c.scan(rows, nil, &wk, &late); err != nil {
			return err
		}
		c.counts.otBase += late
		if weeksOnly {
			g.group(dimWeek, wk).add(&c, true)
		} else {
			g.addRequest(&c, wk)
		}
		return nil
	})
}

// addDays adds the rows of measure_days in [d1, d2): each department and category's
// histograms are read once and merged into the total and their groups after.
func (g tallies) addDays(ctx context.Context, tx *sql.Tx, d1, d2 time.Time) error {
	pairs := map[dayKey]*tally{}
	err := eachRow(ctx, tx, "SELECT department, category, "+dayColumns+" FROM measure_days WHERE day >= ? AND day < ?",
		[]any{fmtDate(d1), fmtDate(d2)}, func(rows *sql.Rows) error {
			var k dayKey
			t := &tally{}
			var ack, res []byte
			err := rows.Scan(&k.dept, &k.cat, &t.requests, &t.otBase, &t.onTime, &t.closed, &t.satisfied, &t.scored,
				&t.scoreSum, &t.complaints, &t.recoveries, &t.recovered, &ack, &res)
			if err != nil {
				return err
			}
			if pairs[k] == nil {
				pairs[k] = &tally{}
			}
			pairs[k].addCounts(t, 1)
			if err := pairs[k].ack.merge(ack, 1); err != nil {
				return err
			}
			return pairs[k].res.merge(res, 1)
		})
	for k, t := range pairs {
		for _, key := range []groupKey{{dimTotal, ""}, {dimDepartment, k.dept}, {dimCategory, k.cat}} {
			g.group(key.dim, key.k).merge(t)
		}
	}
	return err
}

// addChanges adds the contributions in [d1, d2) not folded into the roll-ups yet, to the
// weeks too unless the weeks are read from the requests.
func (g tallies) addChanges(ctx context.Context, tx *sql.Tx, d1, d2 time.Time, week string, weeks bool) error {
	q := "SELECT " + changeColumns + ", " + week + " FROM measure_changes r WHERE r.created_at >= ? AND r.created_at < ?"
	return eachRow(ctx, tx, q, []any{fmtTime(d1), fmtTime(d2)}, func(rows *sql.Rows) error {
		var c contribution
		var wk string
		err := c.scan(rows, []any{&c.sign}, &wk)
		if !weeks {
			wk = ""
		}
		g.addRequest(&c, wk)
		return err
	})
}

// addUndone counts in the on-time base the requests created in [d1, d2) that are not
// done, not cancelled and past their promise at now.
func (g tallies) addUndone(ctx context.Context, tx *sql.Tx, d1, d2, now time.Time, week string) error {
	q := "SELECT r.department, r.category, " + week + `, count(*) FROM requests r INDEXED BY requests_undone
		WHERE r.done_at = '' AND r.status <> 'cancelled' AND r.created_at >= ? AND r.created_at < ? AND r.promised_at <= ?
		GROUP BY 1, 2, 3`
	return eachRow(ctx, tx, q, []any{fmtTime(d1), fmtTime(d2), fmtTime(now)}, func(rows *sql.Rows) error {
		var dept, cat, wk string
		var n int
		err := rows.Scan(&dept, &cat, &wk, &n)
		for _, key := range []groupKey{{dimTotal, ""}, {dimDepartment, dept}, {dimCategory, cat}, {dimWeek, wk}} {
			g.group(key.dim, key.k).otBase += n
		}
		return err
	})
}

// addQuarters adds the weeks' counts of the quarter hours in [d1, d2); week is the week
// of a quarter r.at.
func (g tallies) addQuarters(ctx context.Context, tx *sql.Tx, d1, d2 time.Time, week string) error {
	q := "SELECT " + week + `, sum(requests), sum(done), sum(on_time), sum(closed), sum(satisfied), sum(scored),
		sum(score_sum), sum(complaints) FROM measure_quarters r WHERE r.at >= ? AND r.at < ? GROUP BY 1`
	return eachRow(ctx, tx, q, []any{fmtDate(d1), fmtDate(d2)}, func(rows *sql.Rows) error {
		var wk string
		var t tally
		err := rows.Scan(&wk, &t.requests, &t.otBase, &t.onTime, &t.closed, &t.satisfied, &t.scored, &t.scoreSum, &t.complaints)
		g.group(dimWeek, wk).addCounts(&t, 1)
		return err
	})
}

// rows are the measures of the groups that hold requests (a change not folded yet may
// leave a group with none).
func (g tallies) rows() groupRows {
	out := groupRows{}
	for key, t := range g {
		if t.requests == 0 && key.dim != dimTotal {
			continue
		}
		out[key] = t.row(key.k)
	}
	return out
}

// row is the group's measures.
func (t *tally) row(code string) *handover.Row {
	r := &handover.Row{Code: code, Requests: t.requests, OnTime: handover.Share{Of: t.onTime, Base: t.otBase},
		ClosedLoop: handover.Share{Of: t.satisfied, Base: t.closed}, Scored: t.scored, ScoreSum: t.scoreSum,
		Complaints: t.complaints, Recoveries: t.recoveries, Recovered: t.recovered}
	for _, m := range []struct {
		h   *measureHist
		out *handover.Times
	}{{&t.ack, &r.Ack}, {&t.res, &r.Resolve}} {
		n, q := m.h.quantiles(0.5, 0.9)
		*m.out = handover.Times{N: n, Median: q[0], P90: q[1]}
	}
	return r
}

// merge adds u's counts and times.
func (t *tally) merge(u *tally) {
	t.addCounts(u, 1)
	t.ack.mergeHist(&u.ack)
	t.res.mergeHist(&u.res)
}

// weekKeyOf is the Monday (a local date) of the week of the stored time col, as SQL,
// with the property's offset from UTC at from.
func weekKeyOf(col string, from time.Time) string {
	_, off := from.Zone()
	return fmt.Sprintf("date(%s, '%+d seconds', 'weekday 0', '-6 days')", col, off)
}
