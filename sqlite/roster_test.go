package sqlite

import (
	"context"
	"reflect"
	"testing"
	"time"

	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/property"
	"frontdesk/staff"
)

// rosterZone is the property's local time in the roster tests; the store clock is UTC.
var rosterZone = time.FixedZone("WITA", 8*60*60)

func rosterDay(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, rosterZone) }

// rosterTeam is the staff the roster tests put on shifts.
type rosterTeam struct {
	admin, rina, dewi, agus, kenji *staff.Staff // kenji is switched off
}

func newRosterTeam(t *testing.T, s *Store) rosterTeam {
	t.Helper()
	team := rosterTeam{
		admin: &staff.Staff{Name: "Wayan Sudarma"},
		rina:  &staff.Staff{Name: "Rina Kusuma", Role: staff.RoleShiftManager, Active: true},
		dewi:  &staff.Staff{Name: "Dewi Lestari", Role: staff.RoleAgent, Active: true},
		agus:  &staff.Staff{Name: "Agus Pratama", Role: staff.RoleAgent, Active: true},
		kenji: &staff.Staff{Name: "Kenji Watanabe", Role: staff.RoleShiftManager, Active: false},
	}
	must(t, s.CreateFirstAdministrator(context.Background(), team.admin, "1357"))
	for _, st := range []*staff.Staff{team.rina, team.dewi, team.agus, team.kenji} {
		must(t, s.CreateStaff(manager(), st, "4829"))
	}
	return team
}

func TestShiftTimesAreTheDefaultsUntilAManagerSavesThem(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	got, err := s.ShiftTimes(ctx)
	must(t, err)
	if got != property.DefaultShiftTimes() {
		t.Fatalf("fresh database: %+v", got)
	}
	want := property.ShiftTimes{MorningStart: 6 * 60, EveningStart: 14*60 + 30, NightStart: 22 * 60}
	must(t, s.SaveShiftTimes(manager(), want))
	if got, err = s.ShiftTimes(ctx); err != nil || got != want {
		t.Fatalf("after save: %+v %v", got, err)
	}
	bad := property.ShiftTimes{MorningStart: 7 * 60, EveningStart: 9 * 60, NightStart: 23 * 60}
	if err := s.SaveShiftTimes(manager(), bad); errs.AsFields(err).For(property.FieldMorningStart) == nil {
		t.Fatalf("a two-hour shift was accepted: %v", err)
	}
	if err := s.SaveShiftTimes(deskAgent(), property.DefaultShiftTimes()); errs.CodeOf(err) != errs.Invalid {
		t.Fatalf("an agent saved shift times: %v", err)
	}
	if got, _ = s.ShiftTimes(ctx); got != want {
		t.Fatalf("refused saves changed the times: %+v", got)
	}
	log, _ := s.ListAudit(auditor(), audit.Filter{ActorName: "Rina Manager", Limit: 10})
	if len(log) != 1 || log[0].Entity != "shift_times" || log[0].Summary != "morning 06:00, evening 14:30, night 22:00" {
		t.Fatalf("save not audited: %+v", log)
	}
}

func TestSetRosterReplacesTheShiftsPeople(t *testing.T) {
	s := openTest(t)
	team := newRosterTeam(t, s)
	ctx := context.Background()
	must(t, s.SetRoster(manager(), rosterDay(23), property.ShiftNight, []property.RosterEntry{
		{StaffID: team.dewi.ID}, {StaffID: team.agus.ID},
	}))
	must(t, s.SetRoster(manager(), rosterDay(23), property.ShiftMorning, []property.RosterEntry{
		{StaffID: team.admin.ID, Manager: true}, {StaffID: team.agus.ID},
	}))
	must(t, s.SetRoster(manager(), rosterDay(23), property.ShiftNight, []property.RosterEntry{
		{StaffID: team.rina.ID, Manager: true}, {StaffID: team.dewi.ID},
	}))
	got, err := s.Roster(ctx, time.Date(2026, 11, 23, 18, 0, 0, 0, rosterZone))
	must(t, err)
	d := rosterDay(23)
	want := []property.RosterEntry{
		{Day: d, Shift: property.ShiftMorning, StaffID: team.agus.ID, StaffName: "Agus Pratama"},
		{Day: d, Shift: property.ShiftMorning, StaffID: team.admin.ID, StaffName: "Wayan Sudarma", Manager: true},
		{Day: d, Shift: property.ShiftNight, StaffID: team.dewi.ID, StaffName: "Dewi Lestari"},
		{Day: d, Shift: property.ShiftNight, StaffID: team.rina.ID, StaffName: "Rina Kusuma", Manager: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("roster of 23 Nov:\n got %+v\nwant %+v", got, want)
	}
	if other, err := s.Roster(ctx, rosterDay(24)); err != nil || len(other) != 0 {
		t.Fatalf("24 Nov: %+v %v", other, err)
	}
	must(t, s.SetRoster(manager(), d, property.ShiftMorning, nil))
	if got, _ = s.Roster(ctx, d); len(got) != 2 || got[0].Shift != property.ShiftNight {
		t.Fatalf("clearing the morning: %+v", got)
	}
	log, _ := s.ListAudit(auditor(), audit.Filter{ActorName: "Rina Manager", Limit: 100})
	if len(log) == 0 || log[0].Entity != "roster" || log[0].EntityID != "2026-11-23 morning" || log[0].Summary != "nobody" {
		t.Fatalf("roster change not audited: %+v", log)
	}
	if log[1].Summary != "Rina Kusuma (manager), Dewi Lestari" {
		t.Fatalf("audit summary: %q", log[1].Summary)
	}
}

func TestInvalidRosterChangesNothing(t *testing.T) {
	s := openTest(t)
	team := newRosterTeam(t, s)
	ctx := context.Background()
	d := rosterDay(23)
	must(t, s.SetRoster(manager(), d, property.ShiftEvening, []property.RosterEntry{{StaffID: team.dewi.ID}}))
	before, err := s.Roster(ctx, d)
	must(t, err)
	cases := []struct {
		name     string
		ctx      context.Context
		shift    property.Shift
		entries  []property.RosterEntry
		wantCode errs.Code
		field    string
	}{
		{"unknown staff", manager(), property.ShiftEvening,
			[]property.RosterEntry{{StaffID: team.agus.ID}, {StaffID: "no-such-id"}}, errs.NotFound, ""},
		{"two managers", manager(), property.ShiftEvening,
			[]property.RosterEntry{{StaffID: team.rina.ID, Manager: true}, {StaffID: team.admin.ID, Manager: true}}, errs.Invalid, property.FieldManager},
		{"an agent flagged manager", manager(), property.ShiftEvening,
			[]property.RosterEntry{{StaffID: team.agus.ID}, {StaffID: team.dewi.ID, Manager: true}}, errs.Invalid, property.FieldManager},
		{"switched-off staff", manager(), property.ShiftEvening,
			[]property.RosterEntry{{StaffID: team.agus.ID}, {StaffID: team.kenji.ID}}, errs.Invalid, property.FieldRoster},
		{"unknown shift", manager(), "afternoon",
			[]property.RosterEntry{{StaffID: team.agus.ID}}, errs.Invalid, property.FieldShift},
		{"an agent sets the roster", deskAgent(), property.ShiftEvening,
			[]property.RosterEntry{{StaffID: team.agus.ID}}, errs.Invalid, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := s.SetRoster(c.ctx, d, c.shift, c.entries)
			if errs.CodeOf(err) != c.wantCode {
				t.Fatalf("got %v, want code %q", err, c.wantCode)
			}
			if c.field != "" && errs.AsFields(err).For(c.field) == nil {
				t.Fatalf("%v is not beside %s", err, c.field)
			}
			after, err := s.Roster(ctx, d)
			must(t, err)
			if !reflect.DeepEqual(after, before) {
				t.Fatalf("a refused roster changed it: %+v", after)
			}
		})
	}
}

func TestOnShiftAfterMidnightIsLastNightsShiftWithItsManager(t *testing.T) {
	s := openTest(t)
	team := newRosterTeam(t, s)
	ctx := context.Background()
	must(t, s.SetRoster(manager(), rosterDay(23), property.ShiftNight, []property.RosterEntry{
		{StaffID: team.rina.ID, Manager: true}, {StaffID: team.dewi.ID},
	}))
	must(t, s.SetRoster(manager(), rosterDay(24), property.ShiftNight, []property.RosterEntry{{StaffID: team.agus.ID}}))
	must(t, s.SetRoster(manager(), rosterDay(24), property.ShiftMorning, []property.RosterEntry{{StaffID: team.admin.ID, Manager: true}}))

	shift, day, people, mgr, err := s.OnShift(ctx, time.Date(2026, 11, 24, 2, 0, 0, 0, rosterZone))
	must(t, err)
	if shift != property.ShiftNight || !day.Equal(rosterDay(23)) {
		t.Fatalf("02:00 on 24 Nov is %s of %s", shift, day)
	}
	if len(people) != 2 || people[0].StaffName != "Dewi Lestari" || people[1].StaffName != "Rina Kusuma" {
		t.Fatalf("people: %+v", people)
	}
	if mgr == nil || mgr.StaffID != team.rina.ID {
		t.Fatalf("manager: %+v", mgr)
	}

	shift, _, people, mgr, err = s.OnShift(ctx, time.Date(2026, 11, 24, 23, 30, 0, 0, rosterZone))
	must(t, err)
	if shift != property.ShiftNight || len(people) != 1 || people[0].StaffID != team.agus.ID || mgr != nil {
		t.Fatalf("night of 24 Nov: %s %+v manager %+v", shift, people, mgr)
	}
	shift, _, people, _, err = s.OnShift(ctx, time.Date(2026, 11, 24, 16, 0, 0, 0, rosterZone))
	must(t, err)
	if shift != property.ShiftEvening || len(people) != 0 {
		t.Fatalf("unrostered evening: %s %+v", shift, people)
	}
}

func TestOnShiftFollowsSavedShiftTimes(t *testing.T) {
	s := openTest(t)
	team := newRosterTeam(t, s)
	ctx := context.Background()
	must(t, s.SaveShiftTimes(manager(), property.ShiftTimes{MorningStart: 6 * 60, EveningStart: 14 * 60, NightStart: 22 * 60}))
	must(t, s.SetRoster(manager(), rosterDay(23), property.ShiftNight, []property.RosterEntry{{StaffID: team.dewi.ID}}))
	shift, day, people, _, err := s.OnShift(ctx, time.Date(2026, 11, 23, 22, 15, 0, 0, rosterZone))
	must(t, err)
	if shift != property.ShiftNight || !day.Equal(rosterDay(23)) || len(people) != 1 {
		t.Fatalf("22:15 with the night from 22:00: %s %s %+v", shift, day, people)
	}
}
