package app

import (
	"context"
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/errs"
	"frontdesk/handover"
	"frontdesk/property"
	"frontdesk/words"
)

// Row heights of the report list.
const (
	headingRowHeight = 40
	entryRowHeight   = 54
	textRowHeight    = 34
)

// handoverScreen is the shift manager's handover: the report for now or a chosen shift,
// the logbook beside it, the incoming manager's acknowledgement and the exports.
type handoverScreen struct {
	u       *UI
	content fyne.CanvasObject
	report  *handover.Report
	seq     int

	day     *keyEntry
	shift   *widget.Select
	shiftOf func(string) property.Shift
	chosen  bool // a shift was chosen; else the shift on now
	syncing bool // the shift list is being set to the report's, not chosen

	title, who, ack *widget.Label
	figures         *fyne.Container
	ackButton       *widget.Button
	rows            []reportRow
	list            *widget.List
	logbook         *logbookPanel
}

func newHandoverScreen(u *UI) *handoverScreen {
	s := &handoverScreen{u: u, title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		who: widget.NewLabel(""), ack: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		figures: container.NewGridWithColumns(4)}
	s.title.SizeName = theme.SizeNameSubHeadingText
	s.list = widget.NewList(func() int { return len(s.rows) }, func() fyne.CanvasObject { return newEntryRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*entryRow).set(s.rows[id]) })
	s.list.OnSelected = func(widget.ListItemID) { s.list.UnselectAll() }
	s.logbook = newLogbookPanel(u, s.reload)
	bar := s.toolbar()
	top := container.NewVBox(bar, container.NewBorder(nil, nil, nil, container.NewVBox(s.ackButton), container.NewVBox(s.title, s.who, s.ack)), s.figures)
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, s.list), s.logbook.content)
	split.SetOffset(0.66)
	s.content = container.NewPadded(split)
	return s
}

// toolbar chooses the shift and exports the report.
func (s *handoverScreen) toolbar() fyne.CanvasObject {
	s.day = entryWith("", lang.L("DD/MM/YYYY"))
	s.day.OnSubmitted = func(string) { s.choose() }
	names, shiftOf := options(words.Shift, property.Shifts)
	s.shift, s.shiftOf = newSelect(names, func(string) { s.choose() }), shiftOf
	s.shift.PlaceHolder = lang.L("Shift")
	now := widget.NewButtonWithIcon(lang.L("Now"), theme.HistoryIcon(), s.showNow)
	refresh := widget.NewButtonWithIcon(lang.L("Refresh"), theme.ViewRefreshIcon(), s.reload)
	s.ackButton = widget.NewButtonWithIcon(lang.L("Acknowledge handover"), theme.ConfirmIcon(), s.confirmAck)
	s.ackButton.Importance = widget.HighImportance
	s.ackButton.Hide()
	exports := container.NewHBox()
	for _, f := range exportFormats {
		exports.Add(widget.NewButtonWithIcon(f.label(), theme.DocumentSaveIcon(), func() { s.saveAs(f) }))
	}
	day := container.NewGridWrap(fyne.NewSize(120, s.day.MinSize().Height), s.day)
	shift := container.NewGridWrap(fyne.NewSize(120, s.shift.MinSize().Height), s.shift)
	return container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("Shift of")), day, shift, now, refresh), exports)
}

// choose shows the shift typed in the day box and picked in the list.
func (s *handoverScreen) choose() {
	if s.syncing || s.shift.SelectedIndex() < 0 || s.day.Text == "" {
		return
	}
	s.chosen = true
	s.reload()
}

// showNow goes back to the shift on now.
func (s *handoverScreen) showNow() {
	s.chosen = false
	s.reload()
}

// reload reads the report of the chosen shift, or of the shift on now.
func (s *handoverScreen) reload() {
	var day time.Time
	var shift property.Shift
	if s.chosen {
		var fs errs.Fields
		d := parseDateField(&fs, "day", s.day.Text)
		if len(fs) > 0 {
			s.u.showError("choose shift", fs)
			return
		}
		day, shift = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, s.u.now().Location()), s.shiftOf(s.shift.Selected)
	}
	s.seq++
	seq := s.seq
	if s.report == nil { // the first load takes a few seconds on a resort's data
		s.title.SetText(lang.L("Reading the handover report…"))
	}
	background(s.u, func(ctx context.Context) (*handover.Report, error) {
		return s.u.svc.Handover.Report(ctx, day, shift)
	}, func(r *handover.Report, err error) {
		if seq != s.seq {
			return // a later load is on its way
		}
		if err != nil {
			s.u.showError("load handover", err)
			return
		}
		s.show(r)
	})
}

// show puts a report on screen.
func (s *handoverScreen) show(r *handover.Report) {
	s.report = r
	lg := uiLang()
	s.title.SetText(r.Heading(lg))
	s.who.SetText(r.Who(lg))
	s.ack.SetText(r.AckLine(lg))
	s.ack.Importance = widget.SuccessImportance
	if r.Ack == nil {
		s.ack.SetText("⚠ " + r.AckLine(lg))
		s.ack.Importance = widget.DangerImportance
	}
	s.ack.Refresh()
	if !s.chosen {
		s.syncing = true
		s.day.SetText(r.Shift.Day.Format("02/01/2006"))
		s.shift.SetSelectedIndex(indexOf(property.Shifts, r.Shift.Shift))
		s.syncing = false
	}
	s.showFigures(r.Figures(lg))
	// Each height set redraws the list: with no rows in it meanwhile, that costs nothing
	// (with the report's rows, seconds at a resort).
	rows := reportRows(r, lg)
	s.rows = nil
	for i, row := range rows {
		h := float32(textRowHeight)
		switch {
		case row.heading != "":
			h = headingRowHeight
		case row.entry != nil:
			h = entryRowHeight
		}
		s.list.SetItemHeight(i, h)
	}
	s.rows = rows
	s.list.Refresh()
	s.showAckButton(r)
	s.logbook.show(r)
}

// uiLang renders the report's texts in the interface's language.
func uiLang() handover.Lang { return handover.Lang{L: lang.L} }

func indexOf[T comparable](list []T, v T) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// showFigures draws the headline numbers as tiles; an alarming number is red and its
// label says what it counts.
func (s *handoverScreen) showFigures(fs []handover.Figure) {
	s.figures.RemoveAll()
	for _, f := range fs {
		s.figures.Add(newFigureTile(fmt.Sprint(f.Value), f.Label, f.Alarm))
	}
	s.figures.Refresh()
}

// newFigureTile is a big number beside a short label in a light frame.
func newFigureTile(value, label string, alarm bool) fyne.CanvasObject {
	num := canvas.NewText(value, theme.Color(theme.ColorNameForeground))
	num.TextSize, num.TextStyle = 22, fyne.TextStyle{Bold: true}
	var border color.Color = theme.Color(theme.ColorNameSeparator)
	if alarm {
		num.Color, border = colOverdue, colOverdue
		label = "⚠ " + label
	}
	text := widget.NewLabel(label)
	text.Wrapping, text.SizeName = fyne.TextWrapWord, theme.SizeNameCaptionText
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor, frame.StrokeWidth, frame.CornerRadius = border, 1, 4
	return container.NewStack(frame, container.NewBorder(nil, nil, container.NewPadded(num), nil,
		container.NewVBox(layout.NewSpacer(), text, layout.NewSpacer())))
}

// showAckButton offers the acknowledgement to a manager while the shift has none.
func (s *handoverScreen) showAckButton(r *handover.Report) {
	if !s.u.actor.Role.IsManager() {
		s.ackButton.Hide()
		return
	}
	s.ackButton.Show()
	if r.Ack != nil || r.Shift.Start.After(r.Now) {
		s.ackButton.Disable()
	} else {
		s.ackButton.Enable()
	}
}

// confirmAck asks the incoming manager to confirm, with an optional remark.
func (s *handoverScreen) confirmAck() {
	if s.report == nil {
		return
	}
	note := newMultiLineEntry()
	note.SetPlaceHolder(lang.L("Remark for the record (optional)"))
	note.SetMinRowsVisible(3)
	msg := widget.NewLabel(lang.L("You take over from {{.Shift}}. The next handover will show what changed from now on.",
		map[string]any{"Shift": uiLang().ShiftTitle(s.report.Shift)}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Acknowledge handover"), lang.L("Acknowledge"), lang.L("Cancel"),
		container.NewVBox(msg, note), func(ok bool) {
			if ok {
				s.acknowledge(note.Text)
			}
		}, s.u.win)
	d.Resize(fyne.NewSize(520, 280))
	d.Show()
}

// acknowledge records the actor's acknowledgement of the shown shift.
func (s *handoverScreen) acknowledge(note string) {
	ref := s.report.Shift
	s.ackButton.Disable()
	background(s.u, func(ctx context.Context) (*handover.Ack, error) {
		return s.u.svc.Handover.Acknowledge(ctx, ref.Day, ref.Shift, note)
	}, func(_ *handover.Ack, err error) {
		if err != nil {
			s.u.showError("acknowledge handover", err)
		}
		s.reload()
	})
}
