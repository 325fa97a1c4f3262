package demo

import (
	"context"
	"io"
	"time"

	"frontdesk/escalation"
	"frontdesk/guests"
	"frontdesk/handover"
	"frontdesk/loans"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
)

// Target is a store that can take demo data.
type Target interface {
	guests.Importer
	HasGuests(ctx context.Context) (bool, error)
	CountStaff(ctx context.Context) (int, error)
	CreateFirstAdministrator(ctx context.Context, s *staff.Staff, pin string) error
	CreateStaff(ctx context.Context, s *staff.Staff, pin string) error
	SaveItem(ctx context.Context, it *loans.Item) error
	Lend(ctx context.Context, l *loans.Loan) error
	ImportRooms(ctx context.Context, r io.Reader, dryRun bool) (property.RoomImportReport, error)
	ListStaff(ctx context.Context, f staff.Filter) ([]staff.Staff, error)
	SetRoster(ctx context.Context, day time.Time, shift property.Shift, entries []property.RosterEntry) error
	ImportRequests(ctx context.Context, rs []requests.Historic) error
	Act(ctx context.Context, id string, a requests.Action) (*requests.Detail, error)
	EscalateDue(ctx context.Context) ([]escalation.Escalated, error)
	AddNote(ctx context.Context, n *handover.Note) error
	SetPinned(ctx context.Context, id string, pinned bool) (*handover.Note, error)
}

// Fill loads the demo property into an empty database and returns how many guests it
// created: demo staff when there are none, guests when there are none. A database that
// already holds guests and staff is left untouched (0, nil).
func Fill(ctx context.Context, t Target, now time.Time) (int, error) {
	if err := fillStaff(ctx, t); err != nil {
		return 0, err
	}
	ctx = staff.WithActor(ctx, staff.Actor{Name: "Frontdesk demo", Role: staff.RoleAdministrator})
	has, err := t.HasGuests(ctx)
	if err != nil || has {
		return 0, err
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	ps := Generate(today, 1)
	n, err := t.ImportProfiles(ctx, ps)
	if err != nil {
		return 0, err
	}
	if err := fillRoster(ctx, t, today); err != nil {
		return 0, err
	}
	if err := fillRooms(ctx, t, ps, today); err != nil {
		return 0, err
	}
	if err := fillItems(ctx, t, ps, today); err != nil {
		return 0, err
	}
	if err := fillRequests(ctx, t, ps, now); err != nil {
		return 0, err
	}
	return n, fillLogbook(ctx, t, ps)
}
