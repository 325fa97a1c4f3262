package sqlite

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// The queue picks its pages in SQL (attentionOrder) and the domain orders requests with
// requests.CompareAttention: on the same data, page after page, the two must agree.
func TestQueuePagesInSQLAgreeWithTheDomainOrder(t *testing.T) {
	sd := seedStore(t, filepath.Join(t.TempDir(), "bulk.db"), 300, 3000)
	ctx := context.Background()
	now := sd.s.now()
	addOneOfEachClass(t, sd, now)
	dept, _, err := sd.s.BusiestQueue(ctx)
	must(t, err)
	filters := []requests.Filter{{}, {Department: dept}, {View: requests.ViewAttention}, {View: requests.ViewOverdue},
		{View: requests.ViewFollowUp}, {Department: dept, View: requests.ViewDueSoon}}
	for _, st := range sd.prop.Staff {
		filters = append(filters, requests.Filter{Mine: st.ID, MineRole: st.Role})
	}
	seen := map[string]bool{}
	for _, f := range filters {
		var paged []requests.Summary
		for f.Limit, f.Offset = 7, 0; ; f.Offset += f.Limit {
			page, err := sd.s.ListRequests(ctx, f)
			must(t, err)
			paged = append(paged, page...)
			if len(page) < f.Limit {
				break
			}
		}
		sqlOrder := orderedInSQL(t, sd.s, f, now)
		if got := summaryIDs(paged); !slices.Equal(got, sqlOrder) {
			t.Fatalf("%+v: the pages do not follow the SQL order:\n%v\n%v", f, got, sqlOrder)
		}
		if !slices.IsSortedFunc(paged, func(a, b requests.Summary) int { return requests.CompareAttention(&a.Request, &b.Request, now) }) {
			t.Fatalf("%+v: the SQL order is not the domain's", f)
		}
		for _, r := range paged {
			seen[classOf(&r.Request, now)] = true
		}
	}
	for _, class := range []string{"overdue", "due soon", "follow-up", "later"} {
		if !seen[class] {
			t.Errorf("the seeded queue has no %s request: the comparison proves less than it says", class)
		}
	}
}

// addOneOfEachClass makes sure the seeded queue holds a request of every class at now
// (the seed's own depend on the departments' hours in the machine's time zone): late,
// due soon, a follow-up call due, and one promised for later, all of one agent's.
func addOneOfEachClass(t *testing.T, sd *seeded, now time.Time) {
	t.Helper()
	var guest string
	must(t, sd.s.reader.QueryRow("SELECT id FROM guests ORDER BY seq LIMIT 1").Scan(&guest))
	owner := sd.prop.Staff[len(sd.prop.Staff)-1]
	var hs []requests.Historic
	for i, min := range []int{-20, 10, -90, 180} {
		r := requests.Request{GuestID: guest, Category: "lost_found", Department: standards.DeptSecurity, Description: "Lost phone",
			Priority: requests.PriorityNormal, Kind: requests.KindRequest, CreatedBy: owner.ID, Owner: owner.ID,
			Status: requests.StatusNew, CreatedAt: now.Add(-2 * time.Hour), PromisedAt: now.Add(time.Duration(min) * time.Minute)}
		if i == 2 {
			r.Status, r.DoneAt = requests.StatusDone, now.Add(-5*time.Minute)
		}
		hs = append(hs, requests.Historic{Request: r})
	}
	must(t, sd.s.ImportRequests(as(staff.Actor{Name: "Import", Role: staff.RoleAdministrator}), hs))
}

// orderedInSQL lists the IDs of the filter's whole view in attentionOrder, the SQL alone.
func orderedInSQL(t *testing.T, s *Store, f requests.Filter, now time.Time) []string {
	t.Helper()
	where, args := conditions(f, false)
	cond, vargs, _ := viewCondition(f.View, now)
	rows, err := s.reader.Query("SELECT r.id FROM requests r WHERE "+strings.Join(append(where, cond), " AND ")+" "+
		attentionOrder(now)+", r.seq", append(args, vargs...)...)
	must(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		must(t, rows.Scan(&id))
		out = append(out, id)
	}
	must(t, rows.Err())
	return out
}

func summaryIDs(rows []requests.Summary) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.ID
	}
	return out
}

func classOf(r *requests.Request, now time.Time) string {
	switch {
	case r.Overdue(now):
		return "overdue"
	case r.DueSoon(now):
		return "due soon"
	case r.AwaitingFollowUp():
		return "follow-up"
	}
	return "later"
}

// The handover's open requests are the queue's order: "27 min" late before "3 min", and a
// follow-up call after what is late or due soon.
func TestHandoverListsOpenRequestsMostLateFirst(t *testing.T) {
	d := newDesk(t)
	call := d.log(t, d.dewi, d.siti, "1204", "luggage", "Bags down") // done at once: a call due since
	d.act(t, d.agus, call.ID, requests.Action{Kind: requests.ActDone})
	d.now = testNow.Add(6 * time.Minute)
	d.log(t, d.dewi, d.siti, "1204", "luggage", "Porter for the suitcase") // +10: 27 min late at +43
	d.now = testNow.Add(30 * time.Minute)
	d.log(t, d.dewi, d.siti, "1315", "luggage", "Bags up")       // +10: 3 min late at +43
	d.log(t, d.dewi, d.siti, "1315", "towels", "Towels")         // +15: due soon
	d.log(t, d.dewi, d.siti, "1204", "housekeeping", "Turndown") // +45: later
	d.now = testNow.Add(43 * time.Minute)
	rep, err := d.s.Report(as(d.rina), time.Time{}, "")
	must(t, err)
	var got []string
	for _, l := range rep.Open.Items {
		got = append(got, l.Description)
	}
	want := []string{"Porter for the suitcase", "Bags up", "Towels", "Bags down", "Turndown"}
	if !slices.Equal(got, want) {
		t.Fatalf("handover open requests %v, want %v", got, want)
	}
}

// A request reopened because the guest was not satisfied is promised anew from its
// category's standard at that moment; the recovery opened for the manager has its own.
func TestReopenedRequestIsPromisedAgainFromItsStandard(t *testing.T) {
	d := newDesk(t)
	ac := d.log(t, d.dewi, d.vip, "1315", "maintenance", "AC not cooling") // VIP: 15 min
	d.act(t, d.agus, ac.ID, requests.Action{Kind: requests.ActDone})
	d.now = testNow.Add(50 * time.Minute)
	det := d.act(t, d.dewi, ac.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: 2})
	if want := d.now.Add(15 * time.Minute); !det.PromisedAt.Equal(want) || det.Overdue(d.now) {
		t.Errorf("reopened after not satisfied: promised %v, want %v (the top-tier standard from now)", det.PromisedAt, want)
	}
	if len(det.Linked) != 1 || !det.Linked[0].PromisedAt.Equal(d.now.Add(10*time.Minute)) {
		t.Errorf("the recovery's own promise: %+v", det.Linked)
	}
	queue, err := d.s.ListRequests(context.Background(), requests.Filter{View: requests.ViewDueSoon})
	must(t, err)
	if !slices.Contains(summaryIDs(queue), ac.ID) {
		t.Error("the reopened request is not due soon by its new promise")
	}

	towels := d.log(t, d.dewi, d.siti, "1204", "towels", "Towels")
	d.act(t, d.agus, towels.ID, requests.Action{Kind: requests.ActDone})
	d.act(t, d.dewi, towels.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 5})
	d.now = d.now.Add(2 * time.Hour)
	// A category no longer offered for new requests still gives its standard to a reopen.
	_, err = d.s.writer.Exec("UPDATE categories SET active = 0 WHERE code = 'towels'")
	must(t, err)
	det = d.act(t, d.dewi, towels.ID, requests.Action{Kind: requests.ActReopen, Reason: "Towels are damp"})
	if want := d.now.Add(15 * time.Minute); !det.PromisedAt.Equal(want) {
		t.Errorf("reopened after closing: promised %v, want %v", det.PromisedAt, want)
	}
}

// A reopened request whose guest names the time (transport, wake-up calls) is promised
// for the new time the guest names; without one it is refused beside that field.
func TestReopenedGuestTimedRequestNeedsTheGuestsNewTime(t *testing.T) {
	d := newDesk(t)
	taxi := &requests.Request{GuestID: d.siti.ID, Room: "1204", Category: "transport", Description: "Taxi to the airport"}
	must(t, d.s.CreateRequest(as(d.dewi), taxi, testNow.Add(time.Hour)))
	d.act(t, d.agus, taxi.ID, requests.Action{Kind: requests.ActDone})
	d.now = testNow.Add(70 * time.Minute)
	_, err := d.s.Act(as(d.dewi), taxi.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: 1})
	if errs.AsFields(err).For(requests.FieldPromised) == nil {
		t.Fatalf("reopening a taxi without the guest's new time: %v", err)
	}
	again := d.now.Add(20 * time.Minute)
	det := d.act(t, d.dewi, taxi.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: 1, GuestTime: again})
	if !det.PromisedAt.Equal(again) || det.Status != requests.StatusReopened || !det.CategoryGuestTime {
		t.Fatalf("taxi reopened for %v: promised %v, %s", again, det.PromisedAt, det.Status)
	}
}
