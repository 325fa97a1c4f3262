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
// problems from the domain appear beside the field they concern. After a failed save a
// line above the fields counts the problems, the dialog scrolls to the first, and each
// message goes as soon as its field is edited.
type form struct {
	grid    *fyne.Container
	errors  map[string]*widget.Label
	cells   map[string]fyne.CanvasObject // each field's input and message, to scroll to
	inputs  map[string]fyne.CanvasObject
	order   []string        // field names as laid out
	entries []*widget.Entry // single-line entries: Enter in any of them saves
	keyed   []*keyEntry     // entries that close the form's dialog on Escape
	summary *widget.Label   // "2 problems to fix, marked below"
}

func newForm() *form {
	summary := widget.NewLabel("")
	summary.Importance = widget.DangerImportance
	summary.Wrapping = fyne.TextWrapWord
	summary.Hide()
	return &form{grid: container.New(layout.NewFormLayout()), errors: map[string]*widget.Label{},
		cells: map[string]fyne.CanvasObject{}, inputs: map[string]fyne.CanvasObject{}, summary: summary}
}

// add appends a field; name is the domain's field name (guests.FieldEmail…).
func (f *form) add(name, label string, input fyne.CanvasObject) {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	f.errors[name] = msg
	if e, ok := input.(*keyEntry); ok {
		f.keyed = append(f.keyed, e)
		if !e.MultiLine {
			f.entries = append(f.entries, &e.Entry)
		}
	}
	cell := container.NewVBox(input, msg)
	f.cells[name], f.inputs[name], f.order = cell, input, append(f.order, name)
	f.grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{}))
	f.grid.Add(cell)
}

// clear hides every message.
func (f *form) clear() {
	for _, m := range f.errors {
		m.SetText("")
		m.Hide()
	}
	f.summary.Hide()
}

// show places each field problem of err beside its field, counts them above the form,
// and reports whether every problem found a place; other errors are left to the caller.
func (f *form) show(err error) bool {
	f.clear()
	fs := errs.AsFields(err)
	if len(fs) == 0 {
		return false
	}
	placed, shown := true, 0
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
		shown++
		f.hideWhenEdited(e.Field)
	}
	if shown > 1 {
		f.summary.SetText(lang.N("{{.Count}} problem to fix, marked below.", shown, map[string]any{"Count": shown}))
		f.summary.Show()
	}
	return placed
}

// hideWhenEdited hides a field's message at the first change to its entry: the agent
// is fixing it, and a stale message beside a corrected value misleads. The next save
// checks it again.
func (f *form) hideWhenEdited(field string) {
	var e *widget.Entry
	switch in := f.inputs[field].(type) {
	case *keyEntry:
		e = &in.Entry
	case *widget.SelectEntry:
		e = &in.Entry
	default:
		return
	}
	was := e.OnChanged
	e.OnChanged = func(text string) {
		f.errors[field].Hide()
		e.OnChanged = was
		if was != nil {
			was(text)
		}
	}
}

// firstProblem is the field cell of the first message shown, in layout order; nil if none.
func (f *form) firstProblem() fyne.CanvasObject {
	for _, name := range f.order {
		if f.errors[name].Visible() {
			return f.cells[name]
		}
	}
	return nil
}

// formDialog shows f in a dialog whose Save runs save off the UI goroutine. Field
// problems appear beside their fields and the dialog stays open with everything typed;
// on success the dialog closes and done runs.
type formDialog struct {
	dlg    *dialog.CustomDialog
	form   *form
	save   *widget.Button
	scroll *container.Scroll
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
	for _, e := range f.keyed {
		e.onEscape = func() { fd.dlg.Hide() }
	}
	fd.save.Importance = widget.HighImportance
	fd.scroll = container.NewVScroll(f.grid)
	fd.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(f.summary, nil, nil, nil, fd.scroll), u.win)
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
		fd.scrollToProblem()
	})
}

// scrollToProblem brings the first problem into view: below the fold of a long form it
// would otherwise go unseen.
func (fd *formDialog) scrollToProblem() {
	cell := fd.form.firstProblem()
	if cell == nil {
		return
	}
	y := cell.Position().Y
	if y < fd.scroll.Offset.Y || y+cell.Size().Height > fd.scroll.Offset.Y+fd.scroll.Size().Height {
		fd.scroll.ScrollToOffset(fyne.NewPos(0, y))
	}
}

// fieldProblem is a single problem to show beside a form field.
func fieldProblem(field, tmpl string) error {
	return errs.Fields{errs.FieldError(field, tmpl, nil)}
}
