package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/handover"
)

// measureTable is the measures per department or per category, one row each.
type measureTable struct {
	rows  []handover.Row
	heads []string
	table *widget.Table
}

// measureColumns are the table's columns: header and the cell's text.
var measureColumns = []struct {
	head  string
	width float32
	cell  func(handover.Row) string
}{
	{"Name", 210, func(r handover.Row) string { return r.Name }},
	{"Requests", 90, func(r handover.Row) string { return fmt.Sprint(r.Requests) }},
	{"Acknowledged (median)", 170, func(r handover.Row) string { return median(r.Ack) }},
	{"Acknowledged (90%)", 150, func(r handover.Row) string { return p90(r.Ack) }},
	{"Resolved (median)", 150, func(r handover.Row) string { return median(r.Resolve) }},
	{"Resolved (90%)", 130, func(r handover.Row) string { return p90(r.Resolve) }},
	{"On time", 150, func(r handover.Row) string { return shareText(r.OnTime) }},
	{"Closed with the guest", 170, func(r handover.Row) string { return percentOf(r.ClosedLoop) }},
	{"Satisfaction", 150, func(r handover.Row) string { return satisfactionText(r) }},
	{"Complaints", 100, func(r handover.Row) string { return fmt.Sprint(r.Complaints) }},
	{"Recoveries", 120, func(r handover.Row) string {
		return lang.L("{{.Won}} of {{.N}} won back", map[string]any{"Won": r.Recovered, "N": r.Recoveries})
	}},
}

func newMeasureTable() *measureTable {
	m := &measureTable{}
	m.table = widget.NewTable(func() (int, int) { return len(m.rows), len(measureColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(measureColumns[id.Col].cell(m.rows[id.Row]))
		})
	m.heads = make([]string, len(measureColumns))
	widths := make([]float32, len(measureColumns))
	for i, c := range measureColumns {
		m.heads[i], widths[i] = lang.L(c.head), c.width
	}
	withHeader(m.table, m.heads, widths)
	return m
}

func (m *measureTable) set(rows []handover.Row) {
	m.rows = rows
	for i := range measureColumns {
		m.table.SetColumnWidth(i, m.columnWidth(i))
	}
	m.table.Refresh()
}

// columnWidth fits a column to its header in the reader's language and its widest cell,
// so no department name or heading ("Closed with th…") is cut; never narrower than the
// column's own width.
func (m *measureTable) columnWidth(col int) float32 {
	pad := 2*theme.Padding() + 2*theme.InnerPadding()
	size := theme.TextSize()
	w := max(measureColumns[col].width, fyne.MeasureText(m.heads[col], size, fyne.TextStyle{Bold: true}).Width+pad)
	for _, r := range m.rows {
		w = max(w, fyne.MeasureText(measureColumns[col].cell(r), size, fyne.TextStyle{}).Width+pad)
	}
	return w
}

// p90 is the 90th-percentile duration in words, or "–".
func p90(t handover.Times) string {
	if t.N == 0 {
		return "–"
	}
	return uiLang().Duration(t.P90)
}

// percentOf is "75% (3 of 4)", or "–".
func percentOf(sh handover.Share) string {
	if sh.Base == 0 {
		return "–"
	}
	return percent(sh) + " " + lang.L("({{.Of}} of {{.Base}})", map[string]any{"Of": sh.Of, "Base": sh.Base})
}
