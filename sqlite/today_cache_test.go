package sqlite

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"frontdesk/anticipation"
	"frontdesk/guests"
)

// onBoard finds a guest among the board's arrivals and VIPs, and reports where.
func onBoard(b *anticipation.Board, guestID string) (name string, where string) {
	for _, a := range b.Arrivals {
		if a.Guest.ID == guestID {
			return a.Guest.DisplayName(), "arrival"
		}
	}
	for _, v := range b.VIPs {
		if v.Guest.ID == guestID {
			return v.Guest.DisplayName(), "vip"
		}
	}
	return "", ""
}

// The board keeps what it read of each guest and reads again only the guests changed
// since; every kind of change must reach it, from this desk or another one.
func TestTodayBoardFollowsEveryChangeToItsGuests(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	vipStay := d.stay(t, d.vip, 21, 5, "1315", guests.StayInHouse)
	d.stay(t, d.siti, 21, 5, "1204", guests.StayInHouse)
	today := func() *anticipation.Board {
		t.Helper()
		b, err := d.s.WholeBoard(ctx, d.now)
		must(t, err)
		return b
	}
	if b := today(); len(b.VIPs) != 1 || len(promptsOf(b, anticipation.KindRepeat)) != 0 {
		t.Fatalf("first board: VIPs %d, prompts %+v", len(b.VIPs), b.Prompts)
	}

	// Requests logged: a habit shows.
	for i := 0; i < 3; i++ {
		d.log(t, d.dewi, d.siti, "1204", "towels", "Two extra bath towels")
	}
	if ps := promptsOf(today(), anticipation.KindRepeat); len(ps) != 1 || ps[0].GuestID != d.siti.ID {
		t.Fatalf("after three requests: %+v", ps)
	}

	// The profile edited: the new name shows.
	d.vip.GivenName = "Kenta"
	must(t, d.s.UpdateGuest(ctx, d.vip))
	if name, _ := onBoard(today(), d.vip.ID); name != "Kenta Sato" {
		t.Fatalf("after renaming: %q", name)
	}

	// An alert and an occasion today.
	a := &guests.Alert{GuestID: d.vip.ID, Kind: guests.AlertAllergy, Text: "Shellfish allergy"}
	must(t, d.s.AddAlert(ctx, a))
	must(t, d.s.AddOccasion(ctx, &guests.Occasion{GuestID: d.vip.ID, Kind: guests.OccasionBirthday, Month: time.November, Day: 23}))
	b := today()
	if len(b.VIPs) != 1 || len(b.VIPs[0].Alerts) != 1 || len(b.Occasions) != 1 {
		t.Fatalf("after an alert and an occasion: VIPs %+v, occasions %+v", b.VIPs, b.Occasions)
	}
	must(t, d.s.RemoveItem(ctx, guests.ItemAlert, d.vip.ID, a.ID))
	if b := today(); len(b.VIPs[0].Alerts) != 0 {
		t.Fatalf("a removed alert stays: %+v", b.VIPs[0].Alerts)
	}

	// Another desk on the same file books an arrival for tomorrow and checks the VIP out.
	other, err := Open(ctx, d.s.Path(), Options{Now: func() time.Time { return d.now }, PhoneRegion: "ID"})
	must(t, err)
	defer other.Close()
	must(t, other.AddStay(ctx, &guests.Stay{GuestID: d.siti.ID, Arrival: day(24), Departure: day(26), Status: guests.StayExpected, PartySize: 1}))
	vipStay.Status = guests.StayDeparted
	must(t, other.UpdateStay(ctx, vipStay))
	b = today()
	if _, where := onBoard(b, d.vip.ID); where != "" || len(promptsOf(b, anticipation.KindWelcome)) != 0 {
		t.Fatalf("a departed VIP stays on the board (%s): %+v", where, b.Prompts)
	}
	if _, where := onBoard(b, d.siti.ID); where != "arrival" {
		t.Fatalf("an arrival booked at another desk is missing: %+v", b.Arrivals)
	}

	// A prompt dealt with at the other desk goes away here.
	repeat := promptsOf(b, anticipation.KindRepeat)[0]
	must(t, other.ResolvePrompt(as(d.agus), anticipation.Resolution{Key: repeat.Key, Kind: repeat.Kind, GuestID: d.siti.ID, Note: "Guest declined", Dismissed: true}))
	if ps := promptsOf(today(), anticipation.KindRepeat); len(ps) != 0 {
		t.Fatalf("a prompt handled at another desk came back: %+v", ps)
	}
}

// A board read before a restore of an older file starts again instead of trusting what
// it kept.
func TestTodayBoardStartsAgainOnAnOlderFile(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	d.stay(t, d.siti, 21, 5, "1204", guests.StayInHouse)
	_, err := d.s.WholeBoard(ctx, d.now)
	must(t, err)
	d.s.board.rev = 1 << 40 // as if the cache had seen a newer file than this one
	d.s.board.guests[d.siti.ID].profile.Guest.GivenName = "Stale"
	_, err = d.s.WholeBoard(ctx, d.now)
	must(t, err)
	d.s.board.mu.Lock()
	name := d.s.board.guests[d.siti.ID].profile.Guest.GivenName
	d.s.board.mu.Unlock()
	if name != "Siti" {
		t.Fatalf("kept a guest from before the restore: %q", name)
	}
}

// A stay comes onto the board with the date, with no change to its guest: a guest whose
// history the board no longer keeps is read again for it.
func TestTodayBoardReadsAGuestAgainForAStayTheDateBringsOn(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	d.stay(t, d.siti, 21, 2, "1204", guests.StayInHouse)
	d.log(t, d.dewi, d.siti, "1204", "towels", "Towels were not replaced")
	next := d.stay(t, d.siti, 25, 2, "1315", guests.StayExpected)
	b, err := d.s.WholeBoard(ctx, d.now)
	must(t, err)
	if len(b.Arrivals) != 0 {
		t.Fatalf("arriving on the 25th is not on the board of the 23rd: %+v", b.Arrivals)
	}
	b, err = d.s.WholeBoard(ctx, d.now.AddDate(0, 0, 1))
	must(t, err)
	if len(b.Arrivals) != 1 || b.Arrivals[0].Stay.ID != next.ID {
		t.Fatalf("arrivals on the 24th: %+v", b.Arrivals)
	}
	r := b.Arrivals[0].Recognition
	if r.Visit != 2 || r.LastIssue == nil || r.LastIssue.Description != "Towels were not replaced" {
		t.Fatalf("recognition without the history: %+v", r)
	}
}

// Every desk's board is scoped from one board of the property, built again only when a
// guest changes or the minute turns.
func TestWholeBoardIsBuiltOncePerChangeOrMinute(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	d.stay(t, d.siti, 21, 5, "1204", guests.StayInHouse)
	minute := d.now.Truncate(time.Minute)
	first, err := d.s.WholeBoard(ctx, minute)
	must(t, err)
	again, err := d.s.WholeBoard(ctx, minute.Add(40*time.Second))
	must(t, err)
	if again != first {
		t.Fatal("the board was built again within the minute with nothing changed")
	}
	d.log(t, d.dewi, d.siti, "1204", "towels", "Two more towels")
	changed, err := d.s.WholeBoard(ctx, minute.Add(40*time.Second))
	must(t, err)
	if changed == first {
		t.Fatal("a guest changed and the board was not built again")
	}
	later, err := d.s.WholeBoard(ctx, minute.Add(time.Minute))
	must(t, err)
	if later == changed {
		t.Fatal("the minute turned and the board was not built again")
	}
}

// A cold board read half on the board's own connection is the board read in one
// transaction: every guest, with their history in order.
func TestAColdBoardReadOnTwoConnectionsIsTheSameBoard(t *testing.T) {
	seeded := seedStore(t, filepath.Join(t.TempDir(), "board.db"), 3000, 30000)
	ctx := context.Background()
	board := func(min int) *anticipation.Board {
		t.Helper()
		besideMin = min
		fresh, err := Open(ctx, seeded.s.Path(), Options{Now: func() time.Time { return testNow }, CheckLater: true})
		must(t, err)
		defer fresh.Close()
		b, err := fresh.WholeBoard(ctx, testNow)
		must(t, err)
		return b
	}
	defer func(was int) { besideMin = was }(besideMin)
	one, two := board(1<<30), board(2)
	if len(one.Arrivals)+len(one.VIPs) < 10 || len(one.Prompts) < 20 {
		t.Fatalf("a board too small to compare: %d arrivals, %d VIPs, %d prompts", len(one.Arrivals), len(one.VIPs), len(one.Prompts))
	}
	if !reflect.DeepEqual(one, two) {
		t.Fatalf("read on two connections, the board differs:\n%d arrivals, %d prompts\n%d arrivals, %d prompts",
			len(one.Arrivals), len(one.Prompts), len(two.Arrivals), len(two.Prompts))
	}
}
