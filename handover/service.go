package handover

import (
	"context"
	"time"

	"frontdesk/property"
)

// Service builds handover reports, keeps the logbook and the acknowledgements, and
// computes the service measures. The actor in the context is who acts; every method is
// one transaction.
type Service interface {
	// Report returns the handover of shift on day (the roster day, see property.DayOf);
	// an empty shift means the shift on now.
	Report(ctx context.Context, day time.Time, shift property.Shift) (*Report, error)
	// AddNote writes n in the logbook; it fills in the ID, time and author. A room,
	// guest or request it names must exist.
	AddNote(ctx context.Context, n *Note) error
	// SetPinned pins or unpins a note; its author or a manager only.
	SetPinned(ctx context.Context, id string, pinned bool) (*Note, error)
	// ListNotes returns logbook notes, pinned first, then newest first.
	ListNotes(ctx context.Context, f NoteFilter) ([]Note, error)
	// Acknowledge records that the incoming manager (the actor) has taken over shift on
	// day, with an optional remark, keeping the report's numbers of that moment.
	Acknowledge(ctx context.Context, day time.Time, shift property.Shift, note string) (*Ack, error)
	// Measures computes the service measures of requests created in p.
	Measures(ctx context.Context, p Period) (*Measures, error)
}
