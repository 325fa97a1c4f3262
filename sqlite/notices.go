package sqlite

import (
	"context"
	"database/sql"
	"time"

	"frontdesk/requests"
	"frontdesk/staff"
)

var _ requests.Notifier = (*Store)(nil)

// ClaimNotices returns the actor's requests that need them and that they have not been
// told about in their present state, and records them as told. The queue, its count and
// what was told are read in one transaction; the claim itself is a second, which
// changes a row only where its state differs: of two desks of one person asking at once,
// one gets the notice. Nothing is written when there is nothing new, so a desk asking
// every tick does not hold the writer.
func (s *Store) ClaimNotices(ctx context.Context) (requests.Notices, error) {
	actor := staff.ActorFrom(ctx)
	if actor.ID == "" {
		return requests.Notices{}, nil
	}
	now := s.now()
	f := requests.NeedsYou(actor)
	f.Limit = requests.NoticeLimit
	var (
		due    []requests.Summary
		counts = requests.Counts{}
		told   map[string]string
	)
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		if due, err = queuePage(ctx, tx, f, now); err != nil {
			return err
		}
		if err = countOpenViews(ctx, tx, f, now, counts); err != nil {
			return err
		}
		told, err = toldStates(ctx, tx, actor.ID)
		return err
	})
	out := requests.Notices{Count: counts[requests.ViewAttention]}
	if err != nil {
		return out, err
	}
	var news []requests.Summary
	for _, r := range due {
		if told[r.ID] != requests.NoticeState(&r.Request, now) {
			news = append(news, r)
		}
	}
	if len(news) == 0 {
		return out, nil
	}
	err = s.write(ctx, func(tx *sql.Tx) (err error) {
		out.Fresh, err = claim(ctx, tx, actor.ID, news, now)
		return err
	})
	return out, err
}

// toldStates returns what a person was last told about each of their requests.
func toldStates(ctx context.Context, tx *sql.Tx, staffID string) (map[string]string, error) {
	told := map[string]string{}
	err := eachRow(ctx, tx, "SELECT request_id, state FROM notices WHERE staff_id = ?", []any{staffID}, func(rows *sql.Rows) error {
		var id, state string
		err := rows.Scan(&id, &state)
		told[id] = state
		return err
	})
	return told, err
}

// claim records each request's state as told to staffID where it is not already, and
// returns those it changed. Rows of the person's closed requests go at the same time.
func claim(ctx context.Context, tx *sql.Tx, staffID string, news []requests.Summary, now time.Time) ([]requests.Summary, error) {
	var won []requests.Summary
	for _, r := range news {
		res, err := tx.ExecContext(ctx, `INSERT INTO notices (staff_id, request_id, state, told_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (staff_id, request_id) DO UPDATE SET state = excluded.state, told_at = excluded.told_at
			WHERE notices.state <> excluded.state`, staffID, r.ID, requests.NoticeState(&r.Request, now), fmtTime(now))
		if err != nil {
			return nil, mapErr(err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			won = append(won, r)
		}
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM notices WHERE staff_id = ?
		AND request_id IN (SELECT id FROM requests WHERE open = 0 AND id IN (SELECT request_id FROM notices WHERE staff_id = ?))`, staffID, staffID)
	return won, mapErr(err)
}
