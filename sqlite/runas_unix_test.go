//go:build unix

package sqlite

// Tests that change file modes and run as another user: Unix only.

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"frontdesk/errs"
)

func TestReadOnlyFileOrFolderIsExplainedAndLeftAlone(t *testing.T) {
	if runUnprivileged(t) {
		return
	}
	t.Run("read-only file", func(t *testing.T) {
		path := closedDatabase(t, t.TempDir())
		must(t, os.Chmod(path, 0o400))
		before := fileSum(t, path)
		_, err := Open(context.Background(), path, Options{})
		if errs.CodeOf(err) != errs.Unavailable || !strings.Contains(err.Error(), "is read-only") || !strings.Contains(err.Error(), path) {
			t.Fatalf("got %v", err)
		}
		if fileSum(t, path) != before {
			t.Fatal("the file was changed")
		}
	})
	t.Run("read-only folder", func(t *testing.T) {
		dir := t.TempDir()
		path := closedDatabase(t, dir)
		must(t, os.Chmod(dir, 0o500))
		defer os.Chmod(dir, 0o700)
		before := fileSum(t, path)
		_, err := Open(context.Background(), path, Options{})
		if errs.CodeOf(err) != errs.Unavailable || !strings.Contains(err.Error(), "cannot write in the folder "+dir) {
			t.Fatalf("got %v", err)
		}
		if fileSum(t, path) != before {
			t.Fatal("the file was changed")
		}
		_, err = Open(context.Background(), filepath.Join(dir, "new.db"), Options{})
		if errs.CodeOf(err) != errs.Unavailable || !strings.Contains(err.Error(), "cannot create its database file") {
			t.Fatalf("a new file in a read-only folder: %v", err)
		}
	})
}

// runUnprivileged reruns the calling test as the user "nobody" when the tests run as
// root, who may write any file, and reports whether it did (the caller then returns).
func runUnprivileged(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		return false
	}
	const nobody = 65534
	bin := filepath.Join(shared(t), "sqlite.test")
	src, err := os.Open(os.Args[0])
	must(t, err)
	dst, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
	must(t, err)
	_, err = io.Copy(dst, src)
	src.Close()
	must(t, dst.Close())
	must(t, err)
	tmp := shared(t)
	must(t, os.Chown(tmp, nobody, nobody))
	cmd := exec.Command(bin, "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Dir, cmd.Env = tmp, append(os.Environ(), "TMPDIR="+tmp, "HOME="+tmp)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("as user nobody: %v\n%s", err, out)
	}
	t.Logf("ran as user nobody:\n%s", out)
	return true
}

// shared is a temporary folder anyone may enter (t.TempDir's parent is owner-only).
func shared(t *testing.T) string {
	dir, err := os.MkdirTemp("", "frontdesk-shared-")
	must(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	must(t, os.Chmod(dir, 0o755))
	return dir
}
