// Package app is Frontdesk's Fyne user interface: the main window, its screens and their
// dialogs. It talks to the domain only through service interfaces and never runs database
// work on the UI goroutine: loads happen in goroutines and results are applied with fyne.Do.
package app

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"frontdesk/guests"
	"frontdesk/resources"
)

// Services are the domain services the UI works with.
type Services struct {
	Guests guests.Service
}

// UI is the main window's content and the state shared by its screens.
type UI struct {
	win    fyne.Window
	svc    Services
	actor  resources.Actor
	tabs   *container.AppTabs
	guests *guestsScreen

	// do applies a background result on the UI goroutine: fyne.Do, or in tests a queue
	// the test goroutine drains. inflight counts results not yet applied; it is only
	// touched on the UI goroutine.
	do       func(func())
	inflight int
}

// Create builds the main window's content and wires its shortcuts.
func Create(win fyne.Window, svc Services, actor resources.Actor) *UI {
	u := &UI{win: win, svc: svc, actor: actor, do: fyne.Do}
	u.guests = newGuestsScreen(u)
	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Guests"), theme.AccountIcon(), u.guests.content),
	)
	u.tabs.SetTabLocation(container.TabLocationLeading)
	win.SetContent(u.tabs)
	win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.showGuestSearch() })
	u.showGuestSearch()
	return u
}

// showGuestSearch brings the Guests screen forward with the cursor in its search box.
func (u *UI) showGuestSearch() {
	u.tabs.SelectIndex(0)
	u.win.Canvas().Focus(u.guests.search)
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
