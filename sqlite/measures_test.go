package sqlite

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/handover"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

func nov(d, hour, min int) time.Time { return time.Date(2026, 11, d, hour, min, 0, 0, time.UTC) }

// step runs an action at a moment of the desk's clock.
func (d *desk) step(t *testing.T, when time.Time, a staff.Actor, id string, act requests.Action) {
	t.Helper()
	d.now = when
	d.act(t, a, id, act)
}

// logAt logs a request at a moment of the desk's clock.
func (d *desk) logAt(t *testing.T, when time.Time, room, category, text string) *requests.Request {
	t.Helper()
	d.now = when
	return d.log(t, d.dewi, d.siti, room, category, text)
}

// measuresFixture is a week of requests whose measures are worked out by hand in the test.
func measuresFixture(t *testing.T) *desk {
	d := newDesk(t)
	ack := requests.Action{Kind: requests.ActAcknowledge}
	done := requests.Action{Kind: requests.ActDone}
	happy := func(score int) requests.Action {
		return requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeSatisfied, Score: score}
	}
	// Towels, promised 15 minutes after: acknowledged after 2, 4, 6, 20 min (median 5,
	// 90th percentile 6 + 0.7 × 14 = 15.8); done after 10, 12, 60 (done again after the
	// guest was unhappy), 40 min (median 26, 90th percentile 40 + 0.7 × 20 = 54).
	h1 := d.logAt(t, nov(17, 10, 0), "1204", "towels", "h1")
	d.step(t, nov(17, 10, 2), d.dewi, h1.ID, ack)
	d.step(t, nov(17, 10, 10), d.dewi, h1.ID, done)
	d.step(t, nov(17, 10, 20), d.dewi, h1.ID, happy(5))
	h2 := d.logAt(t, nov(17, 11, 0), "1204", "towels", "h2")
	d.step(t, nov(17, 11, 4), d.dewi, h2.ID, ack)
	d.step(t, nov(17, 11, 12), d.dewi, h2.ID, done)
	d.step(t, nov(17, 11, 20), d.dewi, h2.ID, happy(4))
	h3 := d.logAt(t, nov(17, 12, 0), "1204", "towels", "h3")
	d.step(t, nov(17, 12, 6), d.dewi, h3.ID, ack)
	d.step(t, nov(17, 12, 30), d.dewi, h3.ID, done)
	d.step(t, nov(17, 12, 40), d.dewi, h3.ID, requests.Action{Kind: requests.ActFollowUp, Outcome: requests.OutcomeNotSatisfied, Score: 2})
	d.step(t, nov(17, 13, 0), d.dewi, h3.ID, done)
	d.step(t, nov(17, 13, 10), d.dewi, h3.ID, happy(4))
	h4 := d.logAt(t, nov(17, 13, 0), "1204", "towels", "h4")
	d.step(t, nov(17, 13, 20), d.dewi, h4.ID, ack)
	d.step(t, nov(17, 13, 40), d.dewi, h4.ID, done)
	d.step(t, nov(17, 14, 0), d.rina, h4.ID, requests.Action{Kind: requests.ActClose, Reason: "Guest checked out"})
	// Maintenance in 1315: twice before the period, once in it (acknowledged after 5 min,
	// never done): a repeat problem.
	d.logAt(t, nov(1, 9, 0).AddDate(0, 0, -7), "1315", "maintenance", "m2")
	d.logAt(t, nov(5, 9, 0), "1315", "maintenance", "m3")
	m1 := d.logAt(t, nov(17, 9, 0), "1315", "maintenance", "m1")
	d.step(t, nov(17, 9, 5), d.dewi, m1.ID, ack)
	// A complaint, done 5 minutes after (promised 10), the guest satisfied (3).
	c1 := d.logAt(t, nov(17, 15, 0), "1204", "complaint", "c1")
	d.step(t, nov(17, 15, 1), d.dewi, c1.ID, ack)
	d.step(t, nov(17, 15, 5), d.dewi, c1.ID, done)
	d.step(t, nov(17, 15, 10), d.dewi, c1.ID, happy(3))
	d.now = testNow
	return d
}

func TestMeasuresMatchHandComputedValues(t *testing.T) {
	d := measuresFixture(t)
	m, err := d.s.Measures(context.Background(), handover.Period{From: nov(16, 0, 0), To: nov(24, 0, 0)})
	must(t, err)
	min := func(n int) time.Duration { return time.Duration(n) * time.Minute }
	hk := rowOf(t, m.ByDepartment, standards.DeptHousekeeping)
	want := handover.Row{Code: standards.DeptHousekeeping, Name: "Housekeeping", Requests: 4,
		Ack:     handover.Times{N: 4, Median: min(5), P90: min(15) + 48*time.Second},
		Resolve: handover.Times{N: 4, Median: min(26), P90: min(54)},
		OnTime:  handover.Share{Of: 2, Base: 4}, ClosedLoop: handover.Share{Of: 3, Base: 4},
		Scored: 3, ScoreSum: 13, Recoveries: 1, Recovered: 1}
	if hk != want {
		t.Errorf("housekeeping\n got %+v\nwant %+v", hk, want)
	}
	// All seven: the four towels, the maintenance, the complaint and the recovery the
	// unhappy guest started. On time: h1, h2 and the complaint, of everything done or
	// past its promise. Acknowledged after 1, 2, 4, 5, 6, 20 min: the median halfway
	// between 4 and 5, the 90th percentile halfway between 6 and 20.
	tot := m.Total
	if tot.Requests != 7 || tot.Complaints != 1 || tot.OnTime != (handover.Share{Of: 3, Base: 7}) ||
		tot.ClosedLoop != (handover.Share{Of: 4, Base: 5}) || tot.Satisfaction() != 4 ||
		tot.Ack != (handover.Times{N: 6, Median: min(4) + 30*time.Second, P90: min(13)}) {
		t.Errorf("total = %+v", tot)
	}
	if m.ByDepartment[0].Code != standards.DeptHousekeeping || len(m.ByDepartment) != 4 {
		t.Errorf("departments = %+v, want housekeeping first of four", m.ByDepartment)
	}
	if mt := rowOf(t, m.ByDepartment, standards.DeptMaintenance); mt.OnTime != (handover.Share{Of: 0, Base: 1}) || mt.Resolve.N != 0 ||
		mt.Name != "Maintenance & engineering" || rowOf(t, m.ByCategory, "maintenance").Name != "Maintenance" {
		t.Errorf("maintenance = %+v: not done and past its promise counts as late", mt)
	}
	if c := rowOf(t, m.ByCategory, "towels"); c.Requests != 4 || c.Name != "Extra towels" {
		t.Errorf("towels category = %+v", c)
	}
	if len(m.Repeats) != 1 || m.Repeats[0].Room != "1315" || m.Repeats[0].Category != "maintenance" || m.Repeats[0].Count != 3 ||
		!m.Repeats[0].Last.Equal(nov(17, 9, 0)) {
		t.Errorf("repeats = %+v, want maintenance three times in 1315 (towels are not a problem)", m.Repeats)
	}
	if len(m.Weeks) != 2 || !m.Weeks[0].Start.Equal(nov(16, 0, 0)) || m.Weeks[0].Requests != 7 || m.Weeks[1].Requests != 0 ||
		m.Weeks[0].OnTime != tot.OnTime {
		t.Errorf("weeks = %+v", m.Weeks)
	}
}

func rowOf(t *testing.T, rows []handover.Row, code string) handover.Row {
	t.Helper()
	for _, r := range rows {
		if r.Code == code {
			return r
		}
	}
	t.Fatalf("no row %q in %+v", code, rows)
	return handover.Row{}
}

func TestMeasuresRefuseAReversedPeriod(t *testing.T) {
	d := newDesk(t)
	_, err := d.s.Measures(context.Background(), handover.Period{From: nov(20, 0, 0), To: nov(10, 0, 0)})
	if errs.CodeOf(err) != errs.Invalid {
		t.Fatalf("reversed period: %v", err)
	}
}

func TestWeeksStartOnMondayInThePropertysZone(t *testing.T) {
	jakarta := time.FixedZone("WIB", 7*3600)
	d := newDesk(t)
	// Sunday 22 Nov 20:00 UTC is Monday 23 Nov 03:00 in Jakarta: next week there.
	d.logAt(t, nov(22, 20, 0), "1204", "towels", "late night")
	p := handover.Period{From: time.Date(2026, 11, 16, 0, 0, 0, 0, jakarta), To: time.Date(2026, 11, 30, 0, 0, 0, 0, jakarta)}
	m, err := d.s.Measures(context.Background(), p)
	must(t, err)
	if len(m.Weeks) != 2 || m.Weeks[0].Requests != 0 || m.Weeks[1].Requests != 1 || m.Weeks[1].Start.Day() != 23 {
		t.Fatalf("weeks = %+v", m.Weeks)
	}
}

func TestPercentilesAreTheSameWithAndWithoutSQLitesPercentileFunctions(t *testing.T) {
	if !percentileFunctions() {
		t.Skip("built without the sqlite_percentile tag: only the window-function path exists")
	}
	d := measuresFixture(t)
	p := handover.Period{From: nov(16, 0, 0), To: nov(24, 0, 0)}
	err := d.s.read(context.Background(), func(tx *sql.Tx) error {
		fast, err := measureGroups(context.Background(), tx, p, testNow, true)
		if err != nil {
			return err
		}
		slow, err := measureGroups(context.Background(), tx, p, testNow, false)
		if err != nil {
			return err
		}
		for key, row := range fast {
			if *slow[key] != *row {
				t.Errorf("%v: percentile_cont %+v, window functions %+v", key, *row, *slow[key])
			}
		}
		return nil
	})
	must(t, err)
}
