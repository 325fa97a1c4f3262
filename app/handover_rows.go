package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/handover"
)

// reportRow is one line of the handover report on screen: a section heading, an entry,
// a row of the department table (cells), or a plain line (what changed, "… and 3 more").
type reportRow struct {
	heading string
	entry   *handover.Entry
	cells   []string // department, open, overdue and the four age buckets
	bold    bool     // the table's header
	text    string
	alarm   bool // a line or table row that needs attention
}

// reportRows flattens the report for the list, in print order. The logbook has its own
// panel beside the list, so it is left out here.
func reportRows(r *handover.Report, lg handover.Lang) []reportRow {
	var rows []reportRow
	rows = append(rows, reportRow{heading: lang.L("What changed since the last handover")})
	for _, l := range r.ChangeLines(lg) {
		rows = append(rows, reportRow{text: l})
	}
	rows = append(rows, reportRow{heading: lang.L("Open requests by department and age")})
	if len(r.Departments) == 0 {
		rows = append(rows, reportRow{text: lang.L("No open requests.")})
	} else {
		ages := handover.AgeHeaders(lg)
		rows = append(rows, reportRow{bold: true, cells: []string{lang.L("Department"), lang.L("Open"), lang.L("Overdue"),
			ages[0], ages[1], ages[2], ages[3]}})
	}
	for _, d := range r.Departments {
		overdue := fmt.Sprint(d.Overdue)
		if d.Overdue > 0 {
			overdue = "⚠ " + overdue
		}
		rows = append(rows, reportRow{alarm: d.Overdue > 0, cells: []string{d.Name, fmt.Sprint(d.Open), overdue,
			fmt.Sprint(d.Ages[0]), fmt.Sprint(d.Ages[1]), fmt.Sprint(d.Ages[2]), fmt.Sprint(d.Ages[3])}})
	}
	for _, b := range r.Blocks(lg) {
		if b.Section == handover.SectionLogbook {
			continue
		}
		rows = append(rows, reportRow{heading: fmt.Sprintf("%s (%d)", b.Title, len(b.Entries)+b.More)})
		if len(b.Entries) == 0 {
			rows = append(rows, reportRow{text: b.Empty})
		}
		for i := range b.Entries {
			rows = append(rows, reportRow{entry: &b.Entries[i]})
		}
		if b.More > 0 {
			rows = append(rows, reportRow{text: lang.L("… and {{.N}} more", map[string]any{"N": b.More})})
		}
	}
	return rows
}

// entryRow shows a report row: a heading bar, an entry (mark, title, detail, NEW), a
// department table row or a line.
type entryRow struct {
	widget.BaseWidget
	bar                         *canvas.Rectangle
	heading, mark, title, extra *widget.Label
	markCol                     *fyne.Container
	cells                       []*widget.Label
	table                       *fyne.Container
	fresh                       *badge
}

func newEntryRow() *entryRow {
	r := &entryRow{bar: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		heading: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		mark:    widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		title:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		extra:   subtle(""), fresh: newBadge(lang.L("NEW"), colInHouse)}
	for _, l := range []*widget.Label{r.heading, r.mark, r.title, r.extra} {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	r.extra.Importance, r.extra.SizeName = widget.MediumImportance, theme.SizeNameCaptionText
	r.markCol = container.NewGridWrap(fyne.NewSize(markWidth, r.mark.MinSize().Height), r.mark)
	numbers := container.NewGridWithColumns(6)
	for i := range 7 {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		if i > 0 {
			l.Alignment = fyne.TextAlignTrailing
			numbers.Add(l)
		}
		r.cells = append(r.cells, l)
	}
	r.table = container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(deptNameWidth, r.mark.MinSize().Height), r.cells[0]), nil, numbers)
	r.ExtendBaseWidget(r)
	return r
}

// Widths of the entries' state column and of the department table's name column.
const (
	markWidth     = 235
	deptNameWidth = 220
)

// CreateRenderer stacks a heading bar, the department table row and the entry's two lines
// beside its mark; set shows the one the row needs.
func (r *entryRow) CreateRenderer() fyne.WidgetRenderer {
	lines := container.New(layout.NewCustomPaddedVBoxLayout(-10), r.title, r.extra)
	left := container.New(layout.NewCustomPaddedVBoxLayout(-6), r.markCol, container.NewHBox(layout.NewSpacer(), r.fresh, layout.NewSpacer()))
	entry := container.NewBorder(nil, nil, left, nil, lines)
	return widget.NewSimpleRenderer(container.NewStack(r.bar, r.heading, r.table, entry))
}

// set shows row in the widget; the list gives heading and entry rows their own heights.
func (r *entryRow) set(row reportRow) {
	isHeading, isEntry, isTable := row.heading != "", row.entry != nil, row.cells != nil
	r.bar.Hidden, r.heading.Hidden, r.table.Hidden = !isHeading, !isHeading, !isTable
	r.heading.SetText(row.heading)
	r.markCol.Hidden, r.fresh.Hidden = !isEntry, true
	r.title.Importance, r.title.TextStyle = widget.MediumImportance, fyne.TextStyle{Bold: isEntry}
	r.title.SetText("")
	r.extra.SetText("")
	switch {
	case isEntry:
		e := row.entry
		r.mark.Importance = widget.MediumImportance
		if e.Alarm {
			r.mark.Importance = widget.DangerImportance
		}
		r.mark.SetText(e.Mark)
		r.title.SetText(oneLineText(e.Title))
		r.extra.SetText(e.Detail)
		r.fresh.Hidden = !e.New
	case isTable:
		for i, c := range r.cells {
			c.TextStyle = fyne.TextStyle{Bold: row.bold}
			c.Importance = widget.MediumImportance
			if row.alarm && i == 2 {
				c.Importance = widget.DangerImportance
			}
			c.SetText(row.cells[i])
		}
	case !isHeading:
		if row.alarm {
			r.title.Importance = widget.DangerImportance
		}
		r.title.SetText(row.text)
	}
	r.Refresh()
}

// oneLineText shows a multi-line text on one line.
func oneLineText(s string) string {
	out := []rune{}
	for _, c := range s {
		if c == '\n' || c == '\t' {
			c = ' '
		}
		out = append(out, c)
	}
	return string(out)
}
