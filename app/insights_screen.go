package app

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/errs"
	"frontdesk/handover"
)

// Targets below which a chart's bar turns red and says so.
const (
	onTimeTarget       = 80.0 // percent
	satisfactionTarget = 4.0  // out of 5
)

// insightsScreen shows managers whether the service is getting better: the measures of a
// period as headline numbers, four charts, and tables per department, per category and
// of rooms whose problems keep coming back.
type insightsScreen struct {
	u        *UI
	content  fyne.CanvasObject
	measures *handover.Measures
	seq      int

	preset   *widget.Select
	from, to *keyEntry
	period   *widget.Label
	figures  *fyne.Container
	weekly   *barChart
	weekOn   *barChart
	deptOn   *barChart
	deptSat  *barChart
	depts    *measureTable
	cats     *measureTable
	repeats  *widget.Table
}

// presets are the periods offered, in days up to today.
var presets = []struct {
	name string
	days int
}{{"Last 7 days", 7}, {"Last 30 days", 30}, {"Last 90 days", 90}, {"Last 365 days", 365}}

func newInsightsScreen(u *UI) *insightsScreen {
	s := &insightsScreen{u: u, period: widget.NewLabel(""), figures: container.NewGridWithColumns(4),
		weekly:  newBarChart(lang.L("Requests per week"), true),
		weekOn:  newBarChart(lang.L("On time per week"), true),
		deptOn:  newBarChart(lang.L("On time, by department"), false),
		deptSat: newBarChart(lang.L("Guest satisfaction, by department"), false),
		depts:   newMeasureTable(), cats: newMeasureTable()}
	s.repeats = s.newRepeatTable()
	charts := container.NewGridWithColumns(2, s.weekly, s.weekOn, s.deptOn, s.deptSat)
	tables := container.NewAppTabs(
		container.NewTabItem(lang.L("By department"), minHeight(s.depts.table, 280)),
		container.NewTabItem(lang.L("By category"), minHeight(s.cats.table, 280)),
		container.NewTabItem(lang.L("Rooms with repeat problems"), minHeight(s.repeats, 280)))
	body := container.NewVBox(s.period, s.figures, charts, tables)
	// Scrolled both ways: a narrow window scrolls the measures sideways instead of
	// growing past the screen.
	s.content = container.NewBorder(container.NewPadded(s.toolbar()), nil, nil, nil, container.NewScroll(container.NewPadded(body)))
	return s
}

// minHeight gives a table a height to show rows in inside a scroll.
func minHeight(o fyne.CanvasObject, h float32) fyne.CanvasObject {
	space := canvas.NewRectangle(nil)
	space.SetMinSize(fyne.NewSize(0, h))
	return container.NewStack(space, o)
}

// toolbar picks the period: a preset, or dates typed in.
func (s *insightsScreen) toolbar() fyne.CanvasObject {
	names := make([]string, len(presets))
	for i, p := range presets {
		names[i] = lang.L(p.name)
	}
	s.from, s.to = entryWith("", lang.L("DD/MM/YYYY")), entryWith("", lang.L("DD/MM/YYYY"))
	s.preset = newSelect(names, func(string) { s.choosePreset() })
	show := widget.NewButtonWithIcon(lang.L("Show"), theme.SearchIcon(), s.reload)
	s.from.OnSubmitted = func(string) { s.reload() }
	s.to.OnSubmitted = func(string) { s.reload() }
	dates := container.NewGridWithColumns(2, s.from, s.to)
	widest := float32(0) // the preset's whole name shows: "30 hari terakhir"
	for _, n := range names {
		widest = max(widest, fyne.MeasureText(n, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	preset := container.NewGridWrap(fyne.NewSize(widest+4*theme.InnerPadding()+theme.IconInlineSize(), s.preset.MinSize().Height), s.preset)
	return container.NewHBox(widget.NewLabel(lang.L("Period")), preset, widget.NewLabel(lang.L("or from")),
		container.NewGridWrap(fyne.NewSize(260, s.from.MinSize().Height), dates), show)
}

// choosePreset fills the dates for the chosen preset and shows it.
func (s *insightsScreen) choosePreset() {
	i := s.preset.SelectedIndex()
	if i < 0 {
		return
	}
	p := handover.LastDays(s.u.now(), presets[i].days)
	s.from.SetText(p.From.Format("02/01/2006"))
	s.to.SetText(p.To.AddDate(0, 0, -1).Format("02/01/2006"))
	s.reload()
}

// chosenPeriod reads the dates; the last day is included.
func (s *insightsScreen) chosenPeriod() (handover.Period, error) {
	if s.from.Text == "" && s.to.Text == "" {
		s.preset.SetSelectedIndex(1) // the last 30 days to start with; this reloads
		return handover.Period{}, nil
	}
	var fs errs.Fields
	from, to := parseDateField(&fs, "from", s.from.Text), parseDateField(&fs, "to", s.to.Text)
	if len(fs) > 0 {
		return handover.Period{}, fs
	}
	loc := s.u.now().Location()
	return handover.Period{From: time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc),
		To: time.Date(to.Year(), to.Month(), to.Day()+1, 0, 0, 0, 0, loc)}, nil
}

// reload computes the measures of the chosen period.
func (s *insightsScreen) reload() {
	p, err := s.chosenPeriod()
	if err != nil {
		s.u.showError("choose period", err)
		return
	}
	if p.From.IsZero() {
		return
	}
	s.seq++
	seq := s.seq
	// A long period takes a second or more at a resort: say so until the numbers come.
	s.period.SetText(lang.L("Calculating the measures…"))
	background(s.u, func(ctx context.Context) (*handover.Measures, error) {
		return s.u.svc.Handover.Measures(ctx, p)
	}, func(m *handover.Measures, err error) {
		if seq != s.seq {
			return
		}
		if err != nil {
			s.u.showError("load measures", err)
			return
		}
		s.show(m)
	})
}

// show puts the measures on screen.
func (s *insightsScreen) show(m *handover.Measures) {
	s.measures = m
	lg := uiLang()
	s.period.SetText(lang.L("Requests logged from {{.From}} to {{.To}}", map[string]any{
		"From": lg.Date(m.Period.From), "To": lg.Date(m.Period.To.AddDate(0, 0, -1))}))
	t := m.Total
	s.figures.RemoveAll()
	for _, f := range []struct {
		value, label string
		alarm        bool
	}{
		{fmt.Sprint(t.Requests), lang.L("requests"), false},
		{percent(t.OnTime), lang.L("done by the promised time"), t.OnTime.Base > 0 && t.OnTime.Percent() < onTimeTarget},
		{percent(t.ClosedLoop), lang.L("closed with the guest"), false},
		{satisfaction(t), lang.L("average guest score"), t.Scored > 0 && t.Satisfaction() < satisfactionTarget},
		{median(t.Ack), lang.L("to acknowledge (median)"), false},
		{median(t.Resolve), lang.L("to resolve (median)"), false},
		{fmt.Sprint(t.Complaints), lang.L("complaints"), false},
		{fmt.Sprintf("%d / %d", t.Recovered, t.Recoveries), lang.L("unhappy guests won back"), t.Recovered < t.Recoveries},
	} {
		s.figures.Add(newFigureTile(f.value, f.label, f.alarm))
	}
	s.figures.Refresh()
	s.showCharts(m)
	s.depts.set(m.ByDepartment)
	s.cats.set(m.ByCategory)
	s.repeats.Refresh()
}

// showCharts draws the weekly trend and the departments' on-time and satisfaction.
func (s *insightsScreen) showCharts(m *handover.Measures) {
	lg := uiLang()
	var weeks, weekOn []bar
	most := 0
	for _, w := range m.Weeks {
		day := lg.DayMonth(w.Start)
		weeks = append(weeks, bar{label: day, value: float64(w.Requests), text: fmt.Sprint(w.Requests)})
		weekOn = append(weekOn, bar{label: day, value: w.OnTime.Percent(), text: percent(w.OnTime),
			alarm: w.OnTime.Base > 0 && w.OnTime.Percent() < onTimeTarget})
		most = max(most, w.Requests)
	}
	s.weekly.set(weeks, float64(most))
	s.weekOn.set(weekOn, 100)
	var on, sat []bar
	for _, d := range m.ByDepartment {
		on = append(on, bar{label: d.Name, value: d.OnTime.Percent(), text: shareText(d.OnTime),
			alarm: d.OnTime.Base > 0 && d.OnTime.Percent() < onTimeTarget})
		sat = append(sat, bar{label: d.Name, value: d.Satisfaction(), text: satisfactionText(d),
			alarm: d.Scored > 0 && d.Satisfaction() < satisfactionTarget})
	}
	s.deptOn.set(on, 100)
	s.deptSat.set(sat, 5)
}

// percent is "82%", or "–" when nothing counts.
func percent(sh handover.Share) string {
	if sh.Base == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", sh.Percent())
}

// shareText is "82% (41 of 50)", with "⚠" when below target.
func shareText(sh handover.Share) string {
	if sh.Base == 0 {
		return "–"
	}
	text := percent(sh) + " " + lang.L("({{.Of}} of {{.Base}})", map[string]any{"Of": sh.Of, "Base": sh.Base})
	if sh.Percent() < onTimeTarget {
		text = "⚠ " + text
	}
	return text
}

// satisfaction is "4.3 / 5", or "–" without scores.
func satisfaction(r handover.Row) string {
	if r.Scored == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f / 5", r.Satisfaction())
}

// satisfactionText is "4.3 / 5 (12 scores)", with "⚠" when below target.
func satisfactionText(r handover.Row) string {
	if r.Scored == 0 {
		return "–"
	}
	text := satisfaction(r) + " " + lang.L("({{.N}} scores)", map[string]any{"N": r.Scored})
	if r.Satisfaction() < satisfactionTarget {
		text = "⚠ " + text
	}
	return text
}

// median is the median duration in words, or "–" when none was measured.
func median(t handover.Times) string {
	if t.N == 0 {
		return "–"
	}
	return uiLang().Duration(t.Median)
}

// newRepeatTable lists rooms whose problems came back.
func (s *insightsScreen) newRepeatTable() *widget.Table {
	heads := []string{lang.L("Room"), lang.L("Problem"), lang.L("Times within 30 days"), lang.L("Last")}
	widths := []float32{100, 260, 180, 160}
	t := widget.NewTable(func() (int, int) {
		if s.measures == nil {
			return 0, len(heads)
		}
		return len(s.measures.Repeats), len(heads)
	}, func() fyne.CanvasObject { return widget.NewLabel("") }, func(id widget.TableCellID, o fyne.CanvasObject) {
		r := s.measures.Repeats[id.Row]
		cells := []string{r.Room, r.CategoryName, fmt.Sprint(r.Count), uiLang().Clock(r.Last, s.u.now())}
		o.(*widget.Label).SetText(cells[id.Col])
	})
	withHeader(t, heads, widths)
	return t
}

// withHeader gives a table a header row and column widths.
func withHeader(t *widget.Table, heads []string, widths []float32) {
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(heads) {
			o.(*widget.Label).SetText(heads[id.Col])
		}
	}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
}
