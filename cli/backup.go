package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"frontdesk/backup"
	"frontdesk/sqlite"
)

func init() {
	register(Command{
		Name:    "backup",
		Summary: "write a verified backup of the database (safe while Frontdesk is open)",
		Run:     runBackup,
	})
	register(Command{
		Name:    "restore",
		Summary: "put a backup in place of the database; the old file is kept beside it",
		Run:     runRestore,
	})
}

// fileBackup backs up the database file it names without opening it as a Store.
type fileBackup string

func (p fileBackup) Backup(ctx context.Context, dest string) (backup.Info, error) {
	return sqlite.BackupFile(ctx, string(p), dest)
}

func runBackup(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "database file (default: "+sqlite.DefaultPath()+")")
	out := fs.String("out", "", "backup file to write (must not exist); default: a new file in the backups folder beside the database")
	keep := fs.Int("keep", backup.DefaultKeep, "without --out: how many of these manual backups to keep")
	var t target
	t.addFlags(fs)
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || (t.remote() && *out != "") {
		fmt.Fprintln(stderr, "frontdesk backup: usage: frontdesk backup [--db FILE] [--out FILE] | --server URL --staff NAME (the server keeps it in its backups folder)")
		return 2
	}
	if t.remote() {
		return backUpAtServer(t, stdout, stderr)
	}
	path := orDefault(*db)
	dest, info, warn, err := backUp(context.Background(), path, *out, *keep)
	if err != nil {
		fmt.Fprintln(stderr, "frontdesk backup:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Backed up %s to %s and checked it: %d guests, %d requests.\n", path, dest, info.Guests, info.Requests)
	if warn != nil {
		fmt.Fprintln(stderr, "frontdesk backup: older backups were not removed:", warn)
	}
	return 0
}

// backUp writes a backup of path to out, or when out is empty to a new file in the
// backups folder, rotating the manual ones there. warn is a rotation that failed after
// the backup itself succeeded.
func backUp(ctx context.Context, path, out string, keep int) (dest string, info backup.Info, warn, err error) {
	if out != "" {
		info, err = sqlite.BackupFile(ctx, path, out)
		return out, info, nil, err
	}
	f, info, err := backup.Take(ctx, fileBackup(path), path, backup.KindManual, time.Now(), keep)
	if f.Path == "" {
		return "", info, nil, err
	}
	return f.Path, info, err, nil
}

func runRestore(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "the backup file to restore")
	latest := fs.Bool("latest", false, "restore the newest backup in the backups folder that passes its check")
	db := fs.String("db", "", "database file to replace (default: "+sqlite.DefaultPath()+"); Frontdesk must be closed")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || (*from == "") == !*latest {
		fmt.Fprintln(stderr, "frontdesk restore: usage: frontdesk restore (--from FILE | --latest) [--db FILE]")
		return 2
	}
	path := orDefault(*db)
	ctx := context.Background()
	files := sqlite.BackupFiles{}
	if *latest {
		f, _, err := backup.LatestGood(ctx, files, path)
		if err != nil {
			fmt.Fprintln(stderr, "frontdesk restore:", err)
			return 1
		}
		*from = f.Path
	}
	kept, err := files.Restore(ctx, *from, path)
	if err != nil {
		fmt.Fprintln(stderr, "frontdesk restore:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Restored %s into %s.\n", *from, path)
	if kept != "" {
		fmt.Fprintf(stdout, "The file it replaced is kept as %s.\n", kept)
	}
	return 0
}

// orDefault is the database path given, or the default one.
func orDefault(path string) string {
	if path == "" {
		return sqlite.DefaultPath()
	}
	return path
}

// backUpAtServer asks the server for a backup into its own backups folder.
func backUpAtServer(t target, stdout, stderr io.Writer) int {
	if err := t.check(); err != nil {
		fmt.Fprintln(stderr, "frontdesk backup:", err)
		return 2
	}
	c, err := t.dial()
	if err == nil {
		defer c.SignOut(context.Background())
		if _, err = t.signIn(c); err == nil {
			var file string
			var g, r int
			if file, g, r, err = c.Backup(context.Background()); err == nil {
				fmt.Fprintf(stdout, "The server backed up its database to %s in its backups folder and checked it: %d guests, %d requests.\n", file, g, r)
				return 0
			}
		}
	}
	fmt.Fprintln(stderr, "frontdesk backup:", err)
	return 1
}
