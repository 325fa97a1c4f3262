// Command frontdesk is the front-desk service application for hotels and casino resorts:
// guest profiles, preferences and requests, closed with the guest.
package main

import (
	"context"
	_ "embed"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"frontdesk/anticipation"
	"frontdesk/app"
	"frontdesk/backup"
	"frontdesk/cli"
	"frontdesk/demo"
	"frontdesk/escalation"
	_ "frontdesk/posixlocale" // before Fyne reads the locale: "C" is English
	"frontdesk/services"
	"frontdesk/sqlite"
)

// appID must equal [Details] ID in FyneApp.toml; version its Version.
const (
	appID   = "com.frontdeskhq.frontdesk"
	version = "0.1.0"
)

//go:embed Icon.png
var icon []byte

func main() {
	attachConsole()
	cli.Version = version
	if cli.Main(os.Args[1:]) {
		return
	}
	fs := flag.NewFlagSet("frontdesk", flag.ExitOnError)
	dbPath := fs.String("db", "", "database file (default: "+sqlite.DefaultPath()+")")
	withDemo := fs.Bool("demo", false, "fill an empty database with a demo property (never touches one with data)")
	uiLang := fs.String("lang", "", "interface language: en or id (default: the system's)")
	region := fs.String("region", "ID", "country for phone numbers typed without a country code (ISO 3166 code)")
	keep := fs.Int("keep-backups", backup.DefaultKeep, "automatic backups of each kind (shift change, daily) kept in the backups folder beside the database")
	serverURL := fs.String("server", "", "work as a desk of the Frontdesk server at this address (https://HOST:PORT); remembered")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() { usage(fs) }
	fs.Parse(os.Args[1:])
	limitMemory()
	if *showVersion {
		fmt.Println("frontdesk", version)
		return
	}
	if fs.NArg() > 0 { // "frontdesk help", a misspelt command: say so rather than open a window
		fmt.Fprintf(os.Stderr, "frontdesk: %q is not a command.\n\n", fs.Arg(0))
		usage(fs)
		os.Exit(2)
	}
	if err := checkDisplay(); err != nil {
		fmt.Fprintln(os.Stderr, "frontdesk:", err)
		os.Exit(1)
	}
	if err := runDesk(*dbPath, *serverURL, *withDemo, *uiLang, *region, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "frontdesk:", err)
		os.Exit(1)
	}
}

func usage(fs *flag.FlagSet) {
	fmt.Fprintf(fs.Output(), "Frontdesk %s — guest profiles and requests for the front desk.\n\n", version)
	fmt.Fprintf(fs.Output(), "Usage:\n  frontdesk [flags]    open the Frontdesk window\n")
	cli.Usage(fs.Output())
	fmt.Fprintf(fs.Output(), "\nRun `frontdesk COMMAND -h` for a command's flags.\n\nWindow flags:\n")
	fs.PrintDefaults()
}

func run(dbPath string, withDemo bool, uiLang, region string, keep int) error {
	if dbPath == "" {
		var err error
		if dbPath, err = sqlite.PrepareDefaultPath(); err != nil {
			return err
		}
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, dbPath, sqlite.Options{PhoneRegion: region, CheckLater: true, KeepBackups: keep})
	if err != nil {
		w := newWindow(uiLang)
		app.ShowRecovery(w, app.Recovery{Path: dbPath, Err: err, Damaged: sqlite.IsDamaged(err), Files: sqlite.BackupFiles{}})
		w.ShowAndRun()
		return err
	}
	defer store.Close()
	if withDemo {
		n, err := demo.Fill(ctx, store, time.Now())
		if err != nil {
			return err
		}
		if n > 0 {
			log.Printf("demo: created %d guests in %s", n, dbPath)
		}
	}
	stop := startBackground(store, dbPath, keep)
	defer stop()
	w := newWindow(uiLang)
	ui := app.Create(w, services.Of(store))
	defer ui.Close() // first: the window's clock stops, then the background work, then the store
	go func() {
		warmToday(ctx, store)
		checkInBackground(ctx, store, dbPath, w, func() { ui.Close(); stop() })
	}()
	go releaseMemory(ctx)
	w.ShowAndRun()
	return nil
}

// startBackground starts what runs for the property whether or not anyone is signed in:
// the escalation sweep, the automatic preparation of arrivals and the backup schedule.
// The function returned stops them and waits for them; it must run before the store
// closes, and may run more than once.
func startBackground(store *sqlite.Store, dbPath string, keep int) (stop func()) {
	stopEscalation := escalation.Start(store)
	stopPreparing := anticipation.StartPreparing(store, nil)
	stopBackups := backup.Start(store, dbPath, keep)
	return sync.OnceFunc(func() {
		stopEscalation()
		stopPreparing()
		stopBackups()
	})
}

// warmToday reads the Today board while the agent signs in: the first board reads every
// guest in house or arriving (most of a second at a resort), later ones only the guests
// changed since, so the screen the app opens on after sign-in comes at once.
func warmToday(ctx context.Context, store *sqlite.Store) {
	if _, err := store.WholeBoard(ctx, time.Now()); err != nil {
		log.Printf("today: %v", err)
	}
}

// checkInBackground runs the database's quick check once the window is up (it reads the
// whole file, so it would make start-up grow with the database); a damaged file stops
// what works on the store, closes it and shows the recovery screen, which offers the
// latest good backup.
func checkInBackground(ctx context.Context, store *sqlite.Store, dbPath string, w fyne.Window, stop func()) {
	err := store.QuickCheck(ctx)
	if err == nil || !sqlite.IsDamaged(err) {
		return
	}
	stop() // off the UI goroutine: it waits for a backup in progress
	fyne.Do(func() {
		store.Close()
		app.ShowRecovery(w, app.Recovery{Path: dbPath, Err: err, Damaged: true, Files: sqlite.BackupFiles{}})
	})
}

// newWindow starts the Fyne app in the chosen language and returns its main window.
func newWindow(uiLang string) fyne.Window {
	app.SetLanguage(uiLang)
	a := fyneapp.NewWithID(appID)
	a.Settings().SetTheme(app.Theme())
	a.SetIcon(fyne.NewStaticResource("Icon.png", icon))
	w := a.NewWindow("Frontdesk")
	w.Resize(fyne.NewSize(1280, 720)) // fits a 1366×768 front-desk monitor with its taskbar
	return w
}

// memoryLimit is the memory the Go runtime aims to stay under: the window runs all shift,
// and without a limit the heap may grow to twice what is live before the collector runs
// (BENCHMARKS.md, memory). GOMEMLIMIT overrides it.
const memoryLimit = 192 << 20

func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// heapProfileVariable names a file the window writes a heap profile to every minute, for
// finding what holds its memory (`go tool pprof frontdesk FILE`; BENCHMARKS.md).
const heapProfileVariable = "FRONTDESK_HEAP_PROFILE"

// releaseMemory returns freed memory to the system every minute while the window is open:
// the Go heap's (loading the Today board of a resort allocates a hundred megabytes that
// are garbage a moment later) and the C heap's (SQLite, the graphics driver).
func releaseMemory(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			debug.FreeOSMemory()
			sqlite.ReleaseMemory()
			if path := os.Getenv(heapProfileVariable); path != "" {
				writeHeapProfile(path)
			}
		}
	}
}

// writeHeapProfile writes the live heap to path, replacing it whole.
func writeHeapProfile(path string) {
	f, err := os.CreateTemp(filepath.Dir(path), ".heap-*")
	if err != nil {
		log.Printf("heap profile: %v", err)
		return
	}
	err = pprof.WriteHeapProfile(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		log.Printf("heap profile: %v", err)
	}
}
