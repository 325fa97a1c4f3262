package sqlite

import (
	"context"
	"database/sql"
	"io"
	"slices"
	"time"

	"frontdesk/csvfile"
	"frontdesk/guests"
	"frontdesk/staff"
)

var _ guests.Transfer = (*Store)(nil)

// ImportGuestsCSV reads a PMS export and plans every row against what is stored: create,
// merge or reject. A dry run plans in a read transaction and stores nothing; the real run
// plans again and stores the plan in one write transaction, so what lands is what the
// database held when it ran, all of it or none.
func (s *Store) ImportGuestsCSV(ctx context.Context, r io.Reader, opt guests.ImportOptions) (guests.ImportReport, error) {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermTransferGuests); err != nil {
		return guests.ImportReport{}, err
	}
	f := guests.ParseGuestsCSVAs(r, s.region, s.now(), opt.Encoding)
	base := guests.ImportReport{DryRun: opt.DryRun, Encoding: f.Encoding, DateOrder: string(f.DateOrder),
		Columns: f.Columns, Ignored: f.Ignored, Rows: len(f.Rows), Problems: f.Problems, Warnings: f.Warnings}
	if len(f.Problems) > 0 {
		return base, nil
	}
	var rep guests.ImportReport
	run := func(tx *sql.Tx) error {
		rep = base
		prog := &progress{fn: opt.Progress}
		prog.add(len(f.Rows))
		p := &importPlan{byKey: map[guests.MatchKey][]*importTarget{}, byID: map[string]*importTarget{}}
		if err := p.plan(ctx, tx, f.Rows, &rep, prog); err != nil {
			return err
		}
		if opt.DryRun {
			return nil
		}
		prog.add(len(p.targets))
		return s.applyImport(ctx, tx, p, &rep, prog)
	}
	var err error
	if opt.DryRun {
		err = s.read(ctx, run)
	} else {
		err = s.write(ctx, run)
	}
	if err != nil {
		return guests.ImportReport{}, err
	}
	return rep, nil
}

// progress reports planning (a step per row) and, on a real run, writing (a step per
// guest written) as one count.
type progress struct {
	fn          func(done, total int)
	done, total int
	every       int
}

// add counts more work to do.
func (p *progress) add(n int) {
	p.total += n
	p.every = max(p.total/100, 1)
}

// step counts one unit of work and reports every hundredth of the total and the end.
func (p *progress) step() {
	p.done++
	if p.fn != nil && (p.done%p.every == 0 || p.done == p.total) {
		p.fn(p.done, p.total)
	}
}

// importTarget is a guest rows are created as or merged into.
type importTarget struct {
	guest   guests.Guest
	stored  bool          // already in the database
	changed bool          // a stored guest a merge changed
	row     int           // the row a new guest comes from
	listed  bool          // in importPlan.targets
	stays   []guests.Stay // stored stays plus those the import adds
	added   []guests.Stay
	// birthday: the guest has a birthday occasion, stored or planned; occasions are the
	// ones the import adds (a birth date becomes the birthday).
	birthday  bool
	occasions []guests.Occasion
}

// importPlan is what an import will do, row by row.
type importPlan struct {
	targets []*importTarget                     // new guests, and stored ones rows merge into, in row order
	byKey   map[guests.MatchKey][]*importTarget // planned guests by their keys as merged so far
	byID    map[string]*importTarget
}

func (p *importPlan) plan(ctx context.Context, tx *sql.Tx, rows []guests.ImportRow, rep *guests.ImportReport, prog *progress) error {
	for _, row := range rows {
		if err := p.planRow(ctx, tx, row, rep); err != nil {
			return err
		}
		prog.step()
	}
	return nil
}

func (p *importPlan) planRow(ctx context.Context, tx *sql.Tx, row guests.ImportRow, rep *guests.ImportReport) error {
	line := guests.ImportLine{Row: row.Row, Name: row.Guest.FullName()}
	if len(row.Problems) > 0 {
		line.Outcome, line.Problems = guests.OutcomeRejected, row.Problems
		rep.Rejected++
		rep.AddLine(line)
		return nil
	}
	found, err := p.match(ctx, tx, &row.Guest)
	if err != nil {
		return err
	}
	var t *importTarget
	switch len(found) {
	case 0:
		t = &importTarget{guest: row.Guest, row: row.Row, listed: true}
		p.targets = append(p.targets, t)
		rep.Created++
	case 1:
		t = found[0]
		line.Outcome, line.Into = guests.OutcomeMerged, t.guest.FullName()
		if !t.stored {
			line.InFile = t.row
		} else if !t.listed {
			p.targets, t.listed = append(p.targets, t), true
		}
		if guests.MergeGuest(&t.guest, row.Guest) {
			t.changed = true
		}
		rep.Merged++
		rep.AddLine(line)
	default:
		line.Outcome = guests.OutcomeRejected
		line.Problems = append(line.Problems, csvfile.NewProblem(row.Row, "", guests.MsgImportOtherGuest,
			map[string]any{"First": found[0].guest.FullName(), "Second": found[1].guest.FullName()}))
		rep.Rejected++
		rep.AddLine(line)
		return nil
	}
	for _, k := range guests.MatchKeys(&t.guest) { // a merge may have given it new keys
		if !containsTarget(p.byKey[k], t) {
			p.byKey[k] = append(p.byKey[k], t)
		}
	}
	if row.Stay != nil && !guests.HasStay(t.stays, *row.Stay) {
		t.stays = append(t.stays, *row.Stay)
		t.added = append(t.added, *row.Stay)
		rep.StaysAdded++
	}
	if row.Birthday != nil && !t.birthday {
		t.birthday = true
		t.occasions = append(t.occasions, *row.Birthday)
		rep.Birthdays++
	}
	return nil
}

// match finds the guests a row is: by loyalty number alone when it has one that is
// known, otherwise by e-mail and phone among guests whose names agree (see
// guests.SamePerson). More than one means the row is ambiguous.
func (p *importPlan) match(ctx context.Context, tx *sql.Tx, g *guests.Guest) ([]*importTarget, error) {
	var found []*importTarget
	for _, k := range guests.MatchKeys(g) {
		cands, err := p.candidates(ctx, tx, k)
		if err != nil {
			return nil, err
		}
		for _, c := range cands {
			if k.Kind != "loyalty" && !guests.SamePerson(&c.guest, g) || containsTarget(found, c) {
				continue
			}
			found = append(found, c)
		}
		if k.Kind == "loyalty" && len(found) > 0 {
			return found, nil
		}
	}
	return found, nil
}

func containsTarget(ts []*importTarget, t *importTarget) bool { return slices.Contains(ts, t) }

// candidates returns the guests holding key: new ones planned from earlier rows, then
// stored ones.
func (p *importPlan) candidates(ctx context.Context, tx *sql.Tx, k guests.MatchKey) ([]*importTarget, error) {
	column := map[string]string{"loyalty": "loyalty_number", "email": "email", "phone": "phone"}[k.Kind]
	var ids []string
	// "<> ''" lets SQLite use the partial indexes on e-mail and phone (0008): without it a
	// bound value might be empty, and every row of every import scanned the whole table.
	err := eachRow(ctx, tx, "SELECT id FROM guests WHERE "+column+" = ?1 AND "+column+" <> '' AND erased_at = '' LIMIT 5", []any{k.Value},
		func(r *sql.Rows) error {
			var id string
			err := r.Scan(&id)
			ids = append(ids, id)
			return err
		})
	out := slices.Clone(p.byKey[k])
	for _, id := range ids {
		t, err := p.stored(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		if !containsTarget(out, t) {
			out = append(out, t)
		}
	}
	return out, err
}

// stored loads a stored guest and its stays once per import.
func (p *importPlan) stored(ctx context.Context, tx *sql.Tx, id string) (*importTarget, error) {
	if t, ok := p.byID[id]; ok {
		return t, nil
	}
	t := &importTarget{stored: true}
	if err := scanGuest(tx.QueryRowContext(ctx, "SELECT "+guestColumns+" FROM guests WHERE id = ?", id), &t.guest); err != nil {
		return nil, err
	}
	err := eachRow(ctx, tx, "SELECT "+stayColumns+" FROM stays WHERE guest_id = ?", []any{id}, func(r *sql.Rows) error {
		var st guests.Stay
		err := scanStay(r, &st)
		t.stays = append(t.stays, st)
		return err
	})
	if err == nil {
		err = tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM guest_occasions WHERE guest_id = ? AND kind = ?)",
			id, guests.OccasionBirthday).Scan(&t.birthday)
	}
	p.byID[id] = t
	return t, err
}

// applyImport stores the plan: new guests with their stays, merged fields and new stays
// of stored guests, an audit entry for each guest and one for the import.
func (s *Store) applyImport(ctx context.Context, sqlTx *sql.Tx, p *importPlan, rep *guests.ImportReport, prog *progress) error {
	tx := newStmtCache(sqlTx)
	defer tx.Close()
	now := s.now().UTC()
	actor := staff.ActorFrom(ctx).Name
	for _, t := range p.targets {
		var err error
		if t.stored {
			err = s.applyMerge(ctx, tx, t, now)
		} else {
			err = s.applyCreate(ctx, tx, t, now, actor)
		}
		if err != nil {
			return err
		}
		prog.step()
	}
	return s.audit(ctx, tx, change{entity: "guests", entityID: newID(), action: "import",
		words: summaryOf("{{.Created}} created, {{.Merged}} merged, {{.Rejected}} rejected, {{.Stays}} stays added, {{.Birthdays}} birthdays",
			map[string]any{"Created": rep.Created, "Merged": rep.Merged, "Rejected": rep.Rejected, "Stays": rep.StaysAdded, "Birthdays": rep.Birthdays})})
}

func (s *Store) applyCreate(ctx context.Context, tx execer, t *importTarget, now time.Time, actor string) error {
	pr := guests.Profile{Guest: t.guest, Stays: t.added, Occasions: t.occasions}
	if err := prepareProfile(&pr, s.region, now, actor); err != nil {
		return err
	}
	if err := insertProfile(ctx, tx, &pr); err != nil {
		return err
	}
	return s.audit(ctx, tx, change{entity: "guest", entityID: pr.ID, guestID: pr.ID, action: "import",
		words: summaryOf("created from row {{.Row}}", map[string]any{"Row": t.row})})
}

func (s *Store) applyMerge(ctx context.Context, tx execer, t *importTarget, now time.Time) error {
	if !t.changed && len(t.added) == 0 && len(t.occasions) == 0 {
		return nil
	}
	g := &t.guest
	if t.changed {
		if err := g.Normalize(s.region).Err(); err != nil {
			return err
		}
		g.UpdatedAt = now
		if err := updateGuest(ctx, tx, g); err != nil {
			return err
		}
	}
	for i := range t.added {
		st := &t.added[i]
		st.ID, st.GuestID = newID(), g.ID
		if err := insertStay(ctx, tx, st); err != nil {
			return err
		}
	}
	for i := range t.occasions {
		o := &t.occasions[i]
		o.ID, o.GuestID = newID(), g.ID
		if err := insertOccasion(ctx, tx, o); err != nil {
			return err
		}
	}
	summary := summaryOf("merged, {{.Stays}} stays added", map[string]any{"Stays": len(t.added)})
	if len(t.occasions) > 0 {
		summary = summaryOf("merged, {{.Stays}} stays added, birthday added", map[string]any{"Stays": len(t.added)})
	}
	return s.audit(ctx, tx, change{entity: "guest", entityID: g.ID, guestID: g.ID, action: "import", words: summary})
}

// exportSQL lists guests in the order they were created, erased ones left out; with
// stays, one row per stay (a guest without stays once, with empty stay columns).
const (
	exportGuestsSQL = "SELECT " + guestColumns + " FROM guests WHERE erased_at = '' ORDER BY seq"
	exportStaysSQL  = "SELECT " + guestColumns + `, coalesce(s_id, ''), coalesce(s_arrival, ''), coalesce(s_departure, ''),
		coalesce(s_room, ''), coalesce(s_status, ''), coalesce(s_party, 0)
		FROM (SELECT g.*, s.id AS s_id, s.arrival AS s_arrival, s.departure AS s_departure, s.room AS s_room,
			s.status AS s_status, s.party_size AS s_party
			FROM guests g LEFT JOIN stays s ON s.guest_id = g.id WHERE g.erased_at = '')
		ORDER BY seq, s_arrival`
)

// ExportGuestsCSV writes every guest as CSV from one consistent snapshot. The export is
// recorded in the audit log first, in its own transaction, so that even an export that
// fails halfway is on record.
func (s *Store) ExportGuestsCSV(ctx context.Context, w io.Writer, withStays bool) (int, error) {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermTransferGuests); err != nil {
		return 0, err
	}
	what := summaryOf("all guests", nil)
	if withStays {
		what = summaryOf("all guests with stays", nil)
	}
	c := change{entity: "guests", entityID: newID(), action: "export", words: what}
	if err := s.writeAudited(ctx, c, func(*sql.Tx) error { return nil }); err != nil {
		return 0, err
	}
	cw, err := guests.NewCSVWriter(w, withStays)
	if err != nil {
		return 0, err
	}
	query := exportGuestsSQL
	if withStays {
		query = exportStaysSQL
	}
	err = s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, query, nil, func(r *sql.Rows) error {
			if !withStays {
				var g guests.Guest
				if err := scanGuest(r, &g); err != nil {
					return err
				}
				return cw.Write(&g, nil)
			}
			return writeGuestStay(r, cw)
		})
	})
	if err == nil {
		err = cw.Flush()
	}
	return cw.Rows(), err
}

func writeGuestStay(r *sql.Rows, cw *guests.CSVWriter) error {
	var g guests.Guest
	var stayID, arr, dep string
	st := guests.Stay{}
	err := scanGuest(withMore{r, []any{&stayID, &arr, &dep, &st.Room, &st.Status, &st.PartySize}}, &g)
	if err != nil {
		return err
	}
	if stayID == "" {
		return cw.Write(&g, nil)
	}
	st.Arrival, st.Departure = parseDate(arr), parseDate(dep)
	return cw.Write(&g, &st)
}

// withMore scans the columns after those a scan function knows into more.
type withMore struct {
	r    scanner
	more []any
}

func (w withMore) Scan(dest ...any) error { return w.r.Scan(append(dest, w.more...)...) }
