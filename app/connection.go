package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/errs"
	"frontdesk/wire"
)

// MsgNoConnection is the line a desk of a server shows while the server does not answer.
const MsgNoConnection = "No connection to the Frontdesk server — retrying. What you typed is kept; nothing is saved until the server is back."

// retryStart is how often a desk that could not reach its server at start tries again.
const retryStart = 3 * time.Second

// connection is the desk's view of its server: the address on the header and the line
// under it while the server is away.
type connection struct {
	box  *fyne.Container
	down bool
	told bool // the person was told in a dialog during this outage
}

// watchLink follows the server's connection, if this desk has one, for the life of
// the window.
func (u *UI) watchLink() {
	if u.svc.Link == nil {
		return
	}
	u.svc.Link.Watch(func(up bool) {
		u.do(func() { u.setConnected(up) })
	})
}

// setConnected shows or hides the no-connection line; on the server's return the
// screen on show reads again.
func (u *UI) setConnected(up bool) {
	wasDown := u.conn.down
	u.conn.down = !up
	if up {
		u.conn.told = false
	}
	if u.conn.box != nil {
		u.conn.box.Hidden = up
		u.conn.box.Refresh()
	}
	if up && wasDown && u.tabs != nil {
		u.tabs.OnSelected(u.tabs.Selected())
	}
}

// connectionLine builds the line for a main screen.
func (u *UI) connectionLine() fyne.CanvasObject {
	text := widget.NewLabel(lang.L(MsgNoConnection))
	text.Importance = widget.DangerImportance
	text.Wrapping = fyne.TextWrapWord
	u.conn.box = container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.ErrorIcon()), nil, text)
	u.conn.box.Hidden = !u.conn.down
	return u.conn.box
}

// serverLabel names the server on the header of a desk that has one.
func (u *UI) serverLabel() fyne.CanvasObject {
	if u.svc.Link == nil {
		return nil
	}
	l := subtle(lang.L("Server: {{.Server}}", map[string]any{"Server": u.svc.Link.Server()}))
	return l
}

// showWaiting says the server does not answer yet and tries again by itself.
func (u *UI) showWaiting(err error) {
	msg := widget.NewLabel(message(err))
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	card := widget.NewCard(lang.L("Connecting to the Frontdesk server…"), "", container.NewVBox(widget.NewProgressBarInfinite(), msg))
	u.win.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 200), card)))
	time.AfterFunc(retryStart, func() { u.do(u.start) })
}

// noServer says whether err is a call that did not reach the server.
func noServer(err error) bool {
	var e *errs.Error
	return errors.As(err, &e) && e.Code == errs.Unavailable && e.Template == wire.MsgNoServer
}

// noServerOnce tells the person once per outage that what they did did not reach the
// server; after that the line under the header says it, and screens that read again by
// themselves do not stack dialogs.
func (u *UI) noServerOnce(err error) {
	if u.conn.told {
		return
	}
	u.conn.told = true
	dialog.ShowInformation(lang.L("No connection"), message(err), u.win)
}
