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

	"frontdesk/errs"
	"frontdesk/escalation"
	"frontdesk/staff"
	"frontdesk/words"
)

// fieldEscalationRules is where the escalation dialog shows problems that concern no
// single row.
const fieldEscalationRules = "escalation_rules"

// escalationRowField is the form field of row i (0-based) of the escalation dialog.
func escalationRowField(i int) string {
	return fmt.Sprintf("escalation_row_%d", i+1)
}

// escalationView lists the escalation levels of every request class; managers edit them.
type escalationView struct {
	u       *UI
	content fyne.CanvasObject
	rules   escalation.Rules
	list    *widget.List
	open    *escalationForm
}

// escalationForm is an open escalation dialog's inputs, one row per possible level.
type escalationForm struct {
	class   escalation.Class
	minutes []*keyEntry
	targets []*widget.Select
	dialog  *formDialog
}

func newEscalationView(u *UI) *escalationView {
	v := &escalationView{u: u}
	v.list = widget.NewList(func() int { return len(escalation.Classes) }, func() fyne.CanvasObject { return newEditRow(160) }, v.updateRow)
	note := subtle(lang.L("Overdue requests climb these levels, minutes after the promised time."))
	note.Wrapping = fyne.TextWrapWord
	v.content = container.NewPadded(container.NewBorder(note, nil, nil, nil, v.list))
	return v
}

func (v *escalationView) reload() {
	background(v.u, v.u.svc.Escalation.ListEscalationRules, func(rules escalation.Rules, err error) {
		if err != nil {
			v.u.showError("load escalation rules", err)
			return
		}
		v.rules = rules
		v.list.Refresh()
	})
}

func (v *escalationView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	class := escalation.Classes[id]
	o.(*editRow).set(label(words.EscalationClass, class), levelsText(v.rules.ForClass(class)),
		v.u.actor.Role.Can(staff.PermEditStandards), func() { v.edit(class) })
}

// levelsText is "at the promise: Owner · +10 min: Department on duty · …".
func levelsText(levels escalation.Rules) string {
	if len(levels) == 0 {
		return lang.L("no escalation levels set")
	}
	parts := make([]string, len(levels))
	for i, l := range levels {
		target := label(words.EscalationTarget, l.Target)
		if l.After == 0 {
			parts[i] = lang.L("at the promise: {{.Target}}", map[string]any{"Target": target})
		} else {
			parts[i] = lang.L("+{{.Min}} min: {{.Target}}", map[string]any{"Min": int(l.After / time.Minute), "Target": target})
		}
	}
	return strings.Join(parts, " · ")
}

// edit opens the levels of class for a manager: one row per level, an empty row unused.
func (v *escalationView) edit(class escalation.Class) {
	current := v.rules.ForClass(class)
	names, targetOf := options(words.EscalationTarget, escalation.Targets)
	ef := &escalationForm{class: class}
	f := newForm()
	for i := range escalation.MaxLevels {
		minutes := entryWith("", lang.L("minutes after the promise"))
		target := newSelect(names, nil)
		target.PlaceHolder = lang.L("Who is told")
		if i < len(current) {
			minutes.SetText(strconv.Itoa(int(current[i].After / time.Minute)))
			target.SetSelected(label(words.EscalationTarget, current[i].Target))
		}
		ef.minutes = append(ef.minutes, minutes)
		ef.targets = append(ef.targets, target)
		f.add(escalationRowField(i), lang.L("Level {{.N}}", map[string]any{"N": i + 1}), container.NewGridWithColumns(2, minutes, target))
	}
	hint := subtle(lang.L("Leave the minutes empty to drop a level."))
	hint.Wrapping = fyne.TextWrapWord
	f.add(fieldEscalationRules, "", hint)
	v.open = ef
	title := lang.L("Escalation: {{.Class}}", map[string]any{"Class": label(words.EscalationClass, class)})
	ef.dialog = v.u.showForm(title, lang.L("Save"), f, func() func(context.Context) error {
		var levels []escalation.Level
		var rows []int // rows[n] is the row of level n+1
		for i, e := range ef.minutes {
			text := strings.TrimSpace(e.Text)
			if text == "" {
				continue
			}
			n, err := strconv.Atoi(text)
			if err != nil {
				return fail(fieldProblem(escalationRowField(i), "Type the minutes as a whole number, e.g. 10."))
			}
			var t escalation.Target
			if ef.targets[i].SelectedIndex() >= 0 {
				t = targetOf(ef.targets[i].Selected)
			}
			levels = append(levels, escalation.Level{Class: class, Level: len(levels) + 1,
				After: time.Duration(n) * time.Minute, Target: t})
			rows = append(rows, i)
		}
		return func(ctx context.Context) error {
			return placeEscalationProblems(v.u.svc.Escalation.SaveEscalationRules(ctx, class, levels), rows)
		}
	}, v.reload)
}

// placeEscalationProblems moves each escalation problem of err beside the dialog row of
// the level it concerns (rows[n] holds level n+1), naming levels by row and the class by
// its display name; a problem of no row goes under the table. Other errors pass through.
func placeEscalationProblems(err error, rows []int) error {
	fs := errs.AsFields(err)
	if len(fs) == 0 {
		return err
	}
	out := make(errs.Fields, len(fs))
	for i, e := range fs {
		c := *e
		field := c.Field
		switch field {
		case escalation.FieldEscalationClass, escalation.FieldEscalationLevel, escalation.FieldEscalationAfter, escalation.FieldEscalationTarget:
		default:
			out[i] = &c
			continue
		}
		c.Field = fieldEscalationRules
		args := make(map[string]any, len(c.Args))
		for k, a := range c.Args {
			args[k] = a
		}
		if cl, ok := args["Class"].(string); ok {
			args["Class"] = label(words.EscalationClass, escalation.Class(cl))
		}
		if lv, ok := args["Level"].(int); ok && lv >= 1 && lv <= len(rows) && field != escalation.FieldEscalationClass {
			c.Field = escalationRowField(rows[lv-1])
			args["Level"] = rows[lv-1] + 1
			if p, ok := args["Prev"].(int); ok && p >= 1 && p <= len(rows) {
				args["Prev"] = rows[p-1] + 1
			}
		}
		c.Args = args
		out[i] = &c
	}
	return out
}
