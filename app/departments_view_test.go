package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"frontdesk/staff"
	"frontdesk/standards"
)

func TestManagerChangesDepartmentHoursWithClearMessages(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	v := h.ui.resources.depts
	v.reload()
	h.settle(0)
	var hk standards.Department
	for _, d := range v.depts {
		if d.Code == standards.DeptHousekeeping {
			hk = d
		}
	}
	v.edit(hk)
	df := v.open
	df.open.SetText("7pm")
	test.Tap(df.dialog.save)
	h.settle(0)
	if got := df.dialog.form.message(standards.FieldHours); got != "Type the hours as HH:MM, e.g. 06:00 and 23:00." {
		t.Fatalf("message beside the hours = %q", got)
	}
	df.open.SetText("07:00")
	df.close.SetText("22:00")
	test.Type(df.contact, "ext. 4410")
	test.Tap(df.dialog.save)
	h.settle(0)
	depts, _ := h.store.ListDepartments(context.Background())
	for _, d := range depts {
		if d.Code == standards.DeptHousekeeping && (d.Hours.Open != 420 || d.Hours.Close != 1320 || d.OnDutyContact != "ext. 4410") {
			t.Fatalf("saved %+v", d)
		}
	}
}

func TestParseClock(t *testing.T) {
	cases := map[string]int{"06:00": 360, "6:30": 390, "0600": 360, "24:00": 1440, "23.15": 1395}
	for in, want := range cases {
		if got, ok := parseClock(in); !ok || got != want {
			t.Errorf("parseClock(%q) = %d, %v", in, got, ok)
		}
	}
	for _, bad := range []string{"", "7pm", "25:00", "12:60", "-1:00"} {
		if _, ok := parseClock(bad); ok {
			t.Errorf("parseClock(%q) accepted", bad)
		}
	}
}
