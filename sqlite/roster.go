package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"frontdesk/audit"
	"frontdesk/property"
	"frontdesk/staff"
)

var _ property.RosterService = (*Store)(nil)

// The settings keys holding the shift starts, in minutes after midnight.
const (
	settingMorningStart = "shift.morning"
	settingEveningStart = "shift.evening"
	settingNightStart   = "shift.night"
)

// ShiftTimes returns the stored shift times, or the defaults when none are stored.
func (s *Store) ShiftTimes(ctx context.Context) (property.ShiftTimes, error) {
	var t property.ShiftTimes
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		t, err = loadShiftTimes(ctx, tx)
		return err
	})
	return t, err
}

// loadShiftTimes reads the settings, taking the default for any key that is absent. A
// stored set that breaks the rules (only a hand edit can do that) gives the defaults, so
// the desk can always tell which shift is on.
func loadShiftTimes(ctx context.Context, tx *sql.Tx) (property.ShiftTimes, error) {
	t := property.DefaultShiftTimes()
	starts := map[string]*int{
		settingMorningStart: &t.MorningStart,
		settingEveningStart: &t.EveningStart,
		settingNightStart:   &t.NightStart,
	}
	err := eachRow(ctx, tx, "SELECT key, value FROM settings WHERE key IN (?, ?, ?)",
		[]any{settingMorningStart, settingEveningStart, settingNightStart}, func(r *sql.Rows) error {
			var key, value string
			if err := r.Scan(&key, &value); err != nil {
				return err
			}
			if n, err := strconv.Atoi(value); err == nil {
				*starts[key] = n
			}
			return nil
		})
	if err != nil {
		return property.ShiftTimes{}, err
	}
	if t.Normalize().Err() != nil {
		return property.DefaultShiftTimes(), nil
	}
	return t, nil
}

// SaveShiftTimes stores all three shift starts together; managers only.
func (s *Store) SaveShiftTimes(ctx context.Context, t property.ShiftTimes) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermEditStaff); err != nil {
		return err
	}
	if err := t.Normalize().Err(); err != nil {
		return err
	}
	c := change{entity: "shift_times", entityID: "shifts", action: "save", words: shiftTimesSummary(t)}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		for key, minute := range map[string]int{
			settingMorningStart: t.MorningStart,
			settingEveningStart: t.EveningStart,
			settingNightStart:   t.NightStart,
		} {
			_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, strconv.Itoa(minute))
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// Roster returns all three shifts of a day, by shift then name.
func (s *Store) Roster(ctx context.Context, day time.Time) ([]property.RosterEntry, error) {
	var out []property.RosterEntry
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = loadRoster(ctx, tx, day, "", false)
		return err
	})
	return out, err
}

// loadRoster reads a day's roster: one shift, or all when shift is empty; activeOnly
// leaves out staff switched off since they were rostered.
func loadRoster(ctx context.Context, tx *sql.Tx, day time.Time, shift property.Shift, activeOnly bool) ([]property.RosterEntry, error) {
	day = property.DayOf(day)
	var out []property.RosterEntry
	err := eachRow(ctx, tx, `SELECT r.shift, r.staff_id, st.name, r.manager
		FROM roster r JOIN staff st ON st.id = r.staff_id
		WHERE r.day = ? AND (? = '' OR r.shift = ?) AND (? = 0 OR st.active = 1)
		ORDER BY CASE r.shift WHEN 'morning' THEN 0 WHEN 'evening' THEN 1 ELSE 2 END, st.name, r.staff_id`,
		[]any{fmtDate(day), shift, shift, activeOnly}, func(r *sql.Rows) error {
			e := property.RosterEntry{Day: day}
			err := r.Scan(&e.Shift, &e.StaffID, &e.StaffName, &e.Manager)
			out = append(out, e)
			return err
		})
	return out, err
}

// SetRoster replaces the people on one shift of a day; managers only. The staff are
// checked inside the transaction, so a roster naming someone switched off at another
// desk a moment ago is refused whole. The audit entry names the people, which are known
// only inside the transaction, so it is written there rather than through writeAudited.
func (s *Store) SetRoster(ctx context.Context, day time.Time, shift property.Shift, entries []property.RosterEntry) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermEditStaff); err != nil {
		return err
	}
	entries, fs := property.NormalizeRoster(day, shift, entries)
	if err := fs.Err(); err != nil {
		return err
	}
	date := fmtDate(property.DayOf(day))
	return s.write(ctx, func(tx *sql.Tx) error {
		names := make([]audit.Part, 0, len(entries))
		for i := range entries {
			st, err := rosterStaff(ctx, tx, entries[i].StaffID)
			if err != nil {
				return err
			}
			if err := property.CheckRosterStaff(entries[i], st); err != nil {
				return err
			}
			entries[i].StaffName = st.Name
			name := typed(st.Name)
			if entries[i].Manager {
				name = said("{{.Name}} (manager)", map[string]any{"Name": st.Name})
			}
			names = append(names, name)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM roster WHERE day = ? AND shift = ?", date, shift); err != nil {
			return err
		}
		for _, e := range entries {
			if _, err := tx.ExecContext(ctx, "INSERT INTO roster (day, shift, staff_id, manager) VALUES (?, ?, ?, ?)",
				date, shift, e.StaffID, e.Manager); err != nil {
				return err
			}
		}
		summary := &audit.Words{Sep: ", ", Parts: names}
		if len(names) == 0 {
			summary = summaryOf("nobody", nil)
		}
		c := change{entity: "roster", entityID: date + " " + string(shift), action: "set", words: summary}
		return s.audit(ctx, tx, c)
	})
}

// rosterStaff returns the stored member of staff with id, or nil when there is none.
func rosterStaff(ctx context.Context, tx *sql.Tx, id string) (*staff.Staff, error) {
	var st staff.Staff
	err := scanStaff(tx.QueryRowContext(ctx, "SELECT "+staffColumns+" FROM staff WHERE id = ?", id), &st)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &st, nil
}

// OnShift returns the shift on at now (local time), its roster day, the active people
// on it by name and its manager, read in one snapshot.
func (s *Store) OnShift(ctx context.Context, now time.Time) (property.Shift, time.Time, []property.RosterEntry, *property.RosterEntry, error) {
	var on onShift
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		on, err = loadOnShift(ctx, tx, now)
		return err
	})
	return on.shift, on.day, on.people, on.manager, err
}

// onShift is who works the shift on at a moment.
type onShift struct {
	shift   property.Shift
	day     time.Time
	people  []property.RosterEntry
	manager *property.RosterEntry // nil when none is rostered
}

func loadOnShift(ctx context.Context, tx *sql.Tx, now time.Time) (onShift, error) {
	var on onShift
	t, err := loadShiftTimes(ctx, tx)
	if err != nil {
		return on, err
	}
	on.shift, on.day = t.At(now)
	if on.people, err = loadRoster(ctx, tx, on.day, on.shift, true); err != nil {
		return on, err
	}
	for i := range on.people {
		if on.people[i].Manager {
			on.manager = &on.people[i]
			break
		}
	}
	return on, nil
}

// shiftTimesSummary is the audit text: "morning 06:00, evening 14:30, night 22:00".
func shiftTimesSummary(t property.ShiftTimes) *audit.Words {
	w := &audit.Words{Sep: ", "}
	for _, s := range []struct {
		shift property.Shift
		start int
	}{{property.ShiftMorning, t.MorningStart}, {property.ShiftEvening, t.EveningStart}, {property.ShiftNight, t.NightStart}} {
		w.Parts = append(w.Parts, said("{{.Shift}} {{.Start}}", map[string]any{"Shift": s.shift, "Start": clockOf(s.start)}))
	}
	return w
}

// clockOf is minutes after midnight as "06:00".
func clockOf(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }
