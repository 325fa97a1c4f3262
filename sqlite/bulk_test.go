package sqlite

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/scale"
	"frontdesk/staff"
)

// seeded is a database bulk-loaded from a generated property.
type seeded struct {
	s      *Store
	gen    *scale.Generator
	prop   scale.Property
	stored BulkProgress // the last progress reported
}

func seedStore(tb testing.TB, path string, nGuests, nRequests int) *seeded {
	tb.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path, Options{Now: func() time.Time { return testNow }, PhoneRegion: "ID"})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	gen := scale.New(scale.Config{Guests: nGuests, Requests: nRequests, Seed: 7, Now: testNow})
	prop, err := scale.Setup(ctx, s, gen)
	if err != nil {
		tb.Fatal(err)
	}
	sd := &seeded{s: s, gen: gen, prop: prop}
	err = s.BulkLoad(ctx, BulkData{Guests: gen.Guests(500), Requests: gen.Requests(prop, 1000)},
		func(p BulkProgress) { sd.stored = p })
	if err != nil {
		tb.Fatal(err)
	}
	return sd
}

func TestBulkLoadStoresEveryRowWithIndexesTriggersAndReferencesIntact(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bulk.db")
	before := schemaObjects(t, openAt(t, path))
	sd := seedStore(t, path, 800, 3000)
	s := sd.s
	if sd.stored.Stage != StageDone || sd.stored.Guests != 800 || sd.stored.Requests != 3000 {
		t.Fatalf("progress at the end: %+v", sd.stored)
	}
	for table, want := range map[string]int{"guests": 800, "stays": sd.gen.Stays(), "requests": 3000,
		"request_events": sd.stored.Events, "guest_fts": 800, "rooms": len(sd.gen.Rooms())} {
		if got := count(t, s, table); got != want {
			t.Errorf("%s: %d rows, want %d", table, got, want)
		}
	}
	if after := schemaObjects(t, s); !slices.Equal(before, after) {
		t.Errorf("indexes and triggers after the load differ:\nbefore %v\nafter  %v", before, after)
	}
	var problems, marker int
	must(t, s.reader.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&problems))
	must(t, s.reader.QueryRow("SELECT count(*) FROM settings WHERE key = ?", bulkMarker).Scan(&marker))
	if problems != 0 || marker != 0 {
		t.Errorf("%d foreign-key problems, marker left: %d", problems, marker)
	}
	checkTally(t, s)
	var inHouse, indexedInHouse int
	must(t, s.reader.QueryRow("SELECT count(DISTINCT guest_id) FROM stays WHERE status = 'in_house'").Scan(&inHouse))
	must(t, s.reader.QueryRow("SELECT count(*) FROM guest_fts WHERE inhouse = 'y'").Scan(&indexedInHouse))
	if inHouse == 0 || inHouse != indexedInHouse || inHouse != count(t, s, "guest_house_fts") {
		t.Errorf("%d guests in house, %d marked in house in the search index, %d in the in-house index",
			inHouse, indexedInHouse, count(t, s, "guest_house_fts"))
	}
}

// schemaObjects lists the database's indexes and triggers with their definitions.
func schemaObjects(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	rows, err := s.reader.Query("SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY 1")
	must(t, err)
	defer rows.Close()
	for rows.Next() {
		var o string
		must(t, rows.Scan(&o))
		out = append(out, o)
	}
	return out
}

func TestBulkLoadedGuestsAreFoundByNamePhoneLoyaltyAndRoom(t *testing.T) {
	sd := seedStore(t, filepath.Join(t.TempDir(), "bulk.db"), 600, 0)
	ctx := context.Background()
	found := func(text, id string) bool {
		ms, err := sd.s.SearchGuests(ctx, guests.Query{Text: text, Limit: guests.MaxSearchLimit})
		must(t, err)
		return slices.ContainsFunc(ms, func(m guests.Match) bool { return m.ID == id })
	}
	var named, phoned, member, housed bool
	for i := range 600 {
		p := sd.gen.Profile(i)
		if !named && p.GivenName != "" && p.FamilyName != "" {
			named = true
			if !found(p.GivenName+" "+p.FamilyName, p.ID) {
				t.Errorf("%q not found by name", p.FullName())
			}
		}
		if !phoned && p.Phone != "" {
			phoned = true
			if !found(p.Phone, p.ID) {
				t.Errorf("phone %s of %q not found", p.Phone, p.FullName())
			}
		}
		if !member && p.LoyaltyNumber != "" {
			member = true
			if !found(p.LoyaltyNumber, p.ID) {
				t.Errorf("loyalty number %s not found", p.LoyaltyNumber)
			}
		}
		if st := p.CurrentStay(); !housed && st != nil {
			housed = true
			if !found(st.Room, p.ID) {
				t.Errorf("room %s of in-house %q not found", st.Room, p.FullName())
			}
		}
	}
	if !named || !phoned || !member || !housed {
		t.Fatalf("the generated guests lack a kind of search key: name %v phone %v loyalty %v room %v", named, phoned, member, housed)
	}
}

func TestTriggersKeepSearchInStepAfterABulkLoad(t *testing.T) {
	sd := seedStore(t, filepath.Join(t.TempDir(), "bulk.db"), 200, 0)
	ctx := context.Background()
	g := &guests.Guest{GivenName: "Zebulon", FamilyName: "Quartermaine"}
	must(t, sd.s.CreateGuest(ctx, g))
	ms, err := sd.s.SearchGuests(ctx, guests.Query{Text: "zebu quart"})
	must(t, err)
	if len(ms) != 1 || ms[0].ID != g.ID {
		t.Fatalf("a guest created after the load is not found: %+v", ms)
	}
}

func TestBulkLoadRefusesADatabaseThatHoldsGuests(t *testing.T) {
	s := openTest(t)
	must(t, s.CreateGuest(context.Background(), &guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}))
	err := s.BulkLoad(context.Background(), BulkData{}, nil)
	if err == nil {
		t.Fatal("a bulk load into a database with guests was accepted")
	}
	if got := count(t, s, "guests"); got != 1 {
		t.Fatalf("guests after the refusal: %d", got)
	}
}

func TestBulkLoadRefusesAProfileWithoutID(t *testing.T) {
	s := openTest(t)
	batch := []guests.Profile{{Guest: guests.Guest{GivenName: "Ana"}}}
	err := s.BulkLoad(context.Background(), BulkData{Guests: slices.Values([][]guests.Profile{batch})}, nil)
	if err == nil {
		t.Fatal("a profile without an ID was loaded")
	}
	if got := count(t, s, "guests"); got != 0 {
		t.Fatalf("guests after the refusal: %d", got)
	}
}

func TestBulkLoadedRequestsReadBackWithTheirTimelines(t *testing.T) {
	sd := seedStore(t, filepath.Join(t.TempDir(), "bulk.db"), 300, 1500)
	ctx := context.Background()
	counts, err := sd.s.CountRequests(ctx, requests.Filter{})
	must(t, err)
	if counts[requests.ViewHistory] == 0 || counts[requests.ViewOpen] == 0 || counts[requests.ViewHistory]+counts[requests.ViewOpen] != 1500 {
		t.Fatalf("counts %v", counts)
	}
	list, err := sd.s.ListRequests(ctx, requests.Filter{View: requests.ViewHistory, Limit: 5})
	must(t, err)
	if len(list) != 5 {
		t.Fatalf("history page: %d", len(list))
	}
	d, err := sd.s.GetRequest(ctx, list[0].ID)
	must(t, err)
	if len(d.Timeline) < 2 || d.Timeline[0].Action != requests.ActCreate || d.OwnerName == "" || d.CategoryName == "" {
		t.Fatalf("detail %+v", d)
	}
	// The loaded property takes new requests like any other.
	agent := staff.Actor{ID: sd.prop.Staff[0].ID, Name: sd.prop.Staff[0].Name, Role: sd.prop.Staff[0].Role}
	r := &requests.Request{GuestID: d.GuestID, Room: d.Room, Category: "towels", Description: "Two bath towels"}
	must(t, sd.s.CreateRequest(as(agent), r, time.Time{}))
}
