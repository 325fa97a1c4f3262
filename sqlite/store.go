// Package sqlite implements Frontdesk's services over one SQLite file: one writer
// connection (so writes never fight each other inside the process), a pool of readers
// (WAL lets them read while the writer writes), embedded numbered migrations, and the
// full-text index behind guest search. All SQL lives in this package.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"
	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver

	"frontdesk/backup"
	"frontdesk/errs"
)

// Options tune a Store. The zero value is usable.
type Options struct {
	Now         func() time.Time // the clock; time.Now when nil
	PhoneRegion string           // country for phones typed without a country code; "ID" when empty
	ReadConns   int              // size of the read pool; 4 when zero
	BusyTimeout time.Duration    // how long a write waits for another program's; 10 s when zero
	// CheckLater skips SQLite's quick check at open: it reads the whole file, so its time
	// grows with the database, and the window must be usable at once. The caller runs
	// QuickCheck in the background instead.
	CheckLater bool
	// KeepBackups is how many backups of each kind the backup schedule keeps (main's
	// --keep-backups), told to a manager erasing a guest; backup.DefaultKeep when zero.
	KeepBackups int
}

// Store is Frontdesk's database. It is safe for concurrent use.
type Store struct {
	path   string
	writer *sql.DB
	reader *sql.DB
	now    func() time.Time
	region string
	busy   time.Duration
	board  *boardCache // the Today board's guests as last read
	beside *sql.DB     // one reader connection of the board's own (readGuestsBeside), used under its lock only
	keep   int         // backups of each kind kept (Options.KeepBackups)
	feed   feedWatch   // the change feed's one look for new changes
	rolled bool        // the schema has the measures' roll-ups (0025): write folds into them
}

// Connection settings. The writer takes its lock when a transaction begins
// (_txlock=immediate) so two writers queue on the busy timeout instead of failing halfway;
// synchronous=FULL makes every commit durable against power loss (RELIABILITY.md);
// secure_delete=ON zeroes whatever a write frees, free pages included (FAST leaves old
// content on them), so a change or an erasure leaves no earlier version of a guest's row
// behind — except the rare copy SQLite's page rebalancing leaves, which the privacy
// compaction removes (EraseGuest, RELIABILITY.md).
const (
	defaultBusyTimeout = 10 * time.Second
	writerParams       = "_fk=1&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate&_secure_delete=ON&_busy_timeout=%d"
	readerParams       = "_fk=1&_query_only=1&_busy_timeout=%d"
)

// Open opens (creating if needed) the database at path and brings its schema up to date.
// It refuses, changing nothing, a file that is not a Frontdesk database, that a newer
// Frontdesk wrote, or that fails SQLite's quick check (see IsDamaged).
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	s := &Store{path: path, now: opts.Now, region: opts.PhoneRegion, busy: opts.BusyTimeout, board: newBoardCache(), keep: opts.KeepBackups}
	if s.busy <= 0 {
		s.busy = defaultBusyTimeout
	}
	if s.keep <= 0 {
		s.keep = backup.DefaultKeep
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	if !opts.CheckLater {
		if err := checkIntegrity(ctx, path, s.busy); err != nil {
			return nil, err
		}
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.region == "" {
		s.region = "ID"
	}
	var err error
	if s.writer, err = openPool(path, writerParams, 1, s.busy); err != nil {
		return nil, openFault(path, err)
	}
	if err = migrate(ctx, s.writer); err == nil {
		err = s.seedDefaults(ctx)
	}
	if err == nil {
		s.rolled = true
		err = s.catchUpMeasures(ctx)
	}
	if err != nil {
		s.writer.Close()
		return nil, openFault(path, err)
	}
	readConns := opts.ReadConns
	if readConns <= 0 {
		readConns = 4
	}
	if s.reader, err = openPool(path, readerParams, readConns, s.busy); err != nil {
		s.writer.Close()
		return nil, openFault(path, err)
	}
	if s.beside, err = openPool(path, readerParams, 1, s.busy); err != nil {
		s.Close()
		return nil, openFault(path, err)
	}
	return s, nil
}

func openPool(path, params string, conns int, busy time.Duration) (*sql.DB, error) {
	dsn := "file:" + escapePath(path) + "?" + fmt.Sprintf(params, busy.Milliseconds())
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, mapErr(err)
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	db.SetConnMaxLifetime(0)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, mapErr(err)
	}
	return db, nil
}

// escapePath makes a file path safe inside a file: URI.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// checkFile gives clear messages for the problems SQLite reports obscurely.
func checkFile(path string) error {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return errs.New(errs.Unavailable, "The folder for the database does not exist: {{.Dir}}. Create it or choose another file with --db.", map[string]any{"Dir": dir})
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return createPrivate(path)
	}
	if err != nil {
		return errs.Wrap(err, errs.Unavailable, "Frontdesk may not read the database file {{.Path}}. Check its permissions.", map[string]any{"Path": path})
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	if n > 0 && string(head[:n]) != "SQLite format 3\x00" {
		return errs.Wrap(errDamaged, errs.Unavailable, "The file {{.Path}} is not a Frontdesk database, or it is damaged. Nothing was changed; restore a backup or choose another file with --db.", map[string]any{"Path": path})
	}
	return checkWritable(path) // an empty file is a new database
}

// createPrivate creates an empty database file readable by its owner only; SQLite gives
// the -wal and -shm files the same permissions.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil && !errors.Is(err, os.ErrExist) {
		return errs.Wrap(err, errs.Unavailable, "Frontdesk cannot create its database file {{.Path}}. Check that the folder is writable.", map[string]any{"Path": path})
	}
	if f != nil {
		return f.Close()
	}
	return nil
}

// QuickCheck runs SQLite's quick check over a read-only connection; a damaged file is
// reported so that IsDamaged recognises it.
func (s *Store) QuickCheck(ctx context.Context) error {
	return checkIntegrity(ctx, s.path, s.busy)
}

// Close closes both pools.
func (s *Store) Close() error {
	err := errors.Join(s.reader.Close(), s.writer.Close())
	if s.beside != nil {
		err = errors.Join(err, s.beside.Close())
	}
	return err
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// PhoneRegion is the country used for phone numbers typed without a country code.
func (s *Store) PhoneRegion() string { return s.region }

// write runs fn in one write transaction, committing only if fn succeeds. What fn changed
// in requests reaches the measures' roll-ups in the same transaction.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return mapErr(err)
	}
	if s.rolled {
		if err := foldMeasureChanges(ctx, tx); err != nil {
			return mapErr(err)
		}
	}
	return mapErr(tx.Commit())
}

// read runs fn in one read transaction, so it sees one consistent snapshot.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return readOn(ctx, s.reader, fn)
}

// readBeside is read on the board's own connection: the board reads half of a cold
// cache's guests there, under its lock, so it never waits for a reader another board
// call holds while waiting for that lock.
func (s *Store) readBeside(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return readOn(ctx, s.beside, fn)
}

// readOn runs fn in one read transaction of db.
func readOn(ctx context.Context, db *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	return mapErr(fn(tx))
}

func newID() string { return uuid.NewString() }

// Time and date formats in the database: fixed width so text order is time order.
const (
	timeLayout = "2006-01-02T15:04:05.000Z"
	dateLayout = "2006-01-02"
)

func fmtTime(t time.Time) string { return t.UTC().Format(timeLayout) }
func fmtDate(t time.Time) string { return t.Format(dateLayout) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeLayout, s)
	return t
}

func parseDate(s string) time.Time {
	t, _ := time.Parse(dateLayout, s)
	return t
}
