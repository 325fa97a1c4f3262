package sqlite

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/handover"
	"frontdesk/loans"
	"frontdesk/requests"
)

// The guest whose data is exported and erased: every value is unusual enough that any
// trace of it in the database file is found by a byte search.
var xenia = guests.Guest{GivenName: "Xenia", FamilyName: "Quartermaine", Email: "xenia.quartermaine@mailbox.example",
	Phone: "+44 7911 123456", LoyaltyNumber: "QX99317", Notes: "Quartermaine prefers the Zanzibar suite", Language: "en"}

// secrets are the strings erasure must remove from the file.
var secrets = []string{"Quartermaine", "quartermaine", "QUARTERMAINE", "Xenia", "xenia.quartermaine", "QX99317",
	"447911123456", "Zanzibar", "hazelnut", "Marmalade", "Kumquat", "Ptarmigan"}

// storeXenia gives her a full history: profile parts, a past stay, a request that went
// badly (so a recovery and a complaint alert follow), a loan and a logbook note.
func storeXenia(t *testing.T, d *desk) *guests.Guest {
	t.Helper()
	ctx := as(d.dewi)
	g := xenia
	must(t, d.s.CreateGuest(ctx, &g))
	must(t, d.s.AddAlert(ctx, &guests.Alert{GuestID: g.ID, Kind: guests.AlertAllergy, Text: "Severe hazelnut allergy"}))
	must(t, d.s.AddPreference(ctx, &guests.Preference{GuestID: g.ID, Category: guests.PrefFood, Text: "Marmalade at breakfast"}))
	must(t, d.s.AddOccasion(ctx, &guests.Occasion{GuestID: g.ID, Kind: guests.OccasionCustom, Label: "Kumquat festival", Month: 3, Day: 14}))
	must(t, d.s.AddStay(ctx, &guests.Stay{GuestID: g.ID, Arrival: day(1), Departure: day(4), Room: "1204", Status: guests.StayDeparted, PartySize: 1}))
	r := d.log(t, d.dewi, &g, "1204", "maintenance", "Quartermaine: the Ptarmigan painting fell")
	d.act(t, d.agus, r.ID, requests.Action{Kind: requests.ActDone})
	d.act(t, d.dewi, r.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: 2,
		Reason: "Quartermaine says the Ptarmigan frame is still broken"})
	must(t, d.s.SaveItem(manager(), &loans.Item{Code: "crib", Name: "Baby crib", Total: 2}))
	must(t, d.s.Lend(ctx, &loans.Loan{ItemCode: "crib", Room: "1204", GuestID: g.ID, Qty: 1}))
	must(t, d.s.AddNote(ctx, &handover.Note{Text: "Ms Quartermaine will call about the Ptarmigan painting", GuestID: g.ID}))
	return &g
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	var all []byte
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

func TestAGuestsDataExportHoldsEverythingAndIsAudited(t *testing.T) {
	d := newDesk(t)
	g := storeXenia(t, d)
	if _, err := d.s.ExportGuestData(as(d.dewi), g.ID); errs.CodeOf(err) != errs.Invalid {
		t.Fatalf("an agent exported a guest's data: %v", err)
	}
	x, err := d.s.ExportGuestData(as(d.rina), g.ID)
	must(t, err)
	if x.Format != guests.DataExportFormat || x.ExportedBy != "Rina Kusuma" || x.Guest.FamilyName != "Quartermaine" {
		t.Fatalf("export header %+v", x)
	}
	if len(x.Alerts) != 2 || len(x.Preferences) != 1 || len(x.Occasions) != 1 || len(x.Stays) != 1 || len(x.Loans) != 1 || len(x.Notes) != 1 {
		t.Fatalf("alerts %d, preferences %d, occasions %d, stays %d, loans %d, notes %d",
			len(x.Alerts), len(x.Preferences), len(x.Occasions), len(x.Stays), len(x.Loans), len(x.Notes))
	}
	if len(x.Requests) != 2 || len(x.Requests[0].Timeline) != 3 || x.Requests[0].Timeline[2].Note != "Quartermaine says the Ptarmigan frame is still broken" {
		t.Fatalf("requests %+v", x.Requests)
	}
	if len(x.Changes) == 0 || x.Changes[0].Action != "create" {
		t.Fatalf("changes %+v", x.Changes)
	}
	b, err := json.Marshal(x)
	must(t, err)
	if bytes.Contains(b, []byte("0001-01-01")) {
		t.Errorf("unset times are written out: %s", b)
	}
	if count(t, d.s, "audit_log WHERE action = 'data export' AND guest_id = '"+g.ID+"'") != 1 {
		t.Error("the export is not in the audit log")
	}
}

func TestErasureAnonymisesKeepsStatisticsAndLeavesNoTraceInTheFile(t *testing.T) {
	d := newDesk(t)
	g := storeXenia(t, d)
	path := d.s.Path()
	if _, err := d.s.writer.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(fileBytes(t, path), []byte("Quartermaine")) {
		t.Fatal("the test cannot see the guest in the file before erasure")
	}
	if err := d.s.EraseGuest(as(d.dewi), g.ID); errs.CodeOf(err) != errs.Invalid {
		t.Fatalf("an agent erased a guest: %v", err)
	}
	requestsBefore := count(t, d.s, "requests WHERE guest_id = '"+g.ID+"'")
	must(t, d.s.EraseGuest(as(d.rina), g.ID))

	p, err := d.s.FindGuestByID(context.Background(), g.ID)
	must(t, err)
	if !p.IsErased() || p.Email != "" || p.Phone != "" || p.LoyaltyNumber != "" || p.Notes != "" ||
		len(p.Alerts)+len(p.Preferences)+len(p.Occasions) != 0 || len(p.Stays) != 1 {
		t.Fatalf("after erasure: %+v", p)
	}
	if n := count(t, d.s, "requests WHERE guest_id = '"+g.ID+"' AND score = 2"); n != 1 || count(t, d.s, "requests WHERE guest_id = '"+g.ID+"'") != requestsBefore {
		t.Errorf("request statistics lost: %d with the score", n)
	}
	for _, q := range []string{"quartermaine", "xenia", "QX99317", "07911 123456", "erased"} {
		if got := searchIDs(t, d.s, q); len(got) != 0 {
			t.Errorf("search %q still finds the erased guest", q)
		}
	}
	if count(t, d.s, "audit_log WHERE action = 'erase' AND guest_id = '"+g.ID+"' AND actor_name = 'Rina Kusuma'") != 1 {
		t.Error("the erasure is not in the audit log")
	}
	if count(t, d.s, "audit_log WHERE guest_id = '"+g.ID+"' AND summary <> ''") != 0 {
		t.Error("audit summaries about the guest are left")
	}
	if _, err := d.s.writer.Exec("INSERT INTO guest_fts(guest_fts) VALUES ('integrity-check')"); err != nil {
		t.Fatalf("search index after erasure: %v", err)
	}
	file := fileBytes(t, path)
	for _, s := range secrets {
		if i := bytes.Index(file, []byte(s)); i >= 0 {
			t.Errorf("%q is still in the database file at byte %d", s, i)
		}
	}
}

func TestAGuestInHouseIsNotErasedAndAnErasedOneOnlyCleanedAgain(t *testing.T) {
	d := newDesk(t)
	must(t, d.s.AddStay(context.Background(), &guests.Stay{GuestID: d.siti.ID, Arrival: day(22), Departure: day(25),
		Room: "1204", Status: guests.StayInHouse, PartySize: 1}))
	err := d.s.EraseGuest(as(d.rina), d.siti.ID)
	if errs.CodeOf(err) != errs.Conflict || err.Error() != "Siti Rahayu is in house or expected; erase the profile after the stay, or cancel the stay first." {
		t.Fatalf("in house: %v", err)
	}
	must(t, d.s.EraseGuest(as(d.rina), d.vip.ID))
	if err := d.s.EraseGuest(as(d.rina), d.vip.ID); err != nil {
		t.Fatalf("erasing again, which only removes copies: %v", err)
	}
	if err := d.s.EraseGuest(as(d.rina), "no-such-guest"); errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("unknown guest: %v", err)
	}
}

func TestTheLogsStayAppendOnlyExceptForErasure(t *testing.T) {
	d := newDesk(t)
	r := d.log(t, d.dewi, d.siti, "1204", "towels", "Towels")
	for _, q := range []string{
		"UPDATE audit_log SET summary = 'rewritten' WHERE guest_id <> ''",
		"UPDATE audit_log SET summary = '' WHERE guest_id = ''",
		"UPDATE audit_log SET summary = '', actor_name = 'someone' WHERE guest_id <> ''",
		"UPDATE request_events SET note = 'rewritten'",
		"UPDATE request_events SET note = '', actor_name = 'someone'",
	} {
		if _, err := d.s.writer.Exec(q); err == nil {
			t.Errorf("allowed: %s", q)
		}
	}
	if _, err := d.s.writer.Exec("UPDATE request_events SET note = '' WHERE request_id = ?", r.ID); err != nil {
		t.Errorf("blanking a note about a guest was refused: %v", err)
	}
}
