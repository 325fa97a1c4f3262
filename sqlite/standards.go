package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/staff"
	"frontdesk/standards"
)

var _ standards.Service = (*Store)(nil)

// seedDefaults gives a new property its departments and service standards, once.
func (s *Store) seedDefaults(ctx context.Context) error {
	setup := staff.WithActor(ctx, staff.Actor{Name: "Frontdesk setup"})
	c := change{entity: "standards", entityID: "defaults", action: "create", words: summaryOf("default departments and service standards", nil)}
	return s.write(setup, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM departments").Scan(&n); err != nil || n > 0 {
			return err
		}
		for _, d := range standards.DefaultDepartments() {
			if err := upsertDepartment(ctx, tx, &d); err != nil {
				return err
			}
		}
		for _, cat := range standards.DefaultCategories() {
			if err := upsertCategory(ctx, tx, &cat); err != nil {
				return err
			}
		}
		return s.audit(setup, tx, c)
	})
}

// ListDepartments returns every department by name.
func (s *Store) ListDepartments(ctx context.Context) ([]standards.Department, error) {
	var out []standards.Department
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT code, name, on_duty_contact, open_minute, close_minute FROM departments
			WHERE active = 1 ORDER BY name`, nil, func(r *sql.Rows) error {
			var d standards.Department
			err := r.Scan(&d.Code, &d.Name, &d.OnDutyContact, &d.Hours.Open, &d.Hours.Close)
			out = append(out, d)
			return err
		})
	})
	return out, err
}

// SaveDepartment creates or replaces a department; managers only.
func (s *Store) SaveDepartment(ctx context.Context, d *standards.Department) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermEditDepartments); err != nil {
		return err
	}
	if err := d.Normalize().Err(); err != nil {
		return err
	}
	c := change{entity: "department", entityID: d.Code, action: "save", summary: d.Name + " " + d.Hours.String()}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error { return upsertDepartment(ctx, tx, d) })
}

func upsertDepartment(ctx context.Context, tx *sql.Tx, d *standards.Department) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO departments (code, name, on_duty_contact, open_minute, close_minute)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name,
		on_duty_contact = excluded.on_duty_contact, open_minute = excluded.open_minute, close_minute = excluded.close_minute`,
		d.Code, d.Name, d.OnDutyContact, d.Hours.Open, d.Hours.Close)
	return err
}

// ListCategories returns every request category with its service standard, by name.
func (s *Store) ListCategories(ctx context.Context) ([]standards.Category, error) {
	var out []standards.Category
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT code, name, department, promise_min, top_tier_min, guest_names_time, complaint, words
			FROM categories WHERE active = 1 ORDER BY name`, nil, func(r *sql.Rows) error {
			var c standards.Category
			var promise, top int
			var words string
			err := r.Scan(&c.Code, &c.Name, &c.Department, &promise, &top, &c.GuestNamesTime, &c.Complaint, &words)
			c.Promise, c.TopTierPromise = time.Duration(promise)*time.Minute, time.Duration(top)*time.Minute
			c.Words = splitWords(words)
			out = append(out, c)
			return err
		})
	})
	return out, err
}

// SaveCategory creates or replaces a category's service standard; managers only.
func (s *Store) SaveCategory(ctx context.Context, cat *standards.Category) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermEditStandards); err != nil {
		return err
	}
	if err := cat.Normalize().Err(); err != nil {
		return err
	}
	c := change{entity: "category", entityID: cat.Code, action: "save",
		words: summaryOf("{{.Name}} {{.Min}} min", map[string]any{"Name": cat.Name, "Min": int(cat.Promise / time.Minute)})}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, "SELECT 1 FROM departments WHERE code = ?", cat.Department).Scan(&one)
		if err == sql.ErrNoRows {
			return errs.FieldError(standards.FieldDepartment, "Choose the department that serves this category.", nil)
		}
		if err != nil {
			return err
		}
		return upsertCategory(ctx, tx, cat)
	})
}

func upsertCategory(ctx context.Context, tx *sql.Tx, c *standards.Category) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO categories (code, name, department, promise_min, top_tier_min, guest_names_time, complaint, words)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, department = excluded.department,
		promise_min = excluded.promise_min, top_tier_min = excluded.top_tier_min,
		guest_names_time = excluded.guest_names_time, complaint = excluded.complaint, words = excluded.words`,
		c.Code, c.Name, c.Department, int(c.Promise/time.Minute), int(c.TopTierPromise/time.Minute), c.GuestNamesTime, c.Complaint,
		strings.Join(c.Words, ", "))
	return err
}

// splitWords reads the stored search words of a category (comma-separated: a word never
// holds a comma).
func splitWords(s string) []string {
	var out []string
	for _, w := range strings.Split(s, ",") {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}
