package property

import (
	"context"
	"slices"
	"time"

	"frontdesk/staff"

	"frontdesk/errs"
)

// RosterService keeps the shift times and who works which shift, so the desk knows who is
// on shift now and who the shift manager is. Every method is one transaction.
type RosterService interface {
	// ShiftTimes returns the property's shift times; DefaultShiftTimes until a manager
	// saves others.
	ShiftTimes(ctx context.Context) (ShiftTimes, error)
	// SaveShiftTimes stores new shift times; managers only.
	SaveShiftTimes(ctx context.Context, t ShiftTimes) error
	// Roster returns all three shifts of a day, by shift then name. Each entry's Day is
	// day's date (see DayOf).
	Roster(ctx context.Context, day time.Time) ([]RosterEntry, error)
	// SetRoster replaces the people on one shift of a day with entries (their Day, Shift
	// and StaffName are ignored); managers only. Every person must exist and be active;
	// at most one is the shift manager, and that person must be a shift manager or an
	// administrator. A refused roster changes nothing.
	SetRoster(ctx context.Context, day time.Time, shift Shift, entries []RosterEntry) error
	// OnShift returns the shift on at now (the property's local time), the roster day it
	// belongs to, its active people by name and its manager (nil when none is rostered).
	OnShift(ctx context.Context, now time.Time) (shift Shift, day time.Time, people []RosterEntry, manager *RosterEntry, err error)
}

// Shift is one of the three parts of the property's day.
type Shift string

// The shifts. The values are stored, so keep them stable.
const (
	ShiftMorning Shift = "morning"
	ShiftEvening Shift = "evening"
	ShiftNight   Shift = "night"
)

// Shifts lists the shifts in the order they run in a day.
var Shifts = []Shift{ShiftMorning, ShiftEvening, ShiftNight}

// Field names used in shift-time and roster errors.
const (
	FieldMorningStart = "morning_start"
	FieldEveningStart = "evening_start"
	FieldNightStart   = "night_start"
	FieldShift        = "shift"
	FieldRoster       = "roster"  // the people on the shift
	FieldManager      = "manager" // the shift manager among them
)

// MinShiftLength is the shortest shift accepted.
const MinShiftLength = 4 * time.Hour

// ShiftTimes are when the shifts start, in minutes after midnight in the property's local
// time. Morning runs until evening starts, evening until night starts, and night runs
// across midnight until morning starts the next day.
type ShiftTimes struct {
	MorningStart, EveningStart, NightStart int
}

// DefaultShiftTimes are 07:00, 15:00 and 23:00.
func DefaultShiftTimes() ShiftTimes {
	return ShiftTimes{MorningStart: 7 * 60, EveningStart: 15 * 60, NightStart: 23 * 60}
}

// Normalize checks the times and returns every problem found; there is nothing to clean.
func (t *ShiftTimes) Normalize() errs.Fields {
	var fs errs.Fields
	starts := []struct {
		field  string
		minute int
	}{{FieldMorningStart, t.MorningStart}, {FieldEveningStart, t.EveningStart}, {FieldNightStart, t.NightStart}}
	for _, s := range starts {
		if s.minute < 0 || s.minute > 24*60-1 {
			fs.Add(s.field, "A shift starts between 00:00 and 23:59.", nil)
		}
	}
	if len(fs) > 0 {
		return fs
	}
	if t.MorningStart >= t.EveningStart || t.EveningStart >= t.NightStart {
		field := FieldNightStart // beside the first start that is out of order
		if t.MorningStart >= t.EveningStart {
			field = FieldEveningStart
		}
		fs.Add(field, "Shifts start in order: morning, then evening, then night.", nil)
		return fs
	}
	minLen := int(MinShiftLength / time.Minute)
	lengths := []int{t.EveningStart - t.MorningStart, t.NightStart - t.EveningStart, 24*60 - t.NightStart + t.MorningStart}
	for i, n := range lengths {
		if n < minLen {
			fs.Add(starts[i].field, "A shift lasts at least {{.Hours}} hours.", map[string]any{"Hours": minLen / 60})
		}
	}
	return fs
}

// DayOf returns midnight at the start of t's date, in t's location: a roster day.
func DayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// At returns the shift on at now (the property's local time, now.Location()) and the
// roster day it belongs to: a night shift belongs to the date it started on, so at 02:00
// it is the night of yesterday.
func (t ShiftTimes) At(now time.Time) (Shift, time.Time) {
	day := DayOf(now)
	m := now.Hour()*60 + now.Minute()
	switch {
	case m < t.MorningStart:
		return ShiftNight, day.AddDate(0, 0, -1)
	case m < t.EveningStart:
		return ShiftMorning, day
	case m < t.NightStart:
		return ShiftEvening, day
	default:
		return ShiftNight, day
	}
}

// Bounds returns when shift s of day starts and ends, in day's location; the night
// shift ends on the next date. An unknown shift gives zero times.
func (t ShiftTimes) Bounds(day time.Time, s Shift) (start, end time.Time) {
	var from, to int
	switch s {
	case ShiftMorning:
		from, to = t.MorningStart, t.EveningStart
	case ShiftEvening:
		from, to = t.EveningStart, t.NightStart
	case ShiftNight:
		from, to = t.NightStart, 24*60+t.MorningStart
	default:
		return time.Time{}, time.Time{}
	}
	y, m, d := day.Date()
	// time.Date normalises minutes past 24 hours onto the next date's wall clock.
	return time.Date(y, m, d, 0, from, 0, 0, day.Location()), time.Date(y, m, d, 0, to, 0, 0, day.Location())
}

// Next returns the shift after the one on at now, the roster day it belongs to and
// when it starts.
func (t ShiftTimes) Next(now time.Time) (Shift, time.Time, time.Time) {
	s, day := t.At(now)
	switch s {
	case ShiftMorning:
		s = ShiftEvening
	case ShiftEvening:
		s = ShiftNight
	default:
		s, day = ShiftMorning, day.AddDate(0, 0, 1)
	}
	start, _ := t.Bounds(day, s)
	return s, day, start
}

// RosterEntry says that a member of staff works a shift on a day.
type RosterEntry struct {
	Day       time.Time // date only: midnight, see DayOf
	Shift     Shift
	StaffID   string
	StaffName string
	Manager   bool // the shift manager; at most one per shift
}

// NormalizeRoster prepares the people for one shift of a day: it sets every entry's Day
// and Shift, drops blank staff IDs, merges repeats (keeping the first place and any
// manager flag) and returns a new slice with every problem found.
func NormalizeRoster(day time.Time, shift Shift, entries []RosterEntry) ([]RosterEntry, errs.Fields) {
	var fs errs.Fields
	if !slices.Contains(Shifts, shift) {
		// Same text as the other forms' choice lists, so it shares their translation.
		fs.Add(FieldShift, "Choose one of the options in the list.", nil)
	}
	day = DayOf(day)
	out := make([]RosterEntry, 0, len(entries))
	managers := 0
	for _, e := range entries {
		if e.StaffID == "" {
			continue
		}
		i := slices.IndexFunc(out, func(o RosterEntry) bool { return o.StaffID == e.StaffID })
		if i >= 0 {
			if e.Manager && !out[i].Manager {
				out[i].Manager = true
				managers++
			}
			continue
		}
		e.Day, e.Shift = day, shift
		if e.Manager {
			managers++
		}
		out = append(out, e)
	}
	if managers > 1 {
		fs.Add(FieldManager, "A shift has at most one shift manager.", nil)
	}
	return out, fs
}

// CheckRosterStaff says whether st, the stored record for e.StaffID (nil when there is
// none), may be on the roster as e asks.
func CheckRosterStaff(e RosterEntry, st *staff.Staff) error {
	switch {
	case st == nil:
		// Same text as the staff forms', so it shares their translation.
		return errs.New(errs.NotFound, "This member of staff no longer exists.", nil)
	case !st.Active:
		return errs.FieldError(FieldRoster, "{{.Name}} is switched off; switch them on in Staff before adding them to the roster.", map[string]any{"Name": st.Name})
	case e.Manager && !st.Role.IsManager():
		return errs.FieldError(FieldManager, "{{.Name}} is not a shift manager or an administrator, so cannot manage the shift.", map[string]any{"Name": st.Name})
	}
	return nil
}
