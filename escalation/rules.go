// Package escalation climbs overdue requests up the property's escalation levels: the
// rules (who is told how long after the promised time, per class of request), the one
// precedence that picks a request's class, the step a climb records, and the sweep that
// runs them on the clock for the whole property, owned by the process that opens the
// store rather than by any window.
package escalation

import (
	"cmp"
	"context"
	"slices"
	"time"

	"frontdesk/errs"
)

// Target is who is told when a request reaches an escalation level. The values
// are stored, so keep them stable.
type Target string

// The targets Frontdesk knows.
const (
	TargetOwner            Target = "owner"              // whoever the request is assigned to
	TargetDepartmentOnDuty Target = "department_on_duty" // the department's on-duty contact
	TargetShiftManager     Target = "shift_manager"      // the shift manager on the roster
	TargetManagement       Target = "management"         // the general manager on duty
)

// Targets lists every target in the order the UI offers them.
var Targets = []Target{TargetOwner, TargetDepartmentOnDuty, TargetShiftManager, TargetManagement}

// Class names the rule set that applies to a request. The values are stored,
// so keep them stable.
type Class string

// The classes Frontdesk knows.
const (
	ClassStandard  Class = "standard"
	ClassUrgent    Class = "urgent"
	ClassComplaint Class = "complaint"
	ClassVIP       Class = "vip"
)

// Classes lists every class in the order the UI shows them.
var Classes = []Class{ClassStandard, ClassUrgent, ClassComplaint, ClassVIP}

// Precedence lists the classes a request can fall into besides ClassStandard, the
// tightest first: a request takes the first class whose trait it has. Urgent comes first
// because an urgent request is about safety or keeping the building running (a leak, a
// guest locked out, someone unwell): a delay harms people or property whoever the guest
// is. A complaint comes next because an unhappy guest left waiting becomes a lost guest,
// VIP or not; a VIP's routine request comes after both. The store's sweep builds its
// query from this list too, so the two can never disagree.
var Precedence = []Class{ClassUrgent, ClassComplaint, ClassVIP}

// Traits are what of a request decides its class.
type Traits struct {
	Urgent, Complaint, VIP bool
}

// Has reports whether t carries the trait of class c (every request has the standard one).
func (t Traits) Has(c Class) bool {
	switch c {
	case ClassUrgent:
		return t.Urgent
	case ClassComplaint:
		return t.Complaint
	case ClassVIP:
		return t.VIP
	}
	return c == ClassStandard
}

// ClassFor picks the rule set for a request with traits t: the first class of Precedence
// it has, else ClassStandard.
func ClassFor(t Traits) Class {
	for _, c := range Precedence {
		if t.Has(c) {
			return c
		}
	}
	return ClassStandard
}

// Limits of a rule set.
const (
	MaxLevels = 5
	MaxAfter  = 24 * time.Hour
)

// Level is one step of a rule set: when a request of Class is After past its
// promised time, Target is told.
type Level struct {
	Class  Class
	Level  int           // 1..MaxEscalationLevels
	After  time.Duration // past the promised time, whole minutes, 0..MaxEscalationAfter
	Target Target
}

// Rules are the property's escalation levels for every class.
type Rules []Level

// Field names for escalation problems. Every problem also carries the Class and Level
// it concerns in its Args, so the UI can place it beside the right row.
const (
	FieldEscalationClass  = "escalation_class"
	FieldEscalationLevel  = "escalation_level"
	FieldEscalationAfter  = "escalation_after"
	FieldEscalationTarget = "escalation_target"
)

func classRank(c Class) int {
	if i := slices.Index(Classes, c); i >= 0 {
		return i
	}
	return len(Classes)
}

// Sort orders r in place by class (in Classes order, unknown classes last by
// name) and then by level.
func (r Rules) Sort() {
	slices.SortStableFunc(r, func(a, b Level) int {
		return cmp.Or(cmp.Compare(classRank(a.Class), classRank(b.Class)), cmp.Compare(a.Class, b.Class), cmp.Compare(a.Level, b.Level))
	})
}

// ForClass returns a sorted copy of the levels of class c.
func (r Rules) ForClass(c Class) Rules {
	var out Rules
	for _, l := range r {
		if l.Class == c {
			out = append(out, l)
		}
	}
	out.Sort()
	return out
}

// Normalize cleans the rules in place (After cut to whole minutes, levels sorted by
// class and level) and returns every problem found. For each class present the levels
// are numbered 1..n without gaps, n at most MaxLevels, and each comes strictly
// later than the one before.
func (r Rules) Normalize() errs.Fields {
	var fs errs.Fields
	for i := range r {
		r[i].After = r[i].After.Truncate(time.Minute)
	}
	r.Sort()
	for start := 0; start < len(r); {
		end := start + 1
		for end < len(r) && r[end].Class == r[start].Class {
			end++
		}
		checkClass(&fs, r[start:end])
		start = end
	}
	return fs
}

// checkClass checks the sorted levels of one class.
func checkClass(fs *errs.Fields, levels Rules) {
	class := levels[0].Class
	args := func(l Level) map[string]any {
		return map[string]any{"Class": string(class), "Level": l.Level}
	}
	if !slices.Contains(Classes, class) {
		// Same text as the other forms' choice lists, so it shares their translation.
		fs.Add(FieldEscalationClass, "Choose one of the options in the list.", args(levels[0]))
		return
	}
	if len(levels) > MaxLevels {
		a := args(levels[len(levels)-1])
		a["Max"] = MaxLevels
		fs.Add(FieldEscalationLevel, "The {{.Class}} rules have at most {{.Max}} levels.", a)
		return
	}
	numbered := true
	for i, l := range levels {
		if numbered {
			switch {
			case i == 0 && l.Level != 1:
				fs.Add(FieldEscalationLevel, "The {{.Class}} rules start at level 1.", args(l))
				numbered = false
			case i > 0 && l.Level == levels[i-1].Level:
				fs.Add(FieldEscalationLevel, "Level {{.Level}} of {{.Class}} is listed twice.", args(l))
				numbered = false
			case i > 0 && l.Level != i+1:
				a := args(l)
				a["Prev"] = levels[i-1].Level
				fs.Add(FieldEscalationLevel, "Level {{.Level}} of {{.Class}} follows level {{.Prev}}; number the levels without gaps.", a)
				numbered = false
			}
		}
		switch {
		case l.After < 0 || l.After > MaxAfter:
			fs.Add(FieldEscalationAfter, "Escalate between 0 minutes and 24 hours after the promised time.", args(l))
		case i > 0 && l.After <= levels[i-1].After:
			a := args(l)
			a["Prev"] = levels[i-1].Level
			fs.Add(FieldEscalationAfter, "Level {{.Level}} of {{.Class}} must come later than level {{.Prev}}.", a)
		}
		if !slices.Contains(Targets, l.Target) {
			fs.Add(FieldEscalationTarget, "Choose one of the options in the list.", args(l))
		}
	}
}

// Due returns the highest level a request of class has reached at now, given its promised
// time. ok is false before the promise is due (a level at +0 is reached at the promised
// time itself), when the class has no rules, or when there is no promised time.
func (r Rules) Due(class Class, promised, now time.Time) (level Level, ok bool) {
	if promised.IsZero() {
		return Level{}, false
	}
	late := now.Sub(promised)
	for _, l := range r {
		if l.Class == class && l.After <= late && (!ok || l.Level > level.Level) {
			level, ok = l, true
		}
	}
	return level, ok
}

// Next returns the next level a request of class will reach after now and the moment it
// is reached. ok is false when the top level has been reached, when the class has no
// rules, or when there is no promised time.
func (r Rules) Next(class Class, promised, now time.Time) (Level, time.Time, bool) {
	if promised.IsZero() {
		return Level{}, time.Time{}, false
	}
	late := now.Sub(promised)
	var next Level
	ok := false
	for _, l := range r {
		if l.Class == class && l.After > late && (!ok || l.After < next.After) {
			next, ok = l, true
		}
	}
	if !ok {
		return Level{}, time.Time{}, false
	}
	return next, promised.Add(next.After), true
}

// DefaultRules are the rules a new property starts with; every one is editable.
// Keep sqlite/migrations/0003_escalation.sql, which seeds them, in step.
func DefaultRules() Rules {
	m := time.Minute
	return Rules{
		{ClassStandard, 1, 0, TargetOwner},
		{ClassStandard, 2, 10 * m, TargetDepartmentOnDuty},
		{ClassStandard, 3, 20 * m, TargetShiftManager},
		{ClassStandard, 4, 60 * m, TargetManagement},
		{ClassUrgent, 1, 0, TargetOwner},
		{ClassUrgent, 2, 5 * m, TargetDepartmentOnDuty},
		{ClassUrgent, 3, 10 * m, TargetShiftManager},
		{ClassUrgent, 4, 30 * m, TargetManagement},
		{ClassComplaint, 1, 0, TargetOwner},
		{ClassComplaint, 2, 5 * m, TargetShiftManager},
		{ClassComplaint, 3, 30 * m, TargetManagement},
		{ClassVIP, 1, 0, TargetOwner},
		{ClassVIP, 2, 5 * m, TargetDepartmentOnDuty},
		{ClassVIP, 3, 10 * m, TargetShiftManager},
		{ClassVIP, 4, 45 * m, TargetManagement},
	}
}

// Service keeps the property's escalation rules. Every method is one
// transaction.
type Service interface {
	// ListEscalationRules returns every level, sorted by class and level.
	ListEscalationRules(ctx context.Context) (Rules, error)
	// SaveEscalationRules replaces all levels of class with levels (each level's Class is
	// taken to be class); managers only. A class needs at least level 1.
	SaveEscalationRules(ctx context.Context, class Class, levels []Level) error
}

// NormalizeClass checks levels as the complete rule set of class and returns them
// cleaned, as a copy with Class set on every level.
func NormalizeClass(class Class, levels []Level) (Rules, errs.Fields) {
	out := make(Rules, len(levels))
	for i, l := range levels {
		l.Class = class
		out[i] = l
	}
	if len(out) == 0 {
		var fs errs.Fields
		args := map[string]any{"Class": string(class), "Level": 1}
		if !slices.Contains(Classes, class) {
			fs.Add(FieldEscalationClass, "Choose one of the options in the list.", args)
		} else {
			fs.Add(FieldEscalationLevel, "The {{.Class}} rules start at level 1.", args)
		}
		return out, fs
	}
	return out, out.Normalize()
}
