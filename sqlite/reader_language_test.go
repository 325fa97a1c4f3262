package sqlite

import (
	"context"
	"testing"
	"time"

	"frontdesk/audit"
	"frontdesk/guests"
	"frontdesk/loans"
	"frontdesk/requests"
	"frontdesk/standards"
)

// A database from before 0017 keeps the English Frontdesk wrote into it; the upgrade
// reads it into the facts, so that every desk renders the words in its own language.
func TestTextsFrontdeskWroteAreReadIntoTheirFactsOnUpgrade(t *testing.T) {
	path, db := schemaAt(t, 14)
	at := "2026-11-23T09:30:00.000Z"
	request := func(id, category, dept, desc, recoveryOf, created string) string {
		of := "NULL"
		if recoveryOf != "" {
			of = "'" + recoveryOf + "'"
		}
		return `INSERT INTO requests (id, guest_id, category, department, description, priority, kind, created_by, owner,
			status, open, created_at, promised_at, due_at, recovery_of) VALUES ('` + id + `', 'g1', '` + category + `', '` + dept +
			`', '` + desc + `', 'normal', 'request', 's1', 's1', 'new', 1, '` + created + `', '` + created + `', '` + created + `', ` + of + `)`
	}
	event := func(request, action, note string) string {
		return `INSERT INTO request_events (request_id, at, actor_name, action, to_status, note) VALUES ('` + request +
			`', '` + at + `', 'Dewi Lestari', '` + action + `', 'new', '` + note + `')`
	}
	for _, q := range []string{
		"INSERT INTO departments (code, name) VALUES ('housekeeping', 'Housekeeping'), ('maintenance', 'Maintenance'), ('management', 'Management'), ('front_desk', 'Front desk'), ('food', 'F&B')",
		"INSERT OR IGNORE INTO categories (code, name, department) VALUES ('maintenance', 'Maintenance', 'maintenance'), ('other', 'Other', 'front_desk'), ('arrival_prep', 'Arrival preparation', 'front_desk'), ('service_recovery', 'Service recovery', 'management')",
		"INSERT INTO staff (id, name, role, created_at, updated_at) VALUES ('s1', 'Dewi Lestari', 'agent', '" + at + "', '" + at + "')",
		"INSERT INTO guests (id, given_name, family_name, created_at, updated_at) VALUES ('g1', 'Siti', 'Rahayu', '" + at + "', '" + at + "')",
		request("r1", "maintenance", "maintenance", "AC not cooling", "", at),
		request("r2", "service_recovery", "management", "Guest not satisfied (2/5) with: AC not cooling\nGuest said: still warm", "r1", at),
		request("r3", "service_recovery", "management", "Guest not satisfied (1/5) with: Noise: next door", "r1", at),
		request("r4", "arrival_prep", "front_desk", "Before arrival: Decaf coffee in the room", "", at),
		request("r5", "other", "food", "Birthday 24 Nov: cake and a card", "", at),
		request("r6", "other", "food", "Retirement party 1 Jan: cake and a card", "", "2026-12-31T20:00:00.000Z"),
		request("r7", "other", "food", "A cake and a card: please", "", at),
		"INSERT INTO guest_alerts (id, guest_id, kind, text, created_by, created_at) VALUES ('a1', 'g1', 'complaint', 'Not satisfied (2/5) on 23 Nov 2026: AC not cooling', 'Dewi Lestari', '" + at + "'), ('a2', 'g1', 'complaint', 'Not satisfied with the view', 'Dewi Lestari', '" + at + "')",
		event("r1", "transfer", "housekeeping → maintenance AC filter"),
		event("r1", "transfer", "housekeeping → maintenance"),
		event("r4", "cancel", "Undone at the desk: created by mistake"),
		event("r5", "cancel", "The guest said no cake"),
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	db.Close()
	s := openAt(t, path)
	ctx := context.Background()

	get := func(id string) *requests.Detail {
		d, err := s.GetRequest(ctx, id)
		must(t, err)
		return d
	}
	if r := get("r2"); r.Description != "AC not cooling" || r.RecoveryScore != 2 || r.GuestSaid != "still warm" {
		t.Errorf("recovery with the guest's words: %+v", r.Request)
	}
	if r := get("r3"); r.Description != "Noise: next door" || r.RecoveryScore != 1 || r.GuestSaid != "" {
		t.Errorf("recovery without: %+v", r.Request)
	}
	if r := get("r4"); r.Description != "Decaf coffee in the room" {
		t.Errorf("preparation task: %q", r.Description)
	}
	if r := get("r5"); r.Description != "Birthday" || r.Occasion != string(guests.OccasionBirthday) || !r.OccasionOn.Equal(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("birthday task: %+v", r.Request)
	}
	if r := get("r6"); r.Description != "Retirement party" || r.Occasion != string(guests.OccasionCustom) || !r.OccasionOn.Equal(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("occasion over the new year: %+v", r.Request)
	}
	if r := get("r7"); r.Description != "A cake and a card: please" || r.Occasion != "" {
		t.Errorf("a typed request: %+v", r.Request)
	}
	tl := get("r1").Timeline
	if len(tl) != 2 || tl[0].FromDepartment != "housekeeping" || tl[0].ToDepartment != "maintenance" || tl[0].Note != "AC filter" ||
		tl[0].ToDepartmentName != "Maintenance" || tl[1].ToDepartment != "maintenance" || tl[1].Note != "" {
		t.Errorf("transfers: %+v", tl)
	}
	if e := get("r4").Timeline[0]; !e.Undo || e.Note != "" {
		t.Errorf("undo: %+v", e)
	}
	if e := get("r5").Timeline[0]; e.Undo || e.Note != "The guest said no cake" {
		t.Errorf("a typed cancel: %+v", e)
	}
	p, err := s.FindGuestByID(ctx, "g1")
	must(t, err)
	for _, a := range p.Alerts {
		if a.ID == "a1" && (a.Score != 2 || a.Text != "AC not cooling") || a.ID == "a2" && (a.Score != 0 || a.Text != "Not satisfied with the view") {
			t.Errorf("alert: %+v", a)
		}
	}
	if _, err := s.writer.Exec("UPDATE request_events SET actor_name = 'someone' WHERE request_id = 'r1'"); err == nil {
		t.Error("the timeline is no longer append-only")
	}
}

// What a recovery, a preparation and an occasion task are about is kept as facts, read
// back whole.
func TestRequestsFrontdeskLogsKeepTheirFacts(t *testing.T) {
	d := newDesk(t)
	on := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	r := &requests.Request{GuestID: d.siti.ID, Room: "1204", Category: "other", Department: standards.DeptFood,
		Description: "Birthday", Occasion: string(guests.OccasionBirthday), OccasionOn: on}
	must(t, d.s.CreateRequest(as(d.dewi), r, time.Time{}))
	got, err := d.s.GetRequest(context.Background(), r.ID)
	must(t, err)
	if got.Occasion != "birthday" || !got.OccasionOn.Equal(on) || got.Description != "Birthday" {
		t.Fatalf("occasion task read back: %+v", got.Request)
	}
}

// An audit summary Frontdesk words itself keeps its catalogue text and facts, and its
// English as before; one that is typed is kept as typed.
func TestAuditSummariesKeepTheirWords(t *testing.T) {
	d := newDesk(t)
	must(t, d.s.SaveItem(manager(), &loans.Item{Code: "crib", Name: "Baby crib", Total: 2}))
	must(t, d.s.AddPreference(as(d.dewi), &guests.Preference{GuestID: d.siti.ID, Category: guests.PrefFood, Text: "Decaf"}))
	es, err := d.s.ListAudit(auditor(), audit.Filter{Limit: 10})
	must(t, err)
	var item, pref *audit.Entry
	for i := range es {
		switch es[i].Entity {
		case "item":
			item = &es[i]
		case "preference":
			pref = &es[i]
		}
	}
	if item == nil || item.Summary != "Baby crib, 2 in total" || item.Words == nil || len(item.Words.Parts) != 1 ||
		item.Words.Parts[0].Key != "{{.Name}}, {{.Total}} in total" || item.Words.Parts[0].Args["Name"] != "Baby crib" {
		t.Fatalf("item entry %+v", item)
	}
	if pref == nil || pref.Summary != "Decaf" || pref.Words != nil {
		t.Fatalf("preference entry %+v", pref)
	}
}
