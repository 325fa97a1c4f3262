package requests

import (
	"context"
	"slices"
	"time"

	"frontdesk/errs"
	"frontdesk/staff"
	"frontdesk/standards"
	"frontdesk/textcheck"
)

// Field names for the request form.
const (
	FieldGuest       = "guest"
	FieldRoom        = "room"
	FieldCategory    = "category"
	FieldDepartment  = "department"
	FieldDescription = "description"
	FieldPriority    = "priority"
	FieldKind        = "kind"
	FieldPromised    = "promised_at" // the time a guest named (wake-up calls, transport)
	FieldReason      = "reason"
	FieldScore       = "score"
	FieldOutcome     = "outcome"
	FieldNextAttempt = "next_attempt"
	FieldAssignee    = "assignee"
)

// Limits of a request's free text.
const (
	MaxDescription = 1000
	MaxReason      = 500
)

// Priorities and Kinds list the choices in the order the UI offers them.
var (
	Priorities = []Priority{PriorityNormal, PriorityHigh, PriorityUrgent}
	Kinds      = []Kind{KindRequest, KindComplaint}
	Statuses   = []Status{StatusNew, StatusAcknowledged, StatusInProgress, StatusDone, StatusReopened, StatusClosed, StatusCancelled}
)

// Normalize cleans a new request and returns every problem found. A request needs a
// guest or a room (a call from a room whose guest has no profile yet), a category and a
// description; priority and kind default to normal request.
func (r *Request) Normalize() errs.Fields {
	var fs errs.Fields
	textcheck.Into(&fs, FieldRoom, &r.Room, 10, false)
	if r.GuestID == "" && r.Room == "" {
		fs.Add(FieldGuest, "Choose the guest or enter the room the request came from.", nil)
	}
	if r.Category == "" {
		fs.Add(FieldCategory, "Choose what the guest needs.", nil)
	}
	if textcheck.Into(&fs, FieldDescription, &r.Description, MaxDescription, true) && r.Description == "" {
		fs.Add(FieldDescription, "Say what the guest asked for, in a few words.", nil)
	}
	if r.Priority == "" {
		r.Priority = PriorityNormal
	}
	if !slices.Contains(Priorities, r.Priority) {
		fs.Add(FieldPriority, "Choose one of the options in the list.", nil)
	}
	if r.Kind == "" {
		r.Kind = KindRequest
	}
	if !slices.Contains(Kinds, r.Kind) {
		fs.Add(FieldKind, "Choose one of the options in the list.", nil)
	}
	return fs
}

// CleanAction checks an action's free text before it reaches the store.
func CleanAction(a *Action) error {
	var fs errs.Fields
	textcheck.Into(&fs, FieldReason, &a.Reason, MaxReason, true)
	return fs.Err()
}

// View is one of the request queue's standing filters.
type View string

// The queue views.
const (
	ViewOpen      View = "open"      // everything not closed or cancelled
	ViewAttention View = "attention" // overdue or due soon: what the header counts as needing you
	ViewOverdue   View = "overdue"   // past the promised time and not done
	ViewDueSoon   View = "due_soon"  // promised within DueSoonWindow, not done
	ViewFollowUp  View = "follow_up" // done by the department, the guest not yet asked
	ViewHistory   View = "history"   // closed and cancelled, newest first
)

// Views lists the views in the order the queue offers them. Every view but the history
// lists in CompareAttention order.
var Views = []View{ViewOpen, ViewAttention, ViewOverdue, ViewDueSoon, ViewFollowUp, ViewHistory}

// Filter selects a page of requests. Zero fields do not filter.
type Filter struct {
	View       View // default ViewOpen
	Department string
	Status     Status
	OwnerID    string
	Mine       string // staff ID: owned by, assigned to or escalated to this person
	MineRole   staff.Role
	GuestID    string
	Room       string
	Limit      int // default 50, at most 200
	Offset     int
}

// Page limits.
const (
	DefaultPage = 50
	MaxPage     = 200
)

// PageSize returns the filter's limit within bounds.
func (f Filter) PageSize() int {
	switch {
	case f.Limit <= 0:
		return DefaultPage
	case f.Limit > MaxPage:
		return MaxPage
	}
	return f.Limit
}

// Counts is how many requests each view holds under a filter's other conditions.
type Counts map[View]int

// Summary is a request with the names the queue and the profile show.
type Summary struct {
	Request
	GuestName         string
	GuestVIP          bool
	CategoryName      string
	CategoryComplaint bool // the category itself is a complaint
	CategoryGuestTime bool // the guest names the time (wake-up calls, transport): a reopen asks for it
	DepartmentName    string
	OwnerName         string
	AssigneeName      string
	EscalatedName     string
}

// Detail is a request with its whole timeline, oldest first, and its linked requests.
type Detail struct {
	Summary
	Timeline []Event
	Linked   []Summary // the recovery opened from it, or the request it recovers
}

// Service keeps requests. The actor in the context is who acts; every method is one
// transaction.
type Service interface {
	// Quote returns the promise for a request of category served by department (the
	// category's when empty) for guestID (may be empty) logged now; guestTime is the
	// time the guest named for categories that take one.
	Quote(ctx context.Context, category, department, guestID string, guestTime time.Time) (standards.Promise, error)
	// CreateRequest logs r: it fills in the ID, owner (the actor unless set), creator,
	// times, status and promise, and the first timeline event.
	CreateRequest(ctx context.Context, r *Request, guestTime time.Time) error
	// GetRequest returns one request with its timeline.
	GetRequest(ctx context.Context, id string) (*Detail, error)
	// Act applies an action and appends it to the timeline. A follow-up where the guest
	// was not satisfied also opens a linked recovery for the manager on shift and flags
	// the guest's profile.
	Act(ctx context.Context, id string, a Action) (*Detail, error)
	// ListRequests returns a page of the queue: the history newest first, every other
	// view in CompareAttention order.
	ListRequests(ctx context.Context, f Filter) ([]Summary, error)
	// CountRequests returns the number in each view under f's other conditions.
	CountRequests(ctx context.Context, f Filter) (Counts, error)
}

// Historic is a request with the timeline that led to its state, as a property moving
// from another system (or the demo) brings it in.
type Historic struct {
	Request  Request
	Timeline []Event
}
