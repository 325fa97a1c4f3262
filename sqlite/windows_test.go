package sqlite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/windows"

	"frontdesk/errs"
)

// Windows file locks belong to a handle, not a process: a Store open in this very test
// counts as "another program" for inUse, unlike on Unix.

func TestWindowsInUseWhileAStoreHasTheFileOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fd.db")
	s := openAt(t, path)
	if busy, err := inUse(path); err != nil || !busy {
		t.Fatalf("with the store open: in use %v, %v", busy, err)
	}
	must(t, s.Close())
	if busy, err := inUse(path); err != nil || busy {
		t.Fatalf("after the store closed: in use %v, %v", busy, err)
	}
	openAt(t, path) // inUse gave its lock back: the file opens again
}

func TestWindowsMissingFileIsNotInUse(t *testing.T) {
	if busy, err := inUse(filepath.Join(t.TempDir(), "none.db")); err != nil || busy {
		t.Fatalf("got %v, %v", busy, err)
	}
}

func TestWindowsSecondServerOnAFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fd.db")
	release, err := LockForServing(path)
	must(t, err)
	if _, err := LockForServing(path); errs.CodeOf(err) != errs.Unavailable || !strings.Contains(err.Error(), "already serving") {
		t.Fatalf("a second server: %v", err)
	}
	release()
	again, err := LockForServing(path)
	must(t, err)
	again()
}

func TestWindowsDefaultFolderIsOwnerOnly(t *testing.T) {
	t.Setenv("LOCALAPPDATA", t.TempDir())
	p, err := PrepareDefaultPath()
	must(t, err)
	if want := filepath.Join(os.Getenv("LOCALAPPDATA"), "frontdesk", "frontdesk.db"); p != want {
		t.Fatalf("default path %s, want %s", p, want)
	}
	sd, err := windows.GetNamedSecurityInfo(filepath.Dir(p), windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
	must(t, err)
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	must(t, err)
	// Protected (nothing inherited), one entry: full access for this user, inherited by
	// the folder's files and folders.
	if got, want := sd.String(), "D:P(A;OICI;FA;;;"+user.User.Sid.String()+")"; got != want {
		t.Fatalf("access list %s, want %s", got, want)
	}
}
