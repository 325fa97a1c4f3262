package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Fyne's widgets come with English words of their own: a drop-down's "(Select one)", a
// confirmation's "Yes" and "No". Frontdesk's make them from the catalogue instead.

// newSelect is a drop-down that reads "(Select one)" in the reader's language until a
// choice is made.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("(Select one)")
	return s
}

// newConfirm asks before an action: Cancel, or the action's own verb (doIt). The answer
// goes to callback.
func newConfirm(title, message, doIt string, callback func(bool), win fyne.Window) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, message, callback, win)
	d.SetConfirmText(doIt)
	d.SetDismissText(lang.L("Cancel"))
	return d
}

// fileWords titles a file dialog and names its buttons from the catalogue: Fyne would
// build "Open File" from words that mean other things in other languages.
func fileWords(d *dialog.FileDialog, title, confirm string) *dialog.FileDialog {
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	d.SetDismissText(lang.L("Cancel"))
	return d
}
