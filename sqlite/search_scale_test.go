package sqlite

import (
	"context"
	"testing"

	"frontdesk/guests"
)

// houseRows is what the in-house index holds: rowid → room, for every guest in it.
func houseRows(t *testing.T, s *Store) map[int64]string {
	t.Helper()
	out := map[int64]string{}
	rows, err := s.reader.Query("SELECT rowid, room FROM guest_house_fts")
	must(t, err)
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var room string
		must(t, rows.Scan(&seq, &room))
		out[seq] = room
	}
	return out
}

func TestInHouseIndexFollowsCheckInRoomMovesEditsAndCheckOut(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	g := &guests.Guest{GivenName: "Ana", FamilyName: "Silva"}
	must(t, s.CreateGuest(ctx, g))
	if len(houseRows(t, s)) != 0 {
		t.Fatal("a guest without a stay is in the in-house index")
	}
	st := &guests.Stay{GuestID: g.ID, Arrival: day(21), Departure: day(26), Room: "1204", Status: guests.StayInHouse, PartySize: 1}
	must(t, s.AddStay(ctx, st))
	if rows := houseRows(t, s); len(rows) != 1 || firstValue(rows) != "1204" {
		t.Fatalf("after check-in: %v", rows)
	}
	st.Room = "1315"
	must(t, s.UpdateStay(ctx, st))
	g.FamilyName = "Souza"
	must(t, s.UpdateGuest(ctx, g))
	ms, err := s.SearchGuests(ctx, guests.Query{Text: "souz"})
	must(t, err)
	if rows := houseRows(t, s); len(rows) != 1 || firstValue(rows) != "1315" || len(ms) != 1 || !ms[0].InHouse {
		t.Fatalf("after a room move and a new name: %v %+v", rows, ms)
	}
	if ms := searchIDs(t, s, "silva"); len(ms) != 0 {
		t.Fatalf("the old name still finds the guest: %v", ms)
	}
	st.Status = guests.StayDeparted
	must(t, s.UpdateStay(ctx, st))
	if rows := houseRows(t, s); len(rows) != 0 {
		t.Fatalf("after check-out: %v", rows)
	}
}

func firstValue(m map[int64]string) string {
	for _, v := range m {
		return v
	}
	return ""
}

func TestSearchListsExactNamesBeforeLongerOnesAndInHouseGuestsFirst(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var ids []string
	for _, name := range []string{"Mariana", "Maria", "Marianne", "Maria"} {
		g := &guests.Guest{GivenName: name, FamilyName: "Lopez"}
		must(t, s.CreateGuest(ctx, g))
		ids = append(ids, g.ID)
	}
	must(t, s.AddStay(ctx, &guests.Stay{GuestID: ids[2], Arrival: day(21), Departure: day(26), Room: "301", Status: guests.StayInHouse, PartySize: 1}))
	got := searchIDs(t, s, "maria")
	want := []string{ids[2], ids[1], ids[3], ids[0]} // in house; exact, oldest first; the other prefix match
	if len(got) != len(want) {
		t.Fatalf("got %d results", len(got))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("result %d: got %s, want %s", i, got[i], want[i])
		}
	}
}
