package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// MsgNotificationsOff is the line the window shows when the desktop cannot show
// notifications (a minimal desktop without a session D-Bus).
const MsgNotificationsOff = "Desktop notifications are off on this computer. What needs you shows on the ⚠ button at the top."

// notices is the line under the header that says, once per window and without a dialog
// in the way, that desktop notifications are off. It can be dismissed.
type notices struct {
	box       *fyne.Container
	text      *widget.Label
	off       bool // a notification failed: they are off on this desktop
	dismissed bool // the person closed the line
}

// noticeLine builds the line for a main screen: shown when notifications were found off
// and the line was not dismissed.
func (u *UI) noticeLine() fyne.CanvasObject {
	n := &u.notices
	n.text = widget.NewLabel(lang.L(MsgNotificationsOff))
	n.text.Importance = widget.WarningImportance
	n.text.Wrapping = fyne.TextWrapWord
	closeLine := widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), func() {
		n.dismissed = true
		n.box.Hide()
	})
	closeLine.Importance = widget.LowImportance
	n.box = container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.WarningIcon()), closeLine, n.text)
	n.box.Hidden = !n.off || n.dismissed
	return n.box
}

// sendNotification shows n on the desktop off the UI goroutine (reaching the desktop's
// service may take a moment); a failure turns the notices line on.
func (u *UI) sendNotification(n *fyne.Notification) {
	background(u, func(context.Context) (struct{}, error) {
		return struct{}{}, u.notifyDesktop(n)
	}, func(_ struct{}, err error) {
		if err != nil {
			u.notificationsOff(err)
		}
	})
}

// notificationsOff says once, on the window, that desktop notifications are off, and
// logs why.
func (u *UI) notificationsOff(err error) {
	n := &u.notices
	if n.off {
		return
	}
	n.off = true
	logErr("desktop notifications", err)
	if n.box != nil && !n.dismissed {
		n.box.Show()
	}
}
