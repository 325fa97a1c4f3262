package app

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// addHandoverTabs adds the Handover screen for everyone and, for managers, Insights to
// the navigation, each loading when shown. It runs after the other tabs are set up and
// keeps their OnSelected.
func (u *UI) addHandoverTabs() {
	if u.svc.Handover == nil {
		return
	}
	ho := newHandoverScreen(u)
	u.handover = ho
	reload := map[*container.TabItem]func(){}
	t := container.NewTabItemWithIcon(lang.L("Handover"), theme.DocumentIcon(), ho.content)
	reload[t] = ho.reload
	u.tabs.Append(t)
	if u.actor.Role.IsManager() {
		in := newInsightsScreen(u)
		t := container.NewTabItemWithIcon(lang.L("Insights"), theme.GridIcon(), in.content)
		reload[t] = in.reload
		u.tabs.Append(t)
	}
	prev := u.tabs.OnSelected
	u.tabs.OnSelected = func(t *container.TabItem) {
		if prev != nil {
			prev(t)
		}
		if r := reload[t]; r != nil {
			r()
		}
	}
}
