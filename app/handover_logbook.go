package app

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/errs"
	"frontdesk/handover"
	"frontdesk/words"
)

// logbookPanel is the shift's logbook beside the report: the pinned notes and the shift's
// own, and a box to write the next one.
type logbookPanel struct {
	u       *UI
	content fyne.CanvasObject
	text    *keyEntry
	room    *keyEntry
	pin     *widget.Check
	add     *widget.Button
	problem *widget.Label
	empty   *widget.Label
	notes   []handover.Note
	now     time.Time
	list    *widget.List
	changed func()
}

func newLogbookPanel(u *UI, changed func()) *logbookPanel {
	p := &logbookPanel{u: u, changed: changed, problem: widget.NewLabel(""), empty: subtle(lang.L("No logbook notes for this shift."))}
	p.text = newMultiLineEntry()
	p.text.SetPlaceHolder(lang.L("A note for the next shift…"))
	p.text.Wrapping = fyne.TextWrapWord
	p.text.SetMinRowsVisible(3)
	p.room = entryWith("", lang.L("Room (optional)"))
	p.pin = widget.NewCheck(lang.L("Pin until unpinned"), nil)
	p.add = widget.NewButtonWithIcon(lang.L("Add to logbook"), theme.ContentAddIcon(), p.write)
	p.add.Importance = widget.HighImportance
	p.problem.Importance = widget.DangerImportance
	p.problem.Wrapping = fyne.TextWrapWord
	p.problem.Hide()
	p.list = widget.NewList(func() int { return len(p.notes) }, p.newRow, p.updateRow)
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.UnselectAll()
		p.read(p.notes[id])
	}
	room := container.NewGridWrap(fyne.NewSize(130, p.room.MinSize().Height), p.room)
	form := container.NewVBox(heading(lang.L("Logbook")), p.text, lengthHint(p.text, handover.MaxNoteText),
		container.NewBorder(nil, nil, room, p.add), p.pin, p.problem)
	p.content = container.NewBorder(form, nil, nil, nil, container.NewStack(p.list, container.NewVBox(p.empty)))
	return p
}

// show lists the report's logbook: pinned notes first, then the shift's newest first.
func (p *logbookPanel) show(r *handover.Report) {
	p.notes, p.now = r.Logbook.Items, r.Now
	p.empty.Hidden = len(p.notes) > 0
	p.list.Refresh()
	p.empty.Refresh()
}

func (p *logbookPanel) newRow() fyne.CanvasObject {
	mark := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation, detail.SizeName = fyne.TextTruncateEllipsis, theme.SizeNameCaptionText
	pin := widget.NewButton("", nil)
	pin.Importance = widget.LowImportance
	lines := container.New(layout.NewCustomPaddedVBoxLayout(-10), container.NewBorder(nil, nil, mark, nil, text), detail)
	return container.NewBorder(nil, nil, nil, pin, lines)
}

func (p *logbookPanel) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	n := p.notes[id]
	row := o.(*fyne.Container)
	lines := row.Objects[0].(*fyne.Container)
	first := lines.Objects[0].(*fyne.Container)
	first.Objects[0].(*widget.Label).SetText(oneLineText(words.Typed(lang.L, n.Text)))
	mark := first.Objects[1].(*widget.Label)
	mark.SetText(uiLang().Clock(n.At, p.now))
	if n.Pinned {
		mark.SetText("★ " + lang.L("Pinned"))
	}
	detail := handover.NoteDetail(uiLang(), n, p.now)
	if long(n.Text) {
		detail += " · " + lang.L("click to read all")
	}
	lines.Objects[1].(*widget.Label).SetText(detail)
	pin := row.Objects[1].(*widget.Button)
	pin.SetText(lang.L("Pin"))
	if n.Pinned {
		pin.SetText(lang.L("Unpin"))
	}
	pin.OnTapped = func() { p.setPinned(n, !n.Pinned) }
	pin.Hidden = n.AuthorID != p.u.actor.ID && !p.u.actor.Role.IsManager()
	pin.Refresh()
}

// long reports whether a note is more than its row shows: several lines, or more than
// a row's width of text.
func long(text string) bool {
	return strings.Contains(text, "\n") || utf8.RuneCountInString(text) > 90
}

// read shows a whole note, scrolled when it is longer than the dialog.
func (p *logbookPanel) read(n handover.Note) {
	text := widget.NewLabel(words.Typed(lang.L, n.Text))
	text.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(nil, subtle(handover.NoteDetail(uiLang(), n, p.now)), nil, nil, container.NewVScroll(text))
	d := dialog.NewCustom(lang.L("Logbook"), lang.L("Close"), body, p.u.win)
	d.Resize(fyne.NewSize(560, min(480, p.u.win.Canvas().Size().Height-80)))
	d.Show()
}

// write adds the typed note; problems show under the box and what was typed stays.
func (p *logbookPanel) write() {
	n := &handover.Note{Text: p.text.Text, Room: p.room.Text, Pinned: p.pin.Checked}
	p.add.Disable()
	background(p.u, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, p.u.svc.Handover.AddNote(ctx, n)
	}, func(_ struct{}, err error) {
		p.add.Enable()
		if fs := errs.AsFields(err); len(fs) > 0 {
			p.problem.SetText(translate(fs[0]))
			p.problem.Show()
			return
		}
		p.problem.Hide()
		if err != nil {
			p.u.showError("write logbook", err)
			return
		}
		p.text.SetText("")
		p.room.SetText("")
		p.pin.SetChecked(false)
		p.changed()
	})
}

func (p *logbookPanel) setPinned(n handover.Note, pinned bool) {
	background(p.u, func(ctx context.Context) (*handover.Note, error) {
		return p.u.svc.Handover.SetPinned(ctx, n.ID, pinned)
	}, func(_ *handover.Note, err error) {
		if err != nil {
			p.u.showError("pin note", err)
		}
		p.changed()
	})
}
