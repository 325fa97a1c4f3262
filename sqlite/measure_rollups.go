package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// Roll-ups of the service measures (migration 0025). Every request contributes to the
// row of its UTC creation day, department and category in measure_days (counts and the
// per-minute histograms of its times) and to its quarter hour in measure_quarters (the
// weekly trend's counts). Triggers on requests write each change of a contribution to
// measure_changes inside the writer's transaction; foldMeasureChanges folds them into the
// roll-ups before that transaction commits. The one figure that depends on the time of
// asking — a request not done is late once its promise has passed — is not rolled up:
// Measures counts the undone requests live, through a partial index of them.

// minutesSQL is a time span from creation to col in whole minutes, rounded to the nearest
// (halves up), through whole milliseconds; NULL when col is empty. The triggers of 0025
// spell out the same expression.
func minutesSQL(col string) string {
	return fmt.Sprintf(`CASE WHEN %[1]s <> '' THEN CAST(round(CAST(round((julianday(%[1]s) - julianday(r.created_at)) * 86400000) AS INTEGER) / 60000.0) AS INTEGER) END`, col)
}

// contributionSQL is what a request r contributes, in the columns of measure_changes
// after sign; it must stay the same as the triggers of 0025.
var contributionSQL = `r.created_at, r.department, r.category,
	r.status <> 'cancelled' AND r.done_at <> '',
	r.status <> 'cancelled' AND r.done_at <> '' AND r.done_at <= r.promised_at,
	r.status = 'closed', r.status = 'closed' AND r.outcome = 'satisfied',
	r.score > 0, r.score, r.kind = 'complaint' AND r.recovery_of IS NULL,
	r.recovery = 1, r.recovery = 1 AND r.status = 'closed' AND r.outcome = 'satisfied', ` +
	minutesSQL("r.ack_at") + `, ` + minutesSQL("r.done_at")

// contribution is one request's part of the measures, or a change of it (sign −1 takes
// an old contribution away).
type contribution struct {
	sign               int
	created, dept, cat string
	counts             tally
	ack, res           sql.NullInt64
}

// scan reads the columns of contributionSQL, after lead and before extra.
func (c *contribution) scan(rows *sql.Rows, lead []any, extra ...any) error {
	t := &c.counts
	dest := append(lead, &c.created, &c.dept, &c.cat, &t.otBase, &t.onTime, &t.closed, &t.satisfied, &t.scored,
		&t.scoreSum, &t.complaints, &t.recoveries, &t.recovered, &c.ack, &c.res)
	dest = append(dest, extra...)
	t.requests = 1
	return rows.Scan(dest...)
}

// tally is the counted measures of a group of requests and the histograms of their times.
type tally struct {
	requests, otBase, onTime, closed, satisfied, scored, scoreSum, complaints, recoveries, recovered int
	ack, res                                                                                         measureHist
}

// addCounts adds u's counts times sign.
func (t *tally) addCounts(u *tally, sign int) {
	t.requests += sign * u.requests
	t.otBase += sign * u.otBase
	t.onTime += sign * u.onTime
	t.closed += sign * u.closed
	t.satisfied += sign * u.satisfied
	t.scored += sign * u.scored
	t.scoreSum += sign * u.scoreSum
	t.complaints += sign * u.complaints
	t.recoveries += sign * u.recoveries
	t.recovered += sign * u.recovered
}

// add adds a contribution, its times too unless countsOnly.
func (t *tally) add(c *contribution, countsOnly bool) {
	t.addCounts(&c.counts, c.sign)
	if countsOnly {
		return
	}
	if c.ack.Valid {
		t.ack.add(int(c.ack.Int64), c.sign)
	}
	if c.res.Valid {
		t.res.add(int(c.res.Int64), c.sign)
	}
}

// quarterOf is the UTC quarter hour ('YYYY-MM-DDTHH:MM') of a stored time.
func quarterOf(at string) string {
	if len(at) < 16 {
		return at
	}
	m := (int(at[14]-'0')*10 + int(at[15]-'0')) / 15 * 15
	return fmt.Sprintf("%s%02d", at[:14], m)
}

// dayKey is a row of measure_days.
type dayKey struct{ day, dept, cat string }

// rollup gathers contributions by day row and by quarter before writing them.
type rollup struct {
	days     map[dayKey]*tally
	quarters map[string]*tally
}

func newRollup() *rollup {
	return &rollup{days: map[dayKey]*tally{}, quarters: map[string]*tally{}}
}

func (r *rollup) add(c *contribution) {
	k := dayKey{c.created[:min(10, len(c.created))], c.dept, c.cat}
	if r.days[k] == nil {
		r.days[k] = &tally{}
	}
	r.days[k].add(c, false)
	q := quarterOf(c.created)
	if r.quarters[q] == nil {
		r.quarters[q] = &tally{}
	}
	r.quarters[q].add(c, true)
}

// write adds what was gathered to the roll-ups.
func (r *rollup) write(ctx context.Context, tx *sql.Tx) error {
	for k, t := range r.days {
		if err := addDay(ctx, tx, k, t); err != nil {
			return err
		}
	}
	for q, t := range r.quarters {
		if _, err := tx.ExecContext(ctx, `INSERT INTO measure_quarters (at, requests, done, on_time, closed, satisfied,
			scored, score_sum, complaints) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (at) DO UPDATE SET
			requests = requests + excluded.requests, done = done + excluded.done, on_time = on_time + excluded.on_time,
			closed = closed + excluded.closed, satisfied = satisfied + excluded.satisfied, scored = scored + excluded.scored,
			score_sum = score_sum + excluded.score_sum, complaints = complaints + excluded.complaints`,
			q, t.requests, t.otBase, t.onTime, t.closed, t.satisfied, t.scored, t.scoreSum, t.complaints); err != nil {
			return err
		}
	}
	r.days, r.quarters = map[dayKey]*tally{}, map[string]*tally{}
	return nil
}

// dayColumns are the columns of measure_days after its key.
const dayColumns = `requests, done, on_time, closed, satisfied, scored, score_sum, complaints, recoveries, recovered, ack, resolve`

// scanDay reads dayColumns into t, adding to what t holds.
func scanDay(rows interface{ Scan(...any) error }, t *tally) error {
	var u tally
	var ack, res []byte
	if err := rows.Scan(&u.requests, &u.otBase, &u.onTime, &u.closed, &u.satisfied, &u.scored, &u.scoreSum,
		&u.complaints, &u.recoveries, &u.recovered, &ack, &res); err != nil {
		return err
	}
	t.addCounts(&u, 1)
	if err := t.ack.merge(ack, 1); err != nil {
		return err
	}
	return t.res.merge(res, 1)
}

// addDay adds t to a row of measure_days, removing the row when no request is left in it.
func addDay(ctx context.Context, tx *sql.Tx, k dayKey, t *tally) error {
	row := tx.QueryRowContext(ctx, "SELECT "+dayColumns+" FROM measure_days WHERE day = ? AND department = ? AND category = ?",
		k.day, k.dept, k.cat)
	if err := scanDay(row, t); err != nil && err != sql.ErrNoRows {
		return err
	}
	if t.requests == 0 {
		_, err := tx.ExecContext(ctx, "DELETE FROM measure_days WHERE day = ? AND department = ? AND category = ?", k.day, k.dept, k.cat)
		return err
	}
	_, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO measure_days (day, department, category, "+dayColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, k.day, k.dept, k.cat, t.requests, t.otBase, t.onTime,
		t.closed, t.satisfied, t.scored, t.scoreSum, t.complaints, t.recoveries, t.recovered, t.ack.blob(), t.res.blob())
	return err
}

// changeColumns are measure_changes' columns, as contributionSQL's after sign.
const changeColumns = `sign, created_at, department, category, done, on_time, closed, satisfied, scored, score, complaint,
	recovery, recovered, ack, resolve`

// foldMeasureChanges folds the contributions the triggers wrote in this transaction (or
// any left by another program) into the roll-ups.
func foldMeasureChanges(ctx context.Context, tx *sql.Tx) error {
	r := newRollup()
	err := eachRow(ctx, tx, "SELECT "+changeColumns+" FROM measure_changes", nil, func(rows *sql.Rows) error {
		var c contribution
		err := c.scan(rows, []any{&c.sign})
		r.add(&c)
		return err
	})
	if err != nil || len(r.days) == 0 {
		return err
	}
	if err := r.write(ctx, tx); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "DELETE FROM measure_changes")
	return err
}

// rebuildMeasures makes the roll-ups again from every request: migration 0025's data
// step, and the end of a bulk load. Requests are read in creation order through the
// measures index and written a day at a time, so memory stays small at any size.
func rebuildMeasures(ctx context.Context, tx *sql.Tx) error {
	for _, table := range []string{"measure_days", "measure_quarters", "measure_changes"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table); err != nil {
			return err
		}
	}
	r := newRollup()
	day := ""
	err := eachRow(ctx, tx, "SELECT "+contributionSQL+" FROM requests r INDEXED BY requests_measures ORDER BY r.created_at", nil,
		func(rows *sql.Rows) error {
			c := contribution{sign: 1}
			if err := c.scan(rows, nil); err != nil {
				return err
			}
			if d := c.created[:min(10, len(c.created))]; d != day {
				if err := r.write(ctx, tx); err != nil {
					return err
				}
				day = d
			}
			r.add(&c)
			return nil
		})
	if err != nil {
		return err
	}
	return r.write(ctx, tx)
}

// catchUpMeasures folds, at start, what another program that writes requests without
// Frontdesk's store (a tool on the file) left in measure_changes.
func (s *Store) catchUpMeasures(ctx context.Context) error {
	var pending bool
	if err := s.writer.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM measure_changes)").Scan(&pending); err != nil || !pending {
		return err
	}
	return s.write(ctx, func(*sql.Tx) error { return nil })
}
