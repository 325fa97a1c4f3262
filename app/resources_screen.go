package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"frontdesk/staff"
)

// resourcesScreen holds what the property serves with: items on loan, the service
// standards, escalation and preparation rules, the departments, the staff and
// their roster, the rooms and, for managers, the audit log. Each part is its own view and
// loads when its tab is shown.
type resourcesScreen struct {
	content   fyne.CanvasObject
	tabs      *container.AppTabs
	loans     *loansView
	standards *standardsView
	depts     *departmentsView
	staff     *staffView
	rooms     *roomsView
	audit     *auditView
	guestIO   *importView // managers only
	roster    *rosterView
	escalate  *escalationView
	prep      *prepView
	reloaders map[*container.TabItem]func()
}

func newResourcesScreen(u *UI) *resourcesScreen {
	s := &resourcesScreen{loans: newLoansView(u), standards: newStandardsView(u), depts: newDepartmentsView(u),
		staff: newStaffView(u), rooms: newRoomsView(u), audit: newAuditView(u), roster: newRosterView(u), escalate: newEscalationView(u), prep: newPrepView(u), reloaders: map[*container.TabItem]func(){}}
	s.tabs = container.NewAppTabs()
	s.addTab(lang.L("Items on loan"), s.loans.content, s.loans.reload)
	s.addTab(lang.L("Service standards"), s.standards.content, s.standards.reload)
	s.addTab(lang.L("Escalation"), s.escalate.content, s.escalate.reload)
	s.addTab(lang.L("Preparation"), s.prep.content, s.prep.reload)
	s.addTab(lang.L("Departments"), s.depts.content, s.depts.reload)
	s.addTab(lang.L("Staff"), s.staff.content, s.staff.reload)
	s.addTab(lang.L("Roster"), s.roster.content, s.roster.reload)
	s.addTab(lang.L("Rooms"), s.rooms.content, s.rooms.reload)
	if u.actor.Role.Can(staff.PermBrowseAudit) {
		s.addTab(lang.L("Audit log"), s.audit.content, s.audit.reload)
	}
	if u.actor.Role.Can(staff.PermTransferGuests) {
		s.guestIO = newImportView(u)
		s.addTab(lang.L("Guest import & export"), s.guestIO.content, s.guestIO.reload)
	}
	if u.svc.Desks != nil && u.actor.Role == staff.RoleAdministrator {
		desks := newDesksView(u)
		s.addTab(lang.L("Desks"), desks.content, desks.reload)
	}
	s.tabs.OnSelected = func(t *container.TabItem) { s.reloaders[t]() }
	s.content = s.tabs
	return s
}

func (s *resourcesScreen) addTab(title string, content fyne.CanvasObject, reload func()) {
	t := container.NewTabItem(title, content)
	s.reloaders[t] = reload
	s.tabs.Append(t)
}

// reload fetches the part on show again; called when the screen is shown.
func (s *resourcesScreen) reload() {
	s.reloaders[s.tabs.Selected()]()
}
