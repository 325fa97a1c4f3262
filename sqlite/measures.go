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

// inPeriod selects the requests created in [?1, ?2); every measures query reads the
// requests_created index through it.
const inPeriod = "r.created_at >= ?1 AND r.created_at < ?2"

// groupCounts are the counted measures of a group; ?3 is now, for "already past the promise".
const groupCounts = `count(*),
	sum(r.status <> 'cancelled' AND (r.done_at <> '' OR r.promised_at <= ?3)),
	sum(r.status <> 'cancelled' AND r.done_at <> '' AND r.done_at <= r.promised_at),
	sum(r.status = 'closed'), sum(r.status = 'closed' AND r.outcome = 'satisfied'),
	sum(r.score > 0), sum(r.score), sum(r.kind = 'complaint' AND r.recovery_of IS NULL),
	sum(r.recovery = 1), sum(r.recovery = 1 AND r.status = 'closed' AND r.outcome = 'satisfied')`

// Measures computes the service measures of the requests created in p, in one snapshot.
func (s *Store) Measures(ctx context.Context, p handover.Period) (*handover.Measures, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	now := s.now()
	m := &handover.Measures{Period: p}
	err := s.read(ctx, func(tx *sql.Tx) error {
		args := []any{fmtTime(p.From), fmtTime(p.To), fmtTime(now)}
		depts, err := codeNames(ctx, tx, "departments")
		if err != nil {
			return err
		}
		cats, err := codeNames(ctx, tx, "categories")
		if err != nil {
			return err
		}
		rows, err := measureGroups(ctx, tx, "''", args, nil)
		if err != nil {
			return err
		}
		if len(rows) > 0 {
			m.Total = rows[0]
		}
		if m.ByDepartment, err = measureGroups(ctx, tx, "r.department", args, depts); err != nil {
			return err
		}
		if m.ByCategory, err = measureGroups(ctx, tx, "r.category", args, cats); err != nil {
			return err
		}
		if m.Weeks, err = measureWeeks(ctx, tx, p, args); err != nil {
			return err
		}
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

// measureGroups computes the measures per value of key, an SQL expression over r (a
// column, or a constant for the total), most requests first.
func measureGroups(ctx context.Context, tx *sql.Tx, key string, args []any, names map[string]string) ([]handover.Row, error) {
	byKey := map[string]*handover.Row{}
	var out []*handover.Row
	err := eachRow(ctx, tx, "SELECT "+key+", "+groupCounts+" FROM requests r WHERE "+inPeriod+" GROUP BY 1", args,
		func(rows *sql.Rows) error {
			row := &handover.Row{}
			err := rows.Scan(&row.Code, &row.Requests, &row.OnTime.Base, &row.OnTime.Of, &row.ClosedLoop.Base,
				&row.ClosedLoop.Of, &row.Scored, &row.ScoreSum, &row.Complaints, &row.Recoveries, &row.Recovered)
			row.Name = names[row.Code]
			byKey[row.Code] = row
			out = append(out, row)
			return err
		})
	if err != nil {
		return nil, err
	}
	for _, t := range []struct {
		end  string
		dest func(*handover.Row) *handover.Times
	}{{"ack_at", func(r *handover.Row) *handover.Times { return &r.Ack }},
		{"done_at", func(r *handover.Row) *handover.Times { return &r.Resolve }}} {
		err := percentiles(ctx, tx, key, t.end, args, func(k string, times handover.Times) {
			if row := byKey[k]; row != nil {
				*t.dest(row) = times
			}
		})
		if err != nil {
			return nil, err
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Requests != out[j].Requests {
			return out[i].Requests > out[j].Requests
		}
		return out[i].Name < out[j].Name
	})
	rows := make([]handover.Row, len(out))
	for i, r := range out {
		rows[i] = *r
	}
	return rows, nil
}

// percentiles computes, per value of key, the nearest-rank median and 90th percentile of
// the time from creation to the column end (ack_at or done_at), in milliseconds.
func percentiles(ctx context.Context, tx *sql.Tx, key, end string, args []any, put func(string, handover.Times)) error {
	q := `WITH d AS (
		SELECT ` + key + ` AS k, CAST(round((julianday(r.` + end + `) - julianday(r.created_at)) * 86400000) AS INTEGER) AS ms
		FROM requests r WHERE ` + inPeriod + ` AND r.` + end + ` <> ''
	), ranked AS (
		SELECT k, ms, row_number() OVER (PARTITION BY k ORDER BY ms) AS rn, count(*) OVER (PARTITION BY k) AS n FROM d
	)
	SELECT k, n, max(CASE WHEN rn = (n + 1) / 2 THEN ms END), max(CASE WHEN rn = (9 * n + 9) / 10 THEN ms END)
	FROM ranked GROUP BY k`
	return eachRow(ctx, tx, q, args[:2], func(rows *sql.Rows) error {
		var k string
		var t handover.Times
		var med, p90 int64
		if err := rows.Scan(&k, &t.N, &med, &p90); err != nil {
			return err
		}
		t.Median, t.P90 = time.Duration(med)*time.Millisecond, time.Duration(p90)*time.Millisecond
		put(k, t)
		return nil
	})
}

// weekKey is the Monday (a local date) of a request's week, as SQL over r.
func weekKey(loc *time.Location, at time.Time) string {
	_, off := at.In(loc).Zone()
	return fmt.Sprintf("date(r.created_at, '%+d seconds', 'weekday 0', '-6 days')", off)
}

// measureWeeks computes the weekly trend, with a row for every week of the period even
// when it had no requests.
func measureWeeks(ctx context.Context, tx *sql.Tx, p handover.Period, args []any) ([]handover.Week, error) {
	loc := p.From.Location()
	key := weekKey(loc, p.From)
	rows, err := measureGroups(ctx, tx, key, args, nil)
	if err != nil {
		return nil, err
	}
	byDate := map[string]handover.Row{}
	for _, r := range rows {
		byDate[r.Code] = r
	}
	var out []handover.Week
	for w := mondayOf(p.From); w.Before(p.To); w = w.AddDate(0, 0, 7) {
		r := byDate[fmtDate(w)]
		out = append(out, handover.Week{Start: w, Requests: r.Requests, OnTime: r.OnTime, ClosedLoop: r.ClosedLoop,
			Scored: r.Scored, ScoreSum: r.ScoreSum, ResolveP50: r.Resolve.Median, Complaints: r.Complaints})
	}
	return out, nil
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
