package loans

import (
	"strings"
	"testing"
	"time"
)

func TestLendingCountsWhatIsOut(t *testing.T) {
	cribs := Item{Code: "crib", Name: "cribs", Total: 3}
	loans := []Loan{
		{ItemCode: "crib", Room: "1204", Qty: 1},
		{ItemCode: "crib", Room: "815", Qty: 1},
		{ItemCode: "crib", Room: "301", Qty: 1, ReturnedAt: at(9, 0)},
		{ItemCode: "umbrella", Room: "301", Qty: 4},
	}
	if got := Available(cribs, loans); got != 1 {
		t.Fatalf("available = %d, want 1", got)
	}
	if err := CheckLend(cribs, loans, 1); err != nil {
		t.Fatalf("the last crib was refused: %v", err)
	}
	err := CheckLend(cribs, loans, 2)
	if err == nil || !strings.Contains(err.Error(), "Only 1 of 3 cribs left; the others are out to rooms 1204, 815.") {
		t.Fatalf("got %v", err)
	}
	if CheckLend(cribs, loans, 0) == nil {
		t.Fatal("lending zero was accepted")
	}
}

func TestOverdueLoansArePastDepartureAndStillOut(t *testing.T) {
	now := at(12, 0)
	loans := []Loan{
		{ID: "a", Room: "1", DueBack: now.Add(-48 * time.Hour)},
		{ID: "b", Room: "2", DueBack: now.Add(time.Hour)},
		{ID: "c", Room: "3", DueBack: now.Add(-2 * time.Hour), ReturnedAt: now},
		{ID: "d", Room: "4", DueBack: now.Add(-time.Hour)},
	}
	got := Overdue(loans, now)
	if len(got) != 2 || got[0].ID != "a" || got[1].ID != "d" {
		t.Fatalf("got %+v", got)
	}
}

func at(h, m int) time.Time { return time.Date(2026, 11, 23, h, m, 0, 0, time.UTC) }
