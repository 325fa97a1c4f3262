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
	"fyne.io/fyne/v2/widget"

	"frontdesk/staff"
	"frontdesk/standards"
)

// standardsView lists each request category with its department and promise; managers
// edit them here.
type standardsView struct {
	u       *UI
	content fyne.CanvasObject
	cats    []standards.Category
	depts   []standards.Department
	list    *widget.List
}

// standardsData is the categories and departments, loaded together.
type standardsData struct {
	cats  []standards.Category
	depts []standards.Department
}

// loadStandards reads the categories and departments in one go.
func loadStandards(svc standards.Service) func(context.Context) (standardsData, error) {
	return func(ctx context.Context) (standardsData, error) {
		cats, err := svc.ListCategories(ctx)
		if err != nil {
			return standardsData{}, err
		}
		depts, err := svc.ListDepartments(ctx)
		return standardsData{cats, depts}, err
	}
}

func newStandardsView(u *UI) *standardsView {
	v := &standardsView{u: u}
	v.list = widget.NewList(func() int { return len(v.cats) }, func() fyne.CanvasObject { return newEditRow(220) }, v.updateRow)
	note := subtle(lang.L("How soon each kind of request is promised to the guest. Only managers can change a standard."))
	note.Wrapping = fyne.TextWrapWord
	v.content = container.NewPadded(container.NewBorder(note, nil, nil, nil, v.list))
	return v
}

func (v *standardsView) reload() {
	background(v.u, loadStandards(v.u.svc.Standards), func(d standardsData, err error) {
		if err != nil {
			v.u.showError("load standards", err)
			return
		}
		v.cats, v.depts = d.cats, d.depts
		v.list.Refresh()
	})
}

func (v *standardsView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	c := v.cats[id]
	o.(*editRow).set(c.Name, v.deptWithHours(c.Department)+" · "+promiseText(c),
		v.u.actor.Role.Can(staff.PermEditStandards), func() { v.edit(c) })
}

// promiseText is "15 min, VIP 10 min" or "at the time the guest names".
func promiseText(c standards.Category) string {
	if c.GuestNamesTime {
		return lang.L("at the time the guest names")
	}
	s := lang.L("within {{.Min}} min", map[string]any{"Min": int(c.Promise.Minutes())})
	if c.TopTierPromise > 0 && c.TopTierPromise < c.Promise {
		s += ", " + lang.L("VIP {{.Min}} min", map[string]any{"Min": int(c.TopTierPromise.Minutes())})
	}
	return s
}

// deptWithHours is "Housekeeping (06:00–23:00)", or just the name around the clock.
func (v *standardsView) deptWithHours(code string) string {
	for _, d := range v.depts {
		if d.Code == code && !d.Hours.AllDay() {
			return d.Name + " (" + d.Hours.String() + ")"
		}
	}
	return v.deptName(code)
}

func (v *standardsView) deptName(code string) string {
	for _, d := range v.depts {
		if d.Code == code {
			return d.Name
		}
	}
	return code
}

// standardForm is an open service-standard dialog; fields are its entries by field name.
type standardForm struct {
	dialog *formDialog
	fields map[string]*keyEntry
}

// edit opens the service standard of c for a manager.
func (v *standardsView) edit(c standards.Category) *standardForm {
	names := make([]string, len(v.depts))
	for i, d := range v.depts {
		names[i] = d.Name
	}
	dept := newSelect(names, nil)
	dept.SetSelected(v.deptName(c.Department))
	name := entryWith(c.Name, "")
	promise := entryWith(minutesText(c.Promise), lang.L("minutes"))
	vip := entryWith(minutesText(c.TopTierPromise), lang.L("minutes; empty for the same"))
	guestTime := widget.NewCheck(lang.L("The guest names the time (wake-up call, transport)"), nil)
	guestTime.SetChecked(c.GuestNamesTime)
	words := newMultiLineEntry()
	words.SetText(strings.Join(c.Words, ", "))
	words.SetPlaceHolder(lang.L("words staff may type for it, comma-separated: ac, aircon, AC panas"))
	words.Wrapping = fyne.TextWrapWord
	words.SetMinRowsVisible(2)
	f := newForm()
	f.add(standards.FieldName, lang.L("Name"), name)
	f.add(standards.FieldDepartment, lang.L("Department"), dept)
	f.add(standards.FieldPromise, lang.L("Promise"), promise)
	f.add(standards.FieldTopTier, lang.L("VIP promise"), vip)
	f.add("guest_names_time", "", guestTime)
	f.add(standards.FieldWords, lang.L("Search words"), words)
	sf := &standardForm{fields: map[string]*keyEntry{standards.FieldName: name, standards.FieldPromise: promise,
		standards.FieldTopTier: vip, standards.FieldWords: words}}
	sf.dialog = v.u.showForm(lang.L("Service standard"), lang.L("Save"), f, func() func(context.Context) error {
		up := c
		up.Name, up.GuestNamesTime = name.Text, guestTime.Checked
		if i := dept.SelectedIndex(); i >= 0 {
			up.Department = v.depts[i].Code
		}
		up.Promise, up.TopTierPromise = parseMinutes(promise.Text), parseMinutes(vip.Text)
		up.Words = strings.Split(words.Text, ",")
		return func(ctx context.Context) error { return v.u.svc.Standards.SaveCategory(ctx, &up) }
	}, v.reload)
	return sf
}

func minutesText(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	return fmt.Sprint(int(d.Minutes()))
}

// parseMinutes reads whole minutes; anything else becomes 0 and the domain says why.
func parseMinutes(s string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0
	}
	return time.Duration(n) * time.Minute
}
