package requests

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// attentionCase builds a request by what it waits for at t0: a promise min minutes away
// (negative: late), or, done, a follow-up call due min minutes away.
func attentionCase(name string, s Status, min int) Summary {
	r := Request{ID: name, Status: s, CreatedAt: t0.Add(-2 * time.Hour), PromisedAt: t0.Add(time.Duration(min) * time.Minute)}
	if s == StatusDone {
		r.PromisedAt = t0.Add(-time.Hour)
		r.DoneAt = t0.Add(-90 * time.Minute)
		if min > 0 {
			r.NextFollowUp = t0.Add(time.Duration(min) * time.Minute)
		} else {
			r.DoneAt = t0.Add(time.Duration(min) * time.Minute)
		}
	}
	return Summary{Request: r}
}

func TestOverdueFirstByLatenessThenDueSoonThenTheRestWithFollowUpsByTheirCall(t *testing.T) {
	want := []Summary{
		attentionCase("overdue 27 min", StatusInProgress, -27),
		attentionCase("overdue 3 min", StatusNew, -3),
		attentionCase("due now", StatusAcknowledged, 0),
		attentionCase("due in 10 min", StatusReopened, 10),
		attentionCase("due in 29 min", StatusNew, 29),
		attentionCase("follow up, done 40 min ago", StatusDone, -40),
		attentionCase("follow up, done 5 min ago", StatusDone, -5),
		attentionCase("promised in 30 min", StatusNew, 30),
		attentionCase("try the guest again in 1 h", StatusDone, 60),
		attentionCase("promised in 2 h", StatusInProgress, 120),
		attentionCase("try the guest again in 3 h", StatusDone, 180),
	}
	names := func(rows []Summary) string {
		var out []string
		for _, r := range rows {
			out = append(out, r.ID)
		}
		return strings.Join(out, "\n")
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		got := slices.Clone(want)
		rnd.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		SortByAttention(got, t0)
		if names(got) != names(want) {
			t.Fatalf("order:\n%s\n\nwant:\n%s", names(got), names(want))
		}
	}
	for i, r := range want {
		if r.NeedsAttention(t0) != (i < 5) {
			t.Errorf("%s: needs attention %v", r.ID, r.NeedsAttention(t0))
		}
	}
}

func TestEqualRequestsKeepTheOrderTheyCameIn(t *testing.T) {
	a, b := attentionCase("logged first", StatusNew, -5), attentionCase("logged second", StatusNew, -5)
	rows := []Summary{a, b}
	SortByAttention(rows, t0)
	if rows[0].ID != a.ID || CompareAttention(&a.Request, &b.Request, t0) != 0 {
		t.Errorf("ties reordered: %s first", rows[0].ID)
	}
}
