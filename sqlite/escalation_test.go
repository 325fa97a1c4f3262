package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/resources"
)

func TestNewDatabaseStartsWithTheDefaultEscalationRules(t *testing.T) {
	s := openTest(t)
	got, err := s.ListEscalationRules(context.Background())
	must(t, err)
	if want := resources.DefaultEscalationRules(); !slices.Equal(got, want) {
		t.Fatalf("seeded rules differ from DefaultEscalationRules:\n got %+v\nwant %+v", got, want)
	}
	if count(t, s, "audit_log WHERE entity = 'escalation' AND entity_id = 'defaults'") != 1 {
		t.Fatal("seeding the defaults is not in the audit log")
	}
}

func TestDatabaseFromBeforeEscalationGetsTheDefaultsOnUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fd.db")
	must(t, createPrivate(path))
	db, err := openPool(path, writerParams, 1, defaultBusyTimeout)
	must(t, err)
	ms, err := migrations()
	must(t, err)
	for _, m := range ms {
		if m.version <= 2 {
			must(t, apply(ctx, db, m))
		}
	}
	old := &Store{writer: db, now: func() time.Time { return testNow }}
	must(t, old.seedDefaults(ctx))
	db.Close()

	s := openAt(t, path)
	got, err := s.ListEscalationRules(ctx)
	must(t, err)
	if !slices.Equal(got, resources.DefaultEscalationRules()) {
		t.Fatalf("upgraded database has %+v", got)
	}
	if n := count(t, s, "departments"); n != len(resources.DefaultDepartments()) {
		t.Fatalf("upgrade changed the departments: %d", n)
	}
}

func TestSavingEscalationRulesReplacesOnlyThatClass(t *testing.T) {
	s := openTest(t)
	m := time.Minute
	vip := []resources.EscalationLevel{
		{Level: 1, After: 0, Target: resources.TargetOwner},
		{Level: 2, After: 3 * m, Target: resources.TargetShiftManager},
	}
	must(t, s.SaveEscalationRules(manager(), resources.ClassVIP, vip))
	got, err := s.ListEscalationRules(context.Background())
	must(t, err)
	want := resources.DefaultEscalationRules()
	want = slices.DeleteFunc(want, func(l resources.EscalationLevel) bool { return l.Class == resources.ClassVIP })
	want = append(want,
		resources.EscalationLevel{Class: resources.ClassVIP, Level: 1, After: 0, Target: resources.TargetOwner},
		resources.EscalationLevel{Class: resources.ClassVIP, Level: 2, After: 3 * m, Target: resources.TargetShiftManager})
	if !slices.Equal(got, want) {
		t.Fatalf("after save:\n got %+v\nwant %+v", got, want)
	}
	if l, ok := got.Due(resources.ClassVIP, testNow, testNow.Add(3*m)); !ok || l.Target != resources.TargetShiftManager {
		t.Fatalf("saved rules not in effect: %+v %v", l, ok)
	}
}

func TestInvalidEscalationRulesChangeNothing(t *testing.T) {
	m := time.Minute
	cases := []struct {
		name   string
		class  resources.EscalationClass
		levels []resources.EscalationLevel
		field  string
	}{
		{"gap", resources.ClassStandard, []resources.EscalationLevel{{Level: 1, Target: resources.TargetOwner}, {Level: 3, After: 5 * m, Target: resources.TargetManagement}}, resources.FieldEscalationLevel},
		{"not later", resources.ClassStandard, []resources.EscalationLevel{{Level: 1, After: 5 * m, Target: resources.TargetOwner}, {Level: 2, After: 5 * m, Target: resources.TargetManagement}}, resources.FieldEscalationAfter},
		{"unknown target", resources.ClassUrgent, []resources.EscalationLevel{{Level: 1, Target: "night_porter"}}, resources.FieldEscalationTarget},
		{"no levels at all", resources.ClassComplaint, nil, resources.FieldEscalationLevel},
		{"unknown class", "spa", []resources.EscalationLevel{{Level: 1, Target: resources.TargetOwner}}, resources.FieldEscalationClass},
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
			if !slices.Equal(got, resources.DefaultEscalationRules()) || count(t, s, "audit_log") != audits {
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
	bad := resources.EscalationRules{
		{Class: resources.ClassStandard, Level: 1, Target: resources.TargetOwner},
		{Class: resources.ClassStandard, Level: 2, After: time.Minute, Target: "night_porter"},
	}
	c := change{entity: "escalation", entityID: "standard", action: "save"}
	err := s.writeAudited(ctx, c, func(tx *sql.Tx) error { return replaceEscalation(ctx, tx, resources.ClassStandard, bad) })
	if errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("got %v", err)
	}
	got, _ := s.ListEscalationRules(context.Background())
	if !slices.Equal(got, resources.DefaultEscalationRules()) {
		t.Fatalf("a failed replace left %+v", got)
	}
}

func TestOnlyManagersChangeEscalationRules(t *testing.T) {
	s := openTest(t)
	levels := []resources.EscalationLevel{{Level: 1, Target: resources.TargetShiftManager}}
	agent := resources.WithActor(context.Background(), resources.Actor{Name: "Agus", Role: resources.RoleAgent})
	for _, ctx := range []context.Context{context.Background(), agent} {
		if err := s.SaveEscalationRules(ctx, resources.ClassComplaint, levels); err == nil || err.Error() != resources.MsgManagerOnly {
			t.Fatalf("non-manager saved escalation rules: %v", err)
		}
	}
	got, _ := s.ListEscalationRules(context.Background())
	if !slices.Equal(got, resources.DefaultEscalationRules()) {
		t.Fatalf("a refused save changed the rules: %+v", got)
	}
}

func TestEscalationChangesAreAttributedInTheAuditLog(t *testing.T) {
	s := openTest(t)
	levels := []resources.EscalationLevel{
		{Level: 1, Target: resources.TargetOwner},
		{Level: 2, After: 5 * time.Minute, Target: resources.TargetManagement},
	}
	must(t, s.SaveEscalationRules(manager(), resources.ClassComplaint, levels))
	entries, err := s.ListAudit(context.Background(), resources.AuditFilter{ActorName: "Rina Manager"})
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
