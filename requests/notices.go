package requests

import (
	"context"
	"fmt"
	"time"

	"frontdesk/staff"
)

// NoticeLimit bounds how many of a person's requests one claim of notices reads.
const NoticeLimit = 50

// Notices is one claim of a person's notices: the requests they are now to be told
// about, and how many of their requests need them in all (the header's count).
type Notices struct {
	Fresh []Summary
	Count int
}

// Notifier tells each member of staff once about their requests that became due soon or
// overdue, or climbed an escalation level to them — once per change, at whichever desk
// asks first, however many desks they are signed in at.
type Notifier interface {
	// ClaimNotices returns the actor's requests that need them (NeedsYou, at most
	// NoticeLimit) whose NoticeState they have not yet been told, and records them as told
	// in the same transaction.
	ClaimNotices(ctx context.Context) (Notices, error)
}

// NeedsYou is the queue of what needs a member of staff: their own requests overdue or
// due soon, including those escalated to them.
func NeedsYou(actor staff.Actor) Filter {
	return Filter{View: ViewAttention, Mine: actor.ID, MineRole: actor.Role}
}

// NoticeState names what a person is told about a request at now: that it is due soon,
// or overdue at its escalation level. A request is told about again only when its state
// changes.
func NoticeState(r *Request, now time.Time) string {
	if r.Overdue(now) {
		return fmt.Sprintf("overdue:%d", r.EscalationLevel)
	}
	return "due_soon"
}
