package sqlite

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"frontdesk/anticipation"
	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// A new file has the default rules, as the domain names them.
func TestNewFileHasTheDefaultPrepRules(t *testing.T) {
	d := newDesk(t)
	rules, err := d.s.PrepRules(context.Background())
	must(t, err)
	if !reflect.DeepEqual(rules, anticipation.DefaultPrepRules()) {
		t.Fatalf("the migration's rules\n%+v\nare not the defaults\n%+v", rules, anticipation.DefaultPrepRules())
	}
}

// The preparation job on a pinned clock: nothing before 18:00 the day before arrival;
// at 18:00 the wish's task (not the allergy's, which waits for a person), once, owned by
// someone on duty, due inside the department's hours and audited as done by Frontdesk;
// run again — or after a restart — it logs nothing more.
func TestPreparationJobLogsAutomaticTasksOnce(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	must(t, d.s.SaveDepartment(manager(), &standards.Department{Code: standards.DeptHousekeeping, Name: "Housekeeping",
		Hours: standards.ServiceHours{Open: 14 * 60, Close: 22 * 60}}))
	must(t, d.s.AddPreference(ctx, &guests.Preference{GuestID: d.siti.ID, Category: guests.PrefBedding, Text: "Feather-free pillows"}))
	must(t, d.s.AddAlert(ctx, &guests.Alert{GuestID: d.siti.ID, Kind: guests.AlertAllergy, Text: "Peanut allergy"}))
	st := d.stay(t, d.siti, 24, 3, "1204", guests.StayExpected)

	d.now = time.Date(2026, 11, 23, 17, 59, 0, 0, time.UTC)
	if n, err := d.s.PrepareDue(ctx); err != nil || n != 0 {
		t.Fatalf("before 18:00: %d logged (%v)", n, err)
	}
	b, err := d.s.WholeBoard(ctx, d.now)
	must(t, err)
	if a := b.Arrivals[0]; a.Prep != anticipation.PrepNotStarted || !a.AutoAt.Equal(time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)) {
		t.Fatalf("waiting: prep %v, automatic at %v", a.Prep, a.AutoAt)
	}

	d.now = time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)
	if n, err := d.s.PrepareDue(ctx); err != nil || n != 1 {
		t.Fatalf("at 18:00: %d logged (%v)", n, err)
	}
	tasks, err := d.s.ListRequests(ctx, requests.Filter{GuestID: d.siti.ID})
	must(t, err)
	if len(tasks) != 1 || tasks[0].Description != "Feather-free pillows" || tasks[0].Department != standards.DeptHousekeeping {
		t.Fatalf("tasks %+v", tasks)
	}
	task := tasks[0]
	if task.Owner == "" || !task.PromisedAt.Equal(time.Date(2026, 11, 24, 14, 0, 0, 0, time.UTC)) {
		t.Fatalf("the task is owned by %q and due %v, want someone on duty and housekeeping's opening at 14:00", task.Owner, task.PromisedAt)
	}
	entries, err := d.s.ListAudit(as(staff.Actor{Name: "Wayan", Role: staff.RoleAdministrator}), audit.Filter{GuestID: d.siti.ID})
	must(t, err)
	if !slices.ContainsFunc(entries, func(e audit.Entry) bool {
		return e.Entity == "stay" && e.EntityID == st.ID && e.Action == "prepare" && e.ActorName == "Frontdesk"
	}) {
		t.Fatalf("the audit log says %+v", entries)
	}
	b, err = d.s.WholeBoard(ctx, d.now)
	must(t, err)
	if p := promptsOf(b, anticipation.KindPrepare); len(p) != 1 || len(p[0].Tasks) != 2 || p[0].Tasks[0].Alert != guests.AlertAllergy {
		t.Fatalf("the allergy no longer waits for a person: %+v", p)
	}

	if n, err := d.s.PrepareDue(ctx); err != nil || n != 0 {
		t.Fatalf("again: %d logged (%v)", n, err)
	}
	again, err := Open(ctx, d.s.Path(), Options{Now: func() time.Time { return d.now }, PhoneRegion: "ID"})
	must(t, err)
	defer again.Close()
	if n, err := again.PrepareDue(ctx); err != nil || n != 0 {
		t.Fatalf("after a restart: %d logged (%v)", n, err)
	}
}

// A manager sets a kind of wish to need a person: the job leaves it to them and Today
// asks. Only managers change the rules, and nonsense is refused.
func TestPrepRulesSavedByManagers(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	must(t, d.s.AddPreference(ctx, &guests.Preference{GuestID: d.siti.ID, Category: guests.PrefBedding, Text: "Feather-free pillows"}))
	d.stay(t, d.siti, 24, 3, "1204", guests.StayExpected)
	rules := anticipation.DefaultPrepRules()
	for i := range rules {
		if rules[i].Source == anticipation.SourceOfPreference(guests.PrefBedding) {
			rules[i].Auto = false
		}
	}
	err := d.s.SavePrepRules(as(d.dewi), rules)
	if errs.CodeOf(err) == "" {
		t.Fatal("an agent changed the rules")
	}
	bad := append([]anticipation.PrepRule{}, rules...)
	bad[0].AtHour = 25
	if err := d.s.SavePrepRules(manager(), bad); errs.CodeOf(err) != errs.Invalid {
		t.Fatalf("an hour of 25 was saved: %v", err)
	}
	b, err := d.s.WholeBoard(ctx, d.now)
	must(t, err)
	if len(promptsOf(b, anticipation.KindPrepare)) != 0 {
		t.Fatal("a wish prepared automatically raised a prompt")
	}
	must(t, d.s.SavePrepRules(manager(), rules))
	got, err := d.s.PrepRules(ctx)
	must(t, err)
	if !reflect.DeepEqual(got, rules) {
		t.Fatalf("saved %+v, read %+v", rules, got)
	}
	b, err = d.s.WholeBoard(ctx, d.now)
	must(t, err)
	if len(promptsOf(b, anticipation.KindPrepare)) != 1 {
		t.Fatal("the board did not take the new rule")
	}
	d.now = time.Date(2026, 11, 23, 20, 0, 0, 0, time.UTC)
	if n, err := d.s.PrepareDue(ctx); err != nil || n != 0 {
		t.Fatalf("the job logged %d tasks that need a person (%v)", n, err)
	}
}
