package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"io"
	"slices"
	"time"

	"frontdesk/audit"
	"frontdesk/csvfile"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

var _ guests.Transfer = (*Store)(nil)

// ImportGuestsCSV reads a PMS export and plans every row against what is stored: create,
// merge or reject. The plan is made from a read snapshot, a row at a time as the file is
// read, so neither the file nor its rows are held in memory and nobody waits for it; a
// dry run stops there. The real run then stores the plan in one write transaction —
// all of it or none — after checking that no guest changed since the snapshot (another
// desk at work); if one did, it plans again inside the write transaction, so what lands
// is always what the database held when it ran.
func (s *Store) ImportGuestsCSV(ctx context.Context, r io.ReadSeeker, opt guests.ImportOptions) (guests.ImportReport, error) {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermTransferGuests); err != nil {
		return guests.ImportReport{}, err
	}
	f := guests.OpenImport(r, s.region, s.now(), opt.Encoding)
	base := guests.ImportReport{DryRun: opt.DryRun, Encoding: f.Encoding, DateOrder: string(f.DateOrder), MaxCell: f.MaxCell,
		Columns: f.Columns, Ignored: f.Ignored, Rows: f.Count, Problems: f.Problems, Warnings: f.Warnings}
	if len(f.Problems) > 0 {
		return base, nil
	}
	prog := &progress{fn: opt.Progress}
	started := time.Now()
	var p *importPlan
	var mark importMark
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		if mark, err = readImportMark(ctx, tx); err == nil {
			p, err = planImport(ctx, tx, f, s.region, base, prog)
		}
		return err
	})
	if err != nil || opt.DryRun {
		return reportOf(p, err, started, time.Time{})
	}
	checked := time.Now()
	err = s.write(ctx, func(tx *sql.Tx) error {
		now, err := readImportMark(ctx, tx)
		if err == nil && now != mark {
			p, err = planImport(ctx, tx, f, s.region, base, prog)
		}
		if err != nil {
			return err
		}
		prog.add(len(p.targets))
		return s.applyImport(ctx, tx, p, prog)
	})
	return reportOf(p, err, started, checked)
}

// reportOf is the plan's report with the time it took to check (started to checked,
// or to now on a dry run) and to store (checked to now).
func reportOf(p *importPlan, err error, started, checked time.Time) (guests.ImportReport, error) {
	if err != nil {
		return guests.ImportReport{}, err
	}
	rep := p.report
	if checked.IsZero() {
		rep.Checked = time.Since(started)
	} else {
		rep.Checked, rep.Stored = checked.Sub(started), time.Since(checked)
	}
	return rep, nil
}

// importMark tells whether any guest changed between two moments: a guest created
// raises the highest seq, and any change to a guest, its stays or occasions raises the
// highest revision in guest_changes (kept by triggers, see 0010).
type importMark struct{ seq, rev int64 }

func readImportMark(ctx context.Context, tx *sql.Tx) (importMark, error) {
	var m importMark
	err := tx.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(seq), 0) FROM guests),
		(SELECT coalesce(max(rev), 0) FROM guest_changes)`).Scan(&m.seq, &m.rev)
	return m, err
}

// planImport reads the file's rows one at a time and plans each against tx.
func planImport(ctx context.Context, tx *sql.Tx, f *guests.ImportFile, region string, base guests.ImportReport, prog *progress) (*importPlan, error) {
	prog.restart(f.Count)
	p := &importPlan{report: base, byKey: map[guests.MatchKey][]*importTarget{},
		byID: map[string]*importTarget{}, byPrint: map[string]*importTarget{}}
	err := f.EachRow(func(row guests.ImportRow) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := p.planRow(ctx, tx, row)
		prog.step()
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, p.finish(region)
}

// finish normalises every guest the plan writes, as merged from its rows, so the write
// transaction only writes; a merge that leaves a guest invalid stops the import here.
func (p *importPlan) finish(region string) error {
	for _, t := range p.targets {
		if t.stored && !t.changed {
			continue
		}
		pr := guests.Profile{Guest: t.guest, Stays: t.added, Occasions: t.occasions}
		if err := pr.Normalize(region).Err(); err != nil {
			return errs.Wrap(err, errs.Invalid, "Row {{.N}} ({{.Name}}): {{.Problem}}",
				map[string]any{"N": t.row, "Name": t.guest.FullName(), "Problem": err.Error()})
		}
		t.guest, t.added, t.occasions = pr.Guest, pr.Stays, pr.Occasions
	}
	return nil
}

// progress reports planning (a step per row) and, on a real run, writing (a step per
// guest written) as one count.
type progress struct {
	fn          func(done, total int)
	done, total int
	every       int
}

// restart counts the work from nothing: a plan made again starts at zero.
func (p *progress) restart(n int) {
	p.done, p.total = 0, 0
	p.add(n)
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
	seq     int64         // a stored guest's row in the search index
	changed bool          // a stored guest a merge changed
	row     int           // the row a new guest comes from
	listed  bool          // in importPlan.targets
	stays   []guests.Stay // stored stays plus those the import adds
	added   []guests.Stay
	// birthday: the guest has a birthday occasion, stored or planned; occasions are the
	// ones the import adds (a birth date becomes the birthday).
	birthday  bool
	occasions []guests.Occasion
	// fingerprints of the rows without keys that became this guest and are not stored
	// yet (see guests.ImportRow.Fingerprint)
	fingerprints []string
}

// importPlan is what an import will do, row by row.
type importPlan struct {
	report  guests.ImportReport
	targets []*importTarget                     // new guests, and stored ones rows merge into, in row order
	byKey   map[guests.MatchKey][]*importTarget // planned guests by their keys as merged so far
	byID    map[string]*importTarget
	byPrint map[string]*importTarget // guests rows without keys became, by the rows' fingerprints
}

func (p *importPlan) planRow(ctx context.Context, tx *sql.Tx, row guests.ImportRow) error {
	rep := &p.report
	line := guests.ImportLine{Row: row.Row, Name: row.Guest.FullName()}
	if len(row.Problems) > 0 {
		line.Outcome, line.Problems = guests.OutcomeRejected, row.Problems
		rep.Rejected++
		rep.AddLine(line)
		return nil
	}
	found, err := p.match(ctx, tx, &row.Guest)
	if err == nil && row.Fingerprint != "" {
		found, err = p.matchPrint(ctx, tx, row.Fingerprint)
	}
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
	if row.Fingerprint != "" && p.byPrint[row.Fingerprint] == nil {
		p.byPrint[row.Fingerprint] = t
		if len(found) == 0 {
			t.fingerprints = append(t.fingerprints, row.Fingerprint)
		}
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

// matchPrint finds the guest a row without keys became when it was imported before,
// in this file or an earlier import.
func (p *importPlan) matchPrint(ctx context.Context, tx *sql.Tx, print string) ([]*importTarget, error) {
	if t, ok := p.byPrint[print]; ok {
		return []*importTarget{t}, nil
	}
	var id string
	err := tx.QueryRowContext(ctx, `SELECT r.guest_id FROM import_rows r JOIN guests g ON g.id = r.guest_id
		WHERE r.fingerprint = ? AND g.erased_at = ''`, print).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	t, err := p.stored(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if !t.listed {
		p.targets, t.listed = append(p.targets, t), true
	}
	return []*importTarget{t}, nil
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
	row := withMore{tx.QueryRowContext(ctx, "SELECT "+guestColumns+", seq FROM guests WHERE id = ?", id), []any{&t.seq}}
	if err := scanGuest(row, &t.guest); err != nil {
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

// applyImport stores the plan: merged fields and new stays of stored guests, then new
// guests with their stays, an audit entry for each guest and one for the import.
//
// Rows go in as multi-row INSERTs (see inserter), and the guests in the order of their
// rows in the search index (stored ones by seq, then new ones, which get the next
// seqs): FTS5 writes out what it holds in memory at every statement that changes the
// database and whenever a write goes back to an earlier row, so a statement per guest,
// or merges between new guests, left a tiny index segment per guest to merge — three
// quarters of a large import's time. Foreign keys are checked at commit, as a stay may
// be queued before its guest's row is written.
func (s *Store) applyImport(ctx context.Context, sqlTx *sql.Tx, p *importPlan, prog *progress) error {
	if _, err := sqlTx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		return err
	}
	if err := setIndexSecureDelete(ctx, sqlTx, false); err != nil {
		return err
	}
	ins, err := openInserters(ctx, sqlTx, importParams, guestRows, alertRows, preferenceRows, occasionRows, stayRows, auditRows, importRows)
	if err != nil {
		return err
	}
	w := importWriter{s: s, ctx: ctx, tx: newStmtCache(sqlTx), ins: ins, now: s.now().UTC(), actor: staff.ActorFrom(ctx).Name}
	defer w.tx.Close()
	if err := w.writeTargets(p.targets, prog); err != nil {
		flushAll(ins)
		return err
	}
	rep := p.report
	values, err := s.auditValues(ctx, change{entity: "guests", entityID: newID(), action: "import",
		words: summaryOf("{{.Created}} created, {{.Merged}} merged, {{.Rejected}} rejected, {{.Stays}} stays added, {{.Birthdays}} birthdays",
			map[string]any{"Created": rep.Created, "Merged": rep.Merged, "Rejected": rep.Rejected, "Stays": rep.StaysAdded, "Birthdays": rep.Birthdays})})
	if err == nil {
		err = ins[5].add(values...)
	}
	if err = firstErr(err, flushAll(ins)); err != nil {
		return err
	}
	if err := setIndexSecureDelete(ctx, sqlTx, true); err != nil {
		return err
	}
	// The merged guests' earlier words may stay in the index's older segments: the file
	// is no longer clean, and the next erasure compacts it first (CompactForPrivacy).
	_, err = sqlTx.ExecContext(ctx, "DELETE FROM settings WHERE key = ?", privacyCompactedKey)
	return err
}

// setIndexSecureDelete switches FTS5's secure-delete of both search indexes. An import
// switches it off inside its write transaction: overwriting every merged guest's old
// words as it goes doubled the time the database was held (11.7 → 23.9 s for 100,000
// rows into a million guests); it is on again before the commit.
func setIndexSecureDelete(ctx context.Context, tx *sql.Tx, on bool) error {
	v := 0
	if on {
		v = 1
	}
	for _, t := range []string{"guest_fts", "guest_house_fts"} {
		if _, err := tx.ExecContext(ctx, "INSERT INTO "+t+"("+t+", rank) VALUES ('secure-delete', ?)", v); err != nil {
			return err
		}
	}
	return nil
}

// importParams bounds the values of one INSERT an import writes: 500 guests a
// statement, so the search index takes them 500 at a time (within SQLite's 32,766).
const importParams = 7500

// importWriter writes an import's targets: ins are the guest, alert, preference,
// occasion, stay, audit and import-row inserters, in that order.
type importWriter struct {
	s     *Store
	ctx   context.Context
	tx    *stmtCache
	ins   []*inserter
	now   time.Time
	actor string
	// updates are merged guests waiting to be written, updateChunk at a time.
	updates []*guests.Guest
}

// updateChunk is how many merged guests one UPDATE writes (14 values each).
const updateChunk = 500

func (w *importWriter) flushUpdates() error {
	err := updateGuests(w.ctx, w.tx, w.updates)
	w.updates = w.updates[:0]
	return err
}

// audit queues the audit entry of a guest the import wrote, and the fingerprints of
// the rows without keys that became it.
func (w *importWriter) audit(t *importTarget, id string, summary *audit.Words) error {
	values, err := w.s.auditValues(w.ctx, change{entity: "guest", entityID: id, guestID: id, action: "import", words: summary})
	if err == nil {
		err = w.ins[5].add(values...)
	}
	for _, print := range t.fingerprints {
		err = firstErr(err, w.ins[6].add(print, id))
	}
	return err
}

// writeTargets writes the stored guests rows merge into, in seq order, then the new
// guests in row order, which get the next seqs: the search index is written in the order
// of its rows (see applyImport).
func (w *importWriter) writeTargets(targets []*importTarget, prog *progress) error {
	var stored, created []*importTarget
	for _, t := range targets {
		if t.stored {
			stored = append(stored, t)
		} else {
			created = append(created, t)
		}
	}
	slices.SortFunc(stored, func(a, b *importTarget) int { return cmp.Compare(a.seq, b.seq) })
	for _, t := range stored {
		if err := w.merge(t); err != nil {
			return err
		}
		prog.step()
	}
	if err := w.flushUpdates(); err != nil {
		return err
	}
	for _, t := range created {
		if err := w.create(t); err != nil {
			return err
		}
		prog.step()
	}
	return nil
}

// create queues a new guest with its stays and birthday.
func (w *importWriter) create(t *importTarget) error {
	pr := guests.Profile{Guest: t.guest, Stays: t.added, Occasions: t.occasions}
	identify(&pr, w.now, w.actor) // normalised when planned (importPlan.finish)
	return firstErr(profileRows(w.ins, &pr), w.audit(t, pr.ID, summaryOf("created from row {{.Row}}", map[string]any{"Row": t.row})))
}

// merge writes a stored guest's merged fields and queues its new stays and birthday.
func (w *importWriter) merge(t *importTarget) error {
	if !t.changed && len(t.added) == 0 && len(t.occasions) == 0 && len(t.fingerprints) == 0 {
		return nil
	}
	g := &t.guest
	if t.changed { // normalised when planned (importPlan.finish)
		g.UpdatedAt = w.now
		if w.updates = append(w.updates, g); len(w.updates) == updateChunk {
			if err := w.flushUpdates(); err != nil {
				return err
			}
		}
	}
	pr := guests.Profile{Guest: *g, Stays: t.added, Occasions: t.occasions}
	for i := range pr.Stays {
		pr.Stays[i].ID, pr.Stays[i].GuestID = newID(), g.ID
	}
	for i := range pr.Occasions {
		pr.Occasions[i].ID, pr.Occasions[i].GuestID = newID(), g.ID
	}
	if err := partRows(w.ins, &pr); err != nil {
		return err
	}
	summary := summaryOf("merged, {{.Stays}} stays added", map[string]any{"Stays": len(t.added)})
	if len(t.occasions) > 0 {
		summary = summaryOf("merged, {{.Stays}} stays added, birthday added", map[string]any{"Stays": len(t.added)})
	}
	return w.audit(t, g.ID, summary)
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
