package sqlite

import (
	"context"
	"database/sql"
	"time"

	"frontdesk/audit"
	"frontdesk/escalation"
	"frontdesk/staff"
)

var _ escalation.Service = (*Store)(nil)

// The defaults are seeded by migrations/0003_escalation.sql, so a database that existed
// before escalation rules gets them as well as a new one.

// ListEscalationRules returns every escalation level, sorted by class and level.
func (s *Store) ListEscalationRules(ctx context.Context) (escalation.Rules, error) {
	var out escalation.Rules
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		out, err = loadEscalationRules(ctx, tx)
		return err
	})
	return out, err
}

func loadEscalationRules(ctx context.Context, tx *sql.Tx) (escalation.Rules, error) {
	var out escalation.Rules
	err := eachRow(ctx, tx, "SELECT class, level, after_min, target FROM escalation_levels", nil, func(r *sql.Rows) error {
		var l escalation.Level
		var after int
		err := r.Scan(&l.Class, &l.Level, &after, &l.Target)
		l.After = time.Duration(after) * time.Minute
		out = append(out, l)
		return err
	})
	out.Sort()
	return out, err
}

// SaveEscalationRules replaces every level of class with levels, in one audited
// transaction; managers only. Nothing changes unless every level is valid.
func (s *Store) SaveEscalationRules(ctx context.Context, class escalation.Class, levels []escalation.Level) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermEditStandards); err != nil {
		return err
	}
	rules, fs := escalation.NormalizeClass(class, levels)
	if err := fs.Err(); err != nil {
		return err
	}
	c := change{entity: "escalation", entityID: string(class), action: "save", words: escalationSummary(rules)}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error { return replaceEscalation(ctx, tx, class, rules) })
}

func replaceEscalation(ctx context.Context, tx *sql.Tx, class escalation.Class, rules escalation.Rules) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM escalation_levels WHERE class = ?", class); err != nil {
		return err
	}
	for _, l := range rules {
		if _, err := tx.ExecContext(ctx, "INSERT INTO escalation_levels (class, level, after_min, target) VALUES (?, ?, ?, ?)",
			class, l.Level, int(l.After/time.Minute), l.Target); err != nil {
			return err
		}
	}
	return nil
}

// escalationSummary is the audit text: "1 owner +0 min; 2 shift_manager +5 min".
func escalationSummary(rules escalation.Rules) *audit.Words {
	w := &audit.Words{Sep: "; "}
	for _, l := range rules {
		w.Parts = append(w.Parts, said("{{.Level}} {{.Target}} +{{.Min}} min",
			map[string]any{"Level": l.Level, "Target": l.Target, "Min": int(l.After / time.Minute)}))
	}
	return w
}
