package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"frontdesk/anticipation"
	"frontdesk/staff"
)

var (
	_ anticipation.PrepRuleService = (*Store)(nil)
	_ anticipation.Preparer        = (*Store)(nil)
)

// preparer is who logs automatic preparation, in the timelines and the audit log.
var preparer = staff.Actor{Name: "Frontdesk"}

// prepareBatch is how many stays one transaction of PrepareDue prepares: at 18:00 at a
// resort hundreds of arrivals come due at once, and the writer is held only briefly for
// each batch (a batch done stays done if the process stops before the next).
const prepareBatch = 50

// PrepRules returns the preparation rules, in the order of anticipation.PrepSources.
func (s *Store) PrepRules(ctx context.Context) ([]anticipation.PrepRule, error) {
	var rules anticipation.PrepRules
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		rules, err = loadPrepRules(ctx, tx)
		return err
	})
	var out []anticipation.PrepRule
	for _, src := range anticipation.PrepSources() {
		if r, ok := rules[src]; ok {
			out = append(out, r)
		} else {
			out = append(out, anticipation.PrepRule{Source: src, AtHour: anticipation.DefaultPrepHour})
		}
	}
	return out, err
}

func loadPrepRules(ctx context.Context, tx *sql.Tx) (anticipation.PrepRules, error) {
	rules := anticipation.PrepRules{}
	err := eachRow(ctx, tx, "SELECT source, auto, at_hour FROM prep_rules", nil, func(r *sql.Rows) error {
		var p anticipation.PrepRule
		err := r.Scan(&p.Source, &p.Auto, &p.AtHour)
		rules[p.Source] = p
		return err
	})
	return rules, err
}

// SavePrepRules replaces the preparation rules; managers only, audited. The boards are
// built again at their next read.
func (s *Store) SavePrepRules(ctx context.Context, rules []anticipation.PrepRule) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermEditStandards); err != nil {
		return err
	}
	if err := anticipation.CheckPrepRules(rules); err != nil {
		return err
	}
	auto := 0
	for _, r := range rules {
		if r.Auto {
			auto++
		}
	}
	c := change{entity: "prep_rules", entityID: "all", action: "save",
		words: summaryOf("{{.Auto}} of {{.Count}} kinds prepared automatically", map[string]any{"Auto": auto, "Count": len(rules)})}
	err := s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM prep_rules"); err != nil {
			return err
		}
		for _, r := range rules {
			if _, err := tx.ExecContext(ctx, "INSERT INTO prep_rules (source, auto, at_hour) VALUES (?, ?, ?)", r.Source, r.Auto, r.AtHour); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		s.board.forget()
	}
	return err
}

// PrepareDue logs the automatic preparation tasks whose time has come (the evening before
// arrival, by the rules), once per stay and wish or alert, owned by the shift manager on
// duty (else the first administrator) and recorded as done by Frontdesk. The arrivals
// come from the property's board; each is read again inside the writing transaction.
func (s *Store) PrepareDue(ctx context.Context) (int, error) {
	now := s.now()
	board, err := s.WholeBoard(ctx, now)
	if err != nil {
		return 0, err
	}
	var due []string
	held := map[string]bool{} // wishes the board found in conflict: a person chooses
	for _, a := range board.Arrivals {
		if !a.AutoAt.IsZero() && !now.Before(a.AutoAt) {
			due = append(due, a.Stay.ID)
		}
		for _, t := range a.Tasks {
			if t.Conflict != "" {
				held[t.SourceID] = true
			}
		}
	}
	logged := 0
	ctx = staff.WithActor(ctx, preparer)
	for batch := range slices.Chunk(due, prepareBatch) {
		err := s.write(ctx, func(tx *sql.Tx) error {
			owner, err := prepOwner(ctx, tx, now)
			if err != nil || owner == "" {
				return err
			}
			for _, stayID := range batch {
				n, err := s.prepareStay(ctx, tx, stayID, owner, now, held)
				if err != nil {
					return err
				}
				logged += n
			}
			return nil
		})
		if err != nil {
			return logged, err
		}
	}
	return logged, nil
}

// prepareStay logs a stay's automatic tasks that are due, not logged and not held,
// audited.
func (s *Store) prepareStay(ctx context.Context, tx *sql.Tx, stayID, owner string, now time.Time, held map[string]bool) (int, error) {
	g, snap, ok, err := arrivalIn(ctx, tx, stayID, now)
	if err != nil || !ok {
		return 0, err // !ok: no longer expected today or tomorrow
	}
	n := 0
	for _, task := range anticipation.AutoTasks(g, snap.Rules, now, anticipation.PrepTasks(g, now, snap.Hours), held) {
		done, err := s.logPrepTask(ctx, tx, g, task, now, owner, preparer)
		if err != nil {
			return n, err
		}
		if done {
			n++
		}
	}
	if n == 0 {
		return 0, nil
	}
	return n, s.audit(ctx, tx, change{entity: "stay", entityID: stayID, guestID: g.Guest.ID, action: "prepare",
		words: summaryOf("{{.Count}} preparation tasks logged automatically", map[string]any{"Count": n})})
}

// prepOwner is who owns automatic preparation tasks: the shift manager on duty, else the
// first active administrator; empty when there is no one (nothing is logged then).
func prepOwner(ctx context.Context, tx *sql.Tx, now time.Time) (string, error) {
	on, err := loadOnShift(ctx, tx, now)
	if err != nil {
		return "", err
	}
	if on.manager != nil {
		return on.manager.StaffID, nil
	}
	var id string
	err = tx.QueryRowContext(ctx, "SELECT id FROM staff WHERE role = 'administrator' AND active = 1 ORDER BY seq LIMIT 1").Scan(&id)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return id, err
}
