package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"frontdesk/backup"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/handover"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
)

// The versions of one guest's contact details, each made of words found nowhere else,
// so that any copy of any version is found by a byte search (lower case, as the search
// index keeps words).
var (
	historyEmails = []string{"marmoset.ridge@zephyrmail.example", "ocelot.harbor@zephyrmail.example",
		"pangolin.vista@zephyrmail.example", "quokka.summit@zephyrmail.example"}
	historyPhones = []string{"+62 812 3958 2746", "+62 813 7405 1938", "+62 811 2649 5713", "+62 815 8301 4629"}
)

// everyValue is every value the guest of giveHistory ever had, with the tail of each
// word that the search index could keep behind a shared prefix.
func everyValue() []string {
	vals := []string{"xenia", "quartermaine", "termaine", "qx9931753", "9931753", "zephyrmail", "phyrmail", "zanzibar",
		"tamarillo", "marillo", "marmalade", "kumquat", "hazelnut", "ptarmigan", "wombat"}
	for _, e := range historyEmails {
		local, _, _ := strings.Cut(e, "@")
		first, second, _ := strings.Cut(local, ".")
		vals = append(vals, local, first, second, first[2:])
	}
	for _, p := range historyPhones {
		digits := strings.ReplaceAll(p[4:], " ", "")
		reversed := []byte(digits)
		slices.Reverse(reversed)
		vals = append(vals, digits, digits[len(digits)-6:], string(reversed), string(reversed[len(reversed)-6:]))
	}
	return vals
}

// giveHistory stores a guest and changes them as a desk does over the years: the e-mail
// and phone edited three times, preferences added and removed, a duplicate merged in by
// an import, requests logged and closed with the guest (one not satisfied, so a recovery
// keeps what the guest said), an alert, an occasion and a logbook note.
func giveHistory(t *testing.T, d *desk) *guests.Guest {
	t.Helper()
	ctx := as(d.dewi)
	g := &guests.Guest{GivenName: "Xenia", FamilyName: "Quartermaine", Email: historyEmails[0], Phone: historyPhones[0],
		LoyaltyNumber: "QX9931753", Notes: "Prefers the Zanzibar suite", Language: "en"}
	must(t, d.s.CreateGuest(ctx, g))
	for i := 1; i < len(historyEmails); i++ {
		g.Email, g.Phone = historyEmails[i], historyPhones[i]
		must(t, d.s.UpdateGuest(ctx, g))
	}
	gone := &guests.Preference{GuestID: g.ID, Category: guests.PrefFood, Text: "Marmalade at breakfast"}
	must(t, d.s.AddPreference(ctx, gone))
	must(t, d.s.AddPreference(ctx, &guests.Preference{GuestID: g.ID, Category: guests.PrefFood, Text: "Kumquat jam"}))
	must(t, d.s.RemoveItem(ctx, guests.ItemPreference, g.ID, gone.ID))
	must(t, d.s.AddAlert(ctx, &guests.Alert{GuestID: g.ID, Kind: guests.AlertAllergy, Text: "Severe hazelnut allergy"}))
	must(t, d.s.AddOccasion(ctx, &guests.Occasion{GuestID: g.ID, Kind: guests.OccasionCustom, Label: "Kumquat festival", Month: 3, Day: 14}))
	rep, err := d.s.ImportGuestsCSV(manager(), strings.NewReader("Name,Loyalty number,Notes,Arrival,Departure,Room,Status\n"+
		"Xenia Quartermaine,QX9931753,Tamarillo juice at turndown,2026-10-01,2026-10-03,1315,departed\n"), guests.ImportOptions{})
	must(t, err)
	if rep.Merged != 1 {
		t.Fatalf("the import did not merge the duplicate: %+v", rep)
	}
	r := d.log(t, d.dewi, g, "1204", "maintenance", "Ptarmigan painting fell")
	d.act(t, d.agus, r.ID, requests.Action{Kind: requests.ActDone})
	d.act(t, d.dewi, r.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 5,
		Reason: "Ptarmigan frame rehung for Ms Quartermaine"})
	// Not satisfied: a recovery request keeps what the guest said.
	r = d.log(t, d.dewi, g, "1204", "maintenance", "Wombat tour tickets")
	d.act(t, d.agus, r.ID, requests.Action{Kind: requests.ActDone})
	d.act(t, d.dewi, r.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: 2,
		Reason: "Quartermaine says the Wombat tour was cancelled twice"})
	must(t, d.s.AddNote(ctx, &handover.Note{Text: "Ms Quartermaine will call about the Wombat tour", GuestID: g.ID}))
	return g
}

// lowerBytes is the database file and its write-ahead log, in lower case.
func lowerBytes(t *testing.T, paths ...string) []byte {
	t.Helper()
	var all []byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		all = append(all, bytes.ToLower(b)...)
	}
	return all
}

// around is where value first occurs in b, with the bytes on either side, quoted: what a
// failure needs to tell a left-over copy from a coincidence in binary data.
func around(b []byte, value string) string {
	i := bytes.Index(b, []byte(strings.ToLower(value)))
	if i < 0 {
		return ""
	}
	return fmt.Sprintf("offset %d: %q", i, b[max(0, i-48):min(len(b), i+len(value)+48)])
}

// found returns the values that occur in b.
func found(b []byte, values []string) []string {
	var out []string
	for _, v := range values {
		if bytes.Contains(b, []byte(strings.ToLower(v))) {
			out = append(out, v)
		}
	}
	return out
}

// checkpoint moves the log into the file, so that the file alone shows what it holds.
func checkpoint(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.writer.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
}

// checkIntact runs SQLite's and both search indexes' integrity checks.
func checkIntact(t *testing.T, s *Store) {
	t.Helper()
	var res string
	must(t, s.writer.QueryRow("PRAGMA integrity_check").Scan(&res))
	if res != "ok" {
		t.Errorf("integrity_check: %s", res)
	}
	for _, fts := range []string{"guest_fts", "guest_house_fts"} {
		if _, err := s.writer.Exec("INSERT INTO " + fts + "(" + fts + ") VALUES ('integrity-check')"); err != nil {
			t.Errorf("%s: %v", fts, err)
		}
	}
}

// newDeskAt is newDesk on a store opened by open at path.
func newDeskAt(t *testing.T, path string, open func(path string, now func() time.Time) *Store) *desk {
	t.Helper()
	d := &desk{now: testNow}
	s := open(path, func() time.Time { return d.now })
	d.s = s
	must(t, s.CreateFirstAdministrator(context.Background(), &staff.Staff{Name: "Wayan Sudarma"}, "1357"))
	d.rina = d.staff(t, "Rina Kusuma", staff.RoleShiftManager)
	d.dewi = d.staff(t, "Dewi Lestari", staff.RoleAgent)
	d.agus = d.staff(t, "Agus Pratama", staff.RoleAgent)
	on, _, _, _, err := s.OnShift(context.Background(), d.now)
	must(t, err)
	must(t, s.SetRoster(manager(), property.DayOf(d.now), on, []property.RosterEntry{{StaffID: d.rina.ID, Manager: true}, {StaffID: d.dewi.ID}}))
	for _, n := range []string{"1204", "1315"} {
		must(t, s.SaveRoom(manager(), &property.Room{Number: n, Floor: 12}))
	}
	return d
}

// openCurrent opens path as this Frontdesk does.
func openCurrent(t *testing.T) func(string, func() time.Time) *Store {
	return func(path string, now func() time.Time) *Store {
		s, err := Open(context.Background(), path, Options{Now: now, PhoneRegion: "ID"})
		must(t, err)
		t.Cleanup(func() { s.Close() })
		return s
	}
}

// openAsBefore opens path as the Frontdesk before migration 0018 did: the schema up to
// 0017 and a writer that leaves what it frees in place.
func openAsBefore(t *testing.T) func(string, func() time.Time) *Store {
	return func(path string, now func() time.Time) *Store {
		params := strings.Replace(writerParams, "&_secure_delete=ON", "", 1)
		if params == writerParams {
			t.Fatal("the writer's parameters no longer say _secure_delete=ON")
		}
		must(t, createPrivate(path))
		s := &Store{path: path, now: now, region: "ID", busy: defaultBusyTimeout, board: newBoardCache(), keep: backup.DefaultKeep}
		var err error
		s.writer, err = openPool(path, params, 1, s.busy)
		must(t, err)
		migrateTo(t, s.writer, 17)
		// Today's statements write the old file, and they name the guest's (0020) and the
		// stay's (0022) version.
		tx, err := s.writer.Begin()
		must(t, err)
		must(t, addVersion(context.Background(), tx, "guests"))
		must(t, addVersion(context.Background(), tx, "stays"))
		must(t, tx.Commit())
		must(t, s.seedDefaults(context.Background()))
		s.reader, err = openPool(path, readerParams, 2, s.busy)
		must(t, err)
		t.Cleanup(func() { s.Close() })
		return s
	}
}

// A guest with years of history is erased, and no version of anything they ever had is
// left in the database file, its log, or a backup made afterwards — in a file made new
// and in one written by the Frontdesk before 0018, which left old versions everywhere.
func TestErasureLeavesNoVersionOfAGuestWithHistory(t *testing.T) {
	for _, tc := range []struct {
		name   string
		before bool // the file was written before 0018
	}{{"new file", false}, {"file written before 0018", true}} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "fd.db")
			open := openCurrent(t)
			if tc.before {
				open = openAsBefore(t)
			}
			d := newDeskAt(t, path, open)
			g := giveHistory(t, d)
			checkpoint(t, d.s)
			stale := found(lowerBytes(t, path), []string{"marmoset", "ocelot", "pangolin", "81239582746", "81374051938"})
			if tc.before {
				if len(stale) == 0 {
					t.Fatal("the old Frontdesk's file shows no earlier version: the test proves nothing")
				}
				must(t, d.s.Close())
				d.s = openCurrent(t)(path, func() time.Time { return d.now })
			} else if len(stale) > 0 {
				t.Errorf("updates left earlier versions in a new file: %v", stale)
			}
			if !bytes.Contains(lowerBytes(t, path), []byte("quartermaine")) {
				t.Fatal("the test cannot see the guest in the file before erasure")
			}
			plan, err := d.s.PlanErasure(as(d.rina), g.ID)
			must(t, err)
			// The history merges a duplicate through an import, which leaves the file to
			// compact (the import writes the index without secure-delete), new or old.
			if !plan.Compaction {
				t.Errorf("no compaction planned after an import merged the guest")
			}
			must(t, d.s.EraseGuest(as(d.rina), g.ID))
			dest := filepath.Join(t.TempDir(), "after.db")
			_, err = d.s.Backup(context.Background(), dest)
			must(t, err)
			for _, f := range []string{path, path + "-wal", dest} {
				if left := found(lowerBytes(t, f), everyValue()); len(left) > 0 {
					t.Errorf("after erasure %s still holds %v: %s", filepath.Base(f), left, around(lowerBytes(t, f), left[0]))
				}
			}
			if compacted, err := d.s.PrivacyCompacted(context.Background()); err != nil || !compacted {
				t.Errorf("compaction not recorded: %v %v", compacted, err)
			}
			checkIntact(t, d.s)
			for _, q := range []string{"quartermaine", "quokka", "QX9931753"} {
				if got := searchIDs(t, d.s, q); len(got) != 0 {
					t.Errorf("search %q finds the erased guest", q)
				}
			}
		})
	}
}

// Search still finds the other guests after a compaction (rowids survive VACUUM).
func TestCompactionKeepsSearchWorking(t *testing.T) {
	d := newDesk(t)
	g := giveHistory(t, d)
	must(t, d.s.CompactForPrivacy(context.Background()))
	if got := searchIDs(t, d.s, "rahayu"); len(got) != 1 || got[0] != d.siti.ID {
		t.Errorf("search for Siti after compaction: %v", got)
	}
	if got := searchIDs(t, d.s, "quokka"); len(got) != 1 || got[0] != g.ID {
		t.Errorf("search for the guest's e-mail after compaction: %v", got)
	}
	checkIntact(t, d.s)
}

// While another desk reads an old snapshot the log cannot be emptied: the erasure says
// the copy remains instead of reporting success, and erasing again once the reader is
// done removes it and succeeds.
func TestAnErasureDoesNotClaimSuccessWhileTheLogHoldsACopy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fd.db")
	s, err := Open(context.Background(), path, Options{Now: func() time.Time { return testNow }, BusyTimeout: 300 * time.Millisecond})
	must(t, err)
	defer s.Close()
	g := xenia
	must(t, s.CreateGuest(context.Background(), &g))
	reader, err := s.reader.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	must(t, err)
	var n int
	must(t, reader.QueryRow("SELECT count(*) FROM guests").Scan(&n))
	err = s.EraseGuest(manager(), g.ID)
	if !errors.Is(err, guests.ErrCopyInLog) || errs.CodeOf(err) != errs.Unavailable || err.Error() != guests.MsgErasedCopyInLog {
		t.Fatalf("erasure with a reader on an old snapshot: %v", err)
	}
	p, err := s.FindGuestByID(context.Background(), g.ID)
	must(t, err)
	if !p.IsErased() {
		t.Fatal("the guest's rows were not erased")
	}
	must(t, reader.Rollback())
	must(t, s.EraseGuest(manager(), g.ID))
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() != 0 {
		t.Errorf("the log holds %d bytes after the erasure", st.Size())
	}
	if left := found(lowerBytes(t, path, path+"-wal"), []string{"quartermaine", "zanzibar"}); len(left) > 0 {
		t.Errorf("still in the file: %v", left)
	}
	if c := count(t, s, "audit_log WHERE action = 'erase' AND guest_id = '"+g.ID+"'"); c != 1 {
		t.Errorf("%d erase entries in the audit log; erasing again only removes copies", c)
	}
}

// Backups made before the erasure hold the guest until they rotate out, unless the
// guest is erased from them too: each then holds no version of the guest and passes the
// backup check, and a backup that never held the guest is left as it was.
func TestAGuestIsErasedFromTheKeptBackups(t *testing.T) {
	d := newDesk(t)
	path := d.s.Path()
	early, _, err := backup.Take(context.Background(), d.s, path, backup.KindDaily, testNow.Add(-48*time.Hour), 7)
	must(t, err)
	earlyBytes, err := os.ReadFile(early.Path)
	must(t, err)
	g := giveHistory(t, d)
	held, _, err := backup.Take(context.Background(), d.s, path, backup.KindShift, testNow.Add(-time.Hour), 7)
	must(t, err)
	must(t, d.s.EraseGuest(as(d.rina), g.ID))
	plan, err := d.s.PlanErasure(as(d.rina), g.ID)
	must(t, err)
	if plan.Backups != 1 || plan.BackupDir != backup.DirFor(path) || plan.KeepBackups != backup.DefaultKeep {
		t.Fatalf("plan %+v", plan)
	}
	if _, err := d.s.EraseGuestFromBackups(as(d.dewi), g.ID, nil); errs.CodeOf(err) != errs.Invalid {
		t.Fatalf("an agent erased from backups: %v", err)
	}
	var calls [][2]int
	res, err := d.s.EraseGuestFromBackups(as(d.rina), g.ID, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	must(t, err)
	if res.Erased != 1 || res.Checked != 2 || len(calls) != 2 || calls[1] != [2]int{2, 2} {
		t.Fatalf("result %+v, progress %v", res, calls)
	}
	if left := found(lowerBytes(t, held.Path), everyValue()); len(left) > 0 {
		t.Errorf("the backup still holds %v", left)
	}
	if _, err := VerifyBackup(context.Background(), held.Path); err != nil {
		t.Errorf("the erased backup fails its check: %v", err)
	}
	if after, _ := os.ReadFile(early.Path); !bytes.Equal(after, earlyBytes) {
		t.Error("a backup that never held the guest was rewritten")
	}
	entries, _ := os.ReadDir(backup.DirFor(path))
	if len(entries) != 2 {
		t.Errorf("the backup folder holds %d files, want the 2 backups alone", len(entries))
	}
	if plan, _ = d.s.PlanErasure(as(d.rina), g.ID); plan.Backups != 0 {
		t.Errorf("backups still holding the guest: %d", plan.Backups)
	}
	if c := count(t, d.s, "audit_log WHERE action = 'erase from backups' AND guest_id = '"+g.ID+"'"); c != 1 {
		t.Errorf("%d audit entries for the backups' erasure", c)
	}
}

// A backup's guest is erased even when they were in house when it was taken.
func TestABackupsGuestInHouseIsErasedFromIt(t *testing.T) {
	d := newDesk(t)
	must(t, d.s.AddStay(context.Background(), &guests.Stay{GuestID: d.siti.ID, Arrival: day(22), Departure: day(25),
		Room: "1204", Status: guests.StayInHouse, PartySize: 1}))
	dest := filepath.Join(t.TempDir(), "fd-20261122T080000Z-daily.db")
	_, err := d.s.Backup(context.Background(), dest)
	must(t, err)
	if held, err := BackupHolds(context.Background(), dest, d.siti.ID); err != nil || !held {
		t.Fatalf("holds: %v %v", held, err)
	}
	must(t, EraseGuestFromBackup(as(d.rina), dest, d.siti.ID))
	if left := found(lowerBytes(t, dest), []string{"rahayu"}); len(left) > 0 {
		t.Errorf("the backup still holds %v", left)
	}
	if held, err := BackupHolds(context.Background(), dest, d.siti.ID); err != nil || held {
		t.Errorf("holds after: %v %v", held, err)
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(dest + suffix); err == nil {
			t.Errorf("%s left beside the backup", suffix)
		}
	}
}
