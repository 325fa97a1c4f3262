package property

import (
	"reflect"
	"testing"
	"time"

	"frontdesk/staff"

	"frontdesk/errs"
)

// wita is Bali's time zone; a fixed zone keeps the tests free of the tz database.
var wita = time.FixedZone("WITA", 8*60*60)

func balitime(y int, mo time.Month, d, h, mi int) time.Time {
	return time.Date(y, mo, d, h, mi, 0, 0, wita)
}

func baliday(y int, mo time.Month, d int) time.Time { return balitime(y, mo, d, 0, 0) }

func TestAtTellsTheShiftAndTheDayItBelongsTo(t *testing.T) {
	def := DefaultShiftTimes()
	cases := []struct {
		name      string
		times     ShiftTimes
		now       time.Time
		wantShift Shift
		wantDay   time.Time
	}{
		{"06:59 is still the night that began yesterday", def, balitime(2026, 11, 23, 6, 59), ShiftNight, baliday(2026, 11, 22)},
		{"07:00 starts the morning", def, balitime(2026, 11, 23, 7, 0), ShiftMorning, baliday(2026, 11, 23)},
		{"14:59 is still the morning", def, balitime(2026, 11, 23, 14, 59), ShiftMorning, baliday(2026, 11, 23)},
		{"15:00 starts the evening", def, balitime(2026, 11, 23, 15, 0), ShiftEvening, baliday(2026, 11, 23)},
		{"22:59 is still the evening", def, balitime(2026, 11, 23, 22, 59), ShiftEvening, baliday(2026, 11, 23)},
		{"23:00 starts tonight's night", def, balitime(2026, 11, 23, 23, 0), ShiftNight, baliday(2026, 11, 23)},
		{"02:00 is the night that began yesterday", def, balitime(2026, 11, 23, 2, 0), ShiftNight, baliday(2026, 11, 22)},
		{"00:00 is the night that began yesterday", def, balitime(2026, 11, 23, 0, 0), ShiftNight, baliday(2026, 11, 22)},
		{"1 Dec 02:00 is the night of 30 Nov", def, balitime(2026, 12, 1, 2, 0), ShiftNight, baliday(2026, 11, 30)},
		{"1 Jan 02:00 is the night of 31 Dec", def, balitime(2027, 1, 1, 2, 0), ShiftNight, baliday(2026, 12, 31)},
		{"custom times: 06:00 starts the morning", ShiftTimes{6 * 60, 14 * 60, 22 * 60}, balitime(2026, 11, 23, 6, 0), ShiftMorning, baliday(2026, 11, 23)},
		{"custom times: 22:30 is the night", ShiftTimes{6 * 60, 14 * 60, 22 * 60}, balitime(2026, 11, 23, 22, 30), ShiftNight, baliday(2026, 11, 23)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			shift, day := c.times.At(c.now)
			if shift != c.wantShift || !day.Equal(c.wantDay) || day.Location() != wita {
				t.Fatalf("At(%s) = %s %s, want %s %s", c.now.Format("2 Jan 15:04"), shift, day, c.wantShift, c.wantDay)
			}
		})
	}
}

func TestBoundsOfEachShiftAndTheNightCrossesMidnight(t *testing.T) {
	def := DefaultShiftTimes()
	cases := []struct {
		name       string
		day        time.Time
		shift      Shift
		start, end time.Time
	}{
		{"morning", baliday(2026, 11, 23), ShiftMorning, balitime(2026, 11, 23, 7, 0), balitime(2026, 11, 23, 15, 0)},
		{"evening", baliday(2026, 11, 23), ShiftEvening, balitime(2026, 11, 23, 15, 0), balitime(2026, 11, 23, 23, 0)},
		{"night ends the next morning", baliday(2026, 11, 23), ShiftNight, balitime(2026, 11, 23, 23, 0), balitime(2026, 11, 24, 7, 0)},
		{"night of 30 Nov ends on 1 Dec", baliday(2026, 11, 30), ShiftNight, balitime(2026, 11, 30, 23, 0), balitime(2026, 12, 1, 7, 0)},
		{"a day given at noon means its date", balitime(2026, 11, 23, 12, 0), ShiftMorning, balitime(2026, 11, 23, 7, 0), balitime(2026, 11, 23, 15, 0)},
		{"unknown shift", baliday(2026, 11, 23), "afternoon", time.Time{}, time.Time{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start, end := def.Bounds(c.day, c.shift)
			if !start.Equal(c.start) || !end.Equal(c.end) {
				t.Fatalf("Bounds = %s – %s, want %s – %s", start, end, c.start, c.end)
			}
		})
	}
}

func TestBoundsContainWhatAtSays(t *testing.T) {
	def := DefaultShiftTimes()
	for now := balitime(2026, 11, 30, 0, 0); now.Before(balitime(2026, 12, 2, 0, 0)); now = now.Add(17 * time.Minute) {
		shift, day := def.At(now)
		start, end := def.Bounds(day, shift)
		if now.Before(start) || !now.Before(end) {
			t.Fatalf("%s: %s of %s runs %s – %s", now, shift, day, start, end)
		}
	}
}

func TestNextIsTheShiftAfterTheOneOn(t *testing.T) {
	def := DefaultShiftTimes()
	cases := []struct {
		name      string
		now       time.Time
		wantShift Shift
		wantDay   time.Time
		wantStart time.Time
	}{
		{"after midnight the morning comes next", balitime(2026, 11, 23, 2, 0), ShiftMorning, baliday(2026, 11, 23), balitime(2026, 11, 23, 7, 0)},
		{"in the morning the evening comes next", balitime(2026, 11, 23, 10, 0), ShiftEvening, baliday(2026, 11, 23), balitime(2026, 11, 23, 15, 0)},
		{"in the evening the night comes next", balitime(2026, 11, 23, 22, 0), ShiftNight, baliday(2026, 11, 23), balitime(2026, 11, 23, 23, 0)},
		{"before midnight tomorrow's morning comes next", balitime(2026, 11, 30, 23, 30), ShiftMorning, baliday(2026, 12, 1), balitime(2026, 12, 1, 7, 0)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			shift, day, start := def.Next(c.now)
			if shift != c.wantShift || !day.Equal(c.wantDay) || !start.Equal(c.wantStart) {
				t.Fatalf("Next = %s %s %s, want %s %s %s", shift, day, start, c.wantShift, c.wantDay, c.wantStart)
			}
		})
	}
}

func TestShiftTimesValidation(t *testing.T) {
	hm := func(h, m int) int { return h*60 + m }
	cases := []struct {
		name  string
		times ShiftTimes
		field string // the field with a problem, empty when valid
	}{
		{"defaults", DefaultShiftTimes(), ""},
		{"midnight start", ShiftTimes{0, hm(8, 0), hm(16, 0)}, ""},
		{"every shift exactly four hours or more", ShiftTimes{hm(7, 0), hm(11, 0), hm(23, 0)}, ""},
		{"negative start", ShiftTimes{-1, hm(15, 0), hm(23, 0)}, FieldMorningStart},
		{"24:00 is not a start", ShiftTimes{hm(7, 0), hm(15, 0), 24 * 60}, FieldNightStart},
		{"evening before morning", ShiftTimes{hm(15, 0), hm(7, 0), hm(23, 0)}, FieldEveningStart},
		{"night before evening", ShiftTimes{hm(7, 0), hm(15, 0), hm(12, 0)}, FieldNightStart},
		{"two shifts start together", ShiftTimes{hm(7, 0), hm(15, 0), hm(15, 0)}, FieldNightStart},
		{"morning too short", ShiftTimes{hm(7, 0), hm(10, 59), hm(23, 0)}, FieldMorningStart},
		{"evening too short", ShiftTimes{hm(7, 0), hm(15, 0), hm(18, 0)}, FieldEveningStart},
		{"night too short across midnight", ShiftTimes{hm(2, 0), hm(10, 0), hm(23, 0)}, FieldNightStart},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := c.times.Normalize()
			if c.field == "" {
				if len(fs) != 0 {
					t.Fatalf("valid times refused: %v", fs)
				}
				return
			}
			if len(fs) != 1 || fs.For(c.field) == nil {
				t.Fatalf("problems %v, want one beside %s", fs, c.field)
			}
		})
	}
}

func TestShortShiftMessageSaysTheMinimum(t *testing.T) {
	tm := ShiftTimes{7 * 60, 9 * 60, 23 * 60}
	if e := tm.Normalize().For(FieldMorningStart); e == nil || e.Error() != "A shift lasts at least 4 hours." {
		t.Fatalf("got %v", e)
	}
}

func TestNormalizeRosterSetsTheShiftAndMergesRepeats(t *testing.T) {
	day := balitime(2026, 11, 23, 15, 30)
	got, fs := NormalizeRoster(day, ShiftEvening, []RosterEntry{
		{StaffID: "dewi"}, {StaffID: ""}, {StaffID: "rina"}, {StaffID: "dewi"}, {StaffID: "rina", Manager: true},
	})
	want := []RosterEntry{
		{Day: baliday(2026, 11, 23), Shift: ShiftEvening, StaffID: "dewi"},
		{Day: baliday(2026, 11, 23), Shift: ShiftEvening, StaffID: "rina", Manager: true},
	}
	if len(fs) != 0 || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, problems %v", got, fs)
	}
}

func TestNormalizeRosterRefusals(t *testing.T) {
	cases := []struct {
		name    string
		shift   Shift
		entries []RosterEntry
		field   string
	}{
		{"unknown shift", "afternoon", []RosterEntry{{StaffID: "dewi"}}, FieldShift},
		{"two managers", ShiftNight, []RosterEntry{{StaffID: "rina", Manager: true}, {StaffID: "wayan", Manager: true}}, FieldManager},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, fs := NormalizeRoster(baliday(2026, 11, 23), c.shift, c.entries)
			if len(fs) != 1 || fs.For(c.field) == nil {
				t.Fatalf("problems %v, want one beside %s", fs, c.field)
			}
		})
	}
}

func TestCheckRosterStaff(t *testing.T) {
	agent := &staff.Staff{Name: "Dewi", Role: staff.RoleAgent, Active: true}
	shiftManager := &staff.Staff{Name: "Rina", Role: staff.RoleShiftManager, Active: true}
	admin := &staff.Staff{Name: "Wayan", Role: staff.RoleAdministrator, Active: true}
	switchedOff := &staff.Staff{Name: "Kenji", Role: staff.RoleShiftManager, Active: false}
	cases := []struct {
		name     string
		manager  bool
		st       *staff.Staff
		wantCode errs.Code
		field    string
	}{
		{"agent on the shift", false, agent, "", ""},
		{"shift manager leads the shift", true, shiftManager, "", ""},
		{"administrator leads the shift", true, admin, "", ""},
		{"unknown staff", false, nil, errs.NotFound, ""},
		{"switched-off staff", false, switchedOff, errs.Invalid, FieldRoster},
		{"agent flagged as manager", true, agent, errs.Invalid, FieldManager},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckRosterStaff(RosterEntry{StaffID: "x", Manager: c.manager}, c.st)
			if errs.CodeOf(err) != c.wantCode {
				t.Fatalf("got %v, want code %q", err, c.wantCode)
			}
			if c.field != "" && errs.AsFields(err).For(c.field) == nil {
				t.Fatalf("%v is not beside %s", err, c.field)
			}
		})
	}
}
