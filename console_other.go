//go:build !windows

package main

// attachConsole is needed only on Windows, where Frontdesk is a GUI program
// (console_windows.go): elsewhere a program started from a terminal prints to it.
func attachConsole() {}
