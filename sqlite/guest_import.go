package sqlite

import (
	"context"
	"database/sql"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

// ImportProfiles validates every profile first and then stores them all in one
// transaction: an import either lands completely or not at all.
func (s *Store) ImportProfiles(ctx context.Context, ps []guests.Profile) (int, error) {
	now := s.now().UTC()
	actor := staff.ActorFrom(ctx).Name
	for i := range ps {
		if err := prepareProfile(&ps[i], s.region, now, actor); err != nil {
			return 0, errs.Wrap(err, errs.Invalid, "Profile {{.N}} ({{.Name}}): {{.Problem}}",
				map[string]any{"N": i + 1, "Name": ps[i].FullName(), "Problem": err.Error()})
		}
	}
	c := change{entity: "import", entityID: newID(), action: "create", words: summaryOf("{{.Count}} guest profiles", map[string]any{"Count": len(ps)})}
	err := s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		for i := range ps {
			if err := insertProfile(ctx, tx, &ps[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(ps), nil
}

// prepareProfile normalises a profile and gives it and its parts IDs; parts keep the
// times and authors they came with, defaulting to now and the importing actor.
func prepareProfile(p *guests.Profile, region string, now time.Time, actor string) error {
	if err := p.Normalize(region).Err(); err != nil {
		return err
	}
	identify(p, now, actor)
	return nil
}

// identify gives a normalised profile and its parts IDs, times and authors.
func identify(p *guests.Profile, now time.Time, actor string) {
	p.ID = newID()
	if p.CreatedAt.IsZero() {
		p.CreatedAt = now
	}
	p.UpdatedAt = now
	for i := range p.Alerts {
		a := &p.Alerts[i]
		a.ID, a.GuestID = newID(), p.ID
		a.CreatedBy, a.CreatedAt = orDefault(a.CreatedBy, actor), orNow(a.CreatedAt, now)
	}
	for i := range p.Preferences {
		pr := &p.Preferences[i]
		pr.ID, pr.GuestID = newID(), p.ID
		pr.RecordedBy, pr.RecordedAt = orDefault(pr.RecordedBy, actor), orNow(pr.RecordedAt, now)
	}
	for i := range p.Occasions {
		p.Occasions[i].ID, p.Occasions[i].GuestID = newID(), p.ID
	}
	for i := range p.Stays {
		p.Stays[i].ID, p.Stays[i].GuestID = newID(), p.ID
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orNow(t, now time.Time) time.Time {
	if t.IsZero() {
		return now
	}
	return t
}

func insertProfile(ctx context.Context, tx execer, p *guests.Profile) error {
	if err := insertGuest(ctx, tx, &p.Guest); err != nil {
		return err
	}
	return insertParts(ctx, tx, p)
}

// insertParts writes a new guest's alerts, preferences, occasions and stays.
func insertParts(ctx context.Context, tx execer, p *guests.Profile) error {
	for i := range p.Alerts {
		if err := insertAlert(ctx, tx, &p.Alerts[i]); err != nil {
			return err
		}
	}
	for i := range p.Preferences {
		if err := insertPreference(ctx, tx, &p.Preferences[i]); err != nil {
			return err
		}
	}
	for i := range p.Occasions {
		if err := insertOccasion(ctx, tx, &p.Occasions[i]); err != nil {
			return err
		}
	}
	for i := range p.Stays {
		if err := insertStay(ctx, tx, &p.Stays[i]); err != nil {
			return err
		}
	}
	return nil
}
