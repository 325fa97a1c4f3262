package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sort"
	"sync"
	"time"

	"frontdesk/handover"
	"frontdesk/property"
	"frontdesk/standards"
)

// The groupings of the measures, as the dim column of the queries below.
const (
	dimTotal      = "t"
	dimDepartment = "d"
	dimCategory   = "c"
	dimWeek       = "w"
)

// periodBase reads the requests created in [?1, ?2) once, through the covering index
// requests_measures, with what every measure needs (?3 is now, for "already past the
// promise"; the week key is filled in with the property's offset from UTC). Times are
// whole minutes (minutesSQL), in milliseconds: the roll-ups keep them to the minute.
const periodBase = `WITH base AS MATERIALIZED (
		SELECT r.department AS dept, r.category AS cat, %s AS week,
			60000 * %s AS ack, 60000 * %s AS res,
			r.status <> 'cancelled' AND (r.done_at <> '' OR r.promised_at <= ?3) AS ot_base,
			r.status <> 'cancelled' AND r.done_at <> '' AND r.done_at <= r.promised_at AS ot,
			r.status = 'closed' AS cl_base, r.status = 'closed' AND r.outcome = 'satisfied' AS cl,
			r.score > 0 AS scored, r.score AS score, r.kind = 'complaint' AND r.recovery_of IS NULL AS complaint,
			r.recovery = 1 AS rec, r.recovery = 1 AND r.status = 'closed' AND r.outcome = 'satisfied' AS won
		FROM requests r WHERE r.created_at >= ?1 AND r.created_at < ?2
	)`

// groupColumns are the counted measures of a group of base.
const groupColumns = `count(*), COALESCE(sum(ot_base), 0), COALESCE(sum(ot), 0), COALESCE(sum(cl_base), 0),
	COALESCE(sum(cl), 0), COALESCE(sum(scored), 0), COALESCE(sum(score), 0), COALESCE(sum(complaint), 0),
	COALESCE(sum(rec), 0), COALESCE(sum(won), 0), count(ack), count(res)`

// Percentiles of a group: with SQLite's percentile functions (build tag
// sqlite_percentile, as the Makefile builds), or left empty for groupTimesQuery.
const (
	withPercentiles = `percentile_cont(ack, 0.5), percentile_cont(ack, 0.9), percentile_cont(res, 0.5), percentile_cont(res, 0.9)`
	noPercentiles   = `NULL, NULL, NULL, NULL`
)

// groupsQuery measures the total, each department, each category and each week (weeks
// have no times: the trend shows counts and shares) from one read of the period.
func groupsQuery(times string) string {
	return periodBase + `
	SELECT 't', '', ` + groupColumns + `, ` + times + ` FROM base
	UNION ALL SELECT 'd', dept, ` + groupColumns + `, ` + times + ` FROM base GROUP BY dept
	UNION ALL SELECT 'c', cat, ` + groupColumns + `, ` + times + ` FROM base GROUP BY cat
	UNION ALL SELECT 'w', week, ` + groupColumns + `, ` + noPercentiles + ` FROM base GROUP BY week`
}

// groupTimesQuery computes the same percentiles with window functions, for builds without
// SQLite's percentile functions: the two values around position p×(n−1) of each sorted
// set, interpolated as percentile_cont does. It is several times slower on long periods.
const groupTimesQuery = periodBase + `, times AS (
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
	), ends AS (
		SELECT m, dim, k, n,
			max(CASE WHEN rn = CAST(0.5 * (n - 1) AS INTEGER) + 1 THEN ms END) AS lo50,
			max(CASE WHEN rn = min(CAST(0.5 * (n - 1) AS INTEGER) + 2, n) THEN ms END) AS hi50,
			max(CASE WHEN rn = CAST(0.9 * (n - 1) AS INTEGER) + 1 THEN ms END) AS lo90,
			max(CASE WHEN rn = min(CAST(0.9 * (n - 1) AS INTEGER) + 2, n) THEN ms END) AS hi90
		FROM ranked GROUP BY m, dim, k
	)
	SELECT m, dim, k, lo50 + (hi50 - lo50) * (0.5 * (n - 1) - CAST(0.5 * (n - 1) AS INTEGER)),
		lo90 + (hi90 - lo90) * (0.9 * (n - 1) - CAST(0.9 * (n - 1) AS INTEGER))
	FROM ends`

// percentileFunctions reports whether this build of SQLite has percentile_cont; the
// answer is fixed at build time, so it is asked once, of an in-memory database.
var percentileFunctions = sync.OnceValue(func() bool {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		return false
	}
	defer db.Close()
	var v sql.NullFloat64
	return db.QueryRow("SELECT percentile_cont(1, 0.5)").Scan(&v) == nil
})

// groupsFunc measures every group of a period: rolledGroups, or measureGroups (the
// definition, from the requests alone, kept for the tests to compare with).
type groupsFunc func(ctx context.Context, tx *sql.Tx, p handover.Period, now time.Time) (groupRows, error)

// repeatsFunc finds the repeat problems of a period: repeatProblems, or
// repeatProblemsFrom (the definition, from the requests alone).
type repeatsFunc func(ctx context.Context, tx *sql.Tx, p handover.Period, names map[string]string) ([]handover.Repeat, error)

// Measures computes the service measures of the requests created in p, in one snapshot,
// from the daily roll-ups (measure_rollups.go) and the requests at the period's ends,
// and the repeat problems from the problems kept counted (migration 0026).
func (s *Store) Measures(ctx context.Context, p handover.Period) (*handover.Measures, error) {
	return s.measures(ctx, p, rolledGroups, repeatProblems)
}

// measures computes the measures of p with groups and repeats.
func (s *Store) measures(ctx context.Context, p handover.Period, groups groupsFunc, repeats repeatsFunc) (*handover.Measures, error) {
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
		g, err := groups(ctx, tx, p, now)
		if err != nil {
			return err
		}
		m.Total = g.total()
		m.ByDepartment = g.rows(dimDepartment, depts)
		m.ByCategory = g.rows(dimCategory, cats)
		m.Weeks = g.weeks(p)
		m.Repeats, err = repeats(ctx, tx, p, cats)
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

// measureGroups computes the counts and the times of every group, with SQLite's
// percentile functions when pct, else with window functions.
func measureGroups(ctx context.Context, tx *sql.Tx, p handover.Period, now time.Time, pct bool) (groupRows, error) {
	args := []any{fmtTime(p.From), fmtTime(p.To), fmtTime(now)}
	week := weekKeyOf("r.created_at", p.From)
	times := noPercentiles
	if pct {
		times = withPercentiles
	}
	g := groupRows{}
	err := eachRow(ctx, tx, fmt.Sprintf(groupsQuery(times), week, minutesSQL("r.ack_at"), minutesSQL("r.done_at")), args, func(rows *sql.Rows) error {
		var dim, k string
		var row handover.Row
		var a50, a90, r50, r90 sql.NullFloat64
		err := rows.Scan(&dim, &k, &row.Requests, &row.OnTime.Base, &row.OnTime.Of, &row.ClosedLoop.Base,
			&row.ClosedLoop.Of, &row.Scored, &row.ScoreSum, &row.Complaints, &row.Recoveries, &row.Recovered,
			&row.Ack.N, &row.Resolve.N, &a50, &a90, &r50, &r90)
		row.Code = k
		row.Ack.Median, row.Ack.P90, row.Resolve.Median, row.Resolve.P90 = ms(a50), ms(a90), ms(r50), ms(r90)
		*g.row(dim, k) = row
		return err
	})
	if err != nil || pct {
		return g, err
	}
	err = eachRow(ctx, tx, fmt.Sprintf(groupTimesQuery, week, minutesSQL("r.ack_at"), minutesSQL("r.done_at")), args, func(rows *sql.Rows) error {
		var m, dim, k string
		var p50, p90 sql.NullFloat64
		if err := rows.Scan(&m, &dim, &k, &p50, &p90); err != nil {
			return err
		}
		t := &g.row(dim, k).Ack
		if m == "r" {
			t = &g.row(dim, k).Resolve
		}
		t.Median, t.P90 = ms(p50), ms(p90)
		return nil
	})
	return g, err
}

// ms turns milliseconds from SQL into a duration; NULL is zero.
func ms(v sql.NullFloat64) time.Duration {
	if !v.Valid {
		return 0
	}
	return time.Duration(math.Round(v.Float64 * float64(time.Millisecond)))
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

// mondayOf is midnight at the start of t's week (weeks start on Monday), in t's location.
func mondayOf(t time.Time) time.Time {
	d := property.DayOf(t)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// repeatProblems finds rooms where the same problem (a complaint, or a category of the
// maintenance department) came back RepeatCount times within RepeatWindow, for windows
// ending in the period, from the problems the triggers of migration 0026 keep counted:
// one read of the period's problems through a covering index.
func repeatProblems(ctx context.Context, tx *sql.Tx, p handover.Period, names map[string]string) ([]handover.Repeat, error) {
	q := `SELECT room, category, max(n), max(created_at) FROM problems INDEXED BY problems_created
		WHERE created_at >= ?1 AND created_at < ?2
		GROUP BY room, category HAVING max(n) >= ?3 ORDER BY max(n) DESC, max(created_at) DESC, room LIMIT ?4`
	return scanRepeats(ctx, tx, q, []any{fmtTime(p.From), fmtTime(p.To), handover.RepeatCount, handover.SectionLimit}, names)
}

// repeatProblemsFrom is the definition repeatProblems keeps to: the problems of the
// period and the RepeatWindow before it read from the requests, each one's window counted
// with a window function. The tests compare the two.
func repeatProblemsFrom(ctx context.Context, tx *sql.Tx, p handover.Period, names map[string]string) ([]handover.Repeat, error) {
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
	args := []any{fmtTime(p.From), fmtTime(p.To), standards.DeptMaintenance, fmtTime(p.From.Add(-handover.RepeatWindow)),
		handover.RepeatCount, handover.SectionLimit}
	return scanRepeats(ctx, tx, q, args, names)
}

// scanRepeats reads rows of room, category, count and last time.
func scanRepeats(ctx context.Context, tx *sql.Tx, q string, args []any, names map[string]string) ([]handover.Repeat, error) {
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

// rebuildProblems counts every problem again from the requests: migration 0026's data
// step, and the end of a bulk load (which takes the triggers down).
func rebuildProblems(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM problems"); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO problems (request_id, room, category, at, created_at, n)
		SELECT r.id, r.room, r.category, julianday(r.created_at), r.created_at,
			count(*) OVER (PARTITION BY r.room, r.category ORDER BY julianday(r.created_at) RANGE BETWEEN 30 PRECEDING AND CURRENT ROW)
		FROM requests r JOIN categories c ON c.code = r.category
		WHERE r.room IS NOT NULL AND r.recovery_of IS NULL AND (r.kind = 'complaint' OR c.department = ?)`, standards.DeptMaintenance)
	return err
}
