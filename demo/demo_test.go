package demo_test

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"
	"unicode"

	"github.com/nyaruka/phonenumbers"

	"frontdesk/demo"
	"frontdesk/guests"
	"frontdesk/sqlite"
)

var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func TestGenerateIsDeterministic(t *testing.T) {
	base := demo.Generate(today, 1)
	cases := []struct {
		name  string
		seed  int64
		today time.Time
		same  bool
	}{
		{"same seed and day give identical profiles", 1, today, true},
		{"another seed gives other profiles", 2, today, false},
		{"another day moves the house", 1, today.AddDate(0, 0, 1), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := demo.Generate(c.today, c.seed)
			if reflect.DeepEqual(base, got) != c.same {
				t.Fatalf("DeepEqual = %v, want %v", !c.same, c.same)
			}
		})
	}
}

// Profiles must be stored exactly as generated: valid, and already in the normal form
// Normalize would give them.
func TestEveryProfilePassesValidationUnchanged(t *testing.T) {
	ps, fresh := demo.Generate(today, 1), demo.Generate(today, 1)
	failures := 0
	for i := range ps {
		fs := ps[i].Normalize("ID")
		if len(fs) == 0 && reflect.DeepEqual(ps[i], fresh[i]) {
			continue
		}
		if failures++; failures <= 5 {
			t.Errorf("profile %d (%s): problems %v; changed by Normalize: %v", i, fresh[i].FullName(), fs, len(fs) == 0)
		}
	}
	if failures > 5 {
		t.Errorf("%d profiles fail in all", failures)
	}
}

// house summarises what the front desk sees in the generated data.
type house struct {
	guests, inHouse, arrivalsToday, arrivalsTomorrow    int
	withPrefs, withAlerts, withOccasions, occasionToday int
	native, vip, withEmail, withPhone                   int
	phoneCountries                                      map[string]bool
}

func survey(ps []guests.Profile) house {
	h := house{guests: len(ps), phoneCountries: map[string]bool{}}
	for _, p := range ps {
		h.inHouse += countStays(p, guests.StayInHouse, time.Time{})
		h.arrivalsToday += countStays(p, guests.StayExpected, today)
		h.arrivalsTomorrow += countStays(p, guests.StayExpected, today.AddDate(0, 0, 1))
		h.withPrefs += btoi(len(p.Preferences) > 0)
		h.withAlerts += btoi(len(p.Alerts) > 0)
		h.withOccasions += btoi(len(p.Occasions) > 0)
		h.native += btoi(nativeScript(p.FamilyName + p.GivenName))
		h.vip += btoi(p.VIP)
		h.withEmail += btoi(p.Email != "")
		h.withPhone += btoi(p.Phone != "")
		for _, o := range p.Occasions {
			h.occasionToday += btoi(o.Month == today.Month() && o.Day == today.Day())
		}
		if num, err := phonenumbers.Parse(p.Phone, ""); err == nil {
			h.phoneCountries[phonenumbers.GetRegionCodeForNumber(num)] = true
		}
	}
	return h
}

// countStays counts stays with status, arriving on arrival unless that is zero.
func countStays(p guests.Profile, status guests.StayStatus, arrival time.Time) int {
	n := 0
	for _, s := range p.Stays {
		if s.Status == status && (arrival.IsZero() || s.Arrival.Equal(arrival)) {
			n++
		}
	}
	return n
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func nativeScript(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Cyrillic) {
			return true
		}
	}
	return false
}

func TestGenerateFillsABelievableHouse(t *testing.T) {
	h := survey(demo.Generate(today, 1))
	t.Logf("%+v", h)
	cases := []struct {
		name     string
		got      int
		min, max int
	}{
		{"about two thousand guests", h.guests, 1800, 2200},
		{"a busy house in house", h.inHouse, 150, 220},
		{"arrivals today", h.arrivalsToday, 30, 50},
		{"arrivals tomorrow", h.arrivalsTomorrow, 30, 50},
		{"an occasion today", h.occasionToday, 1, 100},
		{"some names in native script", h.native, 20, 120},
		{"a few VIPs", h.vip, 20, 120},
		{"phones from many countries", len(h.phoneCountries), 6, 100},
		{"most guests give an e-mail", h.withEmail * 100 / h.guests, 80, 90},
		{"most guests give a phone", h.withPhone * 100 / h.guests, 75, 85},
		{"many guests have preferences", h.withPrefs * 100 / h.guests, 33, 47},
		{"some guests have alerts", h.withAlerts * 100 / h.guests, 5, 11},
		{"many guests have occasions", h.withOccasions * 100 / h.guests, 25, 36},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.got < c.min || c.got > c.max {
				t.Fatalf("got %d, want %d..%d", c.got, c.min, c.max)
			}
		})
	}
}

func TestRoomsAreFloorsTwoToThirteen(t *testing.T) {
	rooms := demo.Rooms()
	if len(rooms) != 300 || rooms[0] != "201" || rooms[24] != "225" || rooms[299] != "1325" {
		t.Fatalf("rooms = %d from %s to %s", len(rooms), rooms[0], rooms[len(rooms)-1])
	}
}

func TestNoRoomIsGivenTwice(t *testing.T) {
	valid := demo.Rooms()
	holders := map[string][]string{} // room -> guests in it now or arriving into it
	for _, p := range demo.Generate(today, 1) {
		for _, s := range p.Stays {
			if s.Room != "" && !slices.Contains(valid, s.Room) {
				t.Errorf("%s: room %q is not a room of the property", p.FullName(), s.Room)
			}
			if s.Room != "" && (s.Status == guests.StayInHouse || s.Status == guests.StayExpected) {
				holders[s.Room] = append(holders[s.Room], p.FullName()+" ("+string(s.Status)+")")
			}
		}
	}
	for room, hs := range holders {
		if len(hs) > 1 {
			t.Errorf("room %s is given to %v", room, hs)
		}
	}
}

func TestLoyaltyNumbersAreUniqueAndTiersNeedMembership(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range demo.Generate(today, 1) {
		if p.LoyaltyNumber == "" {
			if p.Tier != guests.TierNone {
				t.Errorf("%s has tier %s without a loyalty number", p.FullName(), p.Tier)
			}
			continue
		}
		if seen[p.LoyaltyNumber] {
			t.Errorf("loyalty number %s is used twice", p.LoyaltyNumber)
		}
		seen[p.LoyaltyNumber] = true
	}
}

func TestStaysAndRecordsFitAroundToday(t *testing.T) {
	for _, p := range demo.Generate(today, 1) {
		if !p.CreatedAt.Before(today) {
			t.Errorf("%s created %v, not before today", p.FullName(), p.CreatedAt)
		}
		for _, a := range p.Alerts {
			if !a.CreatedAt.Before(today) || a.CreatedBy == "" {
				t.Errorf("%s: alert %q by %q at %v", p.FullName(), a.Text, a.CreatedBy, a.CreatedAt)
			}
		}
		for _, pr := range p.Preferences {
			if !pr.RecordedAt.Before(today) || pr.RecordedBy == "" {
				t.Errorf("%s: preference %q by %q at %v", p.FullName(), pr.Text, pr.RecordedBy, pr.RecordedAt)
			}
		}
		for i, s := range p.Stays {
			if i > 0 && s.Arrival.After(p.Stays[i-1].Arrival) {
				t.Errorf("%s: stays are not newest first", p.FullName())
			}
			checkStayDates(t, p, s)
		}
	}
}

func checkStayDates(t *testing.T, p guests.Profile, s guests.Stay) {
	t.Helper()
	switch {
	case s.Status == guests.StayInHouse && (!s.Arrival.Before(today) || s.Departure.Before(today)):
		t.Errorf("%s in house from %v to %v", p.FullName(), s.Arrival, s.Departure)
	case s.Status == guests.StayDeparted && s.Departure.After(today):
		t.Errorf("%s departed in the future: %v", p.FullName(), s.Departure)
	case s.Status == guests.StayExpected && s.Arrival.Before(today):
		t.Errorf("%s expected in the past: %v", p.FullName(), s.Arrival)
	case s.PartySize < 1 || s.PartySize > 4:
		t.Errorf("%s: party of %d", p.FullName(), s.PartySize)
	}
}

func TestImportedDemoIsSearchable(t *testing.T) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), sqlite.Options{})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { store.Close() })
	ps := demo.Generate(today, 1)
	start := time.Now()
	n, err := store.ImportProfiles(ctx, ps)
	if err != nil || n != len(ps) {
		t.Fatalf("import: %d of %d, %v", n, len(ps), err)
	}
	t.Logf("imported %d profiles in %v", n, time.Since(start))
	var guest *guests.Profile
	for i := range ps {
		if ps[i].CurrentStay() != nil && len([]rune(ps[i].FamilyName)) >= 4 {
			guest = &ps[i]
			break
		}
	}
	if guest == nil {
		t.Fatal("no in-house guest with a family name")
	}
	ms, err := store.SearchGuests(ctx, guests.Query{Text: guest.FamilyName})
	if err != nil {
		t.Fatalf("search %q: %v", guest.FamilyName, err)
	}
	for _, m := range ms {
		if m.ID == guest.ID {
			if !m.InHouse || m.Stay == nil || m.Stay.Room != guest.CurrentStay().Room {
				t.Fatalf("found %s but not in house in room %s: %+v", guest.FullName(), guest.CurrentStay().Room, m)
			}
			return
		}
	}
	t.Fatalf("search %q did not find %s among %d results", guest.FamilyName, guest.FullName(), len(ms))
}
