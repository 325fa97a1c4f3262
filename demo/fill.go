package demo

import (
	"context"
	"time"

	"frontdesk/guests"
)

// Target is a store that can take demo data.
type Target interface {
	guests.Importer
	HasGuests(ctx context.Context) (bool, error)
}

// Fill loads the demo property into an empty database and returns how many guests it
// created. A database that already holds guests is left untouched (0, nil).
func Fill(ctx context.Context, t Target, now time.Time) (int, error) {
	has, err := t.HasGuests(ctx)
	if err != nil || has {
		return 0, err
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	return t.ImportProfiles(ctx, Generate(today, 1))
}
