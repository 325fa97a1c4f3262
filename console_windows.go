package main

import (
	"log"
	"os"

	"golang.org/x/sys/windows"
)

// The Windows build is linked as a GUI program (-H windowsgui) so that starting Frontdesk
// opens no console window beside it. Such a program gets no console of its own, so a
// command typed in one (frontdesk.exe --version, seed, bench, handover…) would print
// nowhere: attachConsole borrows the console of the program that started it.

// attachParentProcess is ATTACH_PARENT_PROCESS: the console of the parent process.
const attachParentProcess = ^uintptr(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// attachConsole points standard output and error at the parent's console when Frontdesk
// runs with arguments from one. Streams already redirected to a file or a pipe are kept.
func attachConsole() {
	if len(os.Args) < 2 || (usable(os.Stdout) && usable(os.Stderr)) {
		return
	}
	if ok, _, _ := procAttachConsole.Call(attachParentProcess); ok == 0 {
		return // started from Explorer or a shortcut: there is no console to print to
	}
	if !usable(os.Stdout) {
		os.Stdout = reopenConsole(os.Stdout, windows.STD_OUTPUT_HANDLE)
	}
	if !usable(os.Stderr) {
		os.Stderr = reopenConsole(os.Stderr, windows.STD_ERROR_HANDLE)
		log.SetOutput(os.Stderr) // the log package kept the old value
	}
}

// usable reports whether f is an open handle (a console, file or pipe).
func usable(f *os.File) bool {
	h := windows.Handle(f.Fd())
	if h == 0 || h == windows.InvalidHandle {
		return false
	}
	_, err := windows.GetFileType(h)
	return err == nil
}

// reopenConsole opens the attached console's output for the standard stream std, or
// returns old when it cannot.
func reopenConsole(old *os.File, std uint32) *os.File {
	f, err := os.OpenFile("CONOUT$", os.O_RDWR, 0)
	if err != nil {
		return old
	}
	windows.SetStdHandle(std, windows.Handle(f.Fd()))
	return f
}
