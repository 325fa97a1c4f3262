package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"frontdesk/staff"
)

// firstRunScreen creates the administrator of a new database.
type firstRunScreen struct {
	u                *UI
	form             *form
	name, pin, again *keyEntry
	button           *widget.Button
}

func (u *UI) showFirstRun() {
	s := &firstRunScreen{u: u, form: newForm()}
	u.firstRun = s
	s.name = entryWith("", lang.L("e.g. Wayan Sudarma"))
	s.pin, s.again = newPasswordEntry(), newPasswordEntry()
	s.form.add(staff.FieldName, lang.L("Your name"), s.name)
	s.form.add(staff.FieldPIN, lang.L("PIN (4–8 digits)"), s.pin)
	s.form.add("pin_again", lang.L("PIN again"), s.again)
	for _, e := range []*keyEntry{s.name, s.pin, s.again} {
		e.OnSubmitted = func(string) { s.create() }
	}
	s.button = widget.NewButton(lang.L("Create administrator"), s.create)
	s.button.Importance = widget.HighImportance
	intro := widget.NewLabel(lang.L("Welcome to Frontdesk. Create the administrator account; you can add the rest of the staff after signing in."))
	intro.Wrapping = fyne.TextWrapWord
	card := widget.NewCard(lang.L("First start"), "", container.NewVBox(intro, s.form.grid, container.NewHBox(layout.NewSpacer(), s.button)))
	u.win.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 400), card)))
	u.win.Canvas().Focus(s.name)
}

func (s *firstRunScreen) create() {
	if s.pin.Text != s.again.Text {
		s.form.show(fieldProblem("pin_again", "The two PINs differ."))
		return
	}
	st := staff.Staff{Name: s.name.Text}
	pin := s.pin.Text
	s.button.Disable()
	background(s.u, func(ctx context.Context) (staff.Actor, error) {
		if err := s.u.svc.Staff.CreateFirstAdministrator(ctx, &st, pin); err != nil {
			return staff.Actor{}, err
		}
		return s.u.svc.Staff.SignIn(ctx, st.ID, pin) // a desk of a server needs its session
	}, func(actor staff.Actor, err error) {
		s.button.Enable()
		if err != nil {
			if !s.form.show(err) {
				s.u.showError("create administrator", err)
			}
			return
		}
		s.u.showMain(actor)
	})
}
