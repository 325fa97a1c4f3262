package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"frontdesk/staff"
)

// signInScreen asks who is at the desk: pick your name (type to filter), enter your PIN.
type signInScreen struct {
	u       *UI
	filter  *searchEntry
	list    *widget.List
	staff   []staff.Staff // active staff; a property has hundreds at most
	shown   []staff.Staff // those matching the filter
	chosen  *staff.Staff
	who     *widget.Label
	pin     *keyEntry
	message *widget.Label
	button  *widget.Button
}

// showSignIn replaces the window's content with the sign-in screen.
func (u *UI) showSignIn() {
	u.actor, u.tabs = staff.Actor{}, nil
	s := &signInScreen{u: u}
	u.signIn = s
	u.win.SetContent(s.build())
	u.win.Canvas().Focus(s.filter)
	background(u, func(ctx context.Context) ([]staff.Staff, error) {
		return u.svc.Staff.ListStaff(ctx, staff.Filter{ActiveOnly: true, Limit: 1000})
	}, func(staff []staff.Staff, err error) {
		if err != nil {
			u.showError("list staff", err)
			return
		}
		s.staff = staff
		s.applyFilter(s.filter.Text)
	})
}

func (s *signInScreen) build() fyne.CanvasObject {
	s.filter = newSearchEntry()
	s.filter.SetPlaceHolder(lang.L("Your name"))
	s.filter.OnChanged = s.applyFilter
	s.filter.onEnter = func() { s.choose(0) }
	s.filter.onDown = func() { s.choose(0) }
	s.list = widget.NewList(func() int { return len(s.shown) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.shown[id].Name) })
	s.list.OnSelected = func(id widget.ListItemID) { s.choose(id) }
	s.who = widget.NewLabelWithStyle(lang.L("Choose your name"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.pin = newPasswordEntry()
	s.pin.SetPlaceHolder(lang.L("PIN"))
	s.pin.OnSubmitted = func(string) { s.submit() }
	s.message = widget.NewLabel("")
	s.message.Importance = widget.DangerImportance
	s.message.Wrapping = fyne.TextWrapWord
	s.button = widget.NewButton(lang.L("Sign in"), s.submit)
	s.button.Importance = widget.HighImportance
	names := container.NewBorder(s.filter, nil, nil, nil, s.list)
	pinBox := container.NewVBox(s.who, s.pin, s.button, s.message)
	card := widget.NewCard(lang.L("Who is at the desk?"), lang.L("Choose your name, then type your PIN."),
		container.NewGridWithColumns(2, container.NewGridWrap(fyne.NewSize(300, 360), names), pinBox))
	return container.NewCenter(card)
}

func (s *signInScreen) applyFilter(text string) {
	text = strings.ToLower(strings.TrimSpace(text))
	s.shown = s.shown[:0]
	for _, st := range s.staff {
		if strings.Contains(strings.ToLower(st.Name), text) {
			s.shown = append(s.shown, st)
		}
	}
	s.list.UnselectAll()
	s.list.Refresh()
}

// choose picks the person at index i of the filtered list and moves to the PIN.
func (s *signInScreen) choose(i int) {
	if i < 0 || i >= len(s.shown) {
		return
	}
	st := s.shown[i]
	s.chosen = &st
	s.who.SetText(st.Name)
	s.message.SetText("")
	s.pin.SetText("")
	s.u.win.Canvas().Focus(s.pin)
}

func (s *signInScreen) submit() {
	if s.chosen == nil {
		s.message.SetText(lang.L("Choose your name first."))
		return
	}
	id, pin := s.chosen.ID, s.pin.Text
	s.button.Disable()
	background(s.u, func(ctx context.Context) (staff.Actor, error) {
		return s.u.svc.Staff.SignIn(ctx, id, pin)
	}, func(a staff.Actor, err error) {
		s.button.Enable()
		s.pin.SetText("")
		if err != nil {
			s.message.SetText(message(err))
			return
		}
		s.u.showMain(a)
	})
}
