package sqlite

import (
	"context"
	"slices"
	"testing"

	"frontdesk/guests"
)

// searchFixture stores a small, varied set of guests; the returned map goes from a short
// key to the guest's ID.
func searchFixture(t *testing.T, s *Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	ids := map[string]string{}
	add := func(key string, g guests.Guest, room string) {
		must(t, s.CreateGuest(ctx, &g))
		ids[key] = g.ID
		if room != "" {
			must(t, s.AddStay(ctx, &guests.Stay{GuestID: g.ID, Arrival: day(21), Departure: day(26), Room: room, Status: guests.StayInHouse, PartySize: 1}))
		}
	}
	add("jose", guests.Guest{GivenName: "José", FamilyName: "Álvarez", Email: "jose.alvarez@correo.es", Phone: "+34 612 345 678"}, "")
	add("muller", guests.Guest{GivenName: "Jürgen", FamilyName: "Müller", Email: "jm@beispiel.de", LoyaltyNumber: "GLD440011"}, "")
	add("siti", guests.Guest{GivenName: "Siti", FamilyName: "Rahayu", Phone: "0812-3456-7890"}, "1204")
	add("joseph-out", guests.Guest{GivenName: "Joseph", FamilyName: "Smith", Email: "joe.smith@example.com"}, "")
	add("joseph-in", guests.Guest{GivenName: "Josephine", FamilyName: "Smythe"}, "0815")
	add("wang", guests.Guest{GivenName: "小明", FamilyName: "王"}, "")
	return ids
}

func searchIDs(t *testing.T, s *Store, text string) []string {
	t.Helper()
	ms, err := s.SearchGuests(context.Background(), guests.Query{Text: text})
	if err != nil {
		t.Fatalf("search %q: %v", text, err)
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

func TestSearchFindsGuestsHoweverStaffTypeThem(t *testing.T) {
	s := openTest(t)
	ids := searchFixture(t, s)
	cases := []struct {
		name, text string
		want       []string // in order; only these
	}{
		{"accent-insensitive given name, whole word before longer names", "jose", []string{"joseph-in", "jose", "joseph-out"}},
		{"accent-insensitive, whole name", "josé álvarez", []string{"jose"}},
		{"accent-insensitive family prefix", "mull", []string{"muller"}},
		{"typed with accents", "ÁLVA", []string{"jose"}},
		{"two word prefixes", "jo sm", []string{"joseph-in", "joseph-out"}},
		{"e-mail fragment", "joe.smith@exa", []string{"joseph-out"}},
		{"e-mail domain", "beispiel", []string{"muller"}},
		{"phone national with dashes", "0812-3456", []string{"siti"}},
		{"phone international", "+62 812 3456 7890", []string{"siti"}},
		{"phone without trunk zero", "812345", []string{"siti"}},
		{"foreign phone as dialled abroad", "0034 612 345", []string{"jose"}},
		{"loyalty number lower case", "gld4400", []string{"muller"}},
		{"room of current stay", "1204", []string{"siti"}},
		{"room with leading zero", "0815", []string{"joseph-in"}},
		{"chinese script", "王", []string{"wang"}},
		{"nothing", "zzzz", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := searchIDs(t, s, c.text)
			if len(got) != len(c.want) {
				t.Fatalf("got %d results, want %v", len(got), c.want)
			}
			for i, key := range c.want {
				if got[i] != ids[key] {
					t.Fatalf("result %d is not %s", i, key)
				}
			}
		})
	}
}

func TestSearchPutsInHouseGuestsFirst(t *testing.T) {
	s := openTest(t)
	ids := searchFixture(t, s)
	ms, err := s.SearchGuests(context.Background(), guests.Query{Text: "jos"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 3 || ms[0].ID != ids["joseph-in"] || !ms[0].InHouse || ms[0].Stay.Room != "0815" {
		t.Fatalf("first result should be the in-house Josephine: %+v", ms)
	}
	for _, m := range ms[1:] {
		if m.InHouse {
			t.Errorf("%s marked in house", m.FullName())
		}
	}
}

func TestSearchIndexFollowsEdits(t *testing.T) {
	s := openTest(t)
	ids := searchFixture(t, s)
	ctx := context.Background()
	p, err := s.FindGuestByID(ctx, ids["siti"])
	must(t, err)
	p.FamilyName = "Wijaya"
	must(t, s.UpdateGuest(ctx, &p.Guest))
	if got := searchIDs(t, s, "rahayu"); len(got) != 0 {
		t.Errorf("old name still found")
	}
	if got := searchIDs(t, s, "wija"); len(got) != 1 {
		t.Errorf("new name not found")
	}
	stay := p.Stays[0]
	stay.Status = guests.StayDeparted
	must(t, s.UpdateStay(ctx, &stay))
	if got := searchIDs(t, s, "1204"); len(got) != 0 {
		t.Errorf("room still finds a departed guest")
	}
	ms, _ := s.SearchGuests(ctx, guests.Query{Text: "siti"})
	if len(ms) != 1 || ms[0].InHouse || ms[0].Stay.Status != guests.StayDeparted {
		t.Errorf("departed guest: %+v", ms)
	}
}

func TestSearchTreatsQuerySyntaxAsText(t *testing.T) {
	s := openTest(t)
	searchFixture(t, s)
	for _, text := range []string{`"`, `jose"`, `AND`, `NEAR(`, `*`, `-smith`, `(((`, `{name}:x`, `OR NOT`, `^`, `''`} {
		if _, err := s.SearchGuests(context.Background(), guests.Query{Text: text}); err != nil {
			t.Errorf("search %q: %v", text, err)
		}
	}
	if got := searchIDs(t, s, `"smith"`); len(got) != 1 {
		t.Errorf("quoted word: %d results", len(got))
	}
}

func TestSearchReturnsAPageNotTheTable(t *testing.T) {
	s := openTest(t)
	ps := make([]guests.Profile, 120)
	for i := range ps {
		ps[i] = guests.Profile{Guest: guests.Guest{GivenName: "Maria", FamilyName: "Garcia"}}
	}
	_, err := s.ImportProfiles(context.Background(), ps)
	must(t, err)
	ms, err := s.SearchGuests(context.Background(), guests.Query{Text: "mar", Limit: 30})
	if err != nil || len(ms) != 30 {
		t.Fatalf("got %d results, %v", len(ms), err)
	}
	if got := searchIDs(t, s, "garc"); len(got) != guests.DefaultSearchLimit {
		t.Fatalf("default page: %d", len(got))
	}
}

// A caller reading out the end of their number, or a caller-ID display showing only the
// last digits, finds the guest; too few last digits find nothing rather than everyone.
func TestSearchFindsAPhoneByItsLastDigits(t *testing.T) {
	s := openTest(t)
	ids := searchFixture(t, s)
	for text, want := range map[string][]string{
		"7890":         {"siti"},
		"456 7890":     {"siti"},
		"345 678":      {"jose"},
		"890":          nil,
		"0812-3456":    {"siti"},
		"12 3456 7890": {"siti"},
	} {
		got := searchIDs(t, s, text)
		var names []string
		for _, id := range got {
			for k, v := range ids {
				if v == id {
					names = append(names, k)
				}
			}
		}
		if !slices.Equal(names, want) {
			t.Errorf("%q found %v, want %v", text, names, want)
		}
	}
}

// A database from before 0012 gets the last-digit forms of its stored phones on upgrade.
func TestStoredPhonesAreFoundByTheirLastDigitsAfterTheUpgrade(t *testing.T) {
	path, db := schemaAt(t, 11)
	_, err := db.Exec(`INSERT INTO guests (id, given_name, family_name, phone, phone_search, created_at, updated_at)
		VALUES ('g1', 'Siti', 'Rahayu', '+6281234567890', '6281234567890 81234567890 081234567890', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z')`)
	must(t, err)
	db.Close()
	s := openAt(t, path)
	if got := searchIDs(t, s, "4567 890"); len(got) != 1 || got[0] != "g1" {
		t.Fatalf("after the upgrade the last digits find %v", got)
	}
}
