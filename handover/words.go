package handover

import (
	"fmt"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/words"
)

// Lang turns the report's English texts into the reader's language. L has the signature
// of fyne's lang.L, so the window passes that; the command line uses English.
type Lang struct {
	L func(key string, data ...any) string
}

// English renders the report's texts as written.
var English = Lang{L: func(key string, data ...any) string {
	if len(data) > 0 {
		if args, ok := data[0].(map[string]any); ok {
			return errs.Render(key, args)
		}
	}
	return key
}}

// Date is "23 Nov 2026".
func (lg Lang) Date(t time.Time) string { return words.Date(lg.L, t) }

// DayMonth is "23 Nov".
func (lg Lang) DayMonth(t time.Time) string { return words.DayMonth(lg.L, t) }

// Clock is "14:35" on now's date, else "23 Nov 14:35", in now's location.
func (lg Lang) Clock(t, now time.Time) string {
	t = t.In(now.Location())
	if sameDate(t, now) {
		return t.Format("15:04")
	}
	return lg.DayMonth(t) + " " + t.Format("15:04")
}

func sameDate(a, b time.Time) bool {
	y1, m1, d1 := a.Date()
	y2, m2, d2 := b.Date()
	return y1 == y2 && m1 == m2 && d1 == d2
}

// Duration is "12 min", "2 h 5 min" or "3 d".
func (lg Lang) Duration(d time.Duration) string {
	m := max(int(d.Round(time.Minute)/time.Minute), 0)
	switch {
	case m < 60:
		return lg.L("{{.M}} min", map[string]any{"M": m})
	case m < 24*60 && m%60 == 0:
		return lg.L("{{.H}} h", map[string]any{"H": m / 60})
	case m < 24*60:
		return lg.L("{{.H}} h {{.M}} min", map[string]any{"H": m / 60, "M": m % 60})
	}
	return lg.L("{{.D}} d", map[string]any{"D": m / (24 * 60)})
}

// ShiftName is "Morning shift", "Evening shift" or "Night shift".
func (lg Lang) ShiftName(s property.Shift) string {
	return lg.L("{{.Shift}} shift", map[string]any{"Shift": lg.L(words.Of(words.Shift, s))})
}

// ShiftTitle is "Evening shift, 23 Nov 2026, 15:00–23:00".
func (lg Lang) ShiftTitle(s ShiftRef) string {
	return fmt.Sprintf("%s, %s, %s–%s", lg.ShiftName(s.Shift), lg.Date(s.Day), s.Start.Format("15:04"), s.End.Format("15:04"))
}

// status is a request status in a word or two, in lower case for the middle of a line.
func (lg Lang) status(s requests.Status) string {
	return strings.ToLower(lg.L(words.Of(words.Status, s)))
}

// alertKind names an alert's kind.
func (lg Lang) alertKind(k guests.AlertKind) string {
	return lg.L(words.Of(words.Alert, k))
}

// standing is a guest's tiers in words: "Platinum · Casino Black", or empty.
func (lg Lang) standing(t guests.Tier, c guests.CasinoTier) string {
	var parts []string
	if t != guests.TierNone && t != "" {
		parts = append(parts, lg.L(words.Of(words.Tier, t)))
	}
	if c != guests.CasinoNone && c != "" {
		parts = append(parts, lg.L(words.Of(words.Casino, c)))
	}
	return strings.Join(parts, " · ")
}

// occasionName is the occasion's label, or its kind's name.
func (lg Lang) occasionName(o guests.Occasion) string {
	if o.Label != "" {
		return o.Label
	}
	return lg.L(words.Of(words.Occasion, o.Kind))
}

// alerts lists alerts as "Allergy: peanuts; Medical: diabetic", dates in loc.
func (lg Lang) alerts(as []guests.Alert, loc *time.Location) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = lg.alertKind(a.Kind) + ": " + oneLine(words.AlertText(lg.L, a, loc), 120)
	}
	return strings.Join(parts, "; ")
}

// oneLine joins a text's lines and clips it to n runes, marking the cut.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// joinParts joins the non-empty parts with " · ".
func joinParts(parts ...string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}
