package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"frontdesk/anticipation"
	"frontdesk/guests"
	"frontdesk/staff"
	"frontdesk/words"
)

// prepView lists how each kind of wish and alert is prepared for an arrival —
// automatically the evening before, or by a person on Today — and lets managers change it.
type prepView struct {
	u       *UI
	content fyne.CanvasObject
	rules   []anticipation.PrepRule
	list    *widget.List
	open    *prepForm
}

// prepForm is an open rule's inputs.
type prepForm struct {
	how, hour *widget.Select
	dialog    *formDialog
}

func newPrepView(u *UI) *prepView {
	v := &prepView{u: u}
	v.list = widget.NewList(func() int { return len(v.rules) }, func() fyne.CanvasObject { return newEditRow(220) }, v.updateRow)
	note := subtle(lang.L("Automatic preparation is logged by Frontdesk at the hour set, the day before the guest arrives, once per stay. The rest waits on Today for someone to decide."))
	note.Wrapping = fyne.TextWrapWord
	v.content = container.NewPadded(container.NewBorder(note, nil, nil, nil, v.list))
	return v
}

func (v *prepView) reload() {
	if v.u.svc.PrepRules == nil {
		return
	}
	background(v.u, v.u.svc.PrepRules.PrepRules, func(rules []anticipation.PrepRule, err error) {
		if err != nil {
			v.u.showError("load preparation rules", err)
			return
		}
		v.rules = rules
		v.list.Refresh()
	})
}

func (v *prepView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := v.rules[id]
	o.(*editRow).set(sourceName(r.Source), prepText(r), v.u.actor.Role.Can(staff.PermEditStandards), func() { v.edit(id) })
}

// sourceName is "Wish: Bedding" or "Alert: Allergy".
func sourceName(source string) string {
	if c, ok := strings.CutPrefix(source, "preference:"); ok {
		return lang.L("Wish: {{.Kind}}", map[string]any{"Kind": label(words.Preference, guests.PreferenceCategory(c))})
	}
	k, _ := strings.CutPrefix(source, "alert:")
	return lang.L("Alert: {{.Kind}}", map[string]any{"Kind": label(words.Alert, guests.AlertKind(k))})
}

// prepText says how a kind is prepared.
func prepText(r anticipation.PrepRule) string {
	if !r.Auto {
		return lang.L("A person decides on Today")
	}
	return lang.L("Automatic at {{.Time}} the day before arrival", map[string]any{"Time": hourText(r.AtHour)})
}

func hourText(h int) string { return fmt.Sprintf("%02d:00", h) }

// edit opens rule i for a manager: automatic or by a person, and at which hour.
func (v *prepView) edit(i int) {
	rule := v.rules[i]
	auto, person := lang.L("Automatic"), lang.L("A person decides on Today")
	hours := make([]string, 24)
	for h := range hours {
		hours[h] = hourText(h)
	}
	pf := &prepForm{how: newSelect([]string{auto, person}, nil), hour: newSelect(hours, nil)}
	pf.how.SetSelected(person)
	if rule.Auto {
		pf.how.SetSelected(auto)
	}
	pf.hour.SetSelected(hourText(rule.AtHour))
	f := newForm()
	f.add(anticipation.FieldPrepSource, lang.L("Preparation"), pf.how)
	f.add(anticipation.FieldPrepHour, lang.L("Logged at, the day before"), pf.hour)
	v.open = pf
	pf.dialog = v.u.showForm(sourceName(rule.Source), lang.L("Save"), f, func() func(context.Context) error {
		rules := slices.Clone(v.rules)
		rules[i].Auto = pf.how.Selected == auto
		rules[i].AtHour = max(slices.Index(hours, pf.hour.Selected), 0)
		return func(ctx context.Context) error { return v.u.svc.PrepRules.SavePrepRules(ctx, rules) }
	}, func() {
		v.open = nil
		v.reload()
		v.u.today.reload()
	})
}
