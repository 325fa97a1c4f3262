package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"frontdesk/guests"
	"frontdesk/requests"
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

// Keys work from every entry: Ctrl+N in a screen's entry (here the handover logbook's
// note) opens a new request instead of being swallowed; in the dialog, Ctrl+F types
// nothing and Escape closes it, like Cancel.
func TestShortcutsAndEscapeWorkFromEveryEntry(t *testing.T) {
	h, _, _ := deskHarness(t)
	ctrl := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	note := newEntry()
	h.win.SetContent(note) // an entry on a screen, in the window
	note.TypedShortcut(ctrl(fyne.KeyN))
	h.settle(0)
	dlg := h.topDialog()
	room, ok := findDeep(dlg, func(e *keyEntry) bool { return e.PlaceHolder != "" && !e.MultiLine })
	if !ok {
		t.Fatal("Ctrl+N in an entry opened no new request")
	}
	room.TypedShortcut(ctrl(fyne.KeyF))
	if room.Text != "" || h.win.Canvas().Overlays().Top() != dlg {
		t.Fatalf("Ctrl+F in the dialog typed %q or left it", room.Text)
	}
	room.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	h.settle(0)
	if h.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the New request dialog")
	}
}

// A request logged from the dialog is confirmed on the line under the header, with what
// was promised, since the queue it lands in may not be on screen.
func TestALoggedRequestIsConfirmed(t *testing.T) {
	h, siti, _ := deskHarness(t)
	r := &requests.Request{GuestID: siti, Room: "1204", Category: "towels", Description: "Extra towels"}
	must(t, h.store.CreateRequest(h.ui.ctx(), r, time.Time{}))
	h.ui.requestLogged(r)
	h.settle(0)
	want := "Request logged: Extra towels · promised " + clockTime(r.PromisedAt, h.now())
	if !h.ui.saved.box.Visible() || !strings.HasSuffix(h.ui.saved.text.Text, want) {
		t.Fatalf("saved line %q, want … %q", h.ui.saved.text.Text, want)
	}
}
