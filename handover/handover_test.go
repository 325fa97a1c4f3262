package handover

import (
	"strings"
	"testing"
	"time"

	"frontdesk/errs"
)

func TestNearestRankIsTheSmallestRankCoveringTheShare(t *testing.T) {
	cases := []struct {
		p    float64
		n    int
		want int
	}{
		{0.5, 1, 1}, {0.5, 2, 1}, {0.5, 3, 2}, {0.5, 4, 2}, {0.5, 5, 3},
		{0.9, 1, 1}, {0.9, 4, 4}, {0.9, 10, 9}, {0.9, 11, 10}, {0.9, 100, 90},
	}
	for _, c := range cases {
		if got := NearestRank(c.p, c.n); got != c.want {
			t.Errorf("NearestRank(%v, %d) = %d, want %d", c.p, c.n, got, c.want)
		}
		// The store's SQL computes the same ranks as (n+1)/2 and (9n+9)/10.
		sql := (c.n + 1) / 2
		if c.p == 0.9 {
			sql = (9*c.n + 9) / 10
		}
		if sql != c.want {
			t.Errorf("the SQL rank for p=%v n=%d is %d, want %d", c.p, c.n, sql, c.want)
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
