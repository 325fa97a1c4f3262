package demo

import (
	"context"
	"time"

	"frontdesk/guests"
	"frontdesk/resources"
)

// items are the demo property's loanable things and how many it owns.
var items = []resources.Item{
	{Code: "crib", Name: "Baby cribs", Total: 12},
	{Code: "rollaway", Name: "Rollaway beds", Total: 20},
	{Code: "charger", Name: "Phone chargers", Total: 40},
	{Code: "adapter", Name: "Plug adapters", Total: 60},
	{Code: "umbrella", Name: "Umbrellas", Total: 80},
	{Code: "humidifier", Name: "Humidifiers", Total: 10},
	{Code: "iron", Name: "Irons and boards", Total: 25},
}

// fillItems stocks the items and lends some to in-house guests, a few of them past their
// departure so the overdue list has something real on it.
func fillItems(ctx context.Context, t Target, ps []guests.Profile, today time.Time) error {
	for i := range items {
		if err := t.SaveItem(ctx, &items[i]); err != nil {
			return err
		}
	}
	desk := resources.WithActor(ctx, resources.Actor{Name: Staff[2].Name, Role: Staff[2].Role})
	n := 0
	for _, p := range ps {
		st := p.CurrentStay()
		if st == nil || n >= 40 {
			continue
		}
		due := st.Departure.Add(12 * time.Hour)
		if n%9 == 0 {
			due = today.Add(-12 * time.Hour) // left behind by an earlier guest of the room
		}
		loan := resources.Loan{ItemCode: items[n%len(items)].Code, Room: st.Room, GuestID: p.ID, Qty: 1, DueBack: due}
		if err := t.Lend(desk, &loan); err != nil {
			return err
		}
		n++
	}
	return nil
}
