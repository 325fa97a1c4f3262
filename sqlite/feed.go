package sqlite

import (
	"context"
	"database/sql"
	"time"

	"frontdesk/audit"
)

var _ audit.Feed = (*Store)(nil)

// feedEvery is how often the store looks for new changes for its followers: often
// enough that a change is on every desk within a second, cheap enough (one indexed
// read of nothing new) to do all shift.
const feedEvery = 200 * time.Millisecond

// LastChange is the newest change's sequence number.
func (s *Store) LastChange(ctx context.Context) (int64, error) {
	var seq int64
	err := s.reader.QueryRowContext(ctx, "SELECT coalesce(max(seq), 0) FROM audit_log").Scan(&seq)
	return seq, mapErr(err)
}

// ChangesSince returns up to limit changes after seq, oldest first.
func (s *Store) ChangesSince(ctx context.Context, seq int64, limit int) ([]audit.Change, error) {
	var out []audit.Change
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT seq, at, entity, entity_id, guest_id, action, actor_name FROM audit_log
			WHERE seq > ? ORDER BY seq LIMIT ?`, []any{seq, limit}, func(r *sql.Rows) error {
			var c audit.Change
			var at string
			if err := r.Scan(&c.Seq, &at, &c.Entity, &c.EntityID, &c.GuestID, &c.Action, &c.ActorName); err != nil {
				return err
			}
			c.At = parseTime(at)
			out = append(out, c)
			return nil
		})
	})
	return out, err
}

// Follow gives fn the changes after since as they are committed, by this program or any
// other on the file, until ctx ends; since 0 is from now.
func (s *Store) Follow(ctx context.Context, since int64, fn func([]audit.Change, bool)) error {
	if since <= 0 {
		last, err := s.LastChange(ctx)
		if err != nil {
			return err
		}
		since = last
	}
	t := time.NewTicker(feedEvery)
	defer t.Stop()
	for {
		if err := s.followOnce(ctx, &since, fn); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// followOnce gives fn what is new since *since and moves it on.
func (s *Store) followOnce(ctx context.Context, since *int64, fn func([]audit.Change, bool)) error {
	last, err := s.LastChange(ctx)
	if err != nil || last <= *since {
		return err
	}
	reload := last-*since > audit.FeedCatchUp
	if reload {
		*since = last - audit.FeedPage
	}
	for *since < last {
		cs, err := s.ChangesSince(ctx, *since, audit.FeedPage)
		if err != nil || len(cs) == 0 {
			return err
		}
		fn(cs, reload)
		reload = false
		*since = cs[len(cs)-1].Seq
	}
	return nil
}
