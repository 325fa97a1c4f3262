package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"frontdesk/guests"
)

// A save that fails on two fields counts them above the form, scrolls the dialog to the
// first one when it is out of sight, and each message goes once its field is edited.
func TestAFailedSaveCountsItsProblemsAndShowsTheFirst(t *testing.T) {
	h := newHarness(t, nil)
	gf := h.ui.editGuest(guests.Guest{}, func(string) {})
	gf.dialog.dlg.Resize(fyne.NewSize(560, 260)) // a small screen: the notes are below the fold
	h.settle(0)
	test.Type(gf.given, "Ana")
	test.Type(gf.family, "Silva")
	test.Type(gf.notes, "Paid with 4111 1111 1111 1111")
	test.Tap(gf.dialog.save)
	h.settle(0)
	notes := gf.form.cells[guests.FieldNotes]
	top, bottom := gf.dialog.scroll.Offset.Y, gf.dialog.scroll.Offset.Y+gf.dialog.scroll.Size().Height
	if gf.form.message(guests.FieldNotes) == "" || notes.Position().Y < top || notes.Position().Y+notes.Size().Height > bottom {
		t.Fatalf("the notes' problem %q is not in view: cell at %v, view %v–%v", gf.form.message(guests.FieldNotes), notes.Position().Y, top, bottom)
	}
	if gf.form.summary.Visible() {
		t.Error("one problem counted as several")
	}

	test.Type(gf.email, "x@")
	test.Tap(gf.dialog.save)
	h.settle(0)
	if !gf.form.summary.Visible() || gf.form.summary.Text != "2 problems to fix, marked below." {
		t.Fatalf("summary %q (shown %v)", gf.form.summary.Text, gf.form.summary.Visible())
	}
	if gf.form.firstProblem() != gf.form.cells[guests.FieldEmail] {
		t.Error("the first problem is not the e-mail's")
	}
	test.Type(gf.email, "ana.silva@example.com")
	if gf.form.message(guests.FieldEmail) != "" || gf.form.message(guests.FieldNotes) == "" {
		t.Errorf("after editing the e-mail: e-mail %q, notes %q", gf.form.message(guests.FieldEmail), gf.form.message(guests.FieldNotes))
	}
}
