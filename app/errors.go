package app

import (
	"errors"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"frontdesk/errs"
)

// message translates a typed error for the person at the desk.
func message(err error) string {
	var fs errs.Fields
	if errors.As(err, &fs) && len(fs) > 0 {
		return translate(fs[0])
	}
	var e *errs.Error
	if errors.As(err, &e) {
		return translate(e)
	}
	return lang.L("Something went wrong; nothing was changed. The details are in the log.")
}

func translate(e *errs.Error) string {
	if e.Args == nil {
		return lang.L(e.Template)
	}
	return lang.L(e.Template, e.Args)
}

// showError tells the user what went wrong: a plain explanation for what they can act
// on, an error dialog and a log line for faults.
func (u *UI) showError(what string, err error) {
	if noServer(err) {
		u.noServerOnce(err)
		return
	}
	switch errs.CodeOf(err) {
	case errs.Denied:
		if u.tabs != nil { // the server no longer knows who is here (session ended, desk revoked)
			u.showSignIn()
		}
		dialog.ShowInformation(lang.L("Cannot do that"), message(err), u.win)
	case errs.Invalid, errs.NotFound, errs.Conflict, errs.Unavailable:
		dialog.ShowInformation(lang.L("Cannot do that"), message(err), u.win)
	default:
		logErr(what, err)
		dialog.ShowError(errors.New(message(err)), u.win)
	}
}
