package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"frontdesk/escalation"
	"frontdesk/staff"
)

// escalationRows renders every row of v's list as the list would and returns them.
func escalationRows(v *escalationView) []*editRow {
	var rows []*editRow
	for i := range v.list.Length() {
		o := newEditRow(160)
		v.updateRow(i, o)
		rows = append(rows, o)
	}
	return rows
}

func TestEscalationRulesListedAfterReload(t *testing.T) {
	h := newHarness(t, nil)
	v := newEscalationView(h.ui)
	v.reload()
	h.settle(0)
	rows := escalationRows(v)
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4", len(rows))
	}
	var names []string
	for _, r := range rows {
		names = append(names, r.name.Text)
		if detail := r.detail.Text; !strings.Contains(detail, "Shift manager") {
			t.Errorf("row %q: %q has no shift manager", names[len(names)-1], detail)
		}
	}
	if want := []string{"Standard", "Urgent", "Complaint", "VIP guest"}; !slices.Equal(names, want) {
		t.Errorf("classes %q, want %q", names, want)
	}
	want := "at the promise: Owner · +10 min: Department on duty · +20 min: Shift manager · +60 min: Management"
	if got := rows[0].detail.Text; got != want {
		t.Errorf("standard rules %q, want %q", got, want)
	}
}

func TestManagerEditsEscalationWithMessagesBesideTheRows(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	v := newEscalationView(h.ui)
	v.reload()
	h.settle(0)
	for _, r := range escalationRows(v) {
		if r.edit.Hidden {
			t.Fatal("a manager sees no edit button")
		}
	}
	ctx := context.Background()
	before, _ := h.store.ListEscalationRules(ctx)

	v.edit(escalation.ClassComplaint)
	ef := v.open
	if ef.minutes[1].Text != "5" || ef.targets[1].Selected != "Shift manager" || ef.minutes[3].Text != "" {
		t.Fatalf("dialog opened with %q/%q, row 4 %q", ef.minutes[1].Text, ef.targets[1].Selected, ef.minutes[3].Text)
	}
	dialogOpen := func() bool { return h.win.Canvas().Overlays().Top() != nil }
	msg := func(row int) string { return ef.dialog.form.message(escalationRowField(row)) }

	// Not later than the level before.
	ef.minutes[2].SetText("5")
	test.Tap(ef.dialog.save)
	h.settle(0)
	if got := msg(2); got != "Level 3 of Complaint must come later than level 2." {
		t.Fatalf("message beside row 3 = %q", got)
	}
	if !dialogOpen() {
		t.Fatal("the dialog closed on a problem")
	}

	// With an unused row between, the message still names the rows as shown.
	ef.minutes[2].SetText("")
	ef.minutes[3].SetText("3")
	ef.targets[3].SetSelected("Management")
	test.Tap(ef.dialog.save)
	h.settle(0)
	if got := msg(3); got != "Level 4 of Complaint must come later than level 2." {
		t.Fatalf("message beside row 4 = %q", got)
	}
	if got := msg(2); got != "" {
		t.Errorf("message beside the unused row 3 = %q", got)
	}

	// Minutes that are not a number.
	ef.minutes[3].SetText("soon")
	test.Tap(ef.dialog.save)
	h.settle(0)
	if got := msg(3); got != "Type the minutes as a whole number, e.g. 10." {
		t.Fatalf("message beside row 4 = %q", got)
	}

	// No level at all: the problem shows under the table.
	for _, e := range ef.minutes {
		e.SetText("")
	}
	test.Tap(ef.dialog.save)
	h.settle(0)
	if got := ef.dialog.form.message(fieldEscalationRules); got != "The Complaint rules start at level 1." {
		t.Fatalf("message under the table = %q", got)
	}
	if after, _ := h.store.ListEscalationRules(ctx); !slices.Equal(after, before) {
		t.Fatalf("rules changed by failed saves: %+v", after)
	}

	// A valid change: the unused row is skipped and the levels renumbered.
	ef.minutes[0].SetText("0")
	ef.minutes[1].SetText("5")
	ef.minutes[3].SetText("15")
	ef.targets[3].SetSelected("Department on duty")
	ef.minutes[4].SetText("45")
	ef.targets[4].SetSelected("Management")
	test.Tap(ef.dialog.save)
	h.settle(0)
	if dialogOpen() {
		t.Fatalf("the dialog stayed open: row messages %q %q %q", msg(0), msg(3), ef.dialog.form.message(fieldEscalationRules))
	}
	m := time.Minute
	want := escalation.Rules{
		{Class: escalation.ClassComplaint, Level: 1, After: 0, Target: escalation.TargetOwner},
		{Class: escalation.ClassComplaint, Level: 2, After: 5 * m, Target: escalation.TargetShiftManager},
		{Class: escalation.ClassComplaint, Level: 3, After: 15 * m, Target: escalation.TargetDepartmentOnDuty},
		{Class: escalation.ClassComplaint, Level: 4, After: 45 * m, Target: escalation.TargetManagement},
	}
	all, _ := h.store.ListEscalationRules(ctx)
	if got := all.ForClass(escalation.ClassComplaint); !slices.Equal(got, want) {
		t.Fatalf("stored %+v, want %+v", got, want)
	}
	if got := all.ForClass(escalation.ClassStandard); !slices.Equal(got, before.ForClass(escalation.ClassStandard)) {
		t.Errorf("standard rules changed: %+v", got)
	}
	want2 := "at the promise: Owner · +5 min: Shift manager · +15 min: Department on duty · +45 min: Management"
	if got := escalationRows(v)[2].detail.Text; got != want2 {
		t.Errorf("complaint row after saving %q, want %q", got, want2)
	}
}

func TestAgentSeesNoEscalationEditButtons(t *testing.T) {
	h := newHarness(t, nil)
	v := newEscalationView(h.ui)
	v.reload()
	h.settle(0)
	for i, r := range escalationRows(v) {
		if !r.edit.Hidden {
			t.Errorf("row %d: an agent sees the edit button", i)
		}
	}
}
