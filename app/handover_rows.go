package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/handover"
)

// reportRow is one line of the handover report on screen: a section heading, an entry,
// or a plain line (what changed, a department's load, "… and 3 more").
type reportRow struct {
	heading string
	entry   *handover.Entry
	text    string
	alarm   bool // a plain line that needs attention
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
	}
	ages := handover.AgeHeaders(lg)
	for _, d := range r.Departments {
		rows = append(rows, reportRow{alarm: d.Overdue > 0, text: fmt.Sprintf("%s — %s · %s · %s %d · %s %d · %s %d · %s %d", d.Name,
			lang.L("{{.N}} open", map[string]any{"N": d.Open}), lang.L("{{.N}} overdue", map[string]any{"N": d.Overdue}),
			ages[0], d.Ages[0], ages[1], d.Ages[1], ages[2], d.Ages[2], ages[3], d.Ages[3])})
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

// entryRow shows a report row: a heading bar, an entry (mark, title, detail, NEW) or a line.
type entryRow struct {
	widget.BaseWidget
	bar                         *canvas.Rectangle
	heading, mark, title, extra *widget.Label
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
	r.ExtendBaseWidget(r)
	return r
}

// markWidth is the width of the state column of entries.
const markWidth = 190

// CreateRenderer stacks a heading bar over the entry's two lines beside its mark.
func (r *entryRow) CreateRenderer() fyne.WidgetRenderer {
	markCol := container.NewGridWrap(fyne.NewSize(markWidth, r.mark.MinSize().Height), r.mark)
	lines := container.NewVBox(container.NewBorder(nil, nil, nil, r.fresh, r.title), r.extra)
	entry := container.NewBorder(nil, nil, container.NewVBox(markCol), nil, lines)
	return widget.NewSimpleRenderer(container.NewStack(r.bar, r.heading, entry))
}

// set shows row in the widget; the list gives heading and entry rows their own heights.
func (r *entryRow) set(row reportRow) {
	isHeading, isEntry := row.heading != "", row.entry != nil
	r.bar.Hidden, r.heading.Hidden = !isHeading, !isHeading
	r.heading.SetText(row.heading)
	r.mark.Hidden, r.fresh.Hidden = !isEntry, true
	r.title.Importance, r.title.TextStyle = widget.MediumImportance, fyne.TextStyle{Bold: isEntry}
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
	case isHeading:
		r.title.SetText("")
		r.extra.SetText("")
	default:
		if row.alarm {
			r.title.Importance = widget.DangerImportance
		}
		r.title.SetText(row.text)
		r.extra.SetText("")
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
