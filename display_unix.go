//go:build linux || freebsd || openbsd || netbsd

package main

import (
	"errors"
	"os"
)

// checkDisplay says clearly that the window needs a graphical desktop, where the
// graphics library would otherwise stop with a panic: on a server or over SSH, no X11 or
// Wayland display is set.
func checkDisplay() error {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("the window needs a graphical desktop, and no display is set (DISPLAY or WAYLAND_DISPLAY). " +
			"Start it from the desktop, or run a command without a window: `frontdesk -h` lists them (serve, handover, backup…)")
	}
	return nil
}
