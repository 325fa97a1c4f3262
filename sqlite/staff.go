package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/staff"
)

var _ staff.Service = (*Store)(nil)

const staffColumns = "id, name, role, active, pin_hash, failed_pins, locked_until, created_at, updated_at"

func scanStaff(r scanner, st *staff.Staff) error {
	var locked, created, updated string
	err := r.Scan(&st.ID, &st.Name, &st.Role, &st.Active, &st.PINHash, &st.FailedPINs, &locked, &created, &updated)
	if locked != "" {
		st.LockedUntil = parseTime(locked)
	}
	st.CreatedAt, st.UpdatedAt = parseTime(created), parseTime(updated)
	return err
}

// CountStaff counts every account, active or not.
func (s *Store) CountStaff(ctx context.Context) (int, error) {
	var n int
	err := s.reader.QueryRowContext(ctx, "SELECT count(*) FROM staff").Scan(&n)
	return n, mapErr(err)
}

// CreateFirstAdministrator creates the first account of a fresh database.
func (s *Store) CreateFirstAdministrator(ctx context.Context, st *staff.Staff, pin string) error {
	st.Role, st.Active = staff.RoleAdministrator, true
	return s.createStaff(ctx, st, pin, true)
}

// CreateStaff adds a member of staff; managers only.
func (s *Store) CreateStaff(ctx context.Context, st *staff.Staff, pin string) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermEditStaff); err != nil {
		return err
	}
	return s.createStaff(ctx, st, pin, false)
}

// createStaff validates and hashes before the transaction, so the slow hash never
// holds the writer.
func (s *Store) createStaff(ctx context.Context, st *staff.Staff, pin string, first bool) error {
	fs := st.Normalize()
	if err := staff.ValidatePIN(pin); err != nil {
		fs = append(fs, errs.AsFields(err)...)
	}
	if err := fs.Err(); err != nil {
		return err
	}
	if err := st.ResetPIN(pin); err != nil {
		return err
	}
	now := s.now().UTC()
	st.ID, st.CreatedAt, st.UpdatedAt = newID(), now, now
	c := change{entity: "staff", entityID: st.ID, action: "create", words: staffSummary(st)}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		if first {
			if err := noStaffYet(ctx, tx); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO staff ("+staffColumns+") VALUES (?, ?, ?, ?, ?, 0, '', ?, ?)",
			st.ID, st.Name, st.Role, st.Active, st.PINHash, fmtTime(now), fmtTime(now)); err != nil {
			return err
		}
		return setStaffDepartments(ctx, tx, st)
	})
}

func noStaffYet(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM staff").Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return errs.New(errs.Conflict, "Frontdesk already has an administrator. Sign in and add staff from Resources.", nil)
	}
	return nil
}

func setStaffDepartments(ctx context.Context, tx *sql.Tx, st *staff.Staff) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM staff_departments WHERE staff_id = ?", st.ID); err != nil {
		return err
	}
	for _, d := range st.Departments {
		_, err := tx.ExecContext(ctx, "INSERT INTO staff_departments (staff_id, department) VALUES (?, ?)", st.ID, d)
		if err != nil {
			if isForeignKey(err) {
				return errs.FieldError(staff.FieldDepartments, "Unknown department '{{.Code}}'.", map[string]any{"Code": d})
			}
			return err
		}
	}
	return nil
}

// UpdateStaff changes name, role, departments and the active flag; managers only.
func (s *Store) UpdateStaff(ctx context.Context, st *staff.Staff) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermEditStaff); err != nil {
		return err
	}
	if err := st.Normalize().Err(); err != nil {
		return err
	}
	st.UpdatedAt = s.now().UTC()
	c := change{entity: "staff", entityID: st.ID, action: "update", words: staffSummary(st)}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE staff SET name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?",
			st.Name, st.Role, st.Active, fmtTime(st.UpdatedAt), st.ID)
		if err != nil {
			return err
		}
		if err := mustAffect(res, "This member of staff no longer exists."); err != nil {
			return err
		}
		return setStaffDepartments(ctx, tx, st)
	})
}

// ResetStaffPIN sets a new PIN and lifts any lock; managers only.
func (s *Store) ResetStaffPIN(ctx context.Context, staffID, pin string) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermResetPIN); err != nil {
		return err
	}
	var st staff.Staff
	if err := st.ResetPIN(pin); err != nil {
		return err
	}
	c := change{entity: "staff", entityID: staffID, action: "reset_pin"}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE staff SET pin_hash = ?, failed_pins = 0, locked_until = '', updated_at = ? WHERE id = ?",
			st.PINHash, fmtTime(s.now()), staffID)
		if err != nil {
			return err
		}
		return mustAffect(res, "This member of staff no longer exists.")
	})
}

// ListStaff returns a page of staff with their departments, by name.
func (s *Store) ListStaff(ctx context.Context, f staff.Filter) ([]staff.Staff, error) {
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	q := "SELECT " + staffColumns + " FROM staff WHERE name LIKE ? ESCAPE '\\' AND (? = 0 OR active = 1) ORDER BY name LIMIT ?"
	prefix := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(f.NamePrefix) + "%"
	var out []staff.Staff
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := eachRow(ctx, tx, q, []any{prefix, f.ActiveOnly, limit}, func(r *sql.Rows) error {
			var st staff.Staff
			err := scanStaff(r, &st)
			out = append(out, st)
			return err
		})
		if err != nil {
			return err
		}
		for i := range out {
			if err := loadStaffDepartments(ctx, tx, &out[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

func loadStaffDepartments(ctx context.Context, tx *sql.Tx, st *staff.Staff) error {
	st.Departments = nil
	return eachRow(ctx, tx, "SELECT department FROM staff_departments WHERE staff_id = ? ORDER BY department",
		[]any{st.ID}, func(r *sql.Rows) error {
			var d string
			err := r.Scan(&d)
			st.Departments = append(st.Departments, d)
			return err
		})
}

// SignIn checks the PIN inside the write transaction, so failures counted at two desks
// at once both count, and stores the counters whatever the outcome.
func (s *Store) SignIn(ctx context.Context, staffID, pin string) (staff.Actor, error) {
	var actor staff.Actor
	var signInErr error
	err := s.write(ctx, func(tx *sql.Tx) error {
		var st staff.Staff
		if err := scanStaff(tx.QueryRowContext(ctx, "SELECT "+staffColumns+" FROM staff WHERE id = ?", staffID), &st); err != nil {
			if err == sql.ErrNoRows {
				return errs.New(errs.NotFound, "This member of staff no longer exists.", nil)
			}
			return err
		}
		if err := loadStaffDepartments(ctx, tx, &st); err != nil {
			return err
		}
		signInErr = st.SignIn(pin, s.now())
		locked := ""
		if !st.LockedUntil.IsZero() {
			locked = fmtTime(st.LockedUntil)
		}
		actor = staff.Actor{ID: st.ID, Name: st.Name, Role: st.Role, Departments: st.Departments}
		if _, err := tx.ExecContext(ctx, "UPDATE staff SET failed_pins = ?, locked_until = ? WHERE id = ?", st.FailedPINs, locked, st.ID); err != nil {
			return err
		}
		action := "sign_in"
		if signInErr != nil {
			action = "sign_in_refused"
		}
		return s.audit(staff.WithActor(ctx, actor), tx, change{entity: "staff", entityID: st.ID, action: action})
	})
	if err != nil {
		return staff.Actor{}, err
	}
	if signInErr != nil {
		return staff.Actor{}, signInErr
	}
	return actor, nil
}

// staffSummary is the audit text: "Dewi Lestari (agent)".
func staffSummary(st *staff.Staff) *audit.Words {
	return summaryOf("{{.Name}} ({{.Role}})", map[string]any{"Name": st.Name, "Role": st.Role})
}
