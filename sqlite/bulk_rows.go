package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/requests"
)

// bulkTable is one table a bulk load writes, with the columns it fills.
type bulkTable struct {
	name string
	cols []string
}

var (
	guestRows = bulkTable{"guests", []string{"id", "salutation", "given_name", "family_name", "email", "phone",
		"phone_search", "language", "loyalty_number", "tier", "vip", "casino_tier", "notes", "created_at", "updated_at"}}
	alertRows      = bulkTable{"guest_alerts", []string{"id", "guest_id", "kind", "text", "created_by", "created_at", "score"}}
	preferenceRows = bulkTable{"guest_preferences", []string{"id", "guest_id", "category", "text", "recorded_by", "recorded_at"}}
	occasionRows   = bulkTable{"guest_occasions", []string{"id", "guest_id", "kind", "label", "month", "day", "year"}}
	stayRows       = bulkTable{"stays", []string{"id", "guest_id", "arrival", "departure", "room", "status", "party_size"}}
	requestRows    = bulkTable{"requests", []string{"id", "guest_id", "room", "category", "department", "description",
		"priority", "kind", "created_by", "owner", "assignee", "status", "open", "top_tier", "created_at", "promised_at",
		"due_at", "ack_at", "started_at", "done_at", "closed_at", "next_follow_up", "score", "outcome", "recovery",
		"recovery_of", "escalation_level", "escalation_target", "escalated_to", "escalated_at",
		"recovery_score", "guest_said", "occasion", "occasion_on"}}
	importRows = bulkTable{"import_rows", []string{"fingerprint", "guest_id"}}
	auditRows  = bulkTable{"audit_log", []string{"at", "actor_id", "actor_name", "entity", "entity_id", "guest_id", "action", "summary", "summary_words"}}
	eventRows  = bulkTable{"request_events", []string{"request_id", "at", "actor_id", "actor_name", "action",
		"from_status", "to_status", "note", "outcome", "score", "escalation_level", "escalation_target", "escalated_to_name",
		"from_department", "to_department", "undo"}}
)

// paramsPerInsert bounds the values one INSERT statement carries (a few dozen rows).
// Each statement run costs a fixed setup (SQLite builds a small table for every
// CHECK … IN (…) of the row type), so many rows per statement are much cheaper than one.
const paramsPerInsert = 960

// inserter writes the rows of one table in multi-row INSERT statements.
type inserter struct {
	ctx  context.Context
	tx   *sql.Tx
	t    bulkTable
	per  int // rows per full statement
	full *sql.Stmt
	args []any
}

func newInserter(ctx context.Context, tx *sql.Tx, t bulkTable, params int) (*inserter, error) {
	in := &inserter{ctx: ctx, tx: tx, t: t, per: params / len(t.cols)}
	var err error
	in.full, err = tx.PrepareContext(ctx, t.insertSQL(in.per))
	in.args = make([]any, 0, in.per*len(t.cols))
	return in, err
}

// insertSQL is the INSERT of rows rows.
func (t bulkTable) insertSQL(rows int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(t.cols)), ",") + ")"
	return fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", t.name, strings.Join(t.cols, ", "),
		strings.TrimSuffix(strings.Repeat(one+",", rows), ","))
}

// add queues one row, writing a full statement's worth when there is one.
func (in *inserter) add(row ...any) error {
	in.args = append(in.args, row...)
	if len(in.args) < in.per*len(in.t.cols) {
		return nil
	}
	_, err := in.full.ExecContext(in.ctx, in.args...)
	in.args = in.args[:0]
	return err
}

// flush writes the rows still queued and releases the statement.
func (in *inserter) flush() error {
	defer in.full.Close()
	if len(in.args) == 0 {
		return nil
	}
	_, err := in.tx.ExecContext(in.ctx, in.t.insertSQL(len(in.args)/len(in.t.cols)), in.args...)
	in.args = in.args[:0]
	return err
}

// inserters opens an inserter per table; close them with flushAll.
func (b *bulk) inserters(tx *sql.Tx, tables ...bulkTable) ([]*inserter, error) {
	return openInserters(b.ctx, tx, paramsPerInsert, tables...)
}

// openInserters opens an inserter per table, each statement carrying at most params
// values; close them with flushAll.
func openInserters(ctx context.Context, tx *sql.Tx, params int, tables ...bulkTable) ([]*inserter, error) {
	var out []*inserter
	for _, t := range tables {
		in, err := newInserter(ctx, tx, t, params)
		if err != nil {
			for _, o := range out {
				o.full.Close()
			}
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

func flushAll(ins []*inserter) error {
	var first error
	for _, in := range ins {
		if err := in.flush(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// profiles checks and stores one batch of profiles with their parts.
func (b *bulk) profiles(tx *sql.Tx, batch []guests.Profile) error {
	ins, err := b.inserters(tx, guestRows, alertRows, preferenceRows, occasionRows, stayRows)
	if err != nil {
		return err
	}
	for i := range batch {
		p := &batch[i]
		if err := checkBulkProfile(p, b.s.region); err != nil {
			flushAll(ins)
			return errs.Wrap(err, errs.Invalid, "Profile {{.N}} ({{.Name}}): {{.Problem}}",
				map[string]any{"N": b.p.Guests + i + 1, "Name": p.FullName(), "Problem": err.Error()})
		}
		if err := profileRows(ins, p); err != nil {
			flushAll(ins)
			return err
		}
	}
	b.p.Guests += len(batch)
	return flushAll(ins)
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

// profileRows queues a profile's rows: ins are the guest, alert, preference, occasion
// and stay inserters, in that order.
func profileRows(ins []*inserter, p *guests.Profile) error {
	g := &p.Guest
	err := ins[0].add(g.ID, g.Salutation, g.GivenName, g.FamilyName, g.Email, g.Phone, phoneSearch(g.Phone),
		g.Language, nullIfEmpty(g.LoyaltyNumber), g.Tier, g.VIP, g.CasinoTier, g.Notes, fmtTime(g.CreatedAt), fmtTime(g.UpdatedAt))
	return firstErr(err, partRows(ins, p))
}

// partRows queues the rows of a profile's parts (see profileRows), its guest already
// stored or queued.
func partRows(ins []*inserter, p *guests.Profile) error {
	g := &p.Guest
	var err error
	for _, a := range p.Alerts {
		err = firstErr(err, ins[1].add(a.ID, g.ID, a.Kind, a.Text, a.CreatedBy, fmtTime(a.CreatedAt), a.Score))
	}
	for _, pr := range p.Preferences {
		err = firstErr(err, ins[2].add(pr.ID, g.ID, pr.Category, pr.Text, pr.RecordedBy, fmtTime(pr.RecordedAt)))
	}
	for _, o := range p.Occasions {
		err = firstErr(err, ins[3].add(o.ID, g.ID, o.Kind, o.Label, int(o.Month), o.Day, o.Year))
	}
	for _, s := range p.Stays {
		err = firstErr(err, ins[4].add(s.ID, g.ID, fmtDate(s.Arrival), fmtDate(s.Departure), s.Room, s.Status, s.PartySize))
	}
	return err
}

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// requests checks and stores one batch of requests with their timelines.
func (b *bulk) requests(tx *sql.Tx, batch []requests.Detail) error {
	ins, err := b.inserters(tx, requestRows, eventRows)
	if err != nil {
		return err
	}
	for i := range batch {
		d := &batch[i]
		if err := checkBulkRequest(&d.Request, d.Timeline); err != nil {
			flushAll(ins)
			return errs.Wrap(err, errs.Invalid, "Request {{.N}}: {{.Problem}}",
				map[string]any{"N": b.p.Requests + i + 1, "Problem": err.Error()})
		}
		if err := requestRowsOf(ins, d); err != nil {
			flushAll(ins)
			return err
		}
		b.p.Events += len(d.Timeline)
		b.tally[tallyKey{d.Department, d.Open()}]++
	}
	b.p.Requests += len(batch)
	return flushAll(ins)
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

// requestRowsOf queues a request's row and its timeline: ins are the request and event
// inserters.
func requestRowsOf(ins []*inserter, d *requests.Detail) error {
	r := &d.Request
	err := ins[0].add(r.ID, null(r.GuestID), null(r.Room), r.Category, r.Department,
		r.Description, r.Priority, r.Kind, r.CreatedBy, r.Owner, null(r.Assignee), r.Status, r.Open(), r.TopTier,
		fmtTime(r.CreatedAt), fmtTime(r.PromisedAt), fmtTime(r.DueAt()), fmtOptionalTime(r.AckAt),
		fmtOptionalTime(r.StartedAt), fmtOptionalTime(r.DoneAt), fmtOptionalTime(r.ClosedAt),
		fmtOptionalTime(r.NextFollowUp), r.Score, r.Outcome, r.Recovery, null(r.RecoveryOf), r.EscalationLevel,
		string(r.EscalationTarget), null(r.EscalatedTo), fmtOptionalTime(r.EscalatedAt),
		r.RecoveryScore, r.GuestSaid, r.Occasion, fmtOptionalDate(r.OccasionOn))
	for _, e := range d.Timeline {
		err = firstErr(err, ins[1].add(r.ID, fmtTime(e.At), e.ActorID, e.Actor, e.Action, e.From, e.To, e.Note, e.Outcome, e.Score,
			e.Escalation.Level, e.Escalation.Target, e.Escalation.ToName, e.FromDepartment, e.ToDepartment, e.Undo))
	}
	return err
}
