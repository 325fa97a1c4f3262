package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

// Store implements guests.Service and guests.Importer.
var (
	_ guests.Service  = (*Store)(nil)
	_ guests.Importer = (*Store)(nil)
)

const guestColumns = `id, salutation, given_name, family_name, email, phone, language,
	coalesce(loyalty_number, ''), tier, vip, casino_tier, notes, created_at, updated_at, version`

// FindGuestByID returns the whole profile in one read transaction.
func (s *Store) FindGuestByID(ctx context.Context, id string) (*guests.Profile, error) {
	p := &guests.Profile{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		row := tx.QueryRowContext(ctx, "SELECT "+guestColumns+" FROM guests WHERE id = ?", id)
		if err := scanGuest(row, &p.Guest); err != nil {
			if err == sql.ErrNoRows {
				return errs.New(errs.NotFound, "This guest's profile no longer exists.", nil)
			}
			return err
		}
		return loadProfileParts(ctx, tx, p)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

type scanner interface{ Scan(dest ...any) error }

func scanGuest(r scanner, g *guests.Guest) error {
	var created, updated string
	err := r.Scan(&g.ID, &g.Salutation, &g.GivenName, &g.FamilyName, &g.Email, &g.Phone, &g.Language,
		&g.LoyaltyNumber, &g.Tier, &g.VIP, &g.CasinoTier, &g.Notes, &created, &updated, &g.Version)
	g.CreatedAt, g.UpdatedAt = parseTime(created), parseTime(updated)
	return err
}

func loadProfileParts(ctx context.Context, tx *sql.Tx, p *guests.Profile) error {
	loaders := []func(context.Context, *sql.Tx, *guests.Profile) error{loadAlerts, loadPreferences, loadOccasions, loadStays}
	for _, load := range loaders {
		if err := load(ctx, tx, p); err != nil {
			return err
		}
	}
	return nil
}

// eachRow runs query and calls scan for every row.
func eachRow(ctx context.Context, tx *sql.Tx, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func loadAlerts(ctx context.Context, tx *sql.Tx, p *guests.Profile) error {
	return eachRow(ctx, tx, `SELECT id, kind, text, created_by, created_at, score FROM guest_alerts
		WHERE guest_id = ? ORDER BY created_at DESC`, []any{p.ID}, func(r *sql.Rows) error {
		a := guests.Alert{GuestID: p.ID}
		var at string
		err := r.Scan(&a.ID, &a.Kind, &a.Text, &a.CreatedBy, &at, &a.Score)
		a.CreatedAt = parseTime(at)
		p.Alerts = append(p.Alerts, a)
		return err
	})
}

func loadPreferences(ctx context.Context, tx *sql.Tx, p *guests.Profile) error {
	return eachRow(ctx, tx, `SELECT id, category, text, recorded_by, recorded_at FROM guest_preferences
		WHERE guest_id = ? ORDER BY category, recorded_at`, []any{p.ID}, func(r *sql.Rows) error {
		pr := guests.Preference{GuestID: p.ID}
		var at string
		err := r.Scan(&pr.ID, &pr.Category, &pr.Text, &pr.RecordedBy, &at)
		pr.RecordedAt = parseTime(at)
		p.Preferences = append(p.Preferences, pr)
		return err
	})
}

func loadOccasions(ctx context.Context, tx *sql.Tx, p *guests.Profile) error {
	return eachRow(ctx, tx, `SELECT id, kind, label, month, day, year FROM guest_occasions
		WHERE guest_id = ? ORDER BY month, day`, []any{p.ID}, func(r *sql.Rows) error {
		o := guests.Occasion{GuestID: p.ID}
		err := r.Scan(&o.ID, &o.Kind, &o.Label, &o.Month, &o.Day, &o.Year)
		p.Occasions = append(p.Occasions, o)
		return err
	})
}

const stayColumns = "id, guest_id, arrival, departure, room, status, party_size, version"

func scanStay(r scanner, st *guests.Stay) error {
	var arr, dep string
	err := r.Scan(&st.ID, &st.GuestID, &arr, &dep, &st.Room, &st.Status, &st.PartySize, &st.Version)
	st.Arrival, st.Departure = parseDate(arr), parseDate(dep)
	return err
}

func loadStays(ctx context.Context, tx *sql.Tx, p *guests.Profile) error {
	return eachRow(ctx, tx, "SELECT "+stayColumns+` FROM stays
		WHERE guest_id = ? ORDER BY arrival DESC`, []any{p.ID}, func(r *sql.Rows) error {
		var st guests.Stay
		err := scanStay(r, &st)
		p.Stays = append(p.Stays, st)
		return err
	})
}

// CreateGuest validates, normalises and stores a new guest.
func (s *Store) CreateGuest(ctx context.Context, g *guests.Guest) error {
	if err := g.Normalize(s.region).Err(); err != nil {
		return err
	}
	now := s.now().UTC()
	g.ID, g.CreatedAt, g.UpdatedAt, g.Version = newID(), now, now, 1
	c := change{entity: "guest", entityID: g.ID, guestID: g.ID, action: "create", summary: g.FullName()}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error { return insertGuest(ctx, tx, g) })
}

func insertGuest(ctx context.Context, tx execer, g *guests.Guest) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO guests (id, salutation, given_name, family_name, email, phone,
		phone_search, language, loyalty_number, tier, vip, casino_tier, notes, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		g.ID, g.Salutation, g.GivenName, g.FamilyName, g.Email, g.Phone, phoneSearch(g.Phone),
		g.Language, nullIfEmpty(g.LoyaltyNumber), g.Tier, g.VIP, g.CasinoTier, g.Notes,
		fmtTime(g.CreatedAt), fmtTime(g.UpdatedAt))
	return loyaltyConflict(ctx, tx, err, g)
}

// UpdateGuest validates, normalises and replaces the core fields of an existing guest.
func (s *Store) UpdateGuest(ctx context.Context, g *guests.Guest) error {
	if err := g.Normalize(s.region).Err(); err != nil {
		return err
	}
	version, updated := g.Version, g.UpdatedAt // as the desk read it; version 0: no check
	g.UpdatedAt = s.now().UTC()
	c := change{entity: "guest", entityID: g.ID, guestID: g.ID, action: "update", summary: g.FullName()}
	err := s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		if err := s.unchangedSince(ctx, tx, g.ID, version); err != nil {
			return err
		}
		return updateGuest(ctx, tx, g)
	})
	if err != nil {
		g.UpdatedAt = updated // the form keeps the version it started from
		return err
	}
	g.Version = version + 1
	return nil
}

// unchangedSince refuses to overwrite a guest someone else saved after version, naming
// who and when, so the second of two edits never silently undoes the first.
func (s *Store) unchangedSince(ctx context.Context, tx *sql.Tx, id string, version int) error {
	if version == 0 {
		return nil
	}
	var stored string
	var now int
	if err := tx.QueryRowContext(ctx, "SELECT updated_at, version FROM guests WHERE id = ?", id).Scan(&stored, &now); err != nil {
		if err == sql.ErrNoRows {
			return errs.New(errs.NotFound, "This guest's profile no longer exists.", nil)
		}
		return err
	}
	if now == version {
		return nil
	}
	return s.changedElsewhere(ctx, tx, "guest", id, parseTime(stored))
}

// changedElsewhere is the refusal of a save over a newer one of entity id: who saved it
// last and when (at, or the time of that audited change when at is zero).
func (s *Store) changedElsewhere(ctx context.Context, tx *sql.Tx, entity, id string, at time.Time) error {
	var who, when string
	err := tx.QueryRowContext(ctx, `SELECT actor_name, at FROM audit_log WHERE entity = ? AND entity_id = ?
		ORDER BY seq DESC LIMIT 1`, entity, id).Scan(&who, &when)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	if at.IsZero() {
		at = parseTime(when)
	}
	return errs.New(errs.Conflict, guests.MsgChangedElsewhere,
		map[string]any{"Name": who, "Time": at.In(s.now().Location()).Format("15:04")})
}

// updateGuest writes back the core fields of a normalised guest.
func updateGuest(ctx context.Context, tx execer, g *guests.Guest) error {
	res, err := tx.ExecContext(ctx, `UPDATE guests SET salutation = ?, given_name = ?, family_name = ?,
		email = ?, phone = ?, phone_search = ?, language = ?, loyalty_number = ?, tier = ?, vip = ?,
		casino_tier = ?, notes = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
		g.Salutation, g.GivenName, g.FamilyName, g.Email, g.Phone, phoneSearch(g.Phone), g.Language,
		nullIfEmpty(g.LoyaltyNumber), g.Tier, g.VIP, g.CasinoTier, g.Notes, fmtTime(g.UpdatedAt), g.ID)
	if err := loyaltyConflict(ctx, tx, err, g); err != nil {
		return err
	}
	return mustAffect(res, "This guest's profile no longer exists.")
}

// updateGuests writes back the core fields of many normalised guests with one
// statement (see applyImport for why one); a guest gone since it was read fails it.
func updateGuests(ctx context.Context, tx execer, gs []*guests.Guest) error {
	if len(gs) == 0 {
		return nil
	}
	const one = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	args := make([]any, 0, len(gs)*14)
	for _, g := range gs {
		args = append(args, g.ID, g.Salutation, g.GivenName, g.FamilyName, g.Email, g.Phone, phoneSearch(g.Phone),
			g.Language, nullIfEmpty(g.LoyaltyNumber), g.Tier, g.VIP, g.CasinoTier, g.Notes, fmtTime(g.UpdatedAt))
	}
	res, err := tx.ExecContext(ctx, `UPDATE guests SET salutation = v.column2, given_name = v.column3,
		family_name = v.column4, email = v.column5, phone = v.column6, phone_search = v.column7,
		language = v.column8, loyalty_number = v.column9, tier = v.column10, vip = v.column11,
		casino_tier = v.column12, notes = v.column13, updated_at = v.column14, version = guests.version + 1
		FROM (VALUES `+strings.Repeat(one+", ", len(gs)-1)+one+`) AS v WHERE guests.id = v.column1`, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != int64(len(gs)) {
		return errs.New(errs.Conflict, "A guest's profile no longer exists.", nil)
	}
	return nil
}

// loyaltyConflict explains a duplicate loyalty number by naming its holder.
func loyaltyConflict(ctx context.Context, tx execer, err error, g *guests.Guest) error {
	if err == nil || !isUnique(err) || g.LoyaltyNumber == "" {
		return err
	}
	var holder guests.Guest
	row := tx.QueryRowContext(ctx, "SELECT "+guestColumns+" FROM guests WHERE loyalty_number = ?", g.LoyaltyNumber)
	if scanGuest(row, &holder) != nil {
		return err
	}
	return &errs.Error{Code: errs.Conflict, Field: guests.FieldLoyalty, Cause: err,
		Template: "Loyalty number {{.Number}} already belongs to {{.Name}}.",
		Args:     map[string]any{"Number": g.LoyaltyNumber, "Name": holder.FullName()}}
}

func phoneSearch(e164 string) string {
	if e164 == "" {
		return ""
	}
	forms := guests.PhoneSearchForms(e164)
	if len(forms) == 0 {
		return ""
	}
	return strings.Join(append(forms, guests.PhoneSuffixForm(e164)), " ")
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func mustAffect(res sql.Result, notFound string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return errs.New(errs.NotFound, notFound, nil)
	}
	return nil
}

// guestExists returns a NotFound error when the guest is gone.
func guestExists(ctx context.Context, tx *sql.Tx, id string) error {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM guests WHERE id = ?", id).Scan(&one)
	if err == sql.ErrNoRows {
		return errs.New(errs.NotFound, "This guest's profile no longer exists.", nil)
	}
	return err
}

// AddPreference records a standing wish, attributed to the actor in ctx.
func (s *Store) AddPreference(ctx context.Context, p *guests.Preference) error {
	if err := p.Normalize().Err(); err != nil {
		return err
	}
	p.ID, p.RecordedBy, p.RecordedAt = newID(), staff.ActorFrom(ctx).Name, s.now().UTC()
	c := change{entity: "preference", entityID: p.ID, guestID: p.GuestID, action: "create", summary: p.Text}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		if err := guestExists(ctx, tx, p.GuestID); err != nil {
			return err
		}
		return insertPreference(ctx, tx, p)
	})
}

func insertPreference(ctx context.Context, tx execer, p *guests.Preference) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO guest_preferences (id, guest_id, category, text, recorded_by, recorded_at)
		VALUES (?, ?, ?, ?, ?, ?)`, p.ID, p.GuestID, p.Category, p.Text, p.RecordedBy, fmtTime(p.RecordedAt))
	return err
}

// AddAlert records something staff must see, attributed to the actor in ctx.
func (s *Store) AddAlert(ctx context.Context, a *guests.Alert) error {
	if err := a.Normalize().Err(); err != nil {
		return err
	}
	a.ID, a.CreatedBy, a.CreatedAt = newID(), staff.ActorFrom(ctx).Name, s.now().UTC()
	c := change{entity: "alert", entityID: a.ID, guestID: a.GuestID, action: "create", summary: a.Text}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		if err := guestExists(ctx, tx, a.GuestID); err != nil {
			return err
		}
		return insertAlert(ctx, tx, a)
	})
}

func insertAlert(ctx context.Context, tx execer, a *guests.Alert) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO guest_alerts (id, guest_id, kind, text, created_by, created_at, score)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, a.ID, a.GuestID, a.Kind, a.Text, a.CreatedBy, fmtTime(a.CreatedAt), a.Score)
	return err
}

// AddOccasion records a yearly event.
func (s *Store) AddOccasion(ctx context.Context, o *guests.Occasion) error {
	if err := o.Normalize().Err(); err != nil {
		return err
	}
	o.ID = newID()
	c := change{entity: "occasion", entityID: o.ID, guestID: o.GuestID, action: "create", summary: o.Label}
	if o.Label == "" {
		c.words = summaryOf(o.Title(), nil) // the kind's English name, a text of the catalogue
	}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		if err := guestExists(ctx, tx, o.GuestID); err != nil {
			return err
		}
		return insertOccasion(ctx, tx, o)
	})
}

func insertOccasion(ctx context.Context, tx execer, o *guests.Occasion) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO guest_occasions (id, guest_id, kind, label, month, day, year)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, o.ID, o.GuestID, o.Kind, o.Label, int(o.Month), o.Day, o.Year)
	return err
}

// AddStay records a stay.
func (s *Store) AddStay(ctx context.Context, st *guests.Stay) error {
	if err := st.Normalize().Err(); err != nil {
		return err
	}
	st.ID, st.Version = newID(), 1
	return s.writeAudited(ctx, stayChange(st, "create"), func(tx *sql.Tx) error {
		if err := guestExists(ctx, tx, st.GuestID); err != nil {
			return err
		}
		return insertStay(ctx, tx, st)
	})
}

func insertStay(ctx context.Context, tx execer, st *guests.Stay) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO stays (id, guest_id, arrival, departure, room, status, party_size)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, st.ID, st.GuestID, fmtDate(st.Arrival), fmtDate(st.Departure),
		st.Room, st.Status, st.PartySize)
	return err
}

// UpdateStay replaces an existing stay's dates, room, status and party size, unless it
// was saved since the version the edit started from.
func (s *Store) UpdateStay(ctx context.Context, st *guests.Stay) error {
	if err := st.Normalize().Err(); err != nil {
		return err
	}
	version := st.Version
	err := s.writeAudited(ctx, stayChange(st, "update"), func(tx *sql.Tx) error {
		if err := s.stayUnchangedSince(ctx, tx, st.ID, version); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE stays SET arrival = ?, departure = ?, room = ?, status = ?,
			party_size = ?, version = version + 1 WHERE id = ? AND guest_id = ?`, fmtDate(st.Arrival), fmtDate(st.Departure),
			st.Room, st.Status, st.PartySize, st.ID, st.GuestID)
		if err != nil {
			return err
		}
		return mustAffect(res, "This stay no longer exists.")
	})
	if err == nil && version > 0 {
		st.Version = version + 1
	}
	return err
}

// stayUnchangedSince refuses to overwrite a stay someone else saved after version,
// naming who and when from its last audited change.
func (s *Store) stayUnchangedSince(ctx context.Context, tx *sql.Tx, id string, version int) error {
	if version == 0 {
		return nil
	}
	var now int
	if err := tx.QueryRowContext(ctx, "SELECT version FROM stays WHERE id = ?", id).Scan(&now); err != nil {
		if err == sql.ErrNoRows {
			return errs.New(errs.NotFound, "This stay no longer exists.", nil)
		}
		return err
	}
	if now == version {
		return nil
	}
	return s.changedElsewhere(ctx, tx, "stay", id, time.Time{})
}

// RemoveItem deletes one preference, alert or occasion of a guest.
func (s *Store) RemoveItem(ctx context.Context, kind guests.ItemKind, guestID, itemID string) error {
	table, ok := map[guests.ItemKind]string{
		guests.ItemPreference: "guest_preferences",
		guests.ItemAlert:      "guest_alerts",
		guests.ItemOccasion:   "guest_occasions",
	}[kind]
	if !ok {
		return errs.New(errs.Invalid, "Unknown kind of profile item.", nil)
	}
	c := change{entity: string(kind), entityID: itemID, guestID: guestID, action: "remove"}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ? AND guest_id = ?", itemID, guestID)
		if err != nil {
			return err
		}
		return mustAffect(res, "Already removed at another desk.")
	})
}

func stayChange(st *guests.Stay, action string) change {
	return change{entity: "stay", entityID: st.ID, guestID: st.GuestID, action: action,
		words: summaryOf("{{.From}}–{{.To}} room {{.Room}} {{.Stay}}",
			map[string]any{"From": fmtDate(st.Arrival), "To": fmtDate(st.Departure), "Room": st.Room, "Stay": st.Status})}
}
