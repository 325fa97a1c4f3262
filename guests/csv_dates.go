package guests

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DateOrder says how an all-digit date like 03/04/2026 is read.
type DateOrder string

// Date orders. A file is read one way throughout: month first only when some date in it
// cannot be day first (04/23/2026), as US-configured PMS write them.
const (
	DayFirst   DateOrder = "day/month/year"
	MonthFirst DateOrder = "month/day/year"
)

// monthNames are the English and Indonesian month names and their abbreviations.
var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "januari": 1, "feb": 2, "february": 2, "februari": 2, "peb": 2, "pebruari": 2,
	"mar": 3, "march": 3, "maret": 3, "apr": 4, "april": 4, "may": 5, "mei": 5, "jun": 6, "june": 6, "juni": 6,
	"jul": 7, "july": 7, "juli": 7, "aug": 8, "august": 8, "agu": 8, "agt": 8, "agus": 8, "agustus": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "okt": 10, "oktober": 10,
	"nov": 11, "november": 11, "nop": 11, "nopember": 11, "dec": 12, "december": 12, "des": 12, "desember": 12,
}

// dateParts splits a date cell into its words and numbers, dropping a time of day
// ("2026-11-23 14:00", "23/11/2026 2:00 PM", "2026-11-23T14:00:00Z").
func dateParts(cell string) []string {
	cell = strings.TrimSpace(cell)
	if i := strings.IndexByte(cell, 'T'); i == 10 && strings.Contains(cell[i:], ":") {
		cell = cell[:i]
	}
	var out []string
	for _, p := range strings.FieldsFunc(cell, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("/-.,", r)
	}) {
		if strings.Contains(p, ":") || strings.EqualFold(p, "am") || strings.EqualFold(p, "pm") {
			continue
		}
		out = append(out, p)
	}
	return out
}

// numericDate reports the first two numbers of an all-digit day-and-month date that is
// not year first, so a file's date order can be told from them.
func numericDate(cell string) (a, b int, ok bool) {
	p := dateParts(cell)
	if len(p) != 3 || len(p[0]) > 2 {
		return 0, 0, false
	}
	a, errA := strconv.Atoi(p[0])
	b, errB := strconv.Atoi(p[1])
	_, errC := strconv.Atoi(p[2])
	return a, b, errA == nil && errB == nil && errC == nil
}

// dateVotes tells a file's date order from its dates, one cell at a time: month first
// only when some date is impossible day first and none is impossible month first.
type dateVotes struct{ dayFirstFails, monthFirstFails bool }

func (v *dateVotes) add(cell string) {
	if a, b, ok := numericDate(cell); ok {
		v.dayFirstFails = v.dayFirstFails || b > 12
		v.monthFirstFails = v.monthFirstFails || a > 12
	}
}

func (v dateVotes) order() DateOrder {
	if v.dayFirstFails && !v.monthFirstFails {
		return MonthFirst
	}
	return DayFirst
}

// ParseImportDate reads a date as PMS exports and spreadsheets write it: 2026-11-23,
// 23/11/2026 (or 11/23/2026 with MonthFirst), 23.11.26, 23-Nov-2026, 23 November 2026,
// Nov 23, 2026, 23 Agustus 2026, with or without a time of day. Two-digit years are
// 20xx below 70 and 19xx from 70.
func ParseImportDate(cell string, order DateOrder) (time.Time, bool) {
	p := dateParts(cell)
	if len(p) != 3 {
		return time.Time{}, false
	}
	var y, d int
	var m time.Month
	if name, i := monthWord(p); i >= 0 {
		m = name
		rest := append(append([]string{}, p[:i]...), p[i+1:]...)
		first, second := atoi(rest[0]), atoi(rest[1])
		if len(rest[0]) == 4 { // 2026 Nov 23
			y, d = first, second
		} else {
			d, y = first, year(rest[1], second)
		}
	} else {
		n0, n1, n2 := atoi(p[0]), atoi(p[1]), atoi(p[2])
		switch {
		case len(p[0]) == 4:
			y, m, d = n0, time.Month(n1), n2
		case order == MonthFirst:
			m, d, y = time.Month(n0), n1, year(p[2], n2)
		default:
			d, m, y = n0, time.Month(n1), year(p[2], n2)
		}
	}
	if y <= 0 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d // 31 April rolls over: refuse it
}

// monthWord finds the part that names a month; it returns -1 when none does.
func monthWord(p []string) (time.Month, int) {
	for i, s := range p {
		if m, ok := monthNames[strings.ToLower(s)]; ok {
			return m, i
		}
	}
	return 0, -1
}

// atoi reads a run of ASCII digits; anything else is -1, which no date accepts.
func atoi(s string) int {
	if s == "" || len(s) > 4 {
		return -1
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return -1
		}
	}
	n, _ := strconv.Atoi(s)
	return n
}

func year(s string, n int) int {
	switch {
	case n < 0:
		return n
	case len(s) == 2 && n < 70:
		return 2000 + n
	case len(s) == 2:
		return 1900 + n
	case len(s) == 4:
		return n
	}
	return -1
}
