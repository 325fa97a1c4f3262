package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

// auditPage is how many audit entries the view shows at once.
const auditPage = 300

// auditView lets a manager see who changed what, by person and by day.
type auditView struct {
	u       *UI
	content fyne.CanvasObject
	person  *keyEntry
	day     *keyEntry
	entries []audit.Entry
	list    *widget.List
	status  *widget.Label
	loadNo  int
}

func newAuditView(u *UI) *auditView {
	v := &auditView{u: u, status: subtle("")}
	v.person = newEntry()
	v.person.SetPlaceHolder(lang.L("Everyone (or type a full name)"))
	v.day = entryWith(u.now().Format("02/01/2006"), lang.L("DD/MM/YYYY"))
	v.person.OnChanged = func(string) { v.reload() }
	v.day.OnChanged = func(string) { v.reload() }
	v.list = widget.NewList(func() int { return len(v.entries) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(auditLine(v.entries[id], v.u.zone()))
	})
	filters := container.NewGridWithColumns(2, v.person, v.day)
	v.content = container.NewPadded(container.NewBorder(container.NewVBox(filters, v.status), nil, nil, nil, v.list))
	return v
}

func (v *auditView) reload() {
	if !v.u.actor.Role.Can(staff.PermBrowseAudit) {
		v.entries = nil
		v.list.Refresh()
		v.status.SetText(lang.L(staff.MsgManagerOnly))
		return
	}
	var problems errs.Fields
	day := parseDateField(&problems, "", v.day.Text)
	if day.IsZero() {
		v.status.SetText(lang.L("Type the date as DD/MM/YYYY, e.g. 24/11/2026."))
		return
	}
	from := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, v.u.zone())
	f := audit.Filter{ActorName: strings.TrimSpace(v.person.Text), From: from, To: from.AddDate(0, 0, 1), Limit: auditPage}
	v.loadNo++
	no := v.loadNo
	background(v.u, func(ctx context.Context) ([]audit.Entry, error) {
		return v.u.svc.Audit.ListAudit(ctx, f)
	}, func(es []audit.Entry, err error) {
		if no != v.loadNo {
			return
		}
		if err != nil {
			v.u.showError("audit", err)
			return
		}
		v.entries = es
		v.list.Refresh()
		v.status.SetText(fmt.Sprint(lang.N("{{.Count}} change", len(es), map[string]any{"Count": len(es)})))
	})
}

// showGuestHistory lists every recorded change to a guest's profile, newest first, for a
// manager.
func (u *UI) showGuestHistory(g guests.Guest) {
	background(u, func(ctx context.Context) ([]audit.Entry, error) {
		return u.svc.Audit.ListAudit(ctx, audit.Filter{GuestID: g.ID, Limit: auditPage})
	}, func(es []audit.Entry, err error) {
		if err != nil {
			u.showError("guest history", err)
			return
		}
		lines := make([]string, len(es))
		for i, e := range es {
			lines[i] = shortDate(e.At.In(u.zone())) + " " + auditLine(e, u.zone())
		}
		text := widget.NewLabel(strings.Join(lines, "\n"))
		d := dialog.NewCustom(lang.L("History of {{.Name}}", map[string]any{"Name": g.FullName()}), lang.L("Close"),
			container.NewVScroll(text), u.win)
		d.Resize(fyne.NewSize(760, 480))
		d.Show()
	})
}
