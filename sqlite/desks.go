package sqlite

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"time"

	"frontdesk/desks"
	"frontdesk/errs"
	"frontdesk/staff"
)

var _ desks.Store = (*Store)(nil)

// lastSeenEvery is how often a desk's last call is written: not at every call.
const lastSeenEvery = time.Minute

// requireAdmin refuses anyone but an administrator; the server's own start (no one
// signed in, the actor's ID empty and its name the server's) may make a pairing code.
func requireAdmin(ctx context.Context) error {
	if staff.ActorFrom(ctx).Role != staff.RoleAdministrator {
		return errs.New(errs.Invalid, desks.MsgAdminOnly, nil)
	}
	return nil
}

// CreatePairingCode makes a one-time code for a new desk, good for desks.CodeTTL.
func (s *Store) CreatePairingCode(ctx context.Context) (string, time.Time, error) {
	if err := requireAdmin(ctx); err != nil {
		return "", time.Time{}, err
	}
	return s.createPairingCode(ctx)
}

// CreatePairingCodeAtStart makes a pairing code for `frontdesk serve --pair`: the person
// at the server's own keyboard, who could read the file anyway.
func (s *Store) CreatePairingCodeAtStart(ctx context.Context) (string, time.Time, error) {
	return s.createPairingCode(staff.WithActor(ctx, staff.Actor{Name: "frontdesk serve --pair"}))
}

func (s *Store) createPairingCode(ctx context.Context) (string, time.Time, error) {
	code, now := desks.NewCode(), s.now()
	expires := now.Add(desks.CodeTTL)
	err := s.writeAudited(ctx, change{entity: "desk", action: "pairing_code"}, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM pairing_codes WHERE expires_at < ?", fmtTime(now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO pairing_codes (code_hash, created_by, expires_at) VALUES (?, ?, ?)",
			desks.Hash(code), staff.ActorFrom(ctx).Name, fmtTime(expires))
		return err
	})
	return code, expires, err
}

// Pair uses a pairing code up and records a new desk with a new secret.
func (s *Store) Pair(ctx context.Context, code, name string) (desks.Desk, string, error) {
	if err := desks.CheckName(name); err != nil {
		return desks.Desk{}, "", err
	}
	d := desks.Desk{ID: newID(), Name: name, PairedAt: s.now().UTC()}
	secret := desks.NewSecret()
	err := s.write(ctx, func(tx *sql.Tx) error {
		var expires string
		err := tx.QueryRowContext(ctx, "DELETE FROM pairing_codes WHERE code_hash = ? RETURNING created_by, expires_at",
			desks.Hash(desks.NormalizeCode(code))).Scan(&d.PairedBy, &expires)
		if err == sql.ErrNoRows || (err == nil && parseTime(expires).Before(d.PairedAt)) {
			return errs.FieldError(desks.FieldCode, desks.MsgBadCode, nil)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO desks (id, name, secret_hash, paired_at, paired_by) VALUES (?, ?, ?, ?, ?)`,
			d.ID, d.Name, desks.Hash(secret), fmtTime(d.PairedAt), d.PairedBy); err != nil {
			return err
		}
		actx := staff.WithActor(ctx, staff.Actor{Name: d.PairedBy})
		return s.audit(actx, tx, change{entity: "desk", entityID: d.ID, action: "pair", summary: d.Name})
	})
	if err != nil {
		return desks.Desk{}, "", err
	}
	return d, secret, nil
}

const deskColumns = "id, name, paired_at, paired_by, last_seen, revoked_at, revoked_by"

func scanDesk(r scanner, d *desks.Desk) error {
	var paired, seen, revoked string
	if err := r.Scan(&d.ID, &d.Name, &paired, &d.PairedBy, &seen, &revoked, &d.RevokedBy); err != nil {
		return err
	}
	d.PairedAt, d.LastSeen, d.RevokedAt = parseTime(paired), parseTime(seen), parseTime(revoked)
	return nil
}

// CheckDesk returns the desk whose secret this is, in one read; an unknown ID, a wrong
// secret and a revoked desk are refused alike.
func (s *Store) CheckDesk(ctx context.Context, deskID, secret string) (desks.Desk, error) {
	var d desks.Desk
	refused := errs.New(errs.Denied, desks.MsgUnknownDesk, nil)
	err := s.read(ctx, func(tx *sql.Tx) error {
		var hash []byte
		row := tx.QueryRowContext(ctx, "SELECT "+deskColumns+", secret_hash FROM desks WHERE id = ?", deskID)
		err := scanDesk(withMore{row, []any{&hash}}, &d)
		if err == sql.ErrNoRows || (err == nil && (!equalHash(hash, desks.Hash(secret)) || d.Revoked())) {
			return refused
		}
		return err
	})
	if err != nil {
		return desks.Desk{}, err
	}
	return d, s.noteSeen(ctx, &d)
}

// noteSeen records the desk's call as its last, at most once a minute (not a write per
// call).
func (s *Store) noteSeen(ctx context.Context, d *desks.Desk) error {
	now := s.now().UTC()
	if now.Sub(d.LastSeen) < lastSeenEvery {
		return nil
	}
	d.LastSeen = now
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE desks SET last_seen = ? WHERE id = ?", fmtTime(now), d.ID)
		return err
	})
}

// OpenSession signs actor in at the desk for desks.SessionTTL.
func (s *Store) OpenSession(ctx context.Context, deskID string, actor staff.Actor) (desks.Session, error) {
	now := s.now().UTC()
	ses := desks.Session{Token: desks.NewSecret(), DeskID: deskID, Actor: actor, ExpiresAt: now.Add(desks.SessionTTL)}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM desk_sessions WHERE expires_at < ?", fmtTime(now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO desk_sessions (token_hash, desk_id, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
			desks.Hash(ses.Token), deskID, actor.ID, fmtTime(now), fmtTime(ses.ExpiresAt))
		return err
	})
	if err != nil {
		return desks.Session{}, err
	}
	return ses, nil
}

// CheckSession returns the actor of a session opened at this desk, as the staff list
// has them now.
func (s *Store) CheckSession(ctx context.Context, deskID, token string) (staff.Actor, error) {
	var st staff.Staff
	ended := errs.New(errs.Denied, desks.MsgSessionEnded, nil)
	err := s.read(ctx, func(tx *sql.Tx) error {
		var sesDesk, expires string
		err := tx.QueryRowContext(ctx, "SELECT desk_id, staff_id, expires_at FROM desk_sessions WHERE token_hash = ?",
			desks.Hash(token)).Scan(&sesDesk, &st.ID, &expires)
		if err == sql.ErrNoRows || (err == nil && (sesDesk != deskID || !parseTime(expires).After(s.now()))) {
			return ended
		}
		if err != nil {
			return err
		}
		if err := scanStaff(tx.QueryRowContext(ctx, "SELECT "+staffColumns+" FROM staff WHERE id = ?", st.ID), &st); err != nil {
			return err
		}
		return loadStaffDepartments(ctx, tx, &st)
	})
	if err == sql.ErrNoRows || (err == nil && !st.Active) {
		return staff.Actor{}, ended
	}
	if err != nil {
		return staff.Actor{}, err
	}
	return staff.Actor{ID: st.ID, Name: st.Name, Role: st.Role, Departments: st.Departments}, nil
}

// EndSession signs a session's member of staff out; an unknown token is already out.
func (s *Store) EndSession(ctx context.Context, token string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM desk_sessions WHERE token_hash = ?", desks.Hash(token))
		return err
	})
}

// ListDesks lists every desk ever paired, the newest first.
func (s *Store) ListDesks(ctx context.Context) ([]desks.Desk, error) {
	if err := requireAdmin(ctx); err != nil {
		return nil, err
	}
	var out []desks.Desk
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, "SELECT "+deskColumns+" FROM desks ORDER BY paired_at DESC", nil, func(r *sql.Rows) error {
			var d desks.Desk
			if err := scanDesk(r, &d); err != nil {
				return err
			}
			out = append(out, d)
			return nil
		})
	})
	return out, err
}

// RevokeDesk refuses a desk from now on and ends every session at it.
func (s *Store) RevokeDesk(ctx context.Context, deskID string) error {
	if err := requireAdmin(ctx); err != nil {
		return err
	}
	actor := staff.ActorFrom(ctx)
	return s.writeAudited(ctx, change{entity: "desk", entityID: deskID, action: "revoke"}, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE desks SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at = ''",
			fmtTime(s.now()), actor.Name, deskID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var one int
			if err := tx.QueryRowContext(ctx, "SELECT 1 FROM desks WHERE id = ?", deskID).Scan(&one); err == sql.ErrNoRows {
				return errs.New(errs.NotFound, desks.MsgDeskNotFound, nil)
			}
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM desk_sessions WHERE desk_id = ?", deskID)
		return err
	})
}

// equalHash compares two hashes in constant time.
func equalHash(a, b []byte) bool {
	return len(a) == len(b) && subtle.ConstantTimeCompare(a, b) == 1
}
