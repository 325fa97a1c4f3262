package audit

import (
	"context"
	"time"
)

// Entry is one change, attributed: who did what to which thing, and when.
type Entry struct {
	At        time.Time
	ActorID   string
	ActorName string
	Entity    string // guest, stay, preference, alert, occasion, import…
	EntityID  string
	GuestID   string // the guest concerned, when there is one
	Action    string // create, update, remove…
	Summary   string
}

// Filter narrows the audit log for a manager browsing it. Zero fields match all.
type Filter struct {
	ActorName string
	GuestID   string
	From, To  time.Time // [From, To)
	Limit     int       // a page; 0 means 100
}

// Service reads the audit log; writing happens inside every other service's
// transactions.
type Service interface {
	ListAudit(ctx context.Context, f Filter) ([]Entry, error)
}
