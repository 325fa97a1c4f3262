package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/staff"
	"frontdesk/standards"
	"frontdesk/words"
)

// staffView lists who works here; managers add people, change roles and departments,
// switch accounts off and reset PINs.
type staffView struct {
	u       *UI
	content fyne.CanvasObject
	filter  *keyEntry
	all     []staff.Staff
	shown   []staff.Staff
	depts   []standards.Department
	list    *widget.List
	add     *widget.Button
	open    *staffForm // the open dialog, if any
}

// staffForm is an open staff dialog's inputs.
type staffForm struct {
	name, pin *keyEntry
	role      *widget.Select
	depts     *widget.CheckGroup
	active    *widget.Check
	dialog    *formDialog
}

type staffData struct {
	staff []staff.Staff
	depts []standards.Department
}

func newStaffView(u *UI) *staffView {
	v := &staffView{u: u}
	v.filter = newEntry()
	v.filter.SetPlaceHolder(lang.L("Filter by name"))
	v.filter.OnChanged = func(string) { v.applyFilter() }
	v.list = widget.NewList(func() int { return len(v.shown) }, v.newRow, v.updateRow)
	v.add = widget.NewButtonWithIcon(lang.L("New member of staff"), theme.ContentAddIcon(), func() { v.edit(staff.Staff{Active: true}) })
	v.add.Importance = widget.HighImportance
	v.content = container.NewPadded(container.NewBorder(container.NewBorder(nil, nil, nil, v.add, v.filter), nil, nil, nil, v.list))
	return v
}

func (v *staffView) reload() {
	if v.u.actor.Role.Can(staff.PermEditStaff) {
		v.add.Show()
	} else {
		v.add.Hide()
	}
	background(v.u, func(ctx context.Context) (staffData, error) {
		staff, err := v.u.svc.Staff.ListStaff(ctx, staff.Filter{Limit: 1000})
		if err != nil {
			return staffData{}, err
		}
		depts, err := v.u.svc.Standards.ListDepartments(ctx)
		return staffData{staff, depts}, err
	}, func(d staffData, err error) {
		if err != nil {
			v.u.showError("load staff", err)
			return
		}
		v.all, v.depts = d.staff, d.depts
		v.applyFilter()
	})
}

func (v *staffView) applyFilter() {
	text := strings.ToLower(strings.TrimSpace(v.filter.Text))
	v.shown = v.shown[:0]
	for _, st := range v.all {
		if strings.Contains(strings.ToLower(st.Name), text) {
			v.shown = append(v.shown, st)
		}
	}
	v.list.Refresh()
}

func (v *staffView) newRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	detail := widget.NewLabel("")
	edit := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), nil)
	pin := widget.NewButton(lang.L("Reset PIN"), nil)
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(220, name.MinSize().Height), name), container.NewHBox(pin, edit), detail)
}

func (v *staffView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	st := v.shown[id]
	row.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(st.Name)
	detail := row.Objects[0].(*widget.Label)
	detail.SetText(v.describe(st))
	buttons := row.Objects[2].(*fyne.Container)
	buttons.Objects[0].(*widget.Button).OnTapped = func() { v.resetPIN(st) }
	buttons.Objects[1].(*widget.Button).OnTapped = func() { v.edit(st) }
	if v.u.actor.Role.Can(staff.PermEditStaff) {
		buttons.Show()
	} else {
		buttons.Hide()
	}
}

// describe is "Front-desk agent · Front desk", with "switched off" or "locked" in words.
func (v *staffView) describe(st staff.Staff) string {
	parts := []string{label(words.Role, st.Role)}
	for _, code := range st.Departments {
		parts = append(parts, v.deptName(code))
	}
	if !st.Active {
		parts = append(parts, lang.L("switched off"))
	}
	if st.Locked(v.u.now()) {
		parts = append(parts, lang.L("locked after wrong PINs"))
	}
	return strings.Join(parts, " · ")
}

func (v *staffView) deptName(code string) string {
	for _, d := range v.depts {
		if d.Code == code {
			return d.Name
		}
	}
	return code
}

// edit opens a member of staff (ID empty for a new one).
func (v *staffView) edit(st staff.Staff) {
	roles, roleOf := options(words.Role, staff.Roles)
	names := make([]string, len(v.depts))
	for i, d := range v.depts {
		names[i] = d.Name
	}
	sf := &staffForm{name: entryWith(st.Name, ""), pin: newPasswordEntry(), role: newSelect(roles, nil),
		depts: widget.NewCheckGroup(names, nil), active: widget.NewCheck(lang.L("May sign in"), nil)}
	sf.role.SetSelected(label(words.Role, st.Role))
	for _, code := range st.Departments {
		sf.depts.Selected = append(sf.depts.Selected, v.deptName(code))
	}
	sf.active.SetChecked(st.Active)
	f := newForm()
	f.add(staff.FieldName, lang.L("Name"), sf.name)
	f.add(staff.FieldRole, lang.L("Role"), sf.role)
	f.add(staff.FieldDepartments, lang.L("Departments"), sf.depts)
	if st.ID == "" {
		f.add(staff.FieldPIN, lang.L("PIN (4–8 digits)"), sf.pin)
	}
	f.add("active", "", sf.active)
	title := lang.L("Edit member of staff")
	if st.ID == "" {
		title = lang.L("New member of staff")
	}
	v.open = sf
	sf.dialog = v.u.showForm(title, lang.L("Save"), f, func() func(context.Context) error {
		up := st
		up.Name, up.Role, up.Active = sf.name.Text, roleOf(sf.role.Selected), sf.active.Checked
		up.Departments = v.codesOf(sf.depts.Selected)
		pin := sf.pin.Text
		return func(ctx context.Context) error {
			if up.ID == "" {
				return v.u.svc.Staff.CreateStaff(ctx, &up, pin)
			}
			return v.u.svc.Staff.UpdateStaff(ctx, &up)
		}
	}, v.reload)
	v.u.win.Canvas().Focus(sf.name)
}

func (v *staffView) codesOf(names []string) []string {
	var codes []string
	for _, n := range names {
		for _, d := range v.depts {
			if d.Name == n {
				codes = append(codes, d.Code)
			}
		}
	}
	return codes
}

// resetPIN gives someone a new PIN and lifts a lock.
func (v *staffView) resetPIN(st staff.Staff) {
	sf := &staffForm{pin: newPasswordEntry()}
	f := newForm()
	f.add(staff.FieldPIN, lang.L("New PIN"), sf.pin)
	v.open = sf
	sf.dialog = v.u.showForm(lang.L("Reset PIN for {{.Name}}", map[string]any{"Name": st.Name}), lang.L("Save"), f,
		func() func(context.Context) error {
			pin := sf.pin.Text
			return func(ctx context.Context) error { return v.u.svc.Staff.ResetStaffPIN(ctx, st.ID, pin) }
		}, v.reload)
	v.u.win.Canvas().Focus(sf.pin)
}
