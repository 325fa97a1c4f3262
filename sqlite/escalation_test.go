package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"time"

	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/escalation"
	"frontdesk/staff"
	"frontdesk/standards"
)

func TestNewDatabaseStartsWithTheDefaultEscalationRules(t *testing.T) {
	s := openTest(t)
	got, err := s.ListEscalationRules(context.Background())
	must(t, err)
	if want := escalation.DefaultRules(); !slices.Equal(got, want) {
		t.Fatalf("seeded rules differ from DefaultEscalationRules:\n got %+v\nwant %+v", got, want)
	}
	if count(t, s, "audit_log WHERE entity = 'escalation' AND entity_id = 'defaults'") != 1 {
		t.Fatal("seeding the defaults is not in the audit log")
	}
}

func TestDatabaseFromBeforeEscalationGetsTheDefaultsOnUpgrade(t *testing.T) {
	ctx := context.Background()
	path, db := schemaAt(t, 2)
	tx, err := db.Begin()
	must(t, err)
	for _, d := range standards.DefaultDepartments() { // as the Frontdesk of schema 2 seeded them
		must(t, upsertDepartment(ctx, tx, &d))
	}
	must(t, tx.Commit())
	db.Close()

	s := openAt(t, path)
	got, err := s.ListEscalationRules(ctx)
	must(t, err)
	if !slices.Equal(got, escalation.DefaultRules()) {
		t.Fatalf("upgraded database has %+v", got)
	}
	if n := count(t, s, "departments"); n != len(standards.DefaultDepartments()) {
		t.Fatalf("upgrade changed the departments: %d", n)
	}
}

func TestSavingEscalationRulesReplacesOnlyThatClass(t *testing.T) {
	s := openTest(t)
	m := time.Minute
	vip := []escalation.Level{
		{Level: 1, After: 0, Target: escalation.TargetOwner},
		{Level: 2, After: 3 * m, Target: escalation.TargetShiftManager},
	}
	must(t, s.SaveEscalationRules(manager(), escalation.ClassVIP, vip))
	got, err := s.ListEscalationRules(context.Background())
	must(t, err)
	want := escalation.DefaultRules()
	want = slices.DeleteFunc(want, func(l escalation.Level) bool { return l.Class == escalation.ClassVIP })
	want = append(want,
		escalation.Level{Class: escalation.ClassVIP, Level: 1, After: 0, Target: escalation.TargetOwner},
		escalation.Level{Class: escalation.ClassVIP, Level: 2, After: 3 * m, Target: escalation.TargetShiftManager})
	if !slices.Equal(got, want) {
		t.Fatalf("after save:\n got %+v\nwant %+v", got, want)
	}
	if l, ok := got.Due(escalation.ClassVIP, testNow, testNow.Add(3*m)); !ok || l.Target != escalation.TargetShiftManager {
		t.Fatalf("saved rules not in effect: %+v %v", l, ok)
	}
}

func TestInvalidEscalationRulesChangeNothing(t *testing.T) {
	m := time.Minute
	cases := []struct {
		name   string
		class  escalation.Class
		levels []escalation.Level
		field  string
	}{
		{"gap", escalation.ClassStandard, []escalation.Level{{Level: 1, Target: escalation.TargetOwner}, {Level: 3, After: 5 * m, Target: escalation.TargetManagement}}, escalation.FieldEscalationLevel},
		{"not later", escalation.ClassStandard, []escalation.Level{{Level: 1, After: 5 * m, Target: escalation.TargetOwner}, {Level: 2, After: 5 * m, Target: escalation.TargetManagement}}, escalation.FieldEscalationAfter},
		{"unknown target", escalation.ClassUrgent, []escalation.Level{{Level: 1, Target: "night_porter"}}, escalation.FieldEscalationTarget},
		{"no levels at all", escalation.ClassComplaint, nil, escalation.FieldEscalationLevel},
		{"unknown class", "spa", []escalation.Level{{Level: 1, Target: escalation.TargetOwner}}, escalation.FieldEscalationClass},
	}
	s := openTest(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			audits := count(t, s, "audit_log")
			err := s.SaveEscalationRules(manager(), c.class, c.levels)
			if errs.AsFields(err).For(c.field) == nil {
				t.Fatalf("got %v, want a problem with %s", err, c.field)
			}
			got, _ := s.ListEscalationRules(context.Background())
			if !slices.Equal(got, escalation.DefaultRules()) || count(t, s, "audit_log") != audits {
				t.Fatalf("an invalid save changed the rules: %+v", got)
			}
		})
	}
}

func TestAFailedReplaceKeepsTheOldLevels(t *testing.T) {
	s := openTest(t)
	ctx := manager()
	// Bypass validation: the database itself refuses the bad target halfway through,
	// after the old levels were deleted; the transaction must restore them.
	bad := escalation.Rules{
		{Class: escalation.ClassStandard, Level: 1, Target: escalation.TargetOwner},
		{Class: escalation.ClassStandard, Level: 2, After: time.Minute, Target: "night_porter"},
	}
	c := change{entity: "escalation", entityID: "standard", action: "save"}
	err := s.writeAudited(ctx, c, func(tx *sql.Tx) error { return replaceEscalation(ctx, tx, escalation.ClassStandard, bad) })
	if errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("got %v", err)
	}
	got, _ := s.ListEscalationRules(context.Background())
	if !slices.Equal(got, escalation.DefaultRules()) {
		t.Fatalf("a failed replace left %+v", got)
	}
}

func TestOnlyManagersChangeEscalationRules(t *testing.T) {
	s := openTest(t)
	levels := []escalation.Level{{Level: 1, Target: escalation.TargetShiftManager}}
	agent := staff.WithActor(context.Background(), staff.Actor{Name: "Agus", Role: staff.RoleAgent})
	for _, ctx := range []context.Context{context.Background(), agent} {
		if err := s.SaveEscalationRules(ctx, escalation.ClassComplaint, levels); err == nil || err.Error() != staff.MsgManagerOnly {
			t.Fatalf("non-manager saved escalation rules: %v", err)
		}
	}
	got, _ := s.ListEscalationRules(context.Background())
	if !slices.Equal(got, escalation.DefaultRules()) {
		t.Fatalf("a refused save changed the rules: %+v", got)
	}
}

func TestEscalationChangesAreAttributedInTheAuditLog(t *testing.T) {
	s := openTest(t)
	levels := []escalation.Level{
		{Level: 1, Target: escalation.TargetOwner},
		{Level: 2, After: 5 * time.Minute, Target: escalation.TargetManagement},
	}
	must(t, s.SaveEscalationRules(manager(), escalation.ClassComplaint, levels))
	entries, err := s.ListAudit(auditor(), audit.Filter{ActorName: "Rina Manager"})
	must(t, err)
	if len(entries) != 1 {
		t.Fatalf("%d audit entries: %+v", len(entries), entries)
	}
	e := entries[0]
	if e.Entity != "escalation" || e.EntityID != "complaint" || e.Action != "save" || e.ActorID != "m-1" ||
		e.Summary != "1 owner +0 min; 2 management +5 min" || !e.At.Equal(testNow) {
		t.Fatalf("audit entry: %+v", e)
	}
}

// The sweep's SQL picks a request's class from escalation.Precedence, as ClassFor does:
// every combination of traits gets the same class from both.
func TestSweepPicksTheClassClassForPicks(t *testing.T) {
	s := openTest(t)
	expr, args := classCase(func(c escalation.Class) any { return string(c) })
	for _, urgent := range []bool{false, true} {
		for _, complaint := range []bool{false, true} {
			for _, vip := range []bool{false, true} {
				priority, kind := "normal", "request"
				if urgent {
					priority = "urgent"
				}
				if complaint {
					kind = "complaint"
				}
				var got string
				q := "SELECT " + expr + " FROM (SELECT ? AS priority, ? AS kind, ? AS top_tier) r"
				must(t, s.reader.QueryRow(q, append(args, priority, kind, vip)...).Scan(&got))
				want := escalation.ClassFor(escalation.Traits{Urgent: urgent, Complaint: complaint, VIP: vip})
				if escalation.Class(got) != want {
					t.Errorf("urgent=%v complaint=%v vip=%v: SQL says %s, ClassFor %s", urgent, complaint, vip, got, want)
				}
			}
		}
	}
}

// Escalations recorded before migration 0011 kept their level and target in the note;
// the upgrade moves them into columns and leaves who it reached (and why) as the note.
func TestOldEscalationNotesAreTakenApartOnUpgrade(t *testing.T) {
	_, db := schemaAt(t, 10)
	_, err := db.Exec("PRAGMA foreign_keys = OFF") // events without their requests, for brevity
	must(t, err)
	for i, note := range []string{"L2 shift_manager Rina Kusuma guest called twice", "L1 owner", "L3 management", "housekeeping → maintenance"} {
		action := "escalate"
		if i == 3 {
			action = "transfer"
		}
		_, err := db.Exec(`INSERT INTO request_events (request_id, at, actor_name, action, to_status, note)
			VALUES ('r', '2026-11-23T10:00:00Z', 'Frontdesk', ?, 'acknowledged', ?)`, action, note)
		must(t, err)
	}
	migrateTo(t, db, 11)
	rows, err := db.Query("SELECT escalation_level, escalation_target, note FROM request_events ORDER BY seq")
	must(t, err)
	defer rows.Close()
	var got []string
	for rows.Next() {
		var level int
		var target, note string
		must(t, rows.Scan(&level, &target, &note))
		got = append(got, fmt.Sprintf("%d|%s|%s", level, target, note))
	}
	want := []string{"2|shift_manager|Rina Kusuma guest called twice", "1|owner|", "3|management|", "0||housekeeping → maintenance"}
	if !slices.Equal(got, want) {
		t.Fatalf("after the upgrade:\n got %q\nwant %q", got, want)
	}
	if _, err := db.Exec("UPDATE request_events SET escalation_level = 4"); err == nil {
		t.Fatal("the timeline can be rewritten after the upgrade")
	}
}
