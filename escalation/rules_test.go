package escalation

import (
	"testing"
	"time"
)

func TestClassForPicksTheTightestRuleSet(t *testing.T) {
	cases := []struct {
		urgent, complaint, vip bool
		want                   Class
	}{
		{false, false, false, ClassStandard},
		{false, false, true, ClassVIP},
		{false, true, false, ClassComplaint},
		{false, true, true, ClassComplaint},
		{true, false, false, ClassUrgent},
		{true, true, false, ClassUrgent},
		{true, false, true, ClassUrgent},
		{true, true, true, ClassUrgent},
	}
	for _, c := range cases {
		if got := ClassFor(Traits{Urgent: c.urgent, Complaint: c.complaint, VIP: c.vip}); got != c.want {
			t.Errorf("ClassFor(urgent=%v, complaint=%v, vip=%v) = %s, want %s", c.urgent, c.complaint, c.vip, got, c.want)
		}
	}
}

func atSec(h, m, s int) time.Time { return time.Date(2026, 11, 23, h, m, s, 0, time.UTC) }

func TestEscalationClimbsLevelsAtExactBoundaries(t *testing.T) {
	rules := DefaultRules()
	promised := at(14, 0)
	cases := []struct {
		name   string
		class  Class
		now    time.Time
		ok     bool
		level  int
		target Target
	}{
		{"not overdue a minute before the promise", ClassStandard, at(13, 59), false, 0, ""},
		{"not overdue a second before the promise", ClassStandard, atSec(13, 59, 59), false, 0, ""},
		{"owner is told at the promise itself", ClassStandard, at(14, 0), true, 1, TargetOwner},
		{"still the owner one second before +10", ClassStandard, atSec(14, 9, 59), true, 1, TargetOwner},
		{"on-duty contact at exactly +10", ClassStandard, at(14, 10), true, 2, TargetDepartmentOnDuty},
		{"shift manager at exactly +20", ClassStandard, at(14, 20), true, 3, TargetShiftManager},
		{"management at +60", ClassStandard, at(15, 0), true, 4, TargetManagement},
		{"stays at the top level", ClassStandard, at(23, 0), true, 4, TargetManagement},
		{"VIP reaches the on-duty contact at +5", ClassVIP, at(14, 5), true, 2, TargetDepartmentOnDuty},
		{"complaint goes straight to the shift manager", ClassComplaint, at(14, 5), true, 2, TargetShiftManager},
		{"urgent reaches management at +30", ClassUrgent, at(14, 30), true, 4, TargetManagement},
		{"a class without rules never escalates", Class("spa"), at(18, 0), false, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, ok := rules.Due(c.class, promised, c.now)
			if ok != c.ok || l.Level != c.level || l.Target != c.target {
				t.Fatalf("Due = %+v, %v; want level %d %s, %v", l, ok, c.level, c.target, c.ok)
			}
		})
	}
}

func TestNextLevelAndWhenItIsReached(t *testing.T) {
	rules := DefaultRules()
	promised := at(14, 0)
	cases := []struct {
		name  string
		class Class
		now   time.Time
		ok    bool
		level int
		when  time.Time
	}{
		{"before the promise the owner is next, at the promise", ClassStandard, at(13, 30), true, 1, at(14, 0)},
		{"at the promise the on-duty contact is next", ClassStandard, at(14, 0), true, 2, at(14, 10)},
		{"one second before +10 the on-duty contact is still next", ClassStandard, atSec(14, 9, 59), true, 2, at(14, 10)},
		{"at +10 the shift manager is next", ClassStandard, at(14, 10), true, 3, at(14, 20)},
		{"after the top level nothing is next", ClassStandard, at(15, 0), false, 0, time.Time{}},
		{"VIP shift manager sooner", ClassVIP, at(14, 5), true, 3, at(14, 10)},
		{"a class without rules has nothing next", Class("spa"), at(14, 0), false, 0, time.Time{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, when, ok := rules.Next(c.class, promised, c.now)
			if ok != c.ok || l.Level != c.level || !when.Equal(c.when) {
				t.Fatalf("Next = %+v at %v, %v; want level %d at %v, %v", l, when, ok, c.level, c.when, c.ok)
			}
		})
	}
}

func TestVIPClimbsSoonerThanStandardAtTheSameMinute(t *testing.T) {
	rules := DefaultRules()
	promised, now := at(14, 0), at(14, 10)
	std, _ := rules.Due(ClassStandard, promised, now)
	vip, _ := rules.Due(ClassVIP, promised, now)
	if vip.Level <= std.Level {
		t.Fatalf("at +10 VIP is at level %d, standard at %d", vip.Level, std.Level)
	}
}

func TestRequestWithoutAPromiseNeverEscalates(t *testing.T) {
	rules := DefaultRules()
	if l, ok := rules.Due(ClassUrgent, time.Time{}, at(14, 0)); ok {
		t.Fatalf("Due without a promise: %+v", l)
	}
	if l, _, ok := rules.Next(ClassUrgent, time.Time{}, at(14, 0)); ok {
		t.Fatalf("Next without a promise: %+v", l)
	}
}

func TestDefaultEscalationRulesAreValidAndCoverEveryClass(t *testing.T) {
	rules := DefaultRules()
	if fs := rules.Normalize(); len(fs) > 0 {
		t.Fatalf("defaults invalid: %v", fs)
	}
	for _, c := range Classes {
		if l := rules.ForClass(c); len(l) == 0 || l[0].Level != 1 || l[0].After != 0 || l[0].Target != TargetOwner {
			t.Errorf("%s: %+v", c, l)
		}
	}
}

func TestEscalationRulesValidation(t *testing.T) {
	m := time.Minute
	lv := func(c Class, level int, after time.Duration, target Target) Level {
		return Level{Class: c, Level: level, After: after, Target: target}
	}
	cases := []struct {
		name  string
		rules Rules
		field string
		msg   string
	}{
		{"gap between levels", Rules{lv(ClassStandard, 1, 0, TargetOwner), lv(ClassStandard, 3, 20*m, TargetShiftManager)},
			FieldEscalationLevel, "Level 3 of standard follows level 1; number the levels without gaps."},
		{"same time as the level before", Rules{lv(ClassVIP, 1, 5*m, TargetOwner), lv(ClassVIP, 2, 5*m, TargetShiftManager)},
			FieldEscalationAfter, "Level 2 of vip must come later than level 1."},
		{"sooner than the level before", Rules{lv(ClassVIP, 1, 10*m, TargetOwner), lv(ClassVIP, 2, 5*m, TargetShiftManager)},
			FieldEscalationAfter, "Level 2 of vip must come later than level 1."},
		{"unknown target", Rules{lv(ClassUrgent, 1, 0, "night_porter")},
			FieldEscalationTarget, "Choose one of the options in the list."},
		{"more than five levels", Rules{lv(ClassStandard, 1, 0, TargetOwner), lv(ClassStandard, 2, 1*m, TargetOwner),
			lv(ClassStandard, 3, 2*m, TargetOwner), lv(ClassStandard, 4, 3*m, TargetOwner), lv(ClassStandard, 5, 4*m, TargetOwner),
			lv(ClassStandard, 6, 5*m, TargetManagement)},
			FieldEscalationLevel, "The standard rules have at most 5 levels."},
		{"missing level 1", Rules{lv(ClassComplaint, 2, 5*m, TargetShiftManager)},
			FieldEscalationLevel, "The complaint rules start at level 1."},
		{"level listed twice", Rules{lv(ClassComplaint, 1, 0, TargetOwner), lv(ClassComplaint, 1, 5*m, TargetShiftManager)},
			FieldEscalationLevel, "Level 1 of complaint is listed twice."},
		{"later than a day", Rules{lv(ClassStandard, 1, 25*time.Hour, TargetOwner)},
			FieldEscalationAfter, "Escalate between 0 minutes and 24 hours after the promised time."},
		{"before the promise", Rules{lv(ClassStandard, 1, -m, TargetOwner)},
			FieldEscalationAfter, "Escalate between 0 minutes and 24 hours after the promised time."},
		{"unknown class", Rules{lv("spa", 1, 0, TargetOwner)},
			FieldEscalationClass, "Choose one of the options in the list."},
		{"each class is checked on its own", Rules{lv(ClassStandard, 1, 0, TargetOwner), lv(ClassVIP, 2, 0, TargetOwner)},
			FieldEscalationLevel, "The vip rules start at level 1."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := c.rules.Normalize()
			e := fs.For(c.field)
			if e == nil || e.Error() != c.msg {
				t.Fatalf("got %v, want %s: %q", fs, c.field, c.msg)
			}
			if len(fs) != 1 {
				t.Fatalf("one mistake reported %d times: %v", len(fs), fs)
			}
		})
	}
}

func TestNormalizeSortsAndCutsToWholeMinutes(t *testing.T) {
	rules := Rules{
		{ClassVIP, 2, 5*time.Minute + 30*time.Second, TargetShiftManager},
		{ClassStandard, 1, 0, TargetOwner},
		{ClassVIP, 1, 0, TargetOwner},
	}
	if fs := rules.Normalize(); len(fs) > 0 {
		t.Fatal(fs)
	}
	want := Rules{{ClassStandard, 1, 0, TargetOwner}, {ClassVIP, 1, 0, TargetOwner}, {ClassVIP, 2, 5 * time.Minute, TargetShiftManager}}
	for i := range want {
		if rules[i] != want[i] {
			t.Fatalf("got %+v", rules)
		}
	}
}

func TestNormalizeClassSetsTheClassAndNeedsLevelOne(t *testing.T) {
	in := []Level{{Level: 1, Target: TargetOwner}}
	out, fs := NormalizeClass(ClassVIP, in)
	if len(fs) > 0 || out[0].Class != ClassVIP || in[0].Class != "" {
		t.Fatalf("got %+v %v; caller's slice %+v", out, fs, in)
	}
	if _, fs := NormalizeClass(ClassVIP, nil); fs.For(FieldEscalationLevel) == nil {
		t.Fatalf("empty rule set accepted: %v", fs)
	}
	if _, fs := NormalizeClass("spa", nil); fs.For(FieldEscalationClass) == nil {
		t.Fatalf("unknown class accepted: %v", fs)
	}
}

func at(h, m int) time.Time { return time.Date(2026, 11, 23, h, m, 0, 0, time.UTC) }
