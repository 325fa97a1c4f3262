package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"frontdesk/guests"
	"frontdesk/loans"
	"frontdesk/property"
	"frontdesk/staff"
)

// items are the demo property's loanable things and how many it owns.
var items = []loans.Item{
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
	desk := staff.WithActor(ctx, staff.Actor{Name: Staff[2].Name, Role: Staff[2].Role})
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
		loan := loans.Loan{ItemCode: items[n%len(items)].Code, Room: st.Room, GuestID: p.ID, Qty: 1, DueBack: due}
		if err := t.Lend(desk, &loan); err != nil {
			return err
		}
		n++
	}
	return nil
}

// fillRooms loads the property's rooms as a CSV import (one transaction), with the rooms
// of in-house guests marked occupied.
func fillRooms(ctx context.Context, t Target, ps []guests.Profile, today time.Time) error {
	occupied := map[string]bool{}
	for _, p := range ps {
		if st := p.CurrentStay(); st != nil {
			occupied[st.Room] = true
		}
	}
	var b strings.Builder
	b.WriteString("number,floor,type,features,status\n")
	for _, r := range RoomList(today) {
		if occupied[r.Number] { // a guest is in it, whatever the generator said
			r.Status = property.RoomOccupied
		}
		features := make([]string, len(r.Features))
		for i, f := range r.Features {
			features[i] = string(f)
		}
		fmt.Fprintf(&b, "%s,%d,%s,%s,%s\n", r.Number, r.Floor, r.Type, strings.Join(features, ";"), r.Status)
	}
	rep, err := t.ImportRooms(ctx, strings.NewReader(b.String()), false)
	if err == nil && len(rep.Problems) > 0 {
		return fmt.Errorf("demo rooms: row %d: %s", rep.Problems[0].Row, rep.Problems[0].Message)
	}
	return err
}
