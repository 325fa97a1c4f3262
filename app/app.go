// Package app is Frontdesk's Fyne user interface: the main window, its screens and their
// dialogs. It talks to the domain only through service interfaces and never runs database
// work on the UI goroutine: loads happen in goroutines and results are applied with fyne.Do.
package app

import (
	"context"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/resources"
)

// Services are the domain services the UI works with.
type Services struct {
	Guests     guests.Service
	Staff      resources.StaffService
	Standards  resources.Service
	Loans      resources.LoanService
	Rooms      resources.RoomService
	Audit      resources.AuditService
	Escalation resources.EscalationService
	Roster     resources.RosterService
	Requests   requests.Service
}

// UI is the main window's content and the state shared by its screens.
type UI struct {
	win       fyne.Window
	svc       Services
	actor     resources.Actor
	tabs      *container.AppTabs
	guests    *guestsScreen
	signIn    *signInScreen
	firstRun  *firstRunScreen
	resources *resourcesScreen
	requests  *requestsScreen
	now       func() time.Time // the clock, for what is due or overdue

	// do applies a background result on the UI goroutine: fyne.Do, or in tests a queue
	// the test goroutine drains. inflight counts results not yet applied; it is only
	// touched on the UI goroutine.
	do       func(func())
	inflight int
}

// Create starts the window: the first-run step on a database without staff, otherwise
// the sign-in screen; the main screens follow once someone is at the desk.
func Create(win fyne.Window, svc Services) *UI {
	u := newUI(win, svc)
	u.start()
	go u.tick(escalationTick)
	return u
}

// escalationTick is how often overdue requests are climbed up the escalation levels and
// the queue's due times refreshed.
const escalationTick = 30 * time.Second

// tick escalates overdue requests at every interval, off the UI goroutine, and refreshes
// the queue on it. Several windows or instances may tick at once: each climb is checked
// in the store's transaction.
func (u *UI) tick(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C {
		if u.svc.Requests == nil {
			continue
		}
		if _, err := u.svc.Requests.EscalateDue(context.Background()); err != nil {
			logErr("escalate", err)
		}
		u.do(u.ticked)
	}
}

// ticked runs on the UI goroutine after each tick.
func (u *UI) ticked() {
	if u.requests != nil && u.tabs != nil && u.tabs.Selected() != nil && u.tabs.Selected().Content == u.requests.content {
		u.requests.reload()
	}
}

func newUI(win fyne.Window, svc Services) *UI {
	u := &UI{win: win, svc: svc, do: fyne.Do, now: time.Now}
	win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.showGuestSearch() })
	win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.showNewRequest() })
	return u
}

// start asks whether anyone works here yet and shows the right first screen.
func (u *UI) start() {
	background(u, u.svc.Staff.CountStaff, func(n int, err error) {
		switch {
		case err != nil:
			u.showError("count staff", err)
		case n == 0:
			u.showFirstRun()
		default:
			u.showSignIn()
		}
	})
}

// showMain builds the main screens for the person who signed in.
func (u *UI) showMain(actor resources.Actor) {
	u.actor = actor
	u.guests = newGuestsScreen(u)
	u.resources = newResourcesScreen(u)
	u.requests = newRequestsScreen(u)
	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Guests"), theme.AccountIcon(), u.guests.content),
		container.NewTabItemWithIcon(lang.L("Requests"), theme.ListIcon(), u.requests.content),
		container.NewTabItemWithIcon(lang.L("Resources"), theme.StorageIcon(), u.resources.content),
	)
	u.tabs.OnSelected = func(t *container.TabItem) {
		switch t.Content {
		case u.resources.content:
			u.resources.reload()
		case u.requests.content:
			u.requests.reload()
		}
	}
	u.tabs.SetTabLocation(container.TabLocationLeading)
	u.win.SetContent(container.NewBorder(u.header(), nil, nil, nil, u.tabs))
	u.showGuestSearch()
}

// header shows who is at the desk at all times, with a one-click switch for shared PCs.
func (u *UI) header() fyne.CanvasObject {
	who := widget.NewLabelWithStyle(lang.L("At the desk: {{.Name}} ({{.Role}})",
		map[string]any{"Name": u.actor.Name, "Role": label(roleNames, u.actor.Role)}), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	switchUser := widget.NewButtonWithIcon(lang.L("Switch user"), theme.LogoutIcon(), u.showSignIn)
	title := widget.NewLabelWithStyle("Frontdesk", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, widget.NewSeparator(), title, container.NewHBox(who, switchUser))
}

// showGuestSearch brings the Guests screen forward with the cursor in its search box.
func (u *UI) showGuestSearch() {
	if u.tabs == nil {
		return
	}
	u.tabs.SelectIndex(0)
	u.win.Canvas().Focus(u.guests.search)
}

// showNewRequest opens the quick-add dialog from anywhere: for the guest whose profile is
// open on the Guests screen, else for a room typed in the dialog. The new request shows
// in the queue.
func (u *UI) showNewRequest() {
	if u.tabs == nil {
		return
	}
	var g *guests.Guest
	if u.tabs.Selected() != nil && u.tabs.Selected().Content == u.guests.content && u.guests.profile.profile != nil {
		g = &u.guests.profile.profile.Guest
	}
	u.newRequest(g, "", u.requestLogged)
}

// requestLogged refreshes what shows requests after one is logged.
func (u *UI) requestLogged(*requests.Request) {
	u.requests.reload()
	u.guests.reloadProfile()
}

// ctx returns the context for service calls: changes are attributed to the actor at the desk.
func (u *UI) ctx() context.Context {
	return resources.WithActor(context.Background(), u.actor)
}

// background runs work off the UI goroutine, then apply on it with the result.
func background[T any](u *UI, work func(context.Context) (T, error), apply func(T, error)) {
	ctx := u.ctx()
	u.inflight++
	go func() {
		v, err := work(ctx)
		u.do(func() {
			u.inflight--
			apply(v, err)
		})
	}()
}

// logErr writes a fault to the log with its cause.
func logErr(what string, err error) {
	log.Printf("%s: %v", what, err)
}
