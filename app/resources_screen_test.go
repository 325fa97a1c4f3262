package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"frontdesk/anticipation"
	"frontdesk/guests"
	"frontdesk/loans"
	"frontdesk/staff"
	"frontdesk/standards"
)

func managerCtx() context.Context {
	return staff.WithActor(context.Background(), staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager})
}

func TestLendingFromTheLoansViewCountsDownAndReturnRestores(t *testing.T) {
	h := newHarness(t, nil)
	must(t, h.store.SaveItem(managerCtx(), &loans.Item{Code: "crib", Name: "Baby cribs", Total: 1}))
	v := h.ui.resources.loans
	v.reload()
	h.settle(0)
	if len(v.items) != 1 || v.items[0].Available != 1 {
		t.Fatalf("items: %+v", v.items)
	}

	v.lend("crib")
	lf := v.lendForm
	test.Type(lf.room, "1204")
	test.Type(lf.due, "24/11/2026")
	test.Tap(lf.dialog.save)
	h.settle(0)
	if len(v.loans) != 1 || v.loans[0].Room != "1204" || v.items[0].Available != 0 {
		t.Fatalf("after lending: loans %+v items %+v", v.loans, v.items)
	}
	if v.loans[0].LentBy != "Dewi Lestari" || !v.loans[0].DueBack.Equal(time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("loan: %+v", v.loans[0])
	}

	v.lend("crib")
	lf = v.lendForm
	test.Type(lf.room, "815")
	test.Tap(lf.dialog.save)
	h.settle(0)
	if len(v.loans) != 1 {
		t.Fatal("the last crib was lent twice")
	}

	v.returnLoan(v.loans[0])
	h.settle(0)
	if len(v.loans) != 0 || v.items[0].Available != 1 {
		t.Fatalf("after return: loans %+v items %+v", v.loans, v.items)
	}
}

func TestOverdueLoansAreMarkedInWords(t *testing.T) {
	h := newHarness(t, nil)
	must(t, h.store.SaveItem(managerCtx(), &loans.Item{Code: "umbrella", Name: "Umbrellas", Total: 5}))
	must(t, h.store.Lend(managerCtx(), &loans.Loan{ItemCode: "umbrella", Room: "301", Qty: 1, DueBack: h.now().Add(-time.Hour)}))
	v := h.ui.resources.loans
	v.reload()
	h.settle(0)
	row := v.newLoanRow()
	v.updateLoanRow(0, row)
	if l := findLabel(row, "OVERDUE"); l == nil || !strings.Contains(l.Text, "Room 301") {
		t.Fatalf("overdue loan not marked: %+v", l)
	}
	if !strings.Contains(v.summary.Text, "1 past the guest's departure") {
		t.Errorf("summary: %q", v.summary.Text)
	}
}

func TestServiceStandardEditShowsProblemBesideTheField(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	v := h.ui.resources.standards
	v.reload()
	h.settle(0)
	if len(v.cats) == 0 {
		t.Fatal("no service standards listed")
	}
	var towels standards.Category
	for _, c := range v.cats {
		if c.Code == "towels" {
			towels = c
		}
	}
	fd := v.edit(towels)
	fd.fields["promise"].SetText("10")
	fd.fields["top_tier_promise"].SetText("30")
	test.Tap(fd.dialog.save)
	h.settle(0)
	if got := fd.dialog.form.message(standards.FieldTopTier); got != "The VIP promise must be no longer than the standard one." {
		t.Fatalf("message beside the VIP promise = %q", got)
	}
	fd.fields["top_tier_promise"].SetText("5")
	test.Tap(fd.dialog.save)
	h.settle(0)
	cats, _ := h.store.ListCategories(context.Background())
	for _, c := range cats {
		if c.Code == "towels" && (c.Promise != 10*time.Minute || c.TopTierPromise != 5*time.Minute) {
			t.Fatalf("saved %+v", c)
		}
	}
}

// A manager sets bedding wishes to need a person under Resources → Preparation; the store
// keeps it. An agent sees the rules without Edit.
func TestPreparationRulesEditedByAManager(t *testing.T) {
	h := newBareHarness(t, nil)
	h.ui.showMain(h.staff("Rina Kusuma", staff.RoleShiftManager))
	v := h.ui.resources.prep
	v.reload()
	h.settle(0)
	row := -1
	for i, r := range v.rules {
		if r.Source == anticipation.SourceOfPreference(guests.PrefBedding) {
			row = i
		}
	}
	if row < 0 || !v.rules[row].Auto {
		t.Fatalf("bedding's rule: %+v", v.rules)
	}
	v.edit(row)
	v.open.how.SetSelected("A person decides on Today")
	v.open.hour.SetSelected("20:00")
	test.Tap(v.open.dialog.save)
	h.settle(0)
	rules, err := h.store.PrepRules(context.Background())
	must(t, err)
	if r := rules[row]; r.Auto || r.AtHour != 20 {
		t.Fatalf("stored %+v", r)
	}
	if len(v.rules) != len(rules) || v.rules[row].Auto {
		t.Fatal("the list was not read again")
	}
	item := v.list.CreateItem()
	v.list.UpdateItem(row, item)
	if r := item.(*editRow); r.detail.Text != "A person decides on Today" || r.name.Text != "Wish: Bedding" {
		t.Fatalf("the row says %q: %q", r.name.Text, r.detail.Text)
	}

	h.ui.showMain(h.staff("Dewi Lestari", staff.RoleAgent))
	a := h.ui.resources.prep
	a.reload()
	h.settle(0)
	item = a.list.CreateItem()
	a.list.UpdateItem(row, item)
	if !item.(*editRow).edit.Hidden {
		t.Fatal("an agent may edit the preparation rules")
	}
}
