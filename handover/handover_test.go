package handover

import (
	"strings"
	"testing"
	"time"

	"frontdesk/errs"
)

func TestQuantileInterpolatesBetweenTheNearestValues(t *testing.T) {
	min := func(ms ...int) []time.Duration {
		out := make([]time.Duration, len(ms))
		for i, m := range ms {
			out[i] = time.Duration(m) * time.Minute
		}
		return out
	}
	cases := []struct {
		values []time.Duration
		p      float64
		want   time.Duration
	}{
		{nil, 0.5, 0},
		{min(7), 0.9, 7 * time.Minute},
		{min(2, 4, 6, 20), 0.5, 5 * time.Minute},
		{min(2, 4, 6, 20), 0.9, 15*time.Minute + 48*time.Second},
		{min(1, 2, 4, 5, 6, 20), 0.5, 4*time.Minute + 30*time.Second},
		{min(1, 2, 3), 0.5, 2 * time.Minute},
		{min(1, 2, 3), 1, 3 * time.Minute},
	}
	for _, c := range cases {
		if got := Quantile(c.values, c.p); got != c.want {
			t.Errorf("Quantile(%v, %v) = %v, want %v", c.values, c.p, got, c.want)
		}
	}
}

func TestNoteIsCleanedAndChecked(t *testing.T) {
	n := Note{Text: "  Lift 2 out of order\r\n  until Friday ", Room: " 1204 "}
	if fs := n.Normalize(); len(fs) != 0 || n.Text != "Lift 2 out of order\n  until Friday" || n.Room != "1204" {
		t.Fatalf("cleaned %q %q: %v", n.Text, n.Room, fs)
	}
	for _, text := range []string{"", " \n ", strings.Repeat("x", MaxNoteText+1), "bell\a"} {
		n := Note{Text: text}
		if fs := n.Normalize(); fs.For(FieldText) == nil {
			t.Errorf("note %q accepted", text)
		}
	}
}

func TestDurationsReadAsStaffSayThem(t *testing.T) {
	for d, want := range map[time.Duration]string{
		-time.Minute: "0 min", 59 * time.Minute: "59 min", time.Hour: "1 h", 95 * time.Minute: "1 h 35 min",
		26 * time.Hour: "1 d",
	} {
		if got := English.Duration(d); got != want {
			t.Errorf("Duration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestPeriodsAreWholeDays(t *testing.T) {
	p := LastDays(time.Date(2026, 11, 23, 14, 50, 0, 0, time.UTC), 7)
	if !p.From.Equal(time.Date(2026, 11, 17, 0, 0, 0, 0, time.UTC)) || !p.To.Equal(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("last 7 days = %v – %v", p.From, p.To)
	}
	if p.Check() != nil {
		t.Error("a week is a valid period")
	}
	for _, bad := range []Period{{From: p.To, To: p.From}, {From: p.From, To: p.From}, {From: p.From, To: p.From.AddDate(4, 0, 0)}} {
		if errs.CodeOf(bad.Check()) != errs.Invalid {
			t.Errorf("period %v accepted", bad)
		}
	}
}

func TestAgeBuckets(t *testing.T) {
	for age, want := range map[time.Duration]int{0: 0, 59 * time.Minute: 0, time.Hour: 1, 5 * time.Hour: 2, 30 * time.Hour: 3} {
		if got := AgeBucket(age); got != want {
			t.Errorf("AgeBucket(%v) = %d, want %d", age, got, want)
		}
	}
}

func TestBlocksFollowTheSectionOrderAndMarkAlarmsInWords(t *testing.T) {
	bs := fixtureReport().Blocks(English)
	if len(bs) != len(Sections) {
		t.Fatalf("%d blocks", len(bs))
	}
	for i, b := range bs {
		if b.Section != Sections[i] {
			t.Errorf("block %d is %s, want %s", i, b.Section, Sections[i])
		}
		for _, e := range b.Entries {
			if e.Alarm && !strings.ContainsAny(e.Mark, "⚠⬆☎") {
				t.Errorf("%s: alarm %q says nothing in words or symbol", b.Section, e.Mark)
			}
		}
	}
}
