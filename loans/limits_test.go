package loans

import "testing"

func TestLoanQuantityIsInRange(t *testing.T) {
	for qty, want := range map[int]string{0: "Lend at least one.", MaxItemTotal + 1: "Lend at most 10000 at a time.", 2: ""} {
		l := Loan{ItemCode: "crib", Room: "1204", Qty: qty}
		e := l.Normalize().For(FieldQty)
		switch {
		case want == "" && e != nil:
			t.Errorf("qty %d refused: %v", qty, e)
		case want != "" && (e == nil || e.Error() != want):
			t.Errorf("qty %d: %v, want %q", qty, e, want)
		}
	}
}
