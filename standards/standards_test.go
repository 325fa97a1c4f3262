package standards

import (
	"testing"
	"time"
)

func at(h, m int) time.Time { return time.Date(2026, 11, 23, h, m, 0, 0, time.UTC) }

func category(code string) Category {
	for _, c := range DefaultCategories() {
		if c.Code == code {
			return c
		}
	}
	panic("no category " + code)
}

func TestPromiseFollowsTheServiceStandard(t *testing.T) {
	allDay := Department{Name: "Maintenance"}
	housekeeping := Department{Name: "Housekeeping", Hours: hours(6, 23)}
	night := Department{Name: "Night crew", Hours: ServiceHours{Open: 22 * 60, Close: 6 * 60}}
	cases := []struct {
		name    string
		cat     string
		dept    Department
		now     time.Time
		topTier bool
		due     time.Time
		delayed bool
	}{
		{"towels in hours", "towels", housekeeping, at(14, 20), false, at(14, 35), false},
		{"towels for a VIP are sooner", "towels", housekeeping, at(14, 20), true, at(14, 30), false},
		{"maintenance around the clock", "maintenance", allDay, at(3, 0), false, at(3, 30), false},
		{"towels at night wait for the morning shift", "towels", housekeeping, at(23, 30), false, at(6, 15).AddDate(0, 0, 1), true},
		{"towels before opening", "towels", housekeeping, at(5, 50), false, at(6, 15), true},
		{"last minute before closing is still open", "towels", housekeeping, at(22, 59), false, at(23, 14), false},
		{"hours across midnight, open after midnight", "towels", night, at(2, 0), false, at(2, 15), false},
		{"hours across midnight, closed in the day", "towels", night, at(12, 0), false, at(22, 15), true},
		{"complaint acknowledged in ten minutes", "complaint", allDay, at(9, 0), false, at(9, 10), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := PromiseFor(category(c.cat), c.dept, c.now, c.topTier, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if !p.Due.Equal(c.due) || p.Delayed != c.delayed {
				t.Fatalf("got %v delayed=%v, want %v delayed=%v", p.Due, p.Delayed, c.due, c.delayed)
			}
		})
	}
}

func TestGuestNamedTimes(t *testing.T) {
	transport := Department{Name: "Bell & transport", Hours: hours(5, 24)}
	cat := category("transport")
	if p, err := PromiseFor(cat, transport, at(9, 0), false, at(14, 30)); err != nil || !p.Due.Equal(at(14, 30)) {
		t.Fatalf("got %v, %v", p, err)
	}
	for name, when := range map[string]time.Time{"missing": {}, "past": at(8, 0), "outside hours": at(4, 0).AddDate(0, 0, 1)} {
		if _, err := PromiseFor(cat, transport, at(9, 0), false, when); err == nil {
			t.Errorf("%s guest time accepted", name)
		}
	}
	_, err := PromiseFor(cat, transport, at(9, 0), false, at(4, 30).AddDate(0, 0, 1))
	if err == nil || err.Error() != "Bell & transport serves 05:00–24:00 only; offer the guest a time inside those hours." {
		t.Fatalf("message: %v", err)
	}
}

func TestDefaultsAreComplete(t *testing.T) {
	depts := map[string]bool{}
	for _, d := range DefaultDepartments() {
		depts[d.Code] = true
	}
	for _, c := range DefaultCategories() {
		if !depts[c.Department] {
			t.Errorf("%s points at unknown department %s", c.Code, c.Department)
		}
		if !c.GuestNamesTime && c.Promise <= 0 {
			t.Errorf("%s has no promise", c.Code)
		}
		if c.TopTierPromise > c.Promise && !c.GuestNamesTime {
			t.Errorf("%s: top-tier promise is looser than the standard", c.Code)
		}
	}
}
