package sqlite

import (
	"context"
	"testing"
	"time"

	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/staff"
)

// BenchmarkRequestWrites measures the writer's paths a measure reads, each a committed
// transaction on the generated resort: logging a request, acknowledging it, marking it
// done, and closing it with the guest's follow-up.
func BenchmarkRequestWrites(b *testing.B) {
	sd := benchResort(b)
	ctx := staff.WithActor(context.Background(), sd.agent())
	rooms, err := sd.s.InHouseRooms(ctx, 1)
	if err != nil || len(rooms) == 0 {
		b.Fatalf("no guest in house: %v", err)
	}
	ms, err := sd.s.SearchGuests(ctx, guests.Query{Text: rooms[0], Limit: 1})
	if err != nil || len(ms) == 0 {
		b.Fatalf("room %s: %v", rooms[0], err)
	}
	create := func() string {
		r := &requests.Request{GuestID: ms[0].ID, Room: rooms[0], Category: "towels", Description: "Two bath towels"}
		if err := sd.s.CreateRequest(ctx, r, time.Time{}); err != nil {
			b.Fatal(err)
		}
		return r.ID
	}
	steps := []requests.Action{{Kind: requests.ActAcknowledge}, {Kind: requests.ActDone},
		{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 5}}
	b.Run("create", func(b *testing.B) {
		for b.Loop() {
			create()
		}
	})
	for i, a := range steps {
		b.Run(string(a.Kind), func(b *testing.B) {
			ids := make([]string, b.N)
			for j := range ids {
				ids[j] = create()
				for _, before := range steps[:i] {
					if _, err := sd.s.Act(ctx, ids[j], before); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ResetTimer()
			for _, id := range ids {
				if _, err := sd.s.Act(ctx, id, a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
