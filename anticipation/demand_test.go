package anticipation

import (
	"testing"

	"frontdesk/guests"
	"frontdesk/loans"
)

// Wishes that name a loanable item count against its stock, once per guest, today's and
// tomorrow's apart; an item nobody asks for is not listed.
func TestArrivalsAskingForItemsCountAgainstStock(t *testing.T) {
	wish := func(tomorrow bool, texts ...string) ArrivalCard {
		a := ArrivalCard{Tomorrow: tomorrow}
		for _, t := range texts {
			a.Preferences = append(a.Preferences, guests.Preference{Text: t})
		}
		return a
	}
	arrivals := []ArrivalCard{
		wish(false, "Baby crib by the window", "Cribs are fine too"), // one guest, counted once
		wish(true, "baby crib"),
		wish(true, "Rollaway bed for a child"),
		wish(true, "Iron and ironing board in the room"),
		wish(false, "Feather-free pillows"),
	}
	items := []loans.ItemStock{
		{Item: loans.Item{Code: "crib", Name: "Baby cribs", Total: 3}, Available: 1},
		{Item: loans.Item{Code: "rollaway", Name: "Rollaway beds", Total: 20}, Available: 20},
		{Item: loans.Item{Code: "iron", Name: "Irons and boards", Total: 25}, Available: 25},
		{Item: loans.Item{Code: "umbrella", Name: "Umbrellas", Total: 80}, Available: 80},
	}
	got := Demand(arrivals, items)
	want := map[string][2]int{"crib": {1, 1}, "rollaway": {0, 1}, "iron": {0, 1}}
	if len(got) != len(want) {
		t.Fatalf("demand %+v", got)
	}
	for _, d := range got {
		w := want[d.ItemCode]
		if d.Today != w[0] || d.Tomorrow != w[1] {
			t.Errorf("%s: %d today, %d tomorrow, want %v", d.ItemCode, d.Today, d.Tomorrow, w)
		}
		if short := d.ItemCode == "crib"; d.Short() != short {
			t.Errorf("%s short: %v", d.ItemCode, d.Short())
		}
	}
}
