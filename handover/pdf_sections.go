package handover

import (
	"fmt"
)

// header is the title, who and when, the acknowledgement and the headline numbers.
func (d *pdfDoc) header(r *Report, lg Lang) {
	d.color(colText)
	for _, l := range d.wrap(r.Heading(lg), pageW-2*margin, styleBold, 15) {
		d.text(margin, d.y, l, styleBold, 15)
		d.y += 19
	}
	d.color(colMuted)
	printed := lg.L("Printed {{.Time}}", map[string]any{"Time": lg.Date(r.Now) + " " + r.Now.Format("15:04")})
	for _, l := range d.wrap(printed+" · "+r.Who(lg), pageW-2*margin, styleRegular, 9) {
		d.text(margin, d.y, l, styleRegular, 9)
		d.y += 12
	}
	d.color(colText)
	if r.Ack == nil {
		d.color(colAlarm)
	}
	d.text(margin, d.y, d.clip(r.AckLine(lg), pageW-2*margin, styleBold, 9), styleBold, 9)
	d.y += 18
	d.figures(r.Figures(lg))
}

// figures draws the headline numbers as boxes, four to a row; an alarming number is red
// and its label says what it is.
func (d *pdfDoc) figures(fs []Figure) {
	const perRow, boxH, gap = 4, 40.0, 6.0
	boxW := (pageW - 2*margin - gap*(perRow-1)) / perRow
	for i, f := range fs {
		x := margin + float64(i%perRow)*(boxW+gap)
		if i > 0 && i%perRow == 0 {
			d.y += boxH + gap
		}
		d.gp.SetStrokeColor(colBorder[0], colBorder[1], colBorder[2])
		if f.Alarm {
			d.gp.SetStrokeColor(colAlarm[0], colAlarm[1], colAlarm[2])
		}
		d.gp.SetLineWidth(0.8)
		d.gp.RectFromUpperLeft(x, d.y, boxW, boxH)
		d.color(colText)
		if f.Alarm {
			d.color(colAlarm)
		}
		d.text(x+8, d.y+5, fmt.Sprint(f.Value), styleBold, 16)
		d.color(colMuted)
		d.text(x+8, d.y+26, d.clip(f.Label, boxW-14, styleRegular, 8), styleRegular, 8)
	}
	d.y += boxH + 14
}

// sectionBar is a shaded title bar across the page.
func (d *pdfDoc) sectionBar(title string) {
	d.room(40)
	d.gp.SetFillColor(colBar[0], colBar[1], colBar[2])
	d.gp.RectFromUpperLeftWithStyle(margin, d.y, pageW-2*margin, 17, "F")
	d.color(colText)
	d.text(margin+5, d.y+3, d.clip(title, pageW-2*margin-10, styleBold, 10.5), styleBold, 10.5)
	d.y += 22
}

func (d *pdfDoc) changes(r *Report, lg Lang) {
	d.sectionBar(lg.L("What changed since the last handover"))
	d.color(colText)
	for _, l := range r.ChangeLines(lg) {
		for _, w := range d.wrap(l, pageW-2*margin-10, styleRegular, 9) {
			d.room(12)
			d.text(margin+5, d.y, w, styleRegular, 9)
			d.y += 12
		}
	}
	d.y += 6
}

// departments is the table of open requests by department and age.
func (d *pdfDoc) departments(r *Report, lg Lang) {
	d.sectionBar(lg.L("Open requests by department and age"))
	if len(r.Departments) == 0 {
		d.color(colMuted)
		d.text(margin+5, d.y, lg.L("No open requests."), styleRegular, 9)
		d.y += 18
		return
	}
	ages := AgeHeaders(lg)
	head := []string{lg.L("Open"), lg.L("Overdue"), ages[0], ages[1], ages[2], ages[3]}
	const numW = 54.0
	nameW := pageW - 2*margin - 10 - numW*float64(len(head))
	row := func(name string, cells []string, style int, alarm bool) {
		d.room(13)
		d.color(colText)
		d.text(margin+5, d.y, d.clip(name, nameW-4, style, 9), style, 9)
		for i, c := range cells {
			d.color(colText)
			if i == 1 && alarm {
				d.color(colAlarm)
			}
			right := margin + 5 + nameW + numW*float64(i+1) - 4
			d.text(right-d.width(c, style, 9), d.y, c, style, 9)
		}
		d.y += 13
	}
	row(lg.L("Department"), head, styleBold, false)
	for _, dl := range r.Departments {
		cells := []string{fmt.Sprint(dl.Open), fmt.Sprint(dl.Overdue)}
		for _, n := range dl.Ages {
			cells = append(cells, fmt.Sprint(n))
		}
		row(dl.Name, cells, styleRegular, dl.Overdue > 0)
	}
	d.y += 8
}

// block is one section: its bar, then each entry, kept whole on a page.
func (d *pdfDoc) block(b Block, lg Lang) {
	d.sectionBar(fmt.Sprintf("%s (%d)", b.Title, len(b.Entries)+b.More))
	if len(b.Entries) == 0 {
		d.color(colMuted)
		d.text(margin+5, d.y, b.Empty, styleRegular, 9)
		d.y += 18
		return
	}
	for _, e := range b.Entries {
		d.entry(e, lg)
	}
	if b.More > 0 {
		d.color(colMuted)
		d.room(14)
		d.text(margin+5, d.y, lg.L("… and {{.N}} more", map[string]any{"N": b.More}), styleRegular, 9)
		d.y += 14
	}
	d.y += 8
}

// Entry text sizes and line heights.
const (
	titleSize, titleLine   = 9.5, 12.0
	detailSize, detailLine = 8.0, 10.0
)

// entry draws the mark in the left column and the title and detail beside it.
func (d *pdfDoc) entry(e Entry, lg Lang) {
	textX := margin + 5 + markW + gutter
	textW := pageW - margin - textX
	marks := d.wrap(e.Mark, markW, styleBold, 8.5)
	if e.New {
		marks = append(marks, lg.L("NEW"))
	}
	title := d.wrap(e.Title, textW, styleBold, titleSize)
	var detail []string
	if e.Detail != "" {
		detail = d.wrap(e.Detail, textW, styleRegular, detailSize)
	}
	h := max(float64(len(title))*titleLine+float64(len(detail))*detailLine, float64(len(marks))*11)
	d.room(h + 5)
	for i, m := range marks {
		d.color(colText)
		switch {
		case e.New && i == len(marks)-1:
			d.color(colNew)
		case e.Alarm:
			d.color(colAlarm)
		}
		d.text(margin+5, d.y+float64(i)*11, m, styleBold, 8.5)
	}
	y := d.y
	d.color(colText)
	for _, l := range title {
		d.text(textX, y, l, styleBold, titleSize)
		y += titleLine
	}
	d.color(colMuted)
	for _, l := range detail {
		d.text(textX, y, l, styleRegular, detailSize)
		y += detailLine
	}
	d.y += h + 5
}
