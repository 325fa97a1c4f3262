//go:build !(linux || openbsd || freebsd || netbsd) || android || ci

package app

import "fyne.io/fyne/v2"

// desktopNotification sends n; the desktops here need no session bus to show it.
func desktopNotification(n *fyne.Notification) error {
	fyne.CurrentApp().SendNotification(n)
	return nil
}
