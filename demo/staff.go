package demo

import (
	"context"
	"time"

	"frontdesk/resources"
)

// StaffMember is a demo account with its PIN, listed in the README so anyone can sign in.
type StaffMember struct {
	Name        string
	Role        resources.Role
	Departments []string
	PIN         string
}

// Staff are the demo accounts; the first is the administrator.
var Staff = []StaffMember{
	{"Wayan Sudarma", resources.RoleAdministrator, nil, "1357"},
	{"Rina Kusuma", resources.RoleShiftManager, []string{resources.DeptFrontDesk, resources.DeptManagement}, "2468"},
	{"Dewi Lestari", resources.RoleAgent, []string{resources.DeptFrontDesk}, "4829"},
	{"Agus Pratama", resources.RoleAgent, []string{resources.DeptFrontDesk}, "5930"},
	{"Maria Santos", resources.RoleConcierge, []string{resources.DeptConcierge}, "6047"},
	{"Kenji Watanabe", resources.RoleDepartment, []string{resources.DeptHousekeeping}, "7153"},
}

// fillStaff creates the demo accounts in a database that has none.
func fillStaff(ctx context.Context, t Target) error {
	n, err := t.CountStaff(ctx)
	if err != nil || n > 0 {
		return err
	}
	admin := resources.Staff{Name: Staff[0].Name}
	if err := t.CreateFirstAdministrator(ctx, &admin, Staff[0].PIN); err != nil {
		return err
	}
	asAdmin := resources.WithActor(ctx, resources.Actor{ID: admin.ID, Name: admin.Name, Role: admin.Role})
	for _, m := range Staff[1:] {
		st := resources.Staff{Name: m.Name, Role: m.Role, Departments: m.Departments, Active: true}
		if err := t.CreateStaff(asAdmin, &st, m.PIN); err != nil {
			return err
		}
	}
	return nil
}

// shiftPlan is the demo roster: for each shift, who works it (indexes into Staff) and
// which of them manages it.
var shiftPlan = []struct {
	shift   resources.Shift
	people  []int
	manager int
}{
	{resources.ShiftMorning, []int{1, 2, 4, 5}, 1},
	{resources.ShiftEvening, []int{0, 3, 4}, 0},
	{resources.ShiftNight, []int{1, 3}, 1},
}

// fillRoster rosters the demo staff on every shift of today and tomorrow.
func fillRoster(ctx context.Context, t Target, today time.Time) error {
	list, err := t.ListStaff(ctx, resources.StaffFilter{Limit: 100})
	if err != nil {
		return err
	}
	ids := map[string]string{}
	for _, st := range list {
		ids[st.Name] = st.ID
	}
	for d := 0; d < 2; d++ {
		day := time.Date(today.Year(), today.Month(), today.Day()+d, 0, 0, 0, 0, time.Local)
		for _, p := range shiftPlan {
			var entries []resources.RosterEntry
			for _, i := range p.people {
				entries = append(entries, resources.RosterEntry{StaffID: ids[Staff[i].Name], Manager: i == p.manager})
			}
			if err := t.SetRoster(ctx, day, p.shift, entries); err != nil {
				return err
			}
		}
	}
	return nil
}
