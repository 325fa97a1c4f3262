// Package anticipation holds the rules that prompt staff before a guest has to ask:
// preparation for arrivals, recognising returning guests, occasions during the stay,
// repeat requests worth saving as preferences, recovery follow-through and welcoming
// VIPs. The rules are pure: the store gathers a Snapshot, Build turns it into the Today
// board, and remembered actions (Handled) keep a prompt from nagging twice.
package anticipation

import (
	"context"
	"slices"
	"time"

	"frontdesk/errs"
	"frontdesk/textcheck"

	"frontdesk/guests"
	"frontdesk/loans"
	"frontdesk/requests"
	"frontdesk/standards"
)

// PromptKind names a rule.
type PromptKind string

// The rules that prompt. The values are stored with remembered actions; keep them stable.
const (
	KindPrepare  PromptKind = "prepare"  // an arrival with wishes or alerts to prepare for
	KindOccasion PromptKind = "occasion" // a birthday or anniversary during the stay
	KindRepeat   PromptKind = "repeat"   // the same request again: save it as a preference?
	KindRecovery PromptKind = "recovery" // an unhappy guest in house: a manager touch-point
	KindWelcome  PromptKind = "welcome"  // a VIP in house without a welcome contact
)

// Prompt is one thing to act on. Key identifies it across evaluations: once acted on or
// dismissed it is not shown again.
type Prompt struct {
	Key        string
	Kind       PromptKind
	GuestID    string
	GuestName  string
	Room       string
	Subject    string           // the preference, occasion, category or complaint concerned
	Category   string           // for KindRepeat: the request category asked for again
	Department string           // for KindRepeat: the department that fulfils it, whose board asks
	When       time.Time        // the arrival, the occasion day, the complaint…
	Tasks      []Task           // for KindPrepare: the tasks "Create tasks" will log
	StayID     string           // for KindPrepare: the stay whose arrival is prepared
	Occasion   *guests.Occasion // for KindOccasion: the occasion, falling on When
	Manager    bool             // for managers (recovery touch-points)
	Score      int              // for KindRecovery: the guest's score, when given
	Casino     bool             // for KindWelcome: a top player, whom the casino host welcomes
}

// Task is a preparation task a prompt proposes: a request for a department, due before
// the guest arrives. SourceID (a preference or alert ID) keeps it from being logged twice.
type Task struct {
	SourceID    string
	Department  string
	Description string
	Due         time.Time
	Alert       guests.AlertKind          // the alert it prepares for; empty for a preference
	Preference  guests.PreferenceCategory // the wish's category; empty for an alert
	Auto        bool                      // logged by Frontdesk on its own (PrepRule)

	// A wish Frontdesk would prepare by itself waits for a person when it conflicts
	// with something: ConflictWith is the allergy's text or the short item's name.
	Conflict     ConflictKind
	ConflictWith string
}

// RequestBrief is what the rules need to know about a past or current request.
type RequestBrief struct {
	ID           string
	Category     string
	CategoryName string
	Department   string // the department the category's requests go to
	Description  string
	Kind         requests.Kind
	Status       requests.Status
	Outcome      requests.Outcome
	Score        int
	Recovery     bool
	CreatedAt    time.Time
}

// GuestState is one arriving or in-house guest with what the rules read.
type GuestState struct {
	Guest       guests.Guest
	Stay        guests.Stay   // the arriving or current stay
	Stays       []guests.Stay // every stay, oldest first (includes Stay); not kept on the board
	Preferences []guests.Preference
	Alerts      []guests.Alert
	Occasions   []guests.Occasion
	Requests    []RequestBrief // this and earlier stays, newest first; not kept on the board
	PrepTotal   int            // preparation tasks logged for Stay
	PrepDone    int            // of which done or closed
	PrepLogged  []string       // the sources (Task.SourceID) of the tasks logged for Stay
	Analysis    *Analysis      // Analyse(g) kept from an earlier board; computed when nil
}

// Snapshot is everything Build reads, gathered in one read transaction.
type Snapshot struct {
	Now      time.Time       // local time at the property
	Arrivals []GuestState    // expected today and tomorrow
	InHouse  []GuestState    // in house now
	Handled  map[string]bool // prompt keys already acted on or dismissed
	Hours    map[string]standards.ServiceHours
	Rules    PrepRules         // how each kind of wish and alert is prepared; none: by a person
	Stock    []loans.ItemStock // loanable items and what is left of each, for the demand
}

// Resolution is what staff did with a prompt: acted (the action's own record, a task or
// a preference, is written with it) or dismissed with a reason.
type Resolution struct {
	Key        string
	Kind       PromptKind
	GuestID    string
	Dismissed  bool
	Note       string             // the reason for a dismissal, or what the person did with the guest, as typed
	Request    *requests.Request  // a task to log with it (occasions)
	Preference *guests.Preference // a preference to save with it (repeat requests)
}

// Service gives the Today board and takes staff's answers to its prompts. Every method
// is one transaction.
type Service interface {
	// Today is the board of the person signed in (or, for a manager, any department's):
	// the property's whole board at q.Now, scoped, filtered and shortened (Scope).
	Today(ctx context.Context, q BoardQuery) (*Board, error)
	// PrepareArrival logs the preparation tasks of a stay that are not logged yet, owned
	// by the actor, and remembers the prompt as acted on; it returns how many it logged.
	PrepareArrival(ctx context.Context, stayID string) (int, error)
	// ResolvePrompt remembers what was done with a prompt, writing its task or preference
	// in the same transaction.
	ResolvePrompt(ctx context.Context, r Resolution) error
	// UndoPrompt takes back a one-click action on the prompt with key (see CheckUndo):
	// the tasks it logged are cancelled, the preference it saved removed, and the prompt
	// is on the board again.
	UndoPrompt(ctx context.Context, key string) error
}

// Field names for prompt forms.
const (
	FieldNote = "note"
)

// MaxNote bounds a dismissal reason or a note of what was done.
const MaxNote = 300

// Normalize checks a resolution: a known prompt, and a reason when it is dismissed.
func (r *Resolution) Normalize() errs.Fields {
	var fs errs.Fields
	if r.Key == "" || !slices.Contains(Kinds, r.Kind) {
		fs.Add(FieldNote, "This prompt is not known.", nil)
	}
	if textcheck.Into(&fs, FieldNote, &r.Note, MaxNote, true) && r.Dismissed && r.Note == "" {
		fs.Add(FieldNote, "Say why this does not need doing, so the next shift knows.", nil)
	}
	return fs
}

// Kinds lists every rule.
var Kinds = []PromptKind{KindPrepare, KindOccasion, KindRepeat, KindRecovery, KindWelcome}
