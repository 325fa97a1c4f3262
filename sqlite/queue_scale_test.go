package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"frontdesk/requests"
	"frontdesk/standards"
)

// checkTally compares request_tally with the requests it counts.
func checkTally(t *testing.T, s *Store) {
	t.Helper()
	var wrong int
	must(t, s.reader.QueryRow(`SELECT count(*) FROM (
		SELECT department, open, count(*) AS n FROM requests GROUP BY department, open
		EXCEPT SELECT department, open, n FROM request_tally WHERE n > 0)`).Scan(&wrong))
	var extra int
	must(t, s.reader.QueryRow(`SELECT count(*) FROM request_tally t WHERE n <> (
		SELECT count(*) FROM requests r WHERE r.department = t.department AND r.open = t.open)`).Scan(&extra))
	if wrong != 0 || extra != 0 {
		t.Fatalf("request_tally disagrees with the requests: %d missing, %d wrong", wrong, extra)
	}
}

func TestRequestTallyFollowsLoggingClosingAndTransfers(t *testing.T) {
	d := newDesk(t)
	a := d.log(t, d.dewi, d.siti, "1204", "towels", "Two bath towels")
	b := d.log(t, d.dewi, d.vip, "1315", "maintenance", "AC not cooling")
	d.log(t, d.agus, nil, "1204", "amenities", "Slippers")
	checkTally(t, d.s)
	d.act(t, d.dewi, a.ID, requests.Action{Kind: requests.ActDone})
	d.act(t, d.dewi, a.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: 5})
	d.act(t, d.dewi, b.ID, requests.Action{Kind: requests.ActTransfer, Department: standards.DeptHousekeeping})
	checkTally(t, d.s)
	d.act(t, d.dewi, a.ID, requests.Action{Kind: requests.ActReopen, Reason: "Towels are wet"})
	d.act(t, d.rina, b.ID, requests.Action{Kind: requests.ActCancel, Reason: "Logged twice"})
	checkTally(t, d.s)
}

func TestCountsFromTheTallyEqualCountsOfTheRows(t *testing.T) {
	sd := seedStore(t, filepath.Join(t.TempDir(), "bulk.db"), 300, 2000)
	checkTally(t, sd.s)
	ctx := context.Background()
	dept, _, err := sd.s.BusiestQueue(ctx)
	must(t, err)
	for _, f := range []requests.Filter{{}, {Department: dept}} {
		got, err := sd.s.CountRequests(ctx, f)
		must(t, err)
		for _, v := range requests.Views {
			cond, args, _ := viewCondition(v, sd.s.now())
			q := "SELECT count(*) FROM requests r WHERE " + cond
			if f.Department != "" {
				q += " AND r.department = ?"
				args = append(args, f.Department)
			}
			var want int
			must(t, sd.s.reader.QueryRow(q, args...).Scan(&want))
			if got[v] != want {
				t.Errorf("%+v %s: counted %d, rows %d", f, v, got[v], want)
			}
		}
	}
}

func TestMineCountsEqualTheRowsOwnedAssignedOrEscalated(t *testing.T) {
	sd := seedStore(t, filepath.Join(t.TempDir(), "bulk.db"), 300, 3000)
	ctx := context.Background()
	for _, st := range sd.prop.Staff {
		f := requests.Filter{Mine: st.ID, MineRole: st.Role}
		for _, v := range requests.Views {
			f.View = v
			got, err := sd.s.CountRequests(ctx, f)
			must(t, err)
			cond, args, _ := viewCondition(v, sd.s.now())
			q := "SELECT count(*) FROM requests r WHERE " + cond + " AND (r.owner = ? OR r.assignee = ? OR r.escalated_to = ?"
			args = append(args, st.ID, st.ID, st.ID)
			if target := roleTarget(st.Role); target != "" {
				q += " OR (r.escalated_to IS NULL AND r.escalation_target = ?)"
				args = append(args, target)
			}
			var want int
			must(t, sd.s.reader.QueryRow(q+")", args...).Scan(&want))
			if got[v] != want {
				t.Fatalf("%s (%s) %s: counted %d, rows %d", st.Name, st.Role, v, got[v], want)
			}
			page, err := sd.s.ListRequests(ctx, requests.Filter{Mine: st.ID, MineRole: st.Role, View: v, Limit: requests.MaxPage})
			must(t, err)
			if len(page) != min(want, requests.MaxPage) {
				t.Fatalf("%s %s: page of %d, want %d", st.Name, v, len(page), min(want, requests.MaxPage))
			}
		}
	}
}

func TestHistoryOfAPersonIsCountedOnlyWhenItIsTheView(t *testing.T) {
	d := newDesk(t)
	r := d.log(t, d.dewi, d.siti, "1204", "towels", "Two bath towels")
	d.act(t, d.rina, r.ID, requests.Action{Kind: requests.ActCancel, Reason: "Logged twice"})
	c, err := d.s.CountRequests(context.Background(), requests.Filter{Mine: d.dewi.ID})
	must(t, err)
	if _, counted := c[requests.ViewHistory]; counted {
		t.Fatalf("history counted for the open view: %v", c)
	}
	c, err = d.s.CountRequests(context.Background(), requests.Filter{Mine: d.dewi.ID, View: requests.ViewHistory})
	must(t, err)
	if c[requests.ViewHistory] != 1 {
		t.Fatalf("history view: %v", c)
	}
}
