package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/errs"
	"frontdesk/property"
	"frontdesk/staff"
	"frontdesk/words"
)

// rosterView shows who is on shift now and the roster of a day; managers set who works
// which shift, who manages it, and when the shifts start.
type rosterView struct {
	u       *UI
	content fyne.CanvasObject
	now     *widget.Label
	times   *widget.Label
	day     *keyEntry
	shifts  map[property.Shift]*widget.Label
	edits   []*widget.Button
	data    rosterData
	open    *rosterForm
	// followNow: the day shown is the roster day of the shift on duty, until the manager
	// types another; settingDay marks the view's own change of the day field.
	followNow, settingDay bool
}

type rosterData struct {
	times      property.ShiftTimes
	roster     []property.RosterEntry
	staff      []staff.Staff
	current    property.Shift
	currentDay time.Time // the roster day the shift on duty belongs to
	manager    *property.RosterEntry
	people     int
}

// rosterForm is an open shift dialog's inputs.
type rosterForm struct {
	people  *widget.CheckGroup
	manager *widget.Select
	dialog  *formDialog
}

func newRosterView(u *UI) *rosterView {
	v := &rosterView{u: u, now: heading(""), times: subtle(""), shifts: map[property.Shift]*widget.Label{}}
	v.day = entryWith(u.now().Format("02/01/2006"), lang.L("DD/MM/YYYY"))
	v.followNow = true
	v.day.OnChanged = func(string) {
		v.followNow = v.followNow && v.settingDay // a day the manager typed stays
		v.reload()
	}
	columns := container.NewGridWithColumns(len(property.Shifts))
	for _, s := range property.Shifts {
		s := s
		people := widget.NewLabel("")
		people.Wrapping = fyne.TextWrapWord
		v.shifts[s] = people
		edit := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { v.edit(s) })
		v.edits = append(v.edits, edit)
		columns.Add(widget.NewCard(label(words.Shift, s), "", container.NewVBox(people, edit)))
	}
	editTimes := widget.NewButtonWithIcon(lang.L("Shift times"), theme.HistoryIcon(), v.editTimes)
	v.edits = append(v.edits, editTimes)
	top := container.NewVBox(v.now, container.NewBorder(nil, nil, nil, editTimes, v.times),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Roster for")), nil, v.day))
	v.content = container.NewPadded(container.NewBorder(top, nil, nil, nil, container.NewVScroll(columns)))
	return v
}

func (v *rosterView) reload() {
	for _, b := range v.edits {
		b.Hidden = !v.u.actor.Role.Can(staff.PermEditStaff)
		b.Refresh()
	}
	var problems errs.Fields
	day := parseDateField(&problems, "", v.day.Text)
	if day.IsZero() {
		return
	}
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, v.u.zone())
	now := v.u.now()
	background(v.u, func(ctx context.Context) (rosterData, error) {
		var d rosterData
		var err error
		if d.times, err = v.u.svc.Roster.ShiftTimes(ctx); err != nil {
			return d, err
		}
		if d.roster, err = v.u.svc.Roster.Roster(ctx, day); err != nil {
			return d, err
		}
		if d.staff, err = v.u.svc.Staff.ListStaff(ctx, staff.Filter{ActiveOnly: true, Limit: 1000}); err != nil {
			return d, err
		}
		var people []property.RosterEntry
		d.current, d.currentDay, people, d.manager, err = v.u.svc.Roster.OnShift(ctx, now)
		d.people = len(people)
		return d, err
	}, func(d rosterData, err error) {
		if err != nil {
			v.u.showError("load roster", err)
			return
		}
		if shown := d.currentDay.Format("02/01/2006"); v.followNow && shown != v.day.Text {
			// Before the morning shift the night on duty belongs to yesterday's roster.
			v.settingDay = true
			v.day.SetText(shown)
			v.settingDay = false
			return
		}
		v.data = d
		v.show()
	})
}

func (v *rosterView) show() {
	d := v.data
	manager := lang.L("no shift manager rostered")
	if d.manager != nil {
		manager = lang.L("shift manager {{.Name}}", map[string]any{"Name": d.manager.StaffName})
	}
	v.now.SetText(lang.L("On shift now: {{.Shift}} · {{.Manager}} · {{.Count}} on the roster",
		map[string]any{"Shift": label(words.Shift, d.current), "Manager": manager, "Count": d.people}))
	v.times.SetText(fmt.Sprintf("%s %s · %s %s · %s %s", lang.L("Morning"), clock(d.times.MorningStart),
		lang.L("Evening"), clock(d.times.EveningStart), lang.L("Night"), clock(d.times.NightStart)))
	for _, s := range property.Shifts {
		var names []string
		for _, e := range d.roster {
			if e.Shift != s {
				continue
			}
			if e.Manager {
				names = append(names, "★ "+e.StaffName+" ("+lang.L("manager")+")")
			} else {
				names = append(names, e.StaffName)
			}
		}
		if len(names) == 0 {
			names = []string{lang.L("Nobody rostered")}
		}
		v.shifts[s].SetText(strings.Join(names, "\n"))
	}
}

// edit sets who works shift s on the chosen day and who manages it.
func (v *rosterView) edit(s property.Shift) {
	var names, managers []string
	for _, st := range v.data.staff {
		names = append(names, st.Name)
		if st.Role.IsManager() {
			managers = append(managers, st.Name)
		}
	}
	rf := &rosterForm{people: widget.NewCheckGroup(names, nil), manager: newSelect(append([]string{lang.L("Nobody")}, managers...), nil)}
	rf.manager.SetSelectedIndex(0)
	for _, e := range v.data.roster {
		if e.Shift == s {
			rf.people.Selected = append(rf.people.Selected, e.StaffName)
			if e.Manager {
				rf.manager.SetSelected(e.StaffName)
			}
		}
	}
	f := newForm()
	f.add(property.FieldManager, lang.L("Shift manager"), rf.manager)
	f.add(property.FieldRoster, lang.L("Working"), rf.people)
	v.open = rf
	day := v.day.Text
	rf.dialog = v.u.showForm(lang.L("{{.Shift}} shift", map[string]any{"Shift": label(words.Shift, s)}), lang.L("Save"), f,
		func() func(context.Context) error {
			entries := v.entriesFrom(rf)
			var problems errs.Fields
			d := parseDateField(&problems, "", day)
			d = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, v.u.zone())
			return func(ctx context.Context) error { return v.u.svc.Roster.SetRoster(ctx, d, s, entries) }
		}, v.reload)
}

// entriesFrom turns the ticked names into roster entries; the chosen manager is on the
// shift even when not ticked.
func (v *rosterView) entriesFrom(rf *rosterForm) []property.RosterEntry {
	var out []property.RosterEntry
	for _, st := range v.data.staff {
		isManager := rf.manager.SelectedIndex() > 0 && rf.manager.Selected == st.Name
		ticked := false
		for _, n := range rf.people.Selected {
			ticked = ticked || n == st.Name
		}
		if ticked || isManager {
			out = append(out, property.RosterEntry{StaffID: st.ID, StaffName: st.Name, Manager: isManager})
		}
	}
	return out
}

// editTimes changes when the three shifts start.
func (v *rosterView) editTimes() {
	t := v.data.times
	morning, evening, night := entryWith(clock(t.MorningStart), "07:00"), entryWith(clock(t.EveningStart), "15:00"), entryWith(clock(t.NightStart), "23:00")
	f := newForm()
	f.add(property.FieldMorningStart, lang.L("Morning starts"), morning)
	f.add(property.FieldEveningStart, lang.L("Evening starts"), evening)
	f.add(property.FieldNightStart, lang.L("Night starts"), night)
	v.u.showForm(lang.L("Shift times"), lang.L("Save"), f, func() func(context.Context) error {
		var up property.ShiftTimes
		var ok [3]bool
		up.MorningStart, ok[0] = parseClock(morning.Text)
		up.EveningStart, ok[1] = parseClock(evening.Text)
		up.NightStart, ok[2] = parseClock(night.Text)
		if !ok[0] || !ok[1] || !ok[2] {
			return fail(fieldProblem(property.FieldMorningStart, "Type the hours as HH:MM, e.g. 06:00 and 23:00."))
		}
		return func(ctx context.Context) error { return v.u.svc.Roster.SaveShiftTimes(ctx, up) }
	}, v.reload)
}
