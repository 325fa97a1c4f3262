package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"frontdesk/guests"
	"frontdesk/loans"
	"frontdesk/requests"
	"frontdesk/staff"
)

// benchStore is a store holding n generated guests with realistic name spread.
func benchStore(b *testing.B, n int) *Store {
	b.Helper()
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	given := []string{"Siti", "Budi", "José", "Maria", "Kenji", "Anna", "Wei", "Ahmad", "Olga", "Priya"}
	family := []string{"Rahayu", "Santoso", "Müller", "García", "Watanabe", "Smith", "Chen", "Hakim", "Ivanova", "Sharma"}
	ps := make([]guests.Profile, n)
	for i := range ps {
		ps[i].GivenName = given[i%len(given)]
		ps[i].FamilyName = family[(i/len(given))%len(family)]
		if i%50 == 0 {
			ps[i].Stays = []guests.Stay{{Arrival: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
				Departure: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Room: "R" + string(rune('A'+i%26)), Status: guests.StayInHouse, PartySize: 1}}
		}
	}
	if _, err := s.ImportProfiles(context.Background(), ps); err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkSearchGuests(b *testing.B) {
	s := benchStore(b, 20000)
	ctx := context.Background()
	for _, text := range []string{"mu", "siti rah", "garc", "0812"} {
		b.Run(text, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.SearchGuests(ctx, guests.Query{Text: text}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFindGuestByID(b *testing.B) {
	s := benchStore(b, 2000)
	ms, err := s.SearchGuests(context.Background(), guests.Query{Text: "siti"})
	if err != nil || len(ms) == 0 {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.FindGuestByID(context.Background(), ms[0].ID); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSignIn(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	admin := &staff.Staff{Name: "Wayan"}
	if err := s.CreateFirstAdministrator(context.Background(), admin, "1357"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.SignIn(context.Background(), admin.ID, "1357"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLend(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	mgr := staff.WithActor(context.Background(), staff.Actor{Name: "M", Role: staff.RoleShiftManager})
	if err := s.SaveItem(mgr, &loans.Item{Code: "umbrella", Name: "Umbrellas", Total: loans.MaxItemTotal}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := s.Lend(mgr, &loans.Loan{ItemCode: "umbrella", Room: "1204", Qty: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchResort is a bulk-loaded resort of realistic shape: 20,000 guests from many
// cultures and 200,000 requests over three years, a few hundred of them open per
// department. It is built once per benchmark.
// agent is a front-desk agent of the generated resort, as the desk would act.
func (sd *seeded) agent() staff.Actor {
	var agent staff.Actor
	for _, st := range sd.prop.Staff {
		if st.Role == staff.RoleAgent {
			agent = staff.Actor{ID: st.ID, Name: st.Name, Role: st.Role}
		}
	}
	return agent
}

func benchResort(b *testing.B) *seeded {
	b.Helper()
	return seedStore(b, filepath.Join(b.TempDir(), "resort.db"), 20000, 200000)
}

func BenchmarkSearchGuestsGenerated(b *testing.B) {
	sd := benchResort(b)
	ctx := context.Background()
	p := sd.gen.Profile(4242)
	for name, text := range map[string]string{"2 letters": "ma", "3 letters": "wij", "2 words": "mu sa",
		"full name": p.GivenName + " " + p.FamilyName, "phone": "0812", "loyalty": "FD1"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := sd.s.SearchGuests(ctx, guests.Query{Text: text}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCreateRequest(b *testing.B) {
	sd := benchResort(b)
	ctx := staff.WithActor(context.Background(), sd.agent())
	rooms, err := sd.s.InHouseRooms(ctx, 50)
	if err != nil || len(rooms) == 0 {
		b.Fatalf("no guest in house to log requests for: %v", err)
	}
	var inHouse []*requests.Request
	for _, room := range rooms {
		ms, err := sd.s.SearchGuests(ctx, guests.Query{Text: room, Limit: 1})
		if err != nil || len(ms) == 0 {
			b.Fatalf("room %s: %v", room, err)
		}
		inHouse = append(inHouse, &requests.Request{GuestID: ms[0].ID, Room: room})
	}
	i := 0
	for b.Loop() {
		who := inHouse[i%len(inHouse)]
		r := &requests.Request{GuestID: who.GuestID, Room: who.Room, Category: "towels", Description: "Two bath towels"}
		if err := sd.s.CreateRequest(ctx, r, time.Time{}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkRequestQueue(b *testing.B) {
	sd := benchResort(b)
	ctx := context.Background()
	dept, open, err := sd.s.BusiestQueue(ctx)
	if err != nil || open == 0 {
		b.Fatalf("no open queue: %v", err)
	}
	f := requests.Filter{Department: dept}
	b.Run("page", func(b *testing.B) {
		for b.Loop() {
			if _, err := sd.s.ListRequests(ctx, f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("counts", func(b *testing.B) {
		for b.Loop() {
			if _, err := sd.s.CountRequests(ctx, f); err != nil {
				b.Fatal(err)
			}
		}
	})
}
