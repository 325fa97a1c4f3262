package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// savedLine is the line under the header that confirms the last thing saved that does
// not show itself on the screen at once — a request logged from a dialog, a report
// saved to a file and where — with the time it was saved, until the next one or until
// it is closed.
type savedLine struct {
	box  *fyne.Container
	text *widget.Label
}

// savedLineObject builds the line for a main screen, hidden until something is saved.
func (u *UI) savedLineObject() fyne.CanvasObject {
	l := &u.saved
	l.text = widget.NewLabel("")
	l.text.Importance = widget.SuccessImportance
	l.text.Wrapping = fyne.TextWrapWord
	closeLine := widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), func() { l.box.Hide() })
	closeLine.Importance = widget.LowImportance
	l.box = container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.ConfirmIcon()), closeLine, l.text)
	l.box.Hide()
	return l.box
}

// confirm says on the saved line what was just saved, with the time.
func (u *UI) confirm(text string) {
	l := &u.saved
	if l.box == nil {
		return
	}
	l.text.SetText(u.now().Format("15:04") + "  " + text)
	l.box.Show()
}
