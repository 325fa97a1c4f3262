package conformance

import (
	"context"
	"testing"
	"time"

	"frontdesk/requests"
	"frontdesk/staff"
)

// claimed is the IDs of the requests a claim told about.
func claimed(t *testing.T, d *desk, ctx context.Context) (ids []string, count int) {
	t.Helper()
	n, err := d.svc.Notices.ClaimNotices(ctx)
	must(t, err)
	for _, r := range n.Fresh {
		ids = append(ids, r.ID)
	}
	return ids, n.Count
}

// A person is told about each change of their requests once: due soon, then overdue at
// each escalation level. Asking again (the next tick, a second window, a desk opened
// again) tells nothing new, and the header's count stays true.
func TestNoticesAreToldOncePerChange(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		agent := d.signIn(t, staff.RoleAgent)
		me := staff.ActorFrom(agent)
		g := newGuest(t, d, agent, "Siti", "Rahayu")
		soon := requests.Request{GuestID: g.ID, Category: "towels", Description: "Two bath towels"}
		must(t, d.svc.Requests.CreateRequest(agent, &soon, time.Time{}))
		if !soon.DueSoon(d.now) {
			t.Fatalf("the towels are promised at %v: not due soon", soon.PromisedAt)
		}
		// An overdue request of the agent's, brought in from the system before (the scene).
		late := requests.Historic{Request: requests.Request{GuestID: g.ID, Category: "towels", Department: "housekeeping",
			Description: "Extra pillows", Priority: requests.PriorityNormal, Kind: requests.KindRequest, CreatedBy: me.ID,
			Owner: me.ID, Status: requests.StatusNew, CreatedAt: d.now.Add(-2 * time.Hour), PromisedAt: d.now.Add(-90 * time.Minute)}}
		admin := staff.WithActor(context.Background(), staff.Actor{Name: "Import", Role: staff.RoleAdministrator})
		must(t, d.store.ImportRequests(admin, []requests.Historic{late}))

		ids, count := claimed(t, d, agent)
		if len(ids) != 2 || count != 2 {
			t.Fatalf("first claim told %v of %d, want both of 2", ids, count)
		}
		if ids, count = claimed(t, d, agent); len(ids) != 0 || count != 2 {
			t.Fatalf("asked again: told %v (count %d)", ids, count)
		}
		// The sweep climbs the overdue one a level: that is told, once.
		climbs, err := d.store.EscalateDue(context.Background())
		must(t, err)
		if len(climbs) == 0 {
			t.Fatal("the sweep climbed nothing")
		}
		told := map[string]bool{}
		for range 3 {
			ids, _ = claimed(t, d, agent)
			for _, id := range ids {
				if told[id] {
					t.Fatalf("%s told twice", id)
				}
				told[id] = true
			}
		}
		if len(told) != 1 || told[soon.ID] {
			t.Fatalf("after the climb: told %v, want the overdue request once", told)
		}
		// Someone else is told about none of the agent's requests.
		if ids, _ = claimed(t, d, d.signIn(t, staff.RoleDepartment)); len(ids) != 0 {
			t.Fatalf("housekeeping told about the agent's requests: %v", ids)
		}
	})
}
