package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/errs"
	"frontdesk/loans"
)

// checkOutHour is when a loan falls due on the guest's departure day.
const checkOutHour = 12

// loansView shows what the property can lend, what is out and where, and what is overdue.
type loansView struct {
	u        *UI
	content  fyne.CanvasObject
	items    []loans.ItemStock
	loans    []loans.Loan
	stock    *widget.List
	out      *widget.List
	summary  *widget.Label
	lendForm *lendForm // the open lend dialog, if any
}

// lendForm is the lend dialog's inputs.
type lendForm struct {
	item           *widget.Select
	room, qty, due *keyEntry
	dialog         *formDialog
}

type loanData struct {
	items []loans.ItemStock
	loans []loans.Loan
}

func newLoansView(u *UI) *loansView {
	v := &loansView{u: u, summary: subtle("")}
	v.stock = widget.NewList(func() int { return len(v.items) }, v.newStockRow, v.updateStockRow)
	v.out = widget.NewList(func() int { return len(v.loans) }, v.newLoanRow, v.updateLoanRow)
	lend := widget.NewButtonWithIcon(lang.L("Lend an item"), theme.ContentAddIcon(), func() { v.lend("") })
	lend.Importance = widget.HighImportance
	left := container.NewBorder(container.NewBorder(nil, nil, heading(lang.L("Items")), lend), nil, nil, nil, v.stock)
	right := container.NewBorder(container.NewVBox(heading(lang.L("Out now")), v.summary), nil, nil, nil, v.out)
	split := container.NewHSplit(left, right)
	split.SetOffset(0.4)
	v.content = container.NewPadded(split)
	return v
}

func (v *loansView) reload() {
	background(v.u, func(ctx context.Context) (loanData, error) {
		items, err := v.u.svc.Loans.ListItems(ctx)
		if err != nil {
			return loanData{}, err
		}
		loans, err := v.u.svc.Loans.ListLoans(ctx, loans.Filter{OutOnly: true, Limit: 500})
		return loanData{items, loans}, err
	}, func(d loanData, err error) {
		if err != nil {
			v.u.showError("load loans", err)
			return
		}
		v.items, v.loans = d.items, d.loans
		v.stock.Refresh()
		v.out.Refresh()
		v.summary.SetText(v.outSummary())
	})
}

func (v *loansView) outSummary() string {
	overdue := len(loans.Overdue(v.loans, v.u.now()))
	return lang.L("{{.Out}} loans out, {{.Overdue}} past the guest's departure", map[string]any{"Out": len(v.loans), "Overdue": overdue})
}

func (v *loansView) newStockRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	count := widget.NewLabel("")
	lend := widget.NewButton(lang.L("Lend"), nil)
	return container.NewBorder(nil, nil, nil, container.NewHBox(count, lend), name)
}

func (v *loansView) updateStockRow(id widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	it := v.items[id]
	row.Objects[0].(*widget.Label).SetText(it.Name)
	right := row.Objects[1].(*fyne.Container)
	count := right.Objects[0].(*widget.Label)
	count.SetText(lang.L("{{.Available}} of {{.Total}} left", map[string]any{"Available": it.Available, "Total": it.Total}))
	count.Importance = widget.MediumImportance
	if it.Available == 0 {
		count.Importance = widget.DangerImportance
	}
	count.Refresh()
	lend := right.Objects[1].(*widget.Button)
	lend.OnTapped = func() { v.lend(it.Code) }
	if it.Available == 0 {
		lend.Disable()
	} else {
		lend.Enable()
	}
}

func (v *loansView) newLoanRow() fyne.CanvasObject {
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateEllipsis
	ret := widget.NewButtonWithIcon(lang.L("Returned"), theme.ConfirmIcon(), nil)
	return container.NewBorder(nil, nil, nil, ret, text)
}

func (v *loansView) updateLoanRow(id widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	l := v.loans[id]
	text := row.Objects[0].(*widget.Label)
	line := fmt.Sprintf("%s %s · %s ×%d", lang.L("Room"), l.Room, v.itemName(l.ItemCode), l.Qty)
	text.Importance = widget.MediumImportance
	if !l.DueBack.IsZero() {
		line += " · " + lang.L("due back") + " " + shortDate(l.DueBack)
		if l.DueBack.Before(v.u.now()) {
			line = "⚠ " + lang.L("OVERDUE") + " · " + line
			text.Importance = widget.DangerImportance
		}
	}
	line += " · " + l.LentBy
	text.SetText(line)
	row.Objects[1].(*widget.Button).OnTapped = func() { v.returnLoan(l) }
}

func (v *loansView) itemName(code string) string {
	for _, it := range v.items {
		if it.Code == code {
			return it.Name
		}
	}
	return code
}

// lend asks which item, which room, how many and until when, then lends.
func (v *loansView) lend(itemCode string) {
	names := make([]string, len(v.items))
	for i, it := range v.items {
		names[i] = it.Name
	}
	lf := &lendForm{item: newSelect(names, nil), room: entryWith("", lang.L("e.g. 1204")), qty: entryWith("1", ""),
		due: entryWith("", lang.L("the guest's departure, DD/MM/YYYY"))}
	if itemCode != "" {
		lf.item.SetSelected(v.itemName(itemCode))
	}
	f := newForm()
	f.add(loans.FieldItem, lang.L("Item"), lf.item)
	f.add(loans.FieldRoom, lang.L("Room"), lf.room)
	f.add(loans.FieldQty, lang.L("How many"), lf.qty)
	f.add("due_back", lang.L("Due back"), lf.due)
	v.lendForm = lf
	lf.dialog = v.u.showForm(lang.L("Lend an item"), lang.L("Lend"), f, func() func(context.Context) error {
		return v.loanWork(lf)
	}, v.reload)
	v.u.win.Canvas().Focus(lf.room)
}

// loanWork reads the lend form (on the UI goroutine) and returns the lending to do.
func (v *loansView) loanWork(lf *lendForm) func(context.Context) error {
	l := loans.Loan{Room: lf.room.Text}
	if i := lf.item.SelectedIndex(); i >= 0 {
		l.ItemCode = v.items[i].Code
	}
	l.Qty, _ = strconv.Atoi(strings.TrimSpace(lf.qty.Text))
	var fs errs.Fields
	if d := parseDateField(&fs, "due_back", lf.due.Text); !d.IsZero() {
		l.DueBack = d.Add(checkOutHour * time.Hour) // due when the guest checks out
	}
	if len(fs) > 0 {
		return fail(fs)
	}
	return func(ctx context.Context) error { return v.u.svc.Loans.Lend(ctx, &l) }
}

func (v *loansView) returnLoan(l loans.Loan) {
	background(v.u, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, v.u.svc.Loans.ReturnLoan(ctx, l.ID)
	}, func(_ struct{}, err error) {
		if err != nil {
			v.u.showError("return loan", err)
		}
		v.reload()
	})
}
