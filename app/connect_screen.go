package app

import (
	"context"

	"frontdesk/desks"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// Connect is the first question of a desk PC and the form that pairs it with a server.
type Connect struct {
	Ask      bool   // first start: this PC on its own, or a desk of a server?
	URL      string // the server's address, when known (--server)
	DeskName string // a name for this desk to start from (the computer's)
	// OnOwn is called when "Use this PC on its own" is chosen.
	OnOwn func()
	// Pair pairs the desk (off the UI goroutine) and returns the fingerprint of the
	// server's certificate, which the person compares with the one the server printed.
	Pair func(ctx context.Context, url, code, deskName string) (fingerprint string, err error)
	// OnPaired opens the desk's window once the person has seen the fingerprint.
	OnPaired func()

	do func(func()) // applies a result on the UI goroutine: fyne.Do, or a test's queue
}

// ShowConnect shows the first question, or the pairing form when there is nothing to ask.
func ShowConnect(w fyne.Window, c Connect) {
	if c.Ask {
		showChoice(w, c)
		return
	}
	showPairing(w, c)
}

// showChoice asks how this PC works: on its own, or with the property's server.
func showChoice(w fyne.Window, c Connect) {
	intro := widget.NewLabel(lang.L("How does this PC work? On its own, it keeps the property's guests and requests in a file on this PC. As a desk of a Frontdesk server, it works on the property's data with every other desk, and the server keeps the file."))
	intro.Wrapping = fyne.TextWrapWord
	own := widget.NewButton(lang.L("Use this PC on its own"), c.OnOwn)
	serverDesk := widget.NewButton(lang.L("Connect to a Frontdesk server"), func() { showPairing(w, c) })
	serverDesk.Importance = widget.HighImportance
	note := subtle(lang.L("The choice is remembered. To change it later, start Frontdesk with --server or --db."))
	note.Wrapping = fyne.TextWrapWord
	card := widget.NewCard(lang.L("First start"), "", container.NewVBox(intro, container.NewGridWithColumns(2, own, serverDesk), note))
	w.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 300), card)))
}

// pairingScreen is the form that pairs this PC with a server.
type pairingScreen struct {
	c               Connect
	form            *form
	url, code, name *keyEntry
	button          *widget.Button
	status          *widget.Label
}

func showPairing(w fyne.Window, c Connect) {
	s := &pairingScreen{c: c, form: newForm()}
	if s.c.do == nil {
		s.c.do = fyne.Do
	}
	s.url = entryWith(c.URL, "https://backoffice:8443")
	s.code = entryWith("", lang.L("e.g. K7MPQ-3XRTA"))
	s.name = entryWith(c.DeskName, lang.L("e.g. Front desk 2"))
	s.form.add(desks.FieldServerAddress, lang.L("Server address"), s.url)
	s.form.add(desks.FieldCode, lang.L("Pairing code"), s.code)
	s.form.add(desks.FieldDeskName, lang.L("This desk's name"), s.name)
	for _, e := range []*keyEntry{s.url, s.code, s.name} {
		e.OnSubmitted = func(string) { s.pair(w) }
	}
	s.button = widget.NewButton(lang.L("Pair this desk"), func() { s.pair(w) })
	s.button.Importance = widget.HighImportance
	intro := widget.NewLabel(lang.L("An administrator gets a pairing code from the server (frontdesk serve --pair, or Resources → Desks at a desk already paired). The code works once, for ten minutes."))
	intro.Wrapping = fyne.TextWrapWord
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	parts := []fyne.CanvasObject{intro, s.form.grid, s.status, container.NewHBox(layout.NewSpacer(), s.button)}
	card := widget.NewCard(lang.L("Connect to a Frontdesk server"), "", container.NewVBox(parts...))
	w.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 350), card)))
	if c.URL == "" {
		w.Canvas().Focus(s.url)
	} else {
		w.Canvas().Focus(s.code)
	}
}

// pair asks the server, keeping what was typed whatever the answer.
func (s *pairingScreen) pair(w fyne.Window) {
	url, code, name := s.url.Text, s.code.Text, s.name.Text
	s.button.Disable()
	s.form.clear()
	s.status.SetText(lang.L("Pairing…"))
	go func() {
		fp, err := s.c.Pair(context.Background(), url, code, name)
		s.c.do(func() {
			s.button.Enable()
			s.status.SetText("")
			if err != nil {
				if !s.form.show(err) {
					s.status.SetText("⚠ " + message(err))
				}
				return
			}
			showPaired(w, fp, s.c.OnPaired)
		})
	}()
}

// showPaired shows the server certificate's fingerprint to compare, then goes on.
func showPaired(w fyne.Window, fingerprint string, next func()) {
	text := widget.NewLabel(lang.L("This desk is paired. The server's certificate is:"))
	text.Wrapping = fyne.TextWrapWord
	fp := widget.NewLabelWithStyle(fingerprint, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	fp.Wrapping = fyne.TextWrapBreak
	check := widget.NewLabel(lang.L("It should be the one the server printed when it started. From now on this desk talks only to the server with this certificate."))
	check.Wrapping = fyne.TextWrapWord
	goOn := widget.NewButton(lang.L("Continue"), next)
	goOn.Importance = widget.HighImportance
	card := widget.NewCard(lang.L("Connect to a Frontdesk server"), "", container.NewVBox(text, fp, check, container.NewHBox(layout.NewSpacer(), goOn)))
	w.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 260), card)))
	w.Canvas().Focus(goOn) // Enter goes on
}
