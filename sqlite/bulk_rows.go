package sqlite

import (
	"database/sql"
	"slices"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/requests"
)

// bulkInserts are the prepared statements of one bulk transaction, by table.
var bulkInserts = map[string]string{
	"guests": `INSERT INTO guests (id, salutation, given_name, family_name, email, phone, phone_search, language,
		loyalty_number, tier, vip, casino_tier, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"alerts":      `INSERT INTO guest_alerts (id, guest_id, kind, text, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
	"preferences": `INSERT INTO guest_preferences (id, guest_id, category, text, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)`,
	"occasions":   `INSERT INTO guest_occasions (id, guest_id, kind, label, month, day, year) VALUES (?, ?, ?, ?, ?, ?, ?)`,
	"stays":       `INSERT INTO stays (id, guest_id, arrival, departure, room, status, party_size) VALUES (?, ?, ?, ?, ?, ?, ?)`,
	"requests": `INSERT INTO requests (id, guest_id, room, category, department, description, priority, kind,
		created_by, owner, assignee, status, open, top_tier, created_at, promised_at, due_at, ack_at, started_at,
		done_at, closed_at, next_follow_up, score, outcome, recovery, recovery_of, escalation_level,
		escalation_target, escalated_to, escalated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"events": `INSERT INTO request_events (request_id, at, actor_id, actor_name, action, from_status, to_status, note,
		outcome, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
}

// prepare readies the named statements in tx; close them with closeAll.
func (b *bulk) prepare(tx *sql.Tx, names ...string) (map[string]*sql.Stmt, error) {
	out := map[string]*sql.Stmt{}
	for _, n := range names {
		st, err := tx.PrepareContext(b.ctx, bulkInserts[n])
		if err != nil {
			closeAll(out)
			return nil, err
		}
		out[n] = st
	}
	return out, nil
}

func closeAll(stmts map[string]*sql.Stmt) {
	for _, st := range stmts {
		st.Close()
	}
}

// profiles checks and stores one batch of profiles with their parts.
func (b *bulk) profiles(tx *sql.Tx, batch []guests.Profile) error {
	st, err := b.prepare(tx, "guests", "alerts", "preferences", "occasions", "stays")
	if err != nil {
		return err
	}
	defer closeAll(st)
	for i := range batch {
		p := &batch[i]
		if err := checkBulkProfile(p, b.s.region); err != nil {
			return errs.Wrap(err, errs.Invalid, "Profile {{.N}} ({{.Name}}): {{.Problem}}",
				map[string]any{"N": b.p.Guests + i + 1, "Name": p.FullName(), "Problem": err.Error()})
		}
		if err := b.profile(st, p); err != nil {
			return err
		}
	}
	b.p.Guests += len(batch)
	return nil
}

// checkBulkProfile normalises a profile as an import would and checks that it and its
// parts carry IDs.
func checkBulkProfile(p *guests.Profile, region string) error {
	if err := p.Normalize(region).Err(); err != nil {
		return err
	}
	ids := []string{p.ID}
	for _, a := range p.Alerts {
		ids = append(ids, a.ID)
	}
	for _, pr := range p.Preferences {
		ids = append(ids, pr.ID)
	}
	for _, o := range p.Occasions {
		ids = append(ids, o.ID)
	}
	for _, s := range p.Stays {
		ids = append(ids, s.ID)
	}
	if slices.Contains(ids, "") {
		return errs.New(errs.Invalid, "A bulk load needs every profile, stay and profile item to come with its ID.", nil)
	}
	return nil
}

func (b *bulk) profile(st map[string]*sql.Stmt, p *guests.Profile) error {
	g := &p.Guest
	if _, err := st["guests"].ExecContext(b.ctx, g.ID, g.Salutation, g.GivenName, g.FamilyName, g.Email, g.Phone,
		phoneSearch(g.Phone), g.Language, nullIfEmpty(g.LoyaltyNumber), g.Tier, g.VIP, g.CasinoTier, g.Notes,
		fmtTime(g.CreatedAt), fmtTime(g.UpdatedAt)); err != nil {
		return err
	}
	for _, a := range p.Alerts {
		if _, err := st["alerts"].ExecContext(b.ctx, a.ID, g.ID, a.Kind, a.Text, a.CreatedBy, fmtTime(a.CreatedAt)); err != nil {
			return err
		}
	}
	for _, pr := range p.Preferences {
		if _, err := st["preferences"].ExecContext(b.ctx, pr.ID, g.ID, pr.Category, pr.Text, pr.RecordedBy, fmtTime(pr.RecordedAt)); err != nil {
			return err
		}
	}
	for _, o := range p.Occasions {
		if _, err := st["occasions"].ExecContext(b.ctx, o.ID, g.ID, o.Kind, o.Label, int(o.Month), o.Day, o.Year); err != nil {
			return err
		}
	}
	for _, s := range p.Stays {
		if _, err := st["stays"].ExecContext(b.ctx, s.ID, g.ID, fmtDate(s.Arrival), fmtDate(s.Departure), s.Room, s.Status, s.PartySize); err != nil {
			return err
		}
	}
	return nil
}

// requests checks and stores one batch of requests with their timelines.
func (b *bulk) requests(tx *sql.Tx, batch []requests.Detail) error {
	st, err := b.prepare(tx, "requests", "events")
	if err != nil {
		return err
	}
	defer closeAll(st)
	for i := range batch {
		d := &batch[i]
		if err := checkBulkRequest(&d.Request, d.Timeline); err != nil {
			return errs.Wrap(err, errs.Invalid, "Request {{.N}}: {{.Problem}}",
				map[string]any{"N": b.p.Requests + i + 1, "Problem": err.Error()})
		}
		if err := b.request(st, &d.Request); err != nil {
			return err
		}
		for _, e := range d.Timeline {
			if _, err := st["events"].ExecContext(b.ctx, d.ID, fmtTime(e.At), e.ActorID, e.Actor, e.Action, e.From, e.To,
				e.Note, e.Outcome, e.Score); err != nil {
				return err
			}
		}
		b.p.Events += len(d.Timeline)
	}
	b.p.Requests += len(batch)
	return nil
}

// checkBulkRequest cleans a request as logging it would and checks what the store
// cannot make up: its ID, people, status and a timeline.
func checkBulkRequest(r *requests.Request, timeline []requests.Event) error {
	if err := r.Normalize().Err(); err != nil {
		return err
	}
	if r.ID == "" || r.CreatedBy == "" || r.Owner == "" || !slices.Contains(requests.Statuses, r.Status) || len(timeline) == 0 {
		return errs.New(errs.Invalid, "A bulk load needs every request to come with its ID, its people, its status and its timeline.", nil)
	}
	return nil
}

func (b *bulk) request(st map[string]*sql.Stmt, r *requests.Request) error {
	_, err := st["requests"].ExecContext(b.ctx, r.ID, null(r.GuestID), null(r.Room), r.Category, r.Department,
		r.Description, r.Priority, r.Kind, r.CreatedBy, r.Owner, null(r.Assignee), r.Status, r.Open(), r.TopTier,
		fmtTime(r.CreatedAt), fmtTime(r.PromisedAt), fmtTime(r.DueAt()), fmtOptionalTime(r.AckAt),
		fmtOptionalTime(r.StartedAt), fmtOptionalTime(r.DoneAt), fmtOptionalTime(r.ClosedAt),
		fmtOptionalTime(r.NextFollowUp), r.Score, r.Outcome, r.Recovery, null(r.RecoveryOf), r.EscalationLevel,
		string(r.EscalationTarget), null(r.EscalatedTo), fmtOptionalTime(r.EscalatedAt))
	return err
}
