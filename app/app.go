// Package app is Frontdesk's Fyne user interface: the main window, its screens and their
// dialogs. It talks to the domain only through service interfaces and never runs database
// work on the UI goroutine: loads happen in goroutines and results are applied with fyne.Do.
package app

import (
	"context"
	"log"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/services"
	"frontdesk/staff"
	"frontdesk/words"
)

// Services are the domain services the UI works with: the store on this PC, or a
// Frontdesk server's (package services).
type Services = services.Services

// UI is the main window's content and the state shared by its screens.
type UI struct {
	win       fyne.Window
	svc       Services
	actor     staff.Actor
	tabs      *container.AppTabs
	guests    *guestsScreen
	signIn    *signInScreen
	firstRun  *firstRunScreen
	resources *resourcesScreen
	requests  *requestsScreen
	today     *todayScreen
	handover  *handoverScreen // nil without a handover service
	dueButton *widget.Button  // on the header: how many of mine need me now
	notices   notices         // the line that says desktop notifications are off
	saved     savedLine       // the line that confirms the last save
	conn      connection      // the server's, on a desk of a server
	live      live            // the change feed followed
	// notifyDesktop shows a notification on the desktop and says when it cannot.
	notifyDesktop func(*fyne.Notification) error
	ticking       bool          // the clock runs (in the app, not in tests): check at sign-in too
	stopTick      chan struct{} // closed by Close: the clock stops
	closeOnce     sync.Once
	now           func() time.Time // the clock, for what is due or overdue

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
	u.watchLink()
	u.followFeed()
	u.start()
	u.ticking = true
	go u.tick(dueTick, u.stopTick)
	return u
}

// Close stops the window's clock, before the store it reads from is closed (the recovery
// screen replaces the window when the file turns out damaged).
func (u *UI) Close() {
	u.closeOnce.Do(func() {
		close(u.stopTick)
		u.stopFeed()
	})
}

func newUI(win fyne.Window, svc Services) *UI {
	u := &UI{win: win, svc: svc, do: fyne.Do, now: time.Now, stopTick: make(chan struct{}), notifyDesktop: desktopNotification}
	for _, sc := range windowShortcuts {
		win.Canvas().AddShortcut(sc, func(s fyne.Shortcut) { u.windowShortcut(s) })
	}
	return u
}

// windowShortcuts work wherever the agent is: Ctrl+F finds a guest, Ctrl+N logs a
// request (for the guest on screen, in their room).
var windowShortcuts = []*desktop.CustomShortcut{
	{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
	{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault},
}

// windowShortcut runs a window shortcut and reports whether sc was one. Entries that
// take shortcuts of their own pass the others here, so Ctrl+N works with the cursor in
// the search box too.
func (u *UI) windowShortcut(sc fyne.Shortcut) bool {
	cs, ok := sc.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	switch cs.KeyName {
	case fyne.KeyF:
		u.showGuestSearch()
	case fyne.KeyN:
		u.showNewRequest()
	default:
		return false
	}
	return true
}

// zone is the property's time zone: the clock's. Times are shown and dates typed in it.
func (u *UI) zone() *time.Location { return u.now().Location() }

// start asks whether anyone works here yet and shows the right first screen.
func (u *UI) start() {
	background(u, u.svc.Staff.CountStaff, func(n int, err error) {
		switch {
		case err != nil && u.svc.Link != nil && errs.CodeOf(err) == errs.Unavailable:
			u.showWaiting(err)
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
func (u *UI) showMain(actor staff.Actor) {
	u.actor = actor
	u.guests = newGuestsScreen(u)
	u.resources = newResourcesScreen(u)
	u.requests = newRequestsScreen(u)
	u.today = newTodayScreen(u)
	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Today"), theme.HomeIcon(), u.today.content),
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
		case u.today.content:
			u.today.reload()
		}
	}
	u.tabs.SetTabLocation(container.TabLocationLeading)
	u.addHandoverTabs()
	u.win.SetContent(container.NewBorder(container.NewVBox(u.header(), u.connectionLine(), u.noticeLine(), u.savedLineObject()), nil, nil, nil, u.tabs))
	if u.svc.Today == nil {
		u.showGuestSearch()
		return
	}
	u.today.reload() // the shift starts on Today
	if u.ticking {
		u.ticked()
	}
}

// showTab brings the screen with content forward.
func (u *UI) showTab(content fyne.CanvasObject) {
	for i, t := range u.tabs.Items {
		if t.Content == content {
			u.tabs.SelectIndex(i)
			return
		}
	}
}

// header shows who is at the desk at all times, with a one-click switch for shared PCs.
func (u *UI) header() fyne.CanvasObject {
	who := widget.NewLabelWithStyle(lang.L("At the desk: {{.Name}} ({{.Role}})",
		map[string]any{"Name": u.actor.Name, "Role": label(words.Role, u.actor.Role)}), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	switchUser := widget.NewButtonWithIcon(lang.L("Switch user"), theme.LogoutIcon(), u.showSignIn)
	title := widget.NewLabelWithStyle("Frontdesk", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	u.dueButton = widget.NewButton("", u.showNeedsYou)
	u.dueButton.Importance = widget.DangerImportance
	u.dueButton.Hide()
	right := container.NewHBox(u.dueButton, who, switchUser)
	if l := u.serverLabel(); l != nil {
		right = container.NewHBox(u.dueButton, l, who, switchUser)
	}
	return container.NewBorder(nil, widget.NewSeparator(), title, right)
}

// showGuestSearch brings the Guests screen forward with the cursor in its search box.
func (u *UI) showGuestSearch() {
	if u.tabs == nil {
		return
	}
	u.showTab(u.guests.content)
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
	room := ""
	if p := u.guests.profile.profile; u.tabs.Selected() != nil && u.tabs.Selected().Content == u.guests.content && p != nil {
		g = &p.Guest
		if st := p.CurrentStay(); st != nil {
			room = st.Room
		}
	}
	u.newRequest(g, room, u.requestLogged)
}

// requestLogged refreshes what shows requests after one is logged.
func (u *UI) requestLogged(r *requests.Request) {
	if r != nil && r.ID != "" {
		u.confirm(lang.L("Request logged: {{.Text}} · promised {{.Time}}",
			map[string]any{"Text": clip(requestText(r), 60), "Time": clockTime(r.PromisedAt, u.now())}))
	}
	u.requests.reload()
	u.guests.reloadProfile()
}

// ctx returns the context for service calls: changes are attributed to the actor at the desk.
func (u *UI) ctx() context.Context {
	return staff.WithActor(context.Background(), u.actor)
}

// background runs work off the UI goroutine, then apply on it with the result.
func background[T any](u *UI, work func(context.Context) (T, error), apply func(T, error)) {
	backgroundIn(u, u.ctx(), work, apply)
}

// backgroundIn is background with a context the caller may cancel (a search overtaken by
// the next keystroke); apply still runs, with the error work returned.
func backgroundIn[T any](u *UI, ctx context.Context, work func(context.Context) (T, error), apply func(T, error)) {
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
