package handover

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// markWidth is the width of the state column in the plain-text report.
const markWidth = 24

// WriteText writes the report as plain text, for a terminal, a mail or a printer.
func WriteText(w io.Writer, r *Report, lg Lang) error {
	b := bufio.NewWriter(w)
	fmt.Fprintln(b, strings.ToUpper(r.Heading(lg)))
	fmt.Fprintln(b, lg.L("Printed {{.Time}}", map[string]any{"Time": lg.Date(r.Now) + " " + r.Now.Format("15:04")}))
	fmt.Fprintln(b, r.Who(lg))
	fmt.Fprintln(b, r.AckLine(lg))
	fmt.Fprintln(b)
	figures := make([]string, 0, 8)
	for _, f := range r.Figures(lg) {
		figures = append(figures, fmt.Sprintf("%d %s", f.Value, f.Label))
	}
	fmt.Fprintln(b, "  "+strings.Join(figures, " · "))
	textHeading(b, lg.L("What changed since the last handover"))
	for _, l := range r.ChangeLines(lg) {
		fmt.Fprintln(b, "  "+l)
	}
	textDepartments(b, r, lg)
	for _, bl := range r.Blocks(lg) {
		textBlock(b, bl, lg)
	}
	return b.Flush()
}

func textHeading(b *bufio.Writer, title string) {
	fmt.Fprintln(b)
	fmt.Fprintln(b, strings.ToUpper(title))
}

// textDepartments is the open requests by department and age, as aligned columns.
func textDepartments(b *bufio.Writer, r *Report, lg Lang) {
	textHeading(b, lg.L("Open requests by department and age"))
	if len(r.Departments) == 0 {
		fmt.Fprintln(b, "  "+lg.L("No open requests."))
		return
	}
	ages := AgeHeaders(lg)
	head := []string{lg.L("Department"), lg.L("Open"), lg.L("Overdue"), ages[0], ages[1], ages[2], ages[3]}
	rows := [][]string{head}
	for _, d := range r.Departments {
		rows = append(rows, []string{d.Name, fmt.Sprint(d.Open), fmt.Sprint(d.Overdue),
			fmt.Sprint(d.Ages[0]), fmt.Sprint(d.Ages[1]), fmt.Sprint(d.Ages[2]), fmt.Sprint(d.Ages[3])})
	}
	widths := make([]int, len(head))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, row := range rows {
		var line strings.Builder
		line.WriteString("  " + pad(row[0], widths[0]))
		for i := 1; i < len(row); i++ {
			line.WriteString("  " + strings.Repeat(" ", widths[i]-utf8.RuneCountInString(row[i])) + row[i])
		}
		fmt.Fprintln(b, line.String())
	}
}

func textBlock(b *bufio.Writer, bl Block, lg Lang) {
	textHeading(b, fmt.Sprintf("%s (%d)", bl.Title, len(bl.Entries)+bl.More))
	if len(bl.Entries) == 0 {
		fmt.Fprintln(b, "  "+bl.Empty)
		return
	}
	indent := strings.Repeat(" ", markWidth+3)
	for _, e := range bl.Entries {
		title := e.Title
		if e.New {
			title += "  [" + lg.L("NEW") + "]"
		}
		lines := strings.Split(title, "\n")
		fmt.Fprintf(b, "  %s %s\n", pad(e.Mark, markWidth), lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintln(b, indent+l)
		}
		if e.Detail != "" {
			fmt.Fprintln(b, indent+e.Detail)
		}
	}
	if bl.More > 0 {
		fmt.Fprintln(b, "  "+lg.L("… and {{.N}} more", map[string]any{"N": bl.More}))
	}
}

// pad fills s with spaces to width runes.
func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}
