package guests

import "context"

// Service finds and keeps guest profiles. Every method is one transaction: it either
// happens completely or not at all. Methods that take a value validate and normalise it
// first and return errs.Fields describing every problem; nothing is written then.
type Service interface {
	// SearchGuests returns a page of guests matching q, in-house guests first, then the
	// best match.
	SearchGuests(ctx context.Context, q Query) ([]Match, error)
	// FindGuestByID returns the full profile, or an errs.NotFound error.
	FindGuestByID(ctx context.Context, id string) (*Profile, error)
	// CreateGuest stores a new guest and sets its ID and timestamps.
	CreateGuest(ctx context.Context, g *Guest) error
	// UpdateGuest replaces the core fields of an existing guest. A non-zero Version is
	// the one the edit started from: a guest saved since is not overwritten
	// (errs.Conflict, MsgChangedElsewhere).
	UpdateGuest(ctx context.Context, g *Guest) error

	AddPreference(ctx context.Context, p *Preference) error
	AddAlert(ctx context.Context, a *Alert) error
	AddOccasion(ctx context.Context, o *Occasion) error
	AddStay(ctx context.Context, s *Stay) error
	// UpdateStay replaces a stay's dates, room, status and party size. A non-zero
	// Version is the one the edit started from: a stay saved since is not overwritten
	// (errs.Conflict, MsgChangedElsewhere).
	UpdateStay(ctx context.Context, s *Stay) error
	// RemoveItem deletes one preference, alert or occasion of a guest.
	RemoveItem(ctx context.Context, kind ItemKind, guestID, itemID string) error

	// PhoneRegion is the country used for phone numbers typed without a country code.
	PhoneRegion() string
}

// MsgChangedElsewhere refuses a save over a profile or stay someone else saved since it
// was read (the Version the save started from).
const MsgChangedElsewhere = "Changed at another desk by {{.Name}} at {{.Time}} — your text is kept; close this form and open the profile again to see theirs."

// ItemKind names the removable parts of a profile.
type ItemKind string

// Removable profile items.
const (
	ItemPreference ItemKind = "preference"
	ItemAlert      ItemKind = "alert"
	ItemOccasion   ItemKind = "occasion"
)

// Importer loads many profiles at once (demo data, property-management exports).
type Importer interface {
	// ImportProfiles stores new profiles with all their parts in one transaction and
	// returns how many were stored. Any invalid profile aborts the whole import.
	ImportProfiles(ctx context.Context, ps []Profile) (int, error)
}
