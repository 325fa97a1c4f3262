package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/staff"
	"frontdesk/standards"
)

// departmentsView lists the departments with their service hours and who to call now;
// managers edit them.
type departmentsView struct {
	u       *UI
	content fyne.CanvasObject
	depts   []standards.Department
	list    *widget.List
	add     *widget.Button
	open    *departmentForm
}

// departmentForm is an open department dialog's inputs.
type departmentForm struct {
	code, name, contact, open, close *keyEntry
	allDay                           *widget.Check
	dialog                           *formDialog
}

func newDepartmentsView(u *UI) *departmentsView {
	v := &departmentsView{u: u}
	v.list = widget.NewList(func() int { return len(v.depts) }, func() fyne.CanvasObject { return newEditRow(260) }, v.updateRow)
	v.add = widget.NewButtonWithIcon(lang.L("Department"), theme.ContentAddIcon(), func() { v.edit(standards.Department{}) })
	note := subtle(lang.L("Requests outside a department's hours are promised from its next opening."))
	v.content = container.NewPadded(container.NewBorder(container.NewBorder(nil, nil, nil, v.add, note), nil, nil, nil, v.list))
	return v
}

func (v *departmentsView) reload() {
	v.add.Hidden = !v.u.actor.Role.Can(staff.PermEditDepartments)
	v.add.Refresh()
	background(v.u, v.u.svc.Standards.ListDepartments, func(depts []standards.Department, err error) {
		if err != nil {
			v.u.showError("load departments", err)
			return
		}
		v.depts = depts
		v.list.Refresh()
	})
}

func (v *departmentsView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	d := v.depts[id]
	hours := lang.L("around the clock")
	if !d.Hours.AllDay() {
		hours = d.Hours.String()
	}
	contact := d.OnDutyContact
	if contact == "" {
		contact = lang.L("no on-duty contact set")
	}
	o.(*editRow).set(d.Name, hours+" · "+contact, v.u.actor.Role.Can(staff.PermEditDepartments), func() { v.edit(d) })
}

// edit opens a department (empty code for a new one) for a manager.
func (v *departmentsView) edit(d standards.Department) {
	df := &departmentForm{code: entryWith(d.Code, lang.L("e.g. spa")), name: entryWith(d.Name, ""),
		contact: entryWith(d.OnDutyContact, lang.L("name or extension, e.g. ext. 4410")),
		open:    entryWith(clock(d.Hours.Open), "06:00"), close: entryWith(clock(d.Hours.Close), "23:00"),
		allDay: widget.NewCheck(lang.L("Around the clock"), nil)}
	df.allDay.SetChecked(d.Code == "" || d.Hours.AllDay())
	if d.Code != "" {
		df.code.Disable() // requests refer to the code
	}
	f := newForm()
	f.add(standards.FieldCode, lang.L("Code"), df.code)
	f.add(standards.FieldName, lang.L("Name"), df.name)
	f.add(standards.FieldContact, lang.L("On-duty contact"), df.contact)
	f.add("all_day", "", df.allDay)
	f.add(standards.FieldHours, lang.L("Opens – closes"), container.NewGridWithColumns(2, df.open, df.close))
	v.open = df
	df.dialog = v.u.showForm(lang.L("Department"), lang.L("Save"), f, func() func(context.Context) error {
		up := standards.Department{Code: strings.TrimSpace(df.code.Text), Name: df.name.Text, OnDutyContact: df.contact.Text}
		if !df.allDay.Checked {
			o, ok1 := parseClock(df.open.Text)
			c, ok2 := parseClock(df.close.Text)
			if !ok1 || !ok2 {
				return fail(fieldProblem(standards.FieldHours, "Type the hours as HH:MM, e.g. 06:00 and 23:00."))
			}
			up.Hours = standards.ServiceHours{Open: o, Close: c}
		}
		return func(ctx context.Context) error { return v.u.svc.Standards.SaveDepartment(ctx, &up) }
	}, v.reload)
}

func clock(m int) string {
	if m == 0 {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// parseClock reads "06:00", "6:00", "0600" or "24:00" as minutes after midnight.
func parseClock(s string) (int, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ".", ":")
	h, m, found := strings.Cut(s, ":")
	if !found && len(s) == 4 {
		h, m = s[:2], s[2:]
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || mm < 0 || mm > 59 || hh*60+mm > 1440 {
		return 0, false
	}
	return hh*60 + mm, true
}
