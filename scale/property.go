package scale

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"frontdesk/demo"
	"frontdesk/escalation"
	"frontdesk/property"
	"frontdesk/staff"
	"frontdesk/standards"
)

// Target is a store a property can be set up in before the bulk load.
type Target interface {
	CountStaff(ctx context.Context) (int, error)
	CreateFirstAdministrator(ctx context.Context, s *staff.Staff, pin string) error
	CreateStaff(ctx context.Context, s *staff.Staff, pin string) error
	ListStaff(ctx context.Context, f staff.Filter) ([]staff.Staff, error)
	CountRooms(ctx context.Context, f property.RoomFilter) (int, error)
	ImportRooms(ctx context.Context, r io.Reader, dryRun bool) (property.RoomImportReport, error)
	Roster(ctx context.Context, day time.Time) ([]property.RosterEntry, error)
	SetRoster(ctx context.Context, day time.Time, shift property.Shift, entries []property.RosterEntry) error
	ListCategories(ctx context.Context) ([]standards.Category, error)
	ListDepartments(ctx context.Context) ([]standards.Department, error)
	ListEscalationRules(ctx context.Context) (escalation.Rules, error)
}

// Property is what generated requests refer to: the staff, service standards and
// escalation rules as stored.
type Property struct {
	Staff       []staff.Staff
	Categories  []standards.Category
	Departments []standards.Department
	Rules       escalation.Rules
}

// staffMember is an account the seed creates.
type staffMember struct {
	name string
	role staff.Role
	dept string
	pin  string
	rank int // place in the team: smaller properties have the first few
}

// teams is how many people each department has at a resort with maxRooms rooms.
var teams = []struct {
	dept string
	role staff.Role
	n    int
}{
	{standards.DeptFrontDesk, staff.RoleAgent, 14}, {standards.DeptConcierge, staff.RoleConcierge, 6},
	{standards.DeptHousekeeping, staff.RoleDepartment, 24}, {standards.DeptMaintenance, staff.RoleDepartment, 12},
	{standards.DeptFood, staff.RoleDepartment, 12}, {standards.DeptTransport, staff.RoleDepartment, 8},
	{standards.DeptCasinoHost, staff.RoleDepartment, 8}, {standards.DeptSecurity, staff.RoleDepartment, 6},
	{standards.DeptManagement, staff.RoleShiftManager, 6},
}

// cast is the property's staff: the demo accounts (whose PINs the README lists) and a
// team per department, the same for every seed.
var cast = func() []staffMember {
	var out []staffMember
	used := map[string]bool{}
	for _, m := range demo.Staff {
		dept := ""
		if len(m.Departments) > 0 {
			dept = m.Departments[0]
		}
		out = append(out, staffMember{m.Name, m.Role, dept, m.PIN, 0})
		used[m.Name] = true
	}
	r := newRNG(0, tagStaff, 0)
	id := cultures[0]
	for _, t := range teams {
		for rank := range t.n {
			name := ""
			for name == "" || used[name] {
				given := id.male
				if r.chance(0.5) {
					given = id.female
				}
				name = r.one(given) + " " + r.one(id.family)
			}
			used[name] = true
			out = append(out, staffMember{name, t.role, t.dept, pin(r), rank})
		}
	}
	return out
}()

// deskNames are who records preferences and alerts on profiles.
var deskNames = func() []string {
	var out []string
	for _, m := range cast {
		if m.role == staff.RoleAgent || m.role == staff.RoleConcierge {
			out = append(out, m.name)
		}
	}
	return out
}()

// pin draws a PIN the store accepts.
func pin(r *rng) string {
	for {
		p := fmt.Sprintf("%04d", r.IntN(10000))
		if staff.ValidatePIN(p) == nil {
			return p
		}
	}
}

// castFor is the staff of a property with rooms rooms: every team in proportion, at
// least one person in each.
func castFor(rooms int) []staffMember {
	var out []staffMember
	for _, m := range cast {
		size := 1
		for _, t := range teams {
			if t.dept == m.dept && t.role == m.role {
				size = max(1, (t.n*rooms+maxRooms-1)/maxRooms)
			}
		}
		if m.rank < size {
			out = append(out, m)
		}
	}
	return out
}

// StaffCount is how many accounts Setup creates in a database without staff.
func (g *Generator) StaffCount() int { return len(castFor(len(g.rooms))) }

// Setup gives an empty property what requests need: staff (when there are none), the
// generator's rooms (when there are none) and a roster for today and tomorrow (when
// today has none); then it reads back the staff and standards for the generator.
// ctx needs no actor: Setup acts as the administrator it creates or finds.
func Setup(ctx context.Context, t Target, g *Generator) (Property, error) {
	admin, err := setupStaff(ctx, t, castFor(len(g.rooms)))
	if err != nil {
		return Property{}, err
	}
	ctx = staff.WithActor(ctx, admin)
	if err := setupRooms(ctx, t, g); err != nil {
		return Property{}, err
	}
	var p Property
	if p.Staff, err = t.ListStaff(ctx, staff.Filter{ActiveOnly: true, Limit: 1000}); err != nil {
		return p, err
	}
	if err := setupRoster(ctx, t, p.Staff, g.cfg.Now); err != nil {
		return p, err
	}
	if p.Categories, err = t.ListCategories(ctx); err != nil {
		return p, err
	}
	if p.Departments, err = t.ListDepartments(ctx); err != nil {
		return p, err
	}
	p.Rules, err = t.ListEscalationRules(ctx)
	return p, err
}

// setupStaff creates the cast in a database without staff and returns an administrator
// to act as.
func setupStaff(ctx context.Context, t Target, cast []staffMember) (staff.Actor, error) {
	n, err := t.CountStaff(ctx)
	if err != nil {
		return staff.Actor{}, err
	}
	if n > 0 {
		return findAdmin(ctx, t)
	}
	first := staff.Staff{Name: cast[0].name}
	if err := t.CreateFirstAdministrator(ctx, &first, cast[0].pin); err != nil {
		return staff.Actor{}, err
	}
	admin := staff.Actor{ID: first.ID, Name: first.Name, Role: first.Role}
	asAdmin := staff.WithActor(ctx, admin)
	for _, m := range cast[1:] {
		st := staff.Staff{Name: m.name, Role: m.role, Active: true}
		if m.dept != "" {
			st.Departments = []string{m.dept}
		}
		if err := t.CreateStaff(asAdmin, &st, m.pin); err != nil {
			return admin, err
		}
	}
	return admin, nil
}

func findAdmin(ctx context.Context, t Target) (staff.Actor, error) {
	list, err := t.ListStaff(ctx, staff.Filter{ActiveOnly: true, Limit: 1000})
	if err != nil {
		return staff.Actor{}, err
	}
	for _, st := range list {
		if st.Role == staff.RoleAdministrator {
			return staff.Actor{ID: st.ID, Name: st.Name, Role: st.Role}, nil
		}
	}
	return staff.Actor{}, fmt.Errorf("the database has staff but no active administrator to set up the property as")
}

// setupRooms imports the generator's rooms into a database without rooms.
func setupRooms(ctx context.Context, t Target, g *Generator) error {
	n, err := t.CountRooms(ctx, property.RoomFilter{})
	if err != nil || n > 0 {
		return err
	}
	var b strings.Builder
	b.WriteString("number,floor,type,features,status\n")
	for _, r := range g.rooms {
		features := make([]string, len(r.Features))
		for i, f := range r.Features {
			features[i] = string(f)
		}
		fmt.Fprintf(&b, "%s,%d,%s,%s,%s\n", r.Number, r.Floor, r.Type, strings.Join(features, ";"), r.Status)
	}
	rep, err := t.ImportRooms(ctx, strings.NewReader(b.String()), false)
	if err == nil && len(rep.Problems) > 0 {
		return fmt.Errorf("rooms: row %d: %s", rep.Problems[0].Row, rep.Problems[0].Message)
	}
	return err
}

// setupRoster puts a shift manager and a few people of every department on each shift of
// today and tomorrow, unless today already has a roster.
func setupRoster(ctx context.Context, t Target, staff []staff.Staff, now time.Time) error {
	have, err := t.Roster(ctx, now.Local())
	if err != nil || len(have) > 0 {
		return err
	}
	for d := range 2 {
		day := now.Local().AddDate(0, 0, d)
		for si, shift := range property.Shifts {
			var entries []property.RosterEntry
			managed := false
			for k, st := range staff {
				if k%3 != si {
					continue
				}
				mgr := !managed && st.Role.IsManager()
				managed = managed || mgr
				entries = append(entries, property.RosterEntry{StaffID: st.ID, Manager: mgr})
			}
			if err := t.SetRoster(ctx, day, shift, entries); err != nil {
				return err
			}
		}
	}
	return nil
}
