package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"frontdesk/errs"
)

// form lays out labelled inputs with a message line under each, where validation
// problems from the domain appear beside the field they concern.
type form struct {
	grid    *fyne.Container
	errors  map[string]*widget.Label
	entries []*widget.Entry // single-line entries: Enter in any of them saves
}

func newForm() *form {
	return &form{grid: container.New(layout.NewFormLayout()), errors: map[string]*widget.Label{}}
}

// add appends a field; name is the domain's field name (guests.FieldEmail…).
func (f *form) add(name, label string, input fyne.CanvasObject) {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	f.errors[name] = msg
	if e, ok := input.(*widget.Entry); ok && !e.MultiLine {
		f.entries = append(f.entries, e)
	}
	f.grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{}))
	f.grid.Add(container.NewVBox(input, msg))
}

// clear hides every message.
func (f *form) clear() {
	for _, m := range f.errors {
		m.SetText("")
		m.Hide()
	}
}

// show places each field problem of err beside its field and reports whether every
// problem found a place; other errors are left to the caller.
func (f *form) show(err error) bool {
	f.clear()
	fs := errs.AsFields(err)
	if len(fs) == 0 {
		return false
	}
	placed := true
	for _, e := range fs {
		m, ok := f.errors[e.Field]
		if !ok {
			placed = false
			continue
		}
		if m.Visible() {
			continue // keep the first problem of a field
		}
		m.SetText(translate(e))
		m.Show()
	}
	return placed
}

// formDialog shows f in a dialog whose Save runs save off the UI goroutine. Field
// problems appear beside their fields and the dialog stays open with everything typed;
// on success the dialog closes and done runs.
type formDialog struct {
	dlg  *dialog.CustomDialog
	form *form
	save *widget.Button
}

// save runs on the UI goroutine to read the inputs and returns the database work, which
// then runs off it.
type saveFunc func() func(context.Context) error

// fail is database work that only reports a problem found while reading the inputs.
func fail(err error) func(context.Context) error {
	return func(context.Context) error { return err }
}

func (u *UI) showForm(title, saveLabel string, f *form, save saveFunc, done func()) *formDialog {
	fd := &formDialog{form: f}
	cancel := widget.NewButton(lang.L("Cancel"), func() { fd.dlg.Hide() })
	fd.save = widget.NewButton(saveLabel, func() { fd.submit(u, save, done) })
	for _, e := range f.entries {
		e.OnSubmitted = func(string) {
			if !fd.save.Disabled() {
				fd.submit(u, save, done)
			}
		}
	}
	fd.save.Importance = widget.HighImportance
	fd.dlg = dialog.NewCustomWithoutButtons(title, container.NewVScroll(f.grid), u.win)
	fd.dlg.SetButtons([]fyne.CanvasObject{cancel, fd.save})
	fd.dlg.Resize(fyne.NewSize(560, f.grid.MinSize().Height+140))
	fd.dlg.Show()
	return fd
}

func (fd *formDialog) submit(u *UI, save saveFunc, done func()) {
	fd.save.Disable()
	work := save()
	background(u, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, work(ctx)
	}, func(_ struct{}, err error) {
		fd.save.Enable()
		if err == nil {
			fd.dlg.Hide()
			done()
			return
		}
		if !fd.form.show(err) {
			u.showError("save", err)
		}
	})
}

// fieldProblem is a single problem to show beside a form field.
func fieldProblem(field, tmpl string) error {
	return errs.Fields{errs.FieldError(field, tmpl, nil)}
}
