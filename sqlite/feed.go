package sqlite

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"frontdesk/audit"
)

var _ audit.Feed = (*Store)(nil)

// feedEvery is how often the store looks for new changes for its followers (once for
// all of them): often enough that a change is on every desk within a second, cheap
// enough (one indexed read of nothing new) to do all shift.
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
	last, leave, err := s.feed.join(ctx, s)
	if err != nil {
		return err
	}
	defer leave()
	if since <= 0 {
		since = last
	}
	for {
		last, moved := s.feed.state()
		if last > since {
			if err := s.catchUp(ctx, &since, last, fn); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return err
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-moved:
		}
	}
}

// catchUp gives fn the changes after *since up to last and moves *since on.
func (s *Store) catchUp(ctx context.Context, since *int64, last int64, fn func([]audit.Change, bool)) error {
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

// feedWatch is the one look a store takes for new changes however many follow it (fifty
// desks of a server are fifty followers): one reader asks the file every feedEvery while
// anyone follows, and every follower waits on the same signal.
type feedWatch struct {
	mu        sync.Mutex
	followers int
	last      int64         // the newest change seen
	moved     chan struct{} // closed when last moves on, then replaced
	stop      context.CancelFunc
}

// join counts a follower in, starting the watch for the first, and returns the newest
// change and what to call when the follower leaves.
func (w *feedWatch) join(ctx context.Context, s *Store) (last int64, leave func(), err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.followers == 0 {
		if w.last, err = s.LastChange(ctx); err != nil {
			return 0, nil, err
		}
		w.moved = make(chan struct{})
		wctx, cancel := context.WithCancel(context.Background())
		w.stop = cancel
		go w.watch(wctx, s)
	}
	w.followers++
	return w.last, sync.OnceFunc(w.leave), nil
}

// leave counts a follower out, stopping the watch after the last.
func (w *feedWatch) leave() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.followers--; w.followers == 0 {
		w.stop()
	}
}

// state is the newest change seen and the signal that it moved on.
func (w *feedWatch) state() (int64, <-chan struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.last, w.moved
}

// watch asks the file for its newest change until ctx ends, signalling each move.
func (w *feedWatch) watch(ctx context.Context, s *Store) {
	t := time.NewTicker(feedEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		last, err := s.LastChange(ctx)
		if err != nil {
			continue // a busy or closing file: the next look tells
		}
		w.mu.Lock()
		if last > w.last {
			w.last = last
			close(w.moved)
			w.moved = make(chan struct{})
		}
		w.mu.Unlock()
	}
}
