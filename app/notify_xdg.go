//go:build (linux || openbsd || freebsd || netbsd) && !android && !ci

package app

import (
	"fyne.io/fyne/v2"
	"github.com/godbus/dbus/v5"
)

// desktopNotification sends n through the desktop's notification service, which on
// Linux and the BSDs is reached over the session D-Bus. Fyne only logs a failure; this
// reports it, so the window can say that notifications are off. The connection is the
// shared one Fyne then uses.
func desktopNotification(n *fyne.Notification) error {
	if _, err := dbus.SessionBus(); err != nil {
		return err
	}
	fyne.CurrentApp().SendNotification(n)
	return nil
}
