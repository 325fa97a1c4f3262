package anticipation

// Preparation that runs itself: for each category of wish and kind of alert a rule says
// whether its preparation task is logged by Frontdesk on the property's clock — the
// evening before the guest arrives, once per stay — or needs a person's judgement on
// Today. The board then asks people only about what needs them.

import (
	"context"
	"log"
	"slices"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
)

// PrepRule says how preparation for one kind of wish or alert is done.
type PrepRule struct {
	Source string // SourceOfPreference or SourceOfAlert
	Auto   bool   // logged by Frontdesk at AtHour the day before arrival; else a person decides on Today
	AtHour int    // 0–23 on the property's clock, the day before arrival
}

// DefaultPrepHour is when automatic preparation is logged: the evening before arrival,
// when the evening shift can still act on it and the morning shift finds it waiting.
const DefaultPrepHour = 18

// SourceOfPreference and SourceOfAlert name a rule's source.
func SourceOfPreference(c guests.PreferenceCategory) string { return "preference:" + string(c) }

// SourceOfAlert names the rule of an alert kind.
func SourceOfAlert(k guests.AlertKind) string { return "alert:" + string(k) }

// judgementAlerts need a person by default: what can hurt a guest, or is not a wish.
var judgementAlerts = []guests.AlertKind{guests.AlertAllergy, guests.AlertMedical, guests.AlertSecurity, guests.AlertOther}

// PrepSources lists every source of preparation, in the order Resources shows them.
func PrepSources() []string {
	var out []string
	for _, c := range guests.PreferenceCategories {
		out = append(out, SourceOfPreference(c))
	}
	for _, k := range guests.AlertKinds {
		if len(alertDepartments[k]) > 0 {
			out = append(out, SourceOfAlert(k))
		}
	}
	return out
}

// DefaultPrepRules are a new property's rules: standing wishes are prepared
// automatically, except "other" wishes; accessibility alerts too; allergies, medical,
// security and other alerts need a person.
func DefaultPrepRules() []PrepRule {
	var out []PrepRule
	for _, src := range PrepSources() {
		auto := src != SourceOfPreference(guests.PrefOther)
		for _, k := range judgementAlerts {
			if src == SourceOfAlert(k) {
				auto = false
			}
		}
		out = append(out, PrepRule{Source: src, Auto: auto, AtHour: DefaultPrepHour})
	}
	return out
}

// Field names of the rules' form.
const (
	FieldPrepSource = "source"
	FieldPrepHour   = "at_hour"
)

// CheckPrepRules checks rules before they are saved: known sources, once each, hours of
// a day.
func CheckPrepRules(rules []PrepRule) error {
	var fs errs.Fields
	seen := map[string]bool{}
	known := PrepSources()
	for _, r := range rules {
		switch {
		case !slices.Contains(known, r.Source):
			fs.Add(FieldPrepSource, "This kind of wish or alert is not known.", nil)
		case seen[r.Source]:
			fs.Add(FieldPrepSource, "Each kind of wish or alert has one rule.", nil)
		case r.AtHour < 0 || r.AtHour > 23:
			fs.Add(FieldPrepHour, "Choose an hour of the day, 0 to 23.", nil)
		}
		seen[r.Source] = true
	}
	return fs.Err()
}

// PrepRules are a property's rules by source; a source without one needs a person.
type PrepRules map[string]PrepRule

// RulesBySource indexes rules.
func RulesBySource(rules []PrepRule) PrepRules {
	out := PrepRules{}
	for _, r := range rules {
		out[r.Source] = r
	}
	return out
}

// For is the rule of a task.
func (rs PrepRules) For(t Task) PrepRule {
	src := SourceOfPreference(t.Preference)
	if t.Alert != "" {
		src = SourceOfAlert(t.Alert)
	}
	if r, ok := rs[src]; ok {
		return r
	}
	return PrepRule{Source: src}
}

// AutoAt is when an automatic task for an arrival on arrivalDate is logged: AtHour on
// the day before, on now's clock.
func AutoAt(r PrepRule, arrivalDate, now time.Time) time.Time {
	y, m, d := arrivalDate.AddDate(0, 0, -1).Date()
	return time.Date(y, m, d, r.AtHour, 0, 0, 0, now.Location())
}

// AutoTasks are the tasks of g that Frontdesk logs by itself at now: those whose rule
// is automatic, whose time has come, that conflict with nothing (neither themselves nor
// as held, the sources the property's board found in conflict) and are not logged yet.
func AutoTasks(g GuestState, rules PrepRules, now time.Time, tasks []Task, held map[string]bool) []Task {
	var out []Task
	for _, t := range tasks {
		r := rules.For(t)
		if r.Auto && t.Conflict == "" && !held[t.SourceID] && !now.Before(AutoAt(r, g.Stay.Arrival, now)) &&
			!slices.Contains(g.PrepLogged, t.SourceID) {
			out = append(out, t)
		}
	}
	return out
}

// Preparer logs the automatic preparation tasks that are due, and keeps the rules.
type Preparer interface {
	// PrepareDue logs every automatic task whose time has come, once per stay and
	// source, as done by Frontdesk; it returns how many it logged.
	PrepareDue(ctx context.Context) (int, error)
}

// PrepRuleService keeps the preparation rules (Resources → Preparation).
type PrepRuleService interface {
	PrepRules(ctx context.Context) ([]PrepRule, error)
	// SavePrepRules replaces the rules (managers); it is audited.
	SavePrepRules(ctx context.Context, rules []PrepRule) error
}

// PrepareEvery is how often the preparation job looks for automatic tasks that came due:
// rules name whole hours, so a task is logged within a minute of its time.
const PrepareEvery = time.Minute

// StartPreparing runs p's job at once and then every PrepareEvery in the background,
// logging what it did with logf (log.Printf when nil). The function returned stops it
// and waits for a run in progress; call it before closing the store.
func StartPreparing(p Preparer, logf func(format string, args ...any)) (stop func()) {
	if logf == nil {
		logf = log.Printf
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(PrepareEvery)
		defer t.Stop()
		for {
			switch n, err := p.PrepareDue(ctx); {
			case err != nil && ctx.Err() == nil:
				logf("preparation: %v", err)
			case n > 0:
				logf("preparation: %d tasks logged for tomorrow's arrivals", n)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}
