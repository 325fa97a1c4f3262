//go:build windows

package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/windows"

	"frontdesk/errs"
)

// Windows file locks belong to a handle, not a process: a Store open in this very test
// counts as "another program" for inUse, unlike on Unix.
//
// CI runs these tests under Wine too (.ci/windows-smoke), so they make their folders with
// tempDir: Wine 8.0 lacks the call os.RemoveAll deletes with on Windows
// (FileDispositionInformationEx), and t.TempDir's clean-up would fail there.

// tempDir is a new folder removed after the test, file by file with DeleteFile.
func tempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "frontdesk-test-")
	must(t, err)
	t.Cleanup(func() { removeTree(dir) })
	return dir
}

// removeTree removes dir and everything in it, one os.Remove at a time.
func removeTree(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if p := filepath.Join(dir, e.Name()); e.IsDir() {
			removeTree(p)
		} else {
			os.Remove(p)
		}
	}
	os.Remove(dir)
}

// underWine reports whether the test runs under Wine, whose ntdll says so.
func underWine() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}

func TestWindowsInUseWhileAStoreHasTheFileOpen(t *testing.T) {
	path := filepath.Join(tempDir(t), "fd.db")
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

func TestWindowsRestoreRefusesWhileAnotherProcessHasTheFileOpen(t *testing.T) {
	dir := tempDir(t)
	path, saved := filepath.Join(dir, "fd.db"), filepath.Join(dir, "saved.db")
	s := openAt(t, path)
	_, err := s.Backup(context.Background(), saved)
	must(t, err)
	must(t, s.Close())
	release := holdOpen(t, path)
	if _, err := Restore(context.Background(), saved, path, testNow); errs.CodeOf(err) != errs.Unavailable {
		t.Fatalf("restore while another process has the file open: %v", err)
	}
	release()
	if _, err := Restore(context.Background(), saved, path, testNow); err != nil {
		t.Fatalf("restore once it was closed: %v", err)
	}
}

func TestWindowsMissingFileIsNotInUse(t *testing.T) {
	if busy, err := inUse(filepath.Join(tempDir(t), "none.db")); err != nil || busy {
		t.Fatalf("got %v, %v", busy, err)
	}
}

func TestWindowsSecondServerOnAFileIsRefused(t *testing.T) {
	path := filepath.Join(tempDir(t), "fd.db")
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
	t.Setenv("LOCALAPPDATA", tempDir(t))
	p, err := PrepareDefaultPath()
	must(t, err)
	if want := filepath.Join(os.Getenv("LOCALAPPDATA"), "frontdesk", "frontdesk.db"); p != want {
		t.Fatalf("default path %s, want %s", p, want)
	}
	if underWine() {
		t.Skip("Wine keeps no access lists on files (README, Windows: untested under Wine)")
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
