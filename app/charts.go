package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// bar is one bar of a chart: what it is, how long it is, and the words printed with it,
// so that a reader never has to judge a length or a colour alone.
type bar struct {
	label string  // "Housekeeping", "16 Nov"
	value float64 // 0 … the chart's max
	text  string  // "82% (41 of 50)"
	alarm bool    // below target: red, and text says so
}

// barChart is a small chart drawn with the canvas: horizontal bars (one row per bar, the
// label on the left) or vertical ones (weeks along the bottom).
type barChart struct {
	widget.BaseWidget
	title    string
	bars     []bar
	max      float64
	vertical bool
}

func newBarChart(title string, vertical bool) *barChart {
	c := &barChart{title: title, vertical: vertical}
	c.ExtendBaseWidget(c)
	return c
}

// set replaces the bars; max is the value of a full-length bar.
func (c *barChart) set(bars []bar, max float64) {
	c.bars, c.max = bars, max
	c.Refresh()
}

// CreateRenderer draws the chart.
func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.build()
	return r
}

// Chart geometry.
const (
	chartRowH      = 26
	chartLabelW    = 170
	chartLabelMaxW = 280
	chartTitleH    = 26
	chartColumnsH  = 150
)

type chartRenderer struct {
	c       *barChart
	title   *canvas.Text
	empty   *canvas.Text
	labelW  float32 // the label column of a horizontal chart: its widest label
	labels  []*canvas.Text
	rects   []*canvas.Rectangle
	texts   []*canvas.Text
	objects []fyne.CanvasObject
}

func chartText(s string, size float32, c color.Color) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	return t
}

// build makes the canvas objects for the chart's current bars.
func (r *chartRenderer) build() {
	fg, muted := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNamePlaceHolder)
	r.title = chartText(r.c.title, theme.TextSize(), fg)
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.empty = chartText("", theme.CaptionTextSize(), muted)
	r.objects = []fyne.CanvasObject{r.title, r.empty}
	r.labels, r.rects, r.texts = nil, nil, nil
	for _, b := range r.c.bars {
		fill, words := theme.Color(theme.ColorNamePrimary), fg
		if b.alarm {
			fill, words = colOverdue, colOverdue
		}
		l, rect, t := chartText(clipRunes(b.label, 40), theme.CaptionTextSize(), fg), canvas.NewRectangle(fill), chartText(b.text, theme.CaptionTextSize(), words)
		t.TextStyle = fyne.TextStyle{Bold: b.alarm}
		r.labels, r.rects, r.texts = append(r.labels, l), append(r.rects, rect), append(r.texts, t)
		r.objects = append(r.objects, l, rect, t)
	}
	r.labelW = chartLabelW
	for _, l := range r.labels { // department names in full ("Maintenance & engineering")
		r.labelW = max(r.labelW, min(l.MinSize().Width+12, chartLabelMaxW))
	}
}

func (r *chartRenderer) Destroy()                     {}
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh rebuilds the objects for new bars.
func (r *chartRenderer) Refresh() {
	r.build()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

// MinSize fits every row of a horizontal chart, or the columns of a vertical one.
func (r *chartRenderer) MinSize() fyne.Size {
	if r.c.vertical {
		return fyne.NewSize(chartLabelW*2, chartTitleH+chartColumnsH+2*chartRowH)
	}
	return fyne.NewSize(r.labelW+chartLabelW, chartTitleH+float32(max(len(r.c.bars), 1))*chartRowH)
}

// Layout places the title, then the bars.
func (r *chartRenderer) Layout(size fyne.Size) {
	r.title.Move(fyne.NewPos(0, 0))
	r.empty.Move(fyne.NewPos(0, chartTitleH))
	r.empty.Text = ""
	if len(r.c.bars) == 0 || r.c.max <= 0 {
		r.empty.Text = "—"
	}
	if r.c.vertical {
		r.layoutColumns(size)
		return
	}
	barMax := size.Width - r.labelW - 110
	for i := range r.c.bars {
		y := chartTitleH + float32(i)*chartRowH
		r.labels[i].Move(fyne.NewPos(0, y+4))
		w := r.length(i, barMax)
		r.rects[i].Resize(fyne.NewSize(w, chartRowH-8))
		r.rects[i].Move(fyne.NewPos(r.labelW, y+4))
		r.texts[i].Move(fyne.NewPos(r.labelW+w+6, y+4))
	}
}

// length is bar i's length in a space of full points.
func (r *chartRenderer) length(i int, full float32) float32 {
	if r.c.max <= 0 {
		return 0
	}
	return max(full*float32(r.c.bars[i].value/r.c.max), 2)
}

// layoutColumns draws vertical bars with their value on top and label underneath.
func (r *chartRenderer) layoutColumns(size fyne.Size) {
	n := len(r.c.bars)
	if n == 0 {
		return
	}
	colW := size.Width / float32(n)
	base := float32(chartTitleH + chartRowH + chartColumnsH)
	for i := range r.c.bars {
		x := float32(i) * colW
		h := r.length(i, chartColumnsH)
		w := min(colW*0.6, 48)
		r.rects[i].Resize(fyne.NewSize(w, h))
		r.rects[i].Move(fyne.NewPos(x+(colW-w)/2, base-h))
		ts := r.texts[i].MinSize()
		r.texts[i].Move(fyne.NewPos(x+(colW-ts.Width)/2, base-h-ts.Height-2))
		ls := r.labels[i].MinSize()
		r.labels[i].Move(fyne.NewPos(x+(colW-ls.Width)/2, base+4))
	}
}

// clipRunes shortens s to n characters, marking the cut.
func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
