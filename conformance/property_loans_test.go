package conformance

import (
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/loans"
	"frontdesk/staff"
)

func TestItemsAreLentAndReturned(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleShiftManager)
		iron := loans.Item{Code: " iron ", Name: "Iron", Total: 2}
		if err := d.svc.Loans.SaveItem(ctx, &iron); err != nil {
			t.Fatal(err)
		}
		sameValue(t, "saved item", iron, loans.Item{Code: "iron", Name: "Iron", Total: 2})

		ctx = d.signIn(t, staff.RoleConcierge)
		me := staff.ActorFrom(ctx).Name
		g := newGuest(t, d, ctx, "Ana", "Lima")
		due := d.now.Add(48 * time.Hour)
		l := loans.Loan{ItemCode: "iron", Room: " 1204 ", GuestID: g.ID, Qty: 1, DueBack: due}
		if err := d.svc.Loans.Lend(ctx, &l); err != nil {
			t.Fatal(err)
		}
		if l.ID == "" {
			t.Fatal("the loan came back without its ID")
		}
		want := loans.Loan{ID: l.ID, ItemCode: "iron", Room: "1204", GuestID: g.ID, Qty: 1, LentBy: me, LentAt: d.now, DueBack: due}
		sameValue(t, "loan", l, want)
		out, err := d.svc.Loans.ListLoans(ctx, loans.Filter{OutOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "loans out", out, []loans.Loan{want})
		items, err := d.svc.Loans.ListItems(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "stock", items, []loans.ItemStock{{Item: loans.Item{Code: "iron", Name: "Iron", Total: 2}, Out: 1, Available: 1}})

		if err := d.svc.Loans.ReturnLoan(ctx, l.ID); err != nil {
			t.Fatal(err)
		}
		all, err := d.svc.Loans.ListLoans(ctx, loans.Filter{Room: "1204"})
		if err != nil {
			t.Fatal(err)
		}
		want.ReturnedAt = d.now
		sameValue(t, "loans of the room", all, []loans.Loan{want})
		if out, err = d.svc.Loans.ListLoans(ctx, loans.Filter{OutOnly: true}); err != nil || len(out) != 0 {
			t.Errorf("loans out after the return: %v, %v", out, err)
		}
	})
}

func TestLoanRefusals(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleDepartment)
		item := loans.Item{Code: "crib", Name: "Baby crib", Total: 1}
		err := d.svc.Loans.SaveItem(ctx, &item)
		wantProblem(t, err, errs.Invalid, "", staff.MsgManagerOnly)
		l := loans.Loan{ItemCode: "crib", Room: "1204", Qty: 1}
		err = d.svc.Loans.Lend(ctx, &l)
		wantProblem(t, err, errs.Invalid, "", staff.MsgNotYourRole)

		ctx = d.signIn(t, staff.RoleShiftManager)
		if err := d.svc.Loans.SaveItem(ctx, &item); err != nil {
			t.Fatal(err)
		}
		if err := d.svc.Loans.Lend(ctx, &l); err != nil {
			t.Fatal(err)
		}
		more := loans.Loan{ItemCode: "crib", Room: "815", Qty: 1}
		err = d.svc.Loans.Lend(ctx, &more)
		e := wantProblem(t, err, errs.Conflict, "", "Only {{.Left}} of {{.Total}} {{.Item}} left; the others are out to rooms {{.Rooms}}.")
		sameValue(t, "refusal's values", e.Args, map[string]any{"Left": 0, "Total": 1, "Item": "Baby crib", "Rooms": "1204"})
		item.Total = 0
		err = d.svc.Loans.SaveItem(ctx, &item)
		e = wantProblem(t, err, errs.Invalid, loans.FieldTotal,
			"{{.Out}} are lent out now (rooms {{.Rooms}}), so the total cannot be less than {{.Out}}.")
		sameValue(t, "refusal's values", e.Args, map[string]any{"Out": 1, "Rooms": "1204"})
		bad := loans.Loan{ItemCode: "crib", Room: "12 04", Qty: 0}
		err = d.svc.Loans.Lend(ctx, &bad)
		wantProblem(t, err, errs.Invalid, loans.FieldRoom, "Room may only contain letters, digits and '-' (at most 10).")
		wantProblem(t, err, errs.Invalid, loans.FieldQty, "Lend at least one.")

		if err := d.svc.Loans.ReturnLoan(ctx, l.ID); err != nil {
			t.Fatal(err)
		}
		err = d.svc.Loans.ReturnLoan(ctx, l.ID)
		e = wantProblem(t, err, errs.Conflict, "", "Already returned at {{.Time}}.")
		sameValue(t, "refusal's values", e.Args, map[string]any{"Time": "2026-11-23 09:30"})
		err = d.svc.Loans.ReturnLoan(ctx, "no-such-loan")
		wantProblem(t, err, errs.NotFound, "", "This loan is not on record; refresh the list.")
	})
}
