package demo

import (
	"context"
	"time"

	"frontdesk/property"
	"frontdesk/staff"
	"frontdesk/standards"
)

// StaffMember is a demo account with its PIN, listed in the README so anyone can sign in.
type StaffMember struct {
	Name        string
	Role        staff.Role
	Departments []string
	PIN         string
}

// Staff are the demo accounts; the first is the administrator.
var Staff = []StaffMember{
	{"Wayan Sudarma", staff.RoleAdministrator, nil, "1357"},
	{"Rina Kusuma", staff.RoleShiftManager, []string{standards.DeptFrontDesk, standards.DeptManagement}, "2468"},
	{"Dewi Lestari", staff.RoleAgent, []string{standards.DeptFrontDesk}, "4829"},
	{"Agus Pratama", staff.RoleAgent, []string{standards.DeptFrontDesk}, "5930"},
	{"Maria Santos", staff.RoleConcierge, []string{standards.DeptConcierge}, "6047"},
	{"Kenji Watanabe", staff.RoleDepartment, []string{standards.DeptHousekeeping}, "7153"},
}

// fillStaff creates the demo accounts in a database that has none.
func fillStaff(ctx context.Context, t Target) error {
	n, err := t.CountStaff(ctx)
	if err != nil || n > 0 {
		return err
	}
	admin := staff.Staff{Name: Staff[0].Name}
	if err := t.CreateFirstAdministrator(ctx, &admin, Staff[0].PIN); err != nil {
		return err
	}
	asAdmin := staff.WithActor(ctx, staff.Actor{ID: admin.ID, Name: admin.Name, Role: admin.Role})
	for _, m := range Staff[1:] {
		st := staff.Staff{Name: m.Name, Role: m.Role, Departments: m.Departments, Active: true}
		if err := t.CreateStaff(asAdmin, &st, m.PIN); err != nil {
			return err
		}
	}
	return nil
}

// shiftPlan is the demo roster: for each shift, who works it (indexes into Staff) and
// which of them manages it.
var shiftPlan = []struct {
	shift   property.Shift
	people  []int
	manager int
}{
	{property.ShiftMorning, []int{1, 2, 4, 5}, 1},
	{property.ShiftEvening, []int{0, 3, 4}, 0},
	{property.ShiftNight, []int{1, 3}, 1},
}

// fillRoster rosters the demo staff on every shift of yesterday (whose night runs into
// this morning), today and tomorrow, so a shift manager is on duty at any hour.
func fillRoster(ctx context.Context, t Target, today time.Time) error {
	list, err := t.ListStaff(ctx, staff.Filter{Limit: 100})
	if err != nil {
		return err
	}
	ids := map[string]string{}
	for _, st := range list {
		ids[st.Name] = st.ID
	}
	for d := -1; d < 2; d++ {
		day := time.Date(today.Year(), today.Month(), today.Day()+d, 0, 0, 0, 0, time.Local)
		for _, p := range shiftPlan {
			var entries []property.RosterEntry
			for _, i := range p.people {
				entries = append(entries, property.RosterEntry{StaffID: ids[Staff[i].Name], Manager: i == p.manager})
			}
			if err := t.SetRoster(ctx, day, p.shift, entries); err != nil {
				return err
			}
		}
	}
	return nil
}
