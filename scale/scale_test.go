package scale

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"testing"
	"time"

	"frontdesk/escalation"
	"frontdesk/guests"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// testProperty is the staff, standards and rules Setup would read back from a new
// database, with made-up staff IDs.
func testProperty(g *Generator) Property {
	var people []staff.Staff
	for i, m := range castFor(len(g.rooms)) {
		st := staff.Staff{ID: fmt.Sprintf("staff-%d", i), Name: m.name, Role: m.role, Active: true}
		if m.dept != "" {
			st.Departments = []string{m.dept}
		}
		people = append(people, st)
	}
	return Property{Staff: people, Categories: standards.DefaultCategories(), Departments: standards.DefaultDepartments(),
		Rules: escalation.DefaultRules()}
}

// digest hashes everything generated, so two runs can be compared byte for byte.
func digest(t *testing.T, cfg Config) string {
	t.Helper()
	g := New(cfg)
	h := sha256.New()
	for batch := range g.Guests(97) {
		fmt.Fprintf(h, "%+v", batch)
	}
	for batch := range g.Requests(testProperty(g), 101) {
		fmt.Fprintf(h, "%+v", batch)
	}
	fmt.Fprintf(h, "%+v", g.Rooms())
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestTheSameSeedGivesTheSameDataAndAnotherSeedDoesNot(t *testing.T) {
	cfg := Config{Guests: 1500, Requests: 4000, Seed: 3, Now: testNow}
	a, b := digest(t, cfg), digest(t, cfg)
	if a != b {
		t.Fatal("two runs with the same seed differ")
	}
	cfg.Seed = 4
	if digest(t, cfg) == a {
		t.Fatal("another seed gave the same data")
	}
}

func TestProfileOfOneGuestEqualsItsPlaceInTheStream(t *testing.T) {
	g := New(Config{Guests: 300, Seed: 9, Now: testNow})
	var all []guests.Profile
	for batch := range g.Guests(64) {
		all = append(all, batch...)
	}
	if len(all) != 300 {
		t.Fatalf("%d profiles, want 300", len(all))
	}
	for _, i := range []int{0, 63, 64, 299} {
		if p := g.Profile(i); fmt.Sprintf("%+v", p) != fmt.Sprintf("%+v", all[i]) || p.ID != g.GuestID(i) {
			t.Errorf("profile %d differs from the stream", i)
		}
	}
}

func TestGeneratedProfilesAreValidAndVaried(t *testing.T) {
	g := New(Config{Guests: 3000, Seed: 1, Now: testNow})
	ids := map[string]bool{}
	loyalty := map[string]bool{}
	var native, accented, phones, inHouse int
	for batch := range g.Guests(500) {
		for _, p := range batch {
			if err := p.Normalize("ID").Err(); err != nil {
				t.Fatalf("%s: %v", p.FullName(), err)
			}
			if ids[p.ID] || p.LoyaltyNumber != "" && loyalty[p.LoyaltyNumber] {
				t.Fatalf("duplicate ID or loyalty number: %s %s", p.ID, p.LoyaltyNumber)
			}
			ids[p.ID], loyalty[p.LoyaltyNumber] = true, true
			if hasRuneAbove(p.FullName(), 0x2FF) {
				native++
			} else if hasRuneAbove(p.FullName(), 0x7F) {
				accented++
			}
			if p.Phone != "" {
				phones++
			}
			if p.CurrentStay() != nil {
				inHouse++
			}
		}
	}
	if native < 60 || accented < 60 || phones < 2000 || inHouse == 0 {
		t.Errorf("native-script names %d, accented %d, phones %d, in house %d", native, accented, phones, inHouse)
	}
}

func hasRuneAbove(s string, limit rune) bool {
	return slices.ContainsFunc([]rune(s), func(r rune) bool { return r > limit })
}

func TestEveryDrawnPhoneIsValid(t *testing.T) {
	pp := newPhonePlans()
	r := newRNG(1, 99, 0)
	for region := range pp.plans {
		for range 2000 {
			if n := pp.draw(r, region); !valid(n, region) {
				t.Fatalf("%s: drew %s, which the numbering library rejects", region, n)
			}
		}
	}
}

func TestNoTwoStaysShareARoomOnTheSameNight(t *testing.T) {
	g := New(Config{Guests: 4000, Seed: 2, Now: testNow})
	byRoom := map[uint16][]slot{}
	for _, s := range g.slots {
		byRoom[s.room] = append(byRoom[s.room], s)
	}
	for room, ss := range byRoom {
		for i := 1; i < len(ss); i++ {
			if ss[i].arrival < ss[i-1].arrival+int32(ss[i-1].nights) {
				t.Fatalf("room %s: a stay arrives on day %d before the previous leaves", g.rooms[room].Number, ss[i].arrival)
			}
		}
	}
	for _, s := range g.slots {
		if s.status == stInHouse && g.rooms[s.room].Status != property.RoomOccupied {
			t.Fatalf("room %s has a guest in house but is not occupied", g.rooms[s.room].Number)
		}
	}
}

func TestRequestsFollowTheLifecycleUpToNow(t *testing.T) {
	g := New(Config{Guests: 2000, Requests: 6000, Seed: 5, Now: testNow})
	statuses := map[requests.Status]int{}
	n := 0
	for batch := range g.Requests(testProperty(g), 1000) {
		for _, d := range batch {
			n++
			statuses[d.Status]++
			checkTimeline(t, d)
		}
	}
	if n != 6000 {
		t.Fatalf("%d requests, want 6000", n)
	}
	for _, st := range []requests.Status{requests.StatusClosed, requests.StatusCancelled, requests.StatusDone, requests.StatusNew} {
		if statuses[st] == 0 {
			t.Errorf("no request is %s: %v", st, statuses)
		}
	}
	if statuses[requests.StatusClosed] < 5000 {
		t.Errorf("most requests should be closed: %v", statuses)
	}
}

// checkTimeline checks one request: its timeline starts with its creation, runs forward
// in time, never after now, and ends in the request's status.
func checkTimeline(t *testing.T, d requests.Detail) {
	t.Helper()
	tl := d.Timeline
	if len(tl) == 0 || tl[0].Action != actCreate || !tl[0].At.Equal(d.CreatedAt) {
		t.Fatalf("request %s: timeline does not start with its creation: %+v", d.ID, tl)
	}
	for i, e := range tl {
		if e.At.After(testNow) || i > 0 && e.At.Before(tl[i-1].At) {
			t.Fatalf("request %s: event %d at %v is out of order or in the future", d.ID, i, e.At)
		}
	}
	if last := tl[len(tl)-1]; last.To != d.Status {
		t.Fatalf("request %s: timeline ends in %s, request is %s", d.ID, last.To, d.Status)
	}
	if d.Recovery && d.RecoveryOf != "" || d.GuestID == "" && d.Room == "" {
		t.Fatalf("request %s: inconsistent %+v", d.ID, d.Request)
	}
}

func TestSmallPropertiesHaveSmallerTeamsButEveryDepartment(t *testing.T) {
	small, large := castFor(minRooms), castFor(maxRooms)
	if len(small) >= len(large) || len(large) != len(cast) {
		t.Fatalf("staff: small %d, large %d, cast %d", len(small), len(large), len(cast))
	}
	for _, team := range teams {
		if !slices.ContainsFunc(small, func(m staffMember) bool { return m.dept == team.dept }) {
			t.Errorf("a small property has nobody in %s", team.dept)
		}
	}
}
