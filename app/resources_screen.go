package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
)

// resourcesScreen holds what the property serves with: items on loan, the service
// standards, the staff and the rooms. Each part is its own view.
type resourcesScreen struct {
	content   fyne.CanvasObject
	loans     *loansView
	standards *standardsView
	staff     *staffView
	rooms     *roomsView
}

func newResourcesScreen(u *UI) *resourcesScreen {
	s := &resourcesScreen{loans: newLoansView(u), standards: newStandardsView(u), staff: newStaffView(u), rooms: newRoomsView(u)}
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Items on loan"), s.loans.content),
		container.NewTabItem(lang.L("Service standards"), s.standards.content),
		container.NewTabItem(lang.L("Staff"), s.staff.content),
		container.NewTabItem(lang.L("Rooms"), s.rooms.content),
	)
	tabs.OnSelected = func(*container.TabItem) { s.reload() }
	s.content = tabs
	return s
}

// reload fetches every part again; called when the screen is shown.
func (s *resourcesScreen) reload() {
	s.loans.reload()
	s.standards.reload()
	s.staff.reload()
	s.rooms.reload()
}
