package handover

import (
	"fmt"
	"io"
	"strings"

	"github.com/signintech/gopdf"
)

// A4 portrait in points, and the layout of the printed report.
const (
	pageW, pageH = 595.28, 841.89
	margin       = 36.0
	bottom       = pageH - 46 // content stops here; the footer sits below
	markW        = 128.0      // the state column of entries
	gutter       = 8.0
)

// Colours (RGB): text, secondary text, alarms, "new" tags, section bars, box borders.
var (
	colText   = [3]uint8{0x21, 0x21, 0x21}
	colMuted  = [3]uint8{0x61, 0x61, 0x61}
	colAlarm  = [3]uint8{0xb7, 0x1c, 0x1c}
	colNew    = [3]uint8{0x15, 0x65, 0xc0}
	colBar    = [3]uint8{0xe8, 0xec, 0xef}
	colBorder = [3]uint8{0xb0, 0xbe, 0xc5}
)

// pdfDoc lays the report out page by page.
type pdfDoc struct {
	gp    *gopdf.GoPdf
	fonts *fontChain
	y     float64
	err   error // the first drawing error; later calls do nothing
}

// WritePDF writes the report as a printable A4 PDF set in fonts (see SystemFonts).
func WritePDF(w io.Writer, r *Report, lg Lang, fonts FontSet) error {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	gp.SetInfo(gopdf.PdfInfo{Title: r.Heading(lg), Creator: "Frontdesk", Producer: "Frontdesk", CreationDate: r.Now})
	chain, err := newFontChain(gp, fonts)
	if err != nil {
		return fmt.Errorf("PDF fonts: %w", err)
	}
	d := &pdfDoc{gp: gp, fonts: chain}
	d.newPage()
	d.header(r, lg)
	d.changes(r, lg)
	d.departments(r, lg)
	for _, b := range r.Blocks(lg) {
		d.block(b, lg)
	}
	d.footers(r, lg)
	if d.err != nil {
		return d.err
	}
	_, err = gp.WriteTo(w)
	return err
}

func (d *pdfDoc) newPage() {
	d.gp.AddPage()
	d.y = margin
}

// room makes sure h points fit below y, starting a new page when they do not.
func (d *pdfDoc) room(h float64) {
	if d.y+h > bottom {
		d.newPage()
	}
}

func (d *pdfDoc) color(c [3]uint8) { d.gp.SetTextColor(c[0], c[1], c[2]) }

// text draws s with its top-left at (x, y), font by font.
func (d *pdfDoc) text(x, y float64, s string, style int, size float64) {
	if d.err != nil {
		return
	}
	for _, r := range d.fonts.runs(s, style) {
		if d.err = d.gp.SetFont(r.family, "", size); d.err != nil {
			return
		}
		d.gp.SetXY(x, y)
		if d.err = d.gp.Cell(nil, r.text); d.err != nil {
			return
		}
		w, _ := d.gp.MeasureTextWidth(r.text)
		x += w
	}
}

// width measures s as text draws it.
func (d *pdfDoc) width(s string, style int, size float64) float64 {
	total := 0.0
	for _, r := range d.fonts.runs(s, style) {
		if d.gp.SetFont(r.family, "", size) != nil {
			continue
		}
		w, _ := d.gp.MeasureTextWidth(r.text)
		total += w
	}
	return total
}

// wrap breaks s into lines at most w wide: at spaces, and inside a word (CJK text has no
// spaces) when one word is wider than a line.
func (d *pdfDoc) wrap(s string, w float64, style int, size float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			cand := word
			if line != "" {
				cand = line + " " + word
			}
			if d.width(cand, style, size) <= w {
				line = cand
				continue
			}
			if line != "" {
				lines = append(lines, line)
			}
			for d.width(word, style, size) > w {
				cut := d.fit(word, w, style, size)
				lines = append(lines, word[:cut])
				word = word[cut:]
			}
			line = word
		}
		lines = append(lines, line)
	}
	return lines
}

// fit is the byte length of the longest prefix of word (at least one character) that
// fits in w.
func (d *pdfDoc) fit(word string, w float64, style int, size float64) int {
	cut := 0
	for i, r := range word {
		end := i + len(string(r))
		if cut > 0 && d.width(word[:end], style, size) > w {
			break
		}
		cut = end
	}
	return cut
}

// clip shortens s with "…" to fit in w.
func (d *pdfDoc) clip(s string, w float64, style int, size float64) string {
	if d.width(s, style, size) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && d.width(string(r)+"…", style, size) > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// footers number the pages once their count is known.
func (d *pdfDoc) footers(r *Report, lg Lang) {
	n := d.gp.GetNumberOfPages()
	for i := 1; i <= n && d.err == nil; i++ {
		d.err = d.gp.SetPage(i)
		d.color(colMuted)
		left := "Frontdesk · " + r.Heading(lg)
		d.text(margin, pageH-30, d.clip(left, pageW-2*margin-90, styleRegular, 8), styleRegular, 8)
		right := lg.L("page {{.N}} of {{.Of}}", map[string]any{"N": i, "Of": n})
		d.text(pageW-margin-d.width(right, styleRegular, 8), pageH-30, right, styleRegular, 8)
	}
}
