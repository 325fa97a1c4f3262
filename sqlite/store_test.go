package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

func openTest(t *testing.T) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "frontdesk.db"))
}

func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path, Options{Now: func() time.Time { return testNow }, PhoneRegion: "ID"})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func count(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.reader.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestOpenAppliesEveryMigrationOnceFromEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fd.db")
	s := openAt(t, path)
	ms, err := migrations()
	must(t, err)
	if got := count(t, s, "schema_migrations"); got != len(ms) || got == 0 {
		t.Fatalf("applied %d migrations, want %d", got, len(ms))
	}
	s.Close()
	s = openAt(t, path)
	if got := count(t, s, "schema_migrations"); got != len(ms) {
		t.Fatalf("reopening applied migrations again: %d", got)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		t.Errorf("database file is readable by others: %v", st.Mode().Perm())
	}
}

func TestOpenRefusesDatabaseFromNewerFrontdesk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fd.db")
	s := openAt(t, path)
	if _, err := s.writer.Exec("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'x')"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := Open(context.Background(), path, Options{})
	if errs.CodeOf(err) != errs.Unavailable || !strings.Contains(err.Error(), "newer version of Frontdesk") {
		t.Fatalf("got %v", err)
	}
	db, _ := sql.Open("sqlite3", path)
	defer db.Close()
	var v int
	db.QueryRow("SELECT max(version) FROM schema_migrations").Scan(&v)
	if v != 999 {
		t.Fatalf("schema changed to %d", v)
	}
}

func TestOpenRefusesFilesThatAreNotFrontdesk(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	content := []byte("this is a spreadsheet, not a database")
	os.WriteFile(garbage, content, 0o600)
	if _, err := Open(context.Background(), garbage, Options{}); errs.CodeOf(err) != errs.Unavailable {
		t.Fatalf("garbage: got %v", err)
	}
	if got, _ := os.ReadFile(garbage); string(got) != string(content) {
		t.Fatal("garbage file was modified")
	}

	other := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite3", other)
	db.Exec("CREATE TABLE invoices(id INTEGER)")
	db.Close()
	_, err := Open(context.Background(), other, Options{})
	if errs.CodeOf(err) != errs.Unavailable || !strings.Contains(err.Error(), "not a Frontdesk database") {
		t.Fatalf("foreign database: got %v", err)
	}

	_, err = Open(context.Background(), filepath.Join(dir, "missing", "fd.db"), Options{})
	if errs.CodeOf(err) != errs.Unavailable || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("missing folder: got %v", err)
	}
}

func TestGuestRoundTripKeepsEveryPart(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	g := &guests.Guest{Salutation: "Ibu", GivenName: "Siti", FamilyName: "Rahayu", Email: "Siti@Example.co.id",
		Phone: "0812 3456 7890", LoyaltyNumber: "gld100200", Tier: guests.TierGold, VIP: true, Language: "id"}
	if err := s.CreateGuest(ctx, g); err != nil {
		t.Fatal(err)
	}
	must(t, s.AddPreference(ctx, &guests.Preference{GuestID: g.ID, Category: guests.PrefBedding, Text: "Feather-free pillows"}))
	must(t, s.AddAlert(ctx, &guests.Alert{GuestID: g.ID, Kind: guests.AlertAllergy, Text: "Peanuts"}))
	must(t, s.AddOccasion(ctx, &guests.Occasion{GuestID: g.ID, Kind: guests.OccasionBirthday, Month: time.February, Day: 29}))
	must(t, s.AddStay(ctx, &guests.Stay{GuestID: g.ID, Arrival: day(20), Departure: day(25), Room: "1204", Status: guests.StayInHouse, PartySize: 2}))

	p, err := s.FindGuestByID(ctx, g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.Email != "siti@example.co.id" || p.Phone != "+6281234567890" || p.LoyaltyNumber != "GLD100200" || !p.VIP {
		t.Errorf("guest not normalised: %+v", p.Guest)
	}
	if len(p.Preferences) != 1 || p.Preferences[0].RecordedBy != "Front desk" || !p.Preferences[0].RecordedAt.Equal(testNow) {
		t.Errorf("preferences: %+v", p.Preferences)
	}
	if len(p.Alerts) != 1 || len(p.Occasions) != 1 || p.Occasions[0].Day != 29 {
		t.Errorf("alerts %+v occasions %+v", p.Alerts, p.Occasions)
	}
	if cs := p.CurrentStay(); cs == nil || cs.Room != "1204" || !cs.Arrival.Equal(day(20)) {
		t.Errorf("current stay: %+v", cs)
	}
}

func TestInvalidGuestStoresNothing(t *testing.T) {
	s := openTest(t)
	err := s.CreateGuest(context.Background(), &guests.Guest{FamilyName: "Lee", Email: "x@"})
	fs := errs.AsFields(err)
	if fs.For(guests.FieldEmail) == nil {
		t.Fatalf("want an e-mail problem, got %v", err)
	}
	if n := count(t, s, "guests"); n != 0 {
		t.Fatalf("%d guests stored", n)
	}
	if n := count(t, s, "guest_fts"); n != 0 {
		t.Fatalf("%d index rows stored", n)
	}
}

func TestDuplicateLoyaltyNumberNamesTheHolder(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	must(t, s.CreateGuest(ctx, &guests.Guest{GivenName: "Ana", FamilyName: "Silva", LoyaltyNumber: "PLT5555"}))
	err := s.CreateGuest(ctx, &guests.Guest{GivenName: "Bo", FamilyName: "Chen", LoyaltyNumber: "plt5555"})
	fs := errs.AsFields(err)
	if e := fs.For(guests.FieldLoyalty); e == nil || e.Error() != "Loyalty number PLT5555 already belongs to Ana Silva." {
		t.Fatalf("got %v", err)
	}
	if n := count(t, s, "guests"); n != 1 {
		t.Fatalf("%d guests stored", n)
	}
}

func TestUpdateOfMissingGuestIsNotFound(t *testing.T) {
	s := openTest(t)
	err := s.UpdateGuest(context.Background(), &guests.Guest{ID: "nope", FamilyName: "Lee"})
	if errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("got %v", err)
	}
	err = s.AddPreference(context.Background(), &guests.Preference{GuestID: "nope", Category: guests.PrefRoom, Text: "High floor"})
	if errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("preference for missing guest: %v", err)
	}
}

func TestRemoveItem(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	g := &guests.Guest{FamilyName: "Okafor"}
	must(t, s.CreateGuest(ctx, g))
	pr := &guests.Preference{GuestID: g.ID, Category: guests.PrefFood, Text: "Decaf"}
	must(t, s.AddPreference(ctx, pr))
	must(t, s.RemoveItem(ctx, guests.ItemPreference, g.ID, pr.ID))
	if err := s.RemoveItem(ctx, guests.ItemPreference, g.ID, pr.ID); errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("second removal: %v", err)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s := openTest(t)
	ps := []guests.Profile{
		{Guest: guests.Guest{FamilyName: "Good"}, Preferences: []guests.Preference{{Category: guests.PrefRoom, Text: "Quiet"}}},
		{Guest: guests.Guest{FamilyName: "Bad", Email: "nope"}},
	}
	if _, err := s.ImportProfiles(context.Background(), ps); errs.CodeOf(err) != errs.Invalid {
		t.Fatalf("got %v", err)
	}
	if n := count(t, s, "guests"); n != 0 {
		t.Fatalf("%d guests stored after a failed import", n)
	}
	n, err := s.ImportProfiles(context.Background(), ps[:1])
	if err != nil || n != 1 || count(t, s, "guest_preferences") != 1 {
		t.Fatalf("import: %d %v", n, err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func day(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }

// SchemaVersion is the newest schema this program knows.
func SchemaVersion() int {
	ms, _ := migrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// schemaAt is a new database file migrated up to version, as an older Frontdesk left it,
// open on a writer pool of one connection.
func schemaAt(t *testing.T, version int) (path string, db *sql.DB) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "fd.db")
	must(t, createPrivate(path))
	db, err := openPool(path, writerParams, 1, defaultBusyTimeout)
	must(t, err)
	t.Cleanup(func() { db.Close() })
	migrateTo(t, db, version)
	return path, db
}

// migrateTo applies the migrations after the file's version up to version.
func migrateTo(t *testing.T, db *sql.DB, version int) {
	t.Helper()
	var current int
	db.QueryRow("SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&current)
	ms, err := migrations()
	must(t, err)
	for _, m := range ms {
		if m.version > current && m.version <= version {
			must(t, apply(context.Background(), db, m))
		}
	}
}

// auditor is a context of someone who may read the audit log.
func auditor() context.Context {
	return staff.WithActor(context.Background(), staff.Actor{Name: "Auditor", Role: staff.RoleAdministrator})
}
