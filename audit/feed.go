package audit

import (
	"context"
	"time"
)

// Change is one entry of the change feed: something committed at the property, in the
// order it was committed. The feed is the audit log read by sequence number: every
// change is audited in its own transaction, so its number is given in that transaction
// too, and no change is in the feed that was not committed.
type Change struct {
	Seq       int64
	At        time.Time
	Entity    string // guest, stay, request, note, loan…
	EntityID  string
	GuestID   string // the guest concerned, when there is one
	Action    string
	ActorName string
}

// FeedPage is how many changes a desk is given at once; a desk further behind than
// FeedCatchUp changes reads its screens afresh instead of catching up.
const (
	FeedPage    = 500
	FeedCatchUp = 5000
)

// Feed is the property's change feed.
type Feed interface {
	// Follow calls fn with the changes committed after since (0: from now), in order, as they come,
	// until ctx ends (or the feed cannot be read: its error). reload says the desk was
	// away for more than FeedCatchUp changes: it should read what it shows afresh (the
	// changes given then are the newest only).
	Follow(ctx context.Context, since int64, fn func(changes []Change, reload bool)) error
}
