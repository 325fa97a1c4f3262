package conformance

import (
	"slices"
	"testing"
	"time"

	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/escalation"
	"frontdesk/guests"
	"frontdesk/property"
	"frontdesk/staff"
)

// staffID is the ID of the member of staff signIn made for role.
func staffID(d *desk, role staff.Role) string {
	if role == staff.RoleAdministrator {
		return d.admin.ID
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.staff[role].ID
}

// Shift times are the defaults until a manager saves others, which then decide the shift
// on at a moment; times out of order or too short are refused beside their field.
func TestShiftTimesSavedAndRefused(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		agent := d.signIn(t, staff.RoleAgent)
		times, err := d.svc.Roster.ShiftTimes(agent)
		if err != nil || times != property.DefaultShiftTimes() {
			t.Fatalf("shift times at first %+v (%v)", times, err)
		}
		early := property.ShiftTimes{MorningStart: 6 * 60, EveningStart: 14 * 60, NightStart: 22 * 60}
		wantRefusal(t, d.svc.Roster.SaveShiftTimes(agent, early), errs.Invalid, staff.MsgManagerOnly)

		admin := d.signIn(t, staff.RoleAdministrator)
		must(t, d.svc.Roster.SaveShiftTimes(admin, early))
		if times, err = d.svc.Roster.ShiftTimes(admin); err != nil || times != early {
			t.Fatalf("saved %+v, read %+v (%v)", early, times, err)
		}
		shift, day, _, _, err := d.svc.Roster.OnShift(admin, time.Date(2026, 11, 23, 6, 30, 0, 0, zone))
		if err != nil || shift != property.ShiftMorning || !day.Equal(property.DayOf(d.now)) {
			t.Fatalf("at 06:30: %s of %v (%v)", shift, day, err)
		}

		err = d.svc.Roster.SaveShiftTimes(admin, property.ShiftTimes{MorningStart: 15 * 60, EveningStart: 7 * 60, NightStart: 23 * 60})
		wantFieldError(t, err, property.FieldEveningStart, "Shifts start in order: morning, then evening, then night.", nil)
		err = d.svc.Roster.SaveShiftTimes(admin, property.ShiftTimes{MorningStart: 6 * 60, EveningStart: 8 * 60, NightStart: 22 * 60})
		wantFieldError(t, err, property.FieldMorningStart, "A shift lasts at least {{.Hours}} hours.", map[string]any{"Hours": 4})
		if times, _ = d.svc.Roster.ShiftTimes(admin); times != early {
			t.Fatalf("a refused save changed the times to %+v", times)
		}
	})
}

// A day's roster comes back by shift then name with its day and manager; the shift on at
// a moment names its people and manager, and a night shift at 02:00 belongs to the day
// before and has no one when no one is rostered.
func TestRosterSetAndOnShift(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		for _, role := range []staff.Role{staff.RoleAgent, staff.RoleShiftManager, staff.RoleConcierge} {
			d.signIn(t, role)
		}
		agent, manager, concierge := staffID(d, staff.RoleAgent), staffID(d, staff.RoleShiftManager), staffID(d, staff.RoleConcierge)
		admin := d.signIn(t, staff.RoleAdministrator)
		today := property.DayOf(d.now)
		must(t, d.svc.Roster.SetRoster(admin, today, property.ShiftMorning,
			[]property.RosterEntry{{StaffID: manager, Manager: true}, {StaffID: agent}, {StaffID: ""}}))
		must(t, d.svc.Roster.SetRoster(admin, today, property.ShiftEvening, []property.RosterEntry{{StaffID: concierge}}))

		roster, err := d.svc.Roster.Roster(admin, d.now)
		must(t, err)
		want := []property.RosterEntry{
			{Day: today, Shift: property.ShiftMorning, StaffID: agent, StaffName: "Test agent"},
			{Day: today, Shift: property.ShiftMorning, StaffID: manager, StaffName: "Test shift_manager", Manager: true},
			{Day: today, Shift: property.ShiftEvening, StaffID: concierge, StaffName: "Test concierge"},
		}
		sameAsStore(t, "roster", roster, want)

		shift, day, people, boss, err := d.svc.Roster.OnShift(admin, d.now)
		must(t, err)
		if shift != property.ShiftMorning || !day.Equal(today) || len(people) != 2 || people[0].StaffID != agent ||
			boss == nil || boss.StaffID != manager || boss.StaffName != "Test shift_manager" || !boss.Manager {
			t.Fatalf("on shift: %s of %v, %+v, manager %+v", shift, day, people, boss)
		}
		sameAsStore(t, "people on shift", people, want[:2])
		shift, day, people, boss, err = d.svc.Roster.OnShift(admin, time.Date(2026, 11, 24, 2, 0, 0, 0, zone))
		if err != nil || shift != property.ShiftNight || !day.Equal(today) || len(people) != 0 || boss != nil {
			t.Fatalf("at 02:00: %s of %v, %+v, manager %+v (%v)", shift, day, people, boss, err)
		}
	})
}

// A roster with two managers, a manager who may not manage, or no known shift is refused
// whole, beside its field; an agent cannot set one.
func TestRosterRefusals(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		d.signIn(t, staff.RoleShiftManager)
		agentCtx := d.signIn(t, staff.RoleAgent)
		agent, manager := staffID(d, staff.RoleAgent), staffID(d, staff.RoleShiftManager)
		today := property.DayOf(d.now)
		err := d.svc.Roster.SetRoster(agentCtx, today, property.ShiftMorning, []property.RosterEntry{{StaffID: agent}})
		wantRefusal(t, err, errs.Invalid, staff.MsgManagerOnly)

		admin := d.signIn(t, staff.RoleAdministrator)
		err = d.svc.Roster.SetRoster(admin, today, property.ShiftMorning,
			[]property.RosterEntry{{StaffID: manager, Manager: true}, {StaffID: d.admin.ID, Manager: true}})
		wantFieldError(t, err, property.FieldManager, "A shift has at most one shift manager.", nil)
		err = d.svc.Roster.SetRoster(admin, today, property.ShiftMorning, []property.RosterEntry{{StaffID: agent, Manager: true}})
		wantFieldError(t, err, property.FieldManager, "{{.Name}} is not a shift manager or an administrator, so cannot manage the shift.",
			map[string]any{"Name": "Test agent"})
		err = d.svc.Roster.SetRoster(admin, today, "brunch", []property.RosterEntry{{StaffID: agent}})
		wantFieldError(t, err, property.FieldShift, "Choose one of the options in the list.", nil)
		err = d.svc.Roster.SetRoster(admin, today, property.ShiftMorning, []property.RosterEntry{{StaffID: "no-such-person"}})
		wantRefusal(t, err, errs.NotFound, "This member of staff no longer exists.")
		if roster, err := d.svc.Roster.Roster(admin, today); err != nil || len(roster) != 0 {
			t.Fatalf("refused rosters stored %+v (%v)", roster, err)
		}
	})
}

// The audit log names who changed what and when, with the words Frontdesk put it in;
// it filters by guest and by person. At a server only those who may browse it can.
func TestAuditLogLists(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		agent := d.signIn(t, staff.RoleAgent)
		g := guests.Guest{GivenName: "Ayu", FamilyName: "Lestari"}
		must(t, d.svc.Guests.CreateGuest(agent, &g))
		admin := d.signIn(t, staff.RoleAdministrator)
		must(t, d.svc.Roster.SaveShiftTimes(admin, property.ShiftTimes{MorningStart: 6 * 60, EveningStart: 14 * 60, NightStart: 22 * 60}))

		log, err := d.svc.Audit.ListAudit(admin, audit.Filter{Limit: 20})
		must(t, err)
		want, err := d.store.ListAudit(admin, audit.Filter{Limit: 20})
		must(t, err)
		sameAsStore(t, "audit log", log, want)
		// The migrations' entries carry the real clock, so pick the entry by what it is.
		i := slices.IndexFunc(log, func(e audit.Entry) bool { return e.Entity == "shift_times" })
		if i < 0 {
			t.Fatalf("no entry for the shift times in %+v", log)
		}
		e := log[i]
		if e.ActorID != d.admin.ID || e.ActorName != "Wayan Sudarma" || e.EntityID != "shifts" || e.Action != "save" ||
			!e.At.Equal(d.now) || e.Words == nil || len(e.Words.Parts) != 3 || e.Words.Sep != ", " ||
			e.Words.Parts[0].Key != "{{.Shift}} {{.Start}}" || e.Words.Parts[0].Args["Shift"] != "morning" || e.Words.Parts[0].Args["Start"] != "06:00" {
			t.Errorf("the shift times' entry %+v (words %+v)", e, e.Words)
		}

		mine, err := d.svc.Audit.ListAudit(admin, audit.Filter{GuestID: g.ID})
		must(t, err)
		if len(mine) == 0 || !slices.ContainsFunc(mine, func(e audit.Entry) bool {
			return e.Entity == "guest" && e.Action == "create" && e.EntityID == g.ID && e.ActorName == "Test agent"
		}) {
			t.Errorf("Ayu's entries %+v", mine)
		}
		for _, e := range mine {
			if e.GuestID != g.ID {
				t.Errorf("an entry of another guest %+v", e)
			}
		}
		byAgent, err := d.svc.Audit.ListAudit(admin, audit.Filter{ActorName: "Test agent", From: d.now, To: d.now.Add(time.Minute)})
		must(t, err)
		if len(byAgent) == 0 || slices.ContainsFunc(byAgent, func(e audit.Entry) bool { return e.ActorID != staffID(d, staff.RoleAgent) }) {
			t.Errorf("the agent's entries %+v", byAgent)
		}

		_, err = d.svc.Audit.ListAudit(d.signIn(t, staff.RoleAgent), audit.Filter{})
		wantRefusal(t, err, errs.Invalid, staff.MsgManagerOnly)
	})
}

// Escalation levels come back with their class, wait and target; saving a class replaces
// its levels and leaves the others; a class without level 1 or an unknown one is refused
// with the class and level in its facts.
func TestEscalationRulesSavedAndRefused(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		agent := d.signIn(t, staff.RoleAgent)
		rules, err := d.svc.Escalation.ListEscalationRules(agent)
		must(t, err)
		sameAsStore(t, "rules", rules, escalation.DefaultRules())
		urgent := []escalation.Level{
			{Level: 1, After: 0, Target: escalation.TargetOwner},
			{Level: 2, After: 3 * time.Minute, Target: escalation.TargetShiftManager},
		}
		wantRefusal(t, d.svc.Escalation.SaveEscalationRules(agent, escalation.ClassUrgent, urgent), errs.Invalid, staff.MsgManagerOnly)

		manager := d.signIn(t, staff.RoleShiftManager)
		must(t, d.svc.Escalation.SaveEscalationRules(manager, escalation.ClassUrgent, urgent))
		rules, err = d.svc.Escalation.ListEscalationRules(manager)
		must(t, err)
		got := rules.ForClass(escalation.ClassUrgent)
		want := escalation.Rules{
			{Class: escalation.ClassUrgent, Level: 1, After: 0, Target: escalation.TargetOwner},
			{Class: escalation.ClassUrgent, Level: 2, After: 3 * time.Minute, Target: escalation.TargetShiftManager},
		}
		sameAsStore(t, "urgent rules", got, want)
		if n := len(rules.ForClass(escalation.ClassVIP)); n != 4 {
			t.Errorf("the VIP rules have %d levels after saving the urgent ones", n)
		}

		err = d.svc.Escalation.SaveEscalationRules(manager, escalation.ClassUrgent, nil)
		wantFieldError(t, err, escalation.FieldEscalationLevel, "The {{.Class}} rules start at level 1.",
			map[string]any{"Class": "urgent", "Level": 1})
		err = d.svc.Escalation.SaveEscalationRules(manager, "whenever", nil)
		wantFieldError(t, err, escalation.FieldEscalationClass, "Choose one of the options in the list.", map[string]any{"Class": "whenever"})
	})
}
