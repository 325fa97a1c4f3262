package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"frontdesk/handover"
	"frontdesk/resources"
)

// The groupings of the measures, as the dim column of the queries below.
const (
	dimTotal      = "t"
	dimDepartment = "d"
	dimCategory   = "c"
	dimWeek       = "w"
)

// periodRows reads the requests created in [?1, ?2) once, through the requests_created
// index, with what every measure needs (?3 is now, for "already past the promise"), and
// repeats each row under the total, its department, its category and its week (the week
// key is filled in with the property's offset from UTC). Durations are milliseconds.
const periodRows = `base AS MATERIALIZED (
		SELECT r.department AS dept, r.category AS cat, %s AS week,
			CASE WHEN r.ack_at <> '' THEN CAST(round((julianday(r.ack_at) - julianday(r.created_at)) * 86400000) AS INTEGER) END AS ack,
			CASE WHEN r.done_at <> '' THEN CAST(round((julianday(r.done_at) - julianday(r.created_at)) * 86400000) AS INTEGER) END AS res,
			r.status <> 'cancelled' AND (r.done_at <> '' OR r.promised_at <= ?3) AS ot_base,
			r.status <> 'cancelled' AND r.done_at <> '' AND r.done_at <= r.promised_at AS ot,
			r.status = 'closed' AS cl_base, r.status = 'closed' AND r.outcome = 'satisfied' AS cl,
			r.score > 0 AS scored, r.score AS score, r.kind = 'complaint' AND r.recovery_of IS NULL AS complaint,
			r.recovery = 1 AS rec, r.recovery = 1 AND r.status = 'closed' AND r.outcome = 'satisfied' AS won
		FROM requests r WHERE r.created_at >= ?1 AND r.created_at < ?2
	), keyed AS (
		SELECT 't' AS dim, '' AS k, * FROM base
		UNION ALL SELECT 'd', dept, * FROM base
		UNION ALL SELECT 'c', cat, * FROM base
		UNION ALL SELECT 'w', week, * FROM base
	)`

// groupCountsQuery counts per group.
const groupCountsQuery = `WITH ` + periodRows + `
	SELECT dim, k, count(*), sum(ot_base), sum(ot), sum(cl_base), sum(cl), sum(scored), sum(score),
		sum(complaint), sum(rec), sum(won)
	FROM keyed GROUP BY dim, k`

// groupTimesQuery computes, for the total, each department and each category, the
// nearest-rank median and 90th percentile of the time to acknowledge ('a') and to
// resolve ('r'), sorting each set once. Weeks have no times: the trend shows counts and
// shares, and sorting every week's times too would cost a third more.
const groupTimesQuery = `WITH ` + periodRows + `, times AS (
		SELECT 'a' AS m, 't' AS dim, '' AS k, ack AS ms FROM base WHERE ack IS NOT NULL
		UNION ALL SELECT 'a', 'd', dept, ack FROM base WHERE ack IS NOT NULL
		UNION ALL SELECT 'a', 'c', cat, ack FROM base WHERE ack IS NOT NULL
		UNION ALL SELECT 'r', 't', '', res FROM base WHERE res IS NOT NULL
		UNION ALL SELECT 'r', 'd', dept, res FROM base WHERE res IS NOT NULL
		UNION ALL SELECT 'r', 'c', cat, res FROM base WHERE res IS NOT NULL
	), ranked AS (
		SELECT m, dim, k, ms, row_number() OVER w AS rn,
			count(*) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS n
		FROM times WINDOW w AS (PARTITION BY m, dim, k ORDER BY ms)
	)
	SELECT m, dim, k, n, max(CASE WHEN rn = (n + 1) / 2 THEN ms END), max(CASE WHEN rn = (9 * n + 9) / 10 THEN ms END)
	FROM ranked GROUP BY m, dim, k`

// Measures computes the service measures of the requests created in p, in one snapshot.
// The period's requests are read twice (counts, then times), whatever the groupings.
func (s *Store) Measures(ctx context.Context, p handover.Period) (*handover.Measures, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	now := s.now()
	m := &handover.Measures{Period: p}
	err := s.read(ctx, func(tx *sql.Tx) error {
		depts, err := codeNames(ctx, tx, "departments")
		if err != nil {
			return err
		}
		cats, err := codeNames(ctx, tx, "categories")
		if err != nil {
			return err
		}
		groups, err := measureGroups(ctx, tx, p, now)
		if err != nil {
			return err
		}
		m.Total = groups.total()
		m.ByDepartment = groups.rows(dimDepartment, depts)
		m.ByCategory = groups.rows(dimCategory, cats)
		m.Weeks = groups.weeks(p)
		m.Repeats, err = repeatProblems(ctx, tx, p, cats)
		return err
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// codeNames maps the codes of table (departments or categories) to their names; a
// department and a category may share a code.
func codeNames(ctx context.Context, tx *sql.Tx, table string) (map[string]string, error) {
	out := map[string]string{}
	err := eachRow(ctx, tx, "SELECT code, name FROM "+table, nil,
		func(rows *sql.Rows) error {
			var code, name string
			err := rows.Scan(&code, &name)
			out[code] = name
			return err
		})
	return out, err
}

// groupKey is a grouping and a value of it: ("d", "housekeeping"), ("w", "2026-11-16").
type groupKey struct{ dim, k string }

// groupRows are the measures of every group of the period.
type groupRows map[groupKey]*handover.Row

func (g groupRows) row(dim, k string) *handover.Row {
	key := groupKey{dim, k}
	if g[key] == nil {
		g[key] = &handover.Row{Code: k}
	}
	return g[key]
}

// measureGroups computes the counts and the times of every group.
func measureGroups(ctx context.Context, tx *sql.Tx, p handover.Period, now time.Time) (groupRows, error) {
	args := []any{fmtTime(p.From), fmtTime(p.To), fmtTime(now)}
	week := weekKey(p.From)
	g := groupRows{}
	err := eachRow(ctx, tx, fmt.Sprintf(groupCountsQuery, week), args, func(rows *sql.Rows) error {
		var dim, k string
		var row handover.Row
		err := rows.Scan(&dim, &k, &row.Requests, &row.OnTime.Base, &row.OnTime.Of, &row.ClosedLoop.Base,
			&row.ClosedLoop.Of, &row.Scored, &row.ScoreSum, &row.Complaints, &row.Recoveries, &row.Recovered)
		row.Code = k
		*g.row(dim, k) = row
		return err
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, fmt.Sprintf(groupTimesQuery, week), args, func(rows *sql.Rows) error {
		var m, dim, k string
		var t handover.Times
		var med, p90 int64
		if err := rows.Scan(&m, &dim, &k, &t.N, &med, &p90); err != nil {
			return err
		}
		t.Median, t.P90 = time.Duration(med)*time.Millisecond, time.Duration(p90)*time.Millisecond
		if m == "a" {
			g.row(dim, k).Ack = t
		} else {
			g.row(dim, k).Resolve = t
		}
		return nil
	})
	return g, err
}

func (g groupRows) total() handover.Row {
	if r := g[groupKey{dimTotal, ""}]; r != nil {
		return *r
	}
	return handover.Row{}
}

// rows are the groups of dim, named, most requests first.
func (g groupRows) rows(dim string, names map[string]string) []handover.Row {
	var out []handover.Row
	for key, r := range g {
		if key.dim == dim {
			r.Name = names[key.k]
			out = append(out, *r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Requests != out[j].Requests {
			return out[i].Requests > out[j].Requests
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// weeks is the weekly trend, with a row for every week of the period even when it had
// no requests.
func (g groupRows) weeks(p handover.Period) []handover.Week {
	var out []handover.Week
	for w := mondayOf(p.From); w.Before(p.To); w = w.AddDate(0, 0, 7) {
		r := handover.Row{}
		if got := g[groupKey{dimWeek, fmtDate(w)}]; got != nil {
			r = *got
		}
		out = append(out, handover.Week{Start: w, Requests: r.Requests, OnTime: r.OnTime, ClosedLoop: r.ClosedLoop,
			Scored: r.Scored, ScoreSum: r.ScoreSum, Complaints: r.Complaints})
	}
	return out
}

// weekKey is the Monday (a local date) of a request's week, as SQL over r, with the
// property's offset from UTC at from.
func weekKey(from time.Time) string {
	_, off := from.Zone()
	return fmt.Sprintf("date(r.created_at, '%+d seconds', 'weekday 0', '-6 days')", off)
}

// mondayOf is midnight at the start of t's week (weeks start on Monday), in t's location.
func mondayOf(t time.Time) time.Time {
	d := resources.DayOf(t)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// repeatProblems finds rooms where the same problem (a complaint, or a category of the
// maintenance department) came back RepeatCount times within RepeatWindow, for windows
// ending in the period. Recovery requests repeat their original and are left out.
func repeatProblems(ctx context.Context, tx *sql.Tx, p handover.Period, names map[string]string) ([]handover.Repeat, error) {
	days := handover.RepeatWindow.Hours() / 24
	q := fmt.Sprintf(`WITH w AS (
		SELECT r.room, r.category, r.created_at,
			count(*) OVER (PARTITION BY r.room, r.category ORDER BY julianday(r.created_at)
				RANGE BETWEEN %g PRECEDING AND CURRENT ROW) AS n
		FROM requests r JOIN categories c ON c.code = r.category
		WHERE r.room IS NOT NULL AND r.recovery_of IS NULL AND (r.kind = 'complaint' OR c.department = ?3)
			AND r.created_at >= ?4 AND r.created_at < ?2
	)
	SELECT room, category, max(n), max(created_at) FROM w WHERE created_at >= ?1
	GROUP BY room, category HAVING max(n) >= ?5 ORDER BY max(n) DESC, max(created_at) DESC, room LIMIT ?6`, days)
	args := []any{fmtTime(p.From), fmtTime(p.To), resources.DeptMaintenance, fmtTime(p.From.Add(-handover.RepeatWindow)),
		handover.RepeatCount, handover.SectionLimit}
	var out []handover.Repeat
	err := eachRow(ctx, tx, q, args, func(rows *sql.Rows) error {
		var r handover.Repeat
		var last string
		err := rows.Scan(&r.Room, &r.Category, &r.Count, &last)
		r.Last, r.CategoryName = parseTime(last), names[r.Category]
		out = append(out, r)
		return err
	})
	return out, err
}
