package guests

import (
	"context"
	"time"
)

// Privacy answers a guest who asks what Frontdesk holds about them, or asks to be
// forgotten. Managers only; both are audited.
type Privacy interface {
	// ExportGuestData returns everything Frontdesk holds about the guest.
	ExportGuestData(ctx context.Context, guestID string) (*DataExport, error)
	// EraseGuest anonymises the guest's profile: name, contact, loyalty number and notes
	// are blanked; alerts, preferences and occasions are deleted; the descriptions of the
	// guest's requests, their timeline notes and the audit log's summaries about the guest
	// are cleared; the search index forgets the guest and the freed space is overwritten.
	// Stays, requests and their times, outcomes and scores are kept for the property's
	// statistics. A guest in house or expected cannot be erased. Erasing a guest already
	// erased removes copies an earlier erasure could not (ErrCopyInLog).
	EraseGuest(ctx context.Context, guestID string) error
	// PlanErasure tells a manager, before an erasure, what it involves beyond the
	// guest's rows: a first compaction of the database, and the backups holding the guest.
	PlanErasure(ctx context.Context, guestID string) (ErasurePlan, error)
	// EraseGuestFromBackups erases the guest from every backup kept in the backups
	// folder, each checked again afterwards; progress, when set, is told how many of
	// total backups are done.
	EraseGuestFromBackups(ctx context.Context, guestID string, progress func(done, total int)) (BackupErasure, error)
}

// ErasedName is the family name an erased profile is shown with.
const ErasedName = "[erased]"

// IsErased reports whether g is what is left of an erased profile.
func (g *Guest) IsErased() bool { return g.GivenName == "" && g.FamilyName == ErasedName }

// Messages about a guest's data. They are translation keys too: keep the texts stable.
const (
	MsgEraseWhileStaying = "{{.Name}} is in house or expected; erase the profile after the stay, or cancel the stay first."
	MsgAlreadyErased     = "This guest's data has already been erased."
)

// DataExportFormat names the layout of a DataExport, for whoever reads the file later.
const DataExportFormat = "frontdesk-guest-data/1"

// DataExport is everything Frontdesk holds about one guest, as handed to the guest.
type DataExport struct {
	Format      string
	ExportedAt  time.Time
	ExportedBy  string
	Guest       Guest
	Alerts      []Alert
	Preferences []Preference
	Occasions   []Occasion
	Stays       []Stay
	Requests    []ExportedRequest
	Loans       []ExportedLoan
	Notes       []ExportedNote   // logbook notes about the guest
	Prompts     []ExportedPrompt // what staff did with prompts about the guest
	Changes     []ExportedChange // the audit log's entries about the guest
}

// ExportedRequest is one of the guest's requests with its whole timeline.
type ExportedRequest struct {
	ID          string
	Room        string `json:",omitempty"`
	Category    string
	Department  string
	Description string
	GuestSaid   string `json:",omitempty"` // for a service recovery: what the guest said
	Priority    string
	Kind        string
	Status      string
	CreatedAt   time.Time
	PromisedAt  time.Time
	DoneAt      time.Time `json:",omitzero"`
	ClosedAt    time.Time `json:",omitzero"`
	Outcome     string    `json:",omitempty"`
	Score       int       `json:",omitempty"`
	Timeline    []ExportedEvent
}

// ExportedEvent is one step of a request's timeline.
type ExportedEvent struct {
	At      time.Time
	By      string
	Action  string
	From    string `json:",omitempty"`
	To      string
	Note    string `json:",omitempty"`
	Outcome string `json:",omitempty"`
	Score   int    `json:",omitempty"`
}

// ExportedLoan is an item lent to the guest.
type ExportedLoan struct {
	Item       string
	Room       string
	Qty        int
	LentBy     string
	LentAt     time.Time
	DueBack    time.Time `json:",omitzero"`
	ReturnedAt time.Time `json:",omitzero"`
}

// ExportedNote is a logbook note about the guest.
type ExportedNote struct {
	At   time.Time
	By   string
	Room string `json:",omitempty"`
	Text string
}

// ExportedPrompt is what staff did with a prompt about the guest (a preparation, an
// occasion, a repeated wish).
type ExportedPrompt struct {
	At     time.Time
	By     string
	Kind   string
	Action string
	Note   string `json:",omitempty"`
}

// ExportedChange is an audit log entry about the guest: who changed what, and when.
type ExportedChange struct {
	At      time.Time
	By      string
	Entity  string
	Action  string
	Summary string `json:",omitempty"`
}

// Staying reports whether the guest is in house or expected: their profile is needed.
func (p *Profile) Staying() bool {
	for _, s := range p.Stays {
		if s.Status == StayInHouse || s.Status == StayExpected {
			return true
		}
	}
	return false
}
