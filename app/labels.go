package app

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2/lang"

	"frontdesk/guests"
	"frontdesk/words"
)

// label translates the English name of a domain value.
func label[K comparable](names map[K]string, k K) string {
	return lang.L(words.Of(names, k))
}

// options returns translated names for values, in order, and a lookup back to the value.
func options[K comparable](names map[K]string, values []K) ([]string, func(string) K) {
	out := make([]string, len(values))
	back := make(map[string]K, len(values))
	for i, v := range values {
		out[i] = label(names, v)
		back[out[i]] = v
	}
	return out, func(s string) K { return back[s] }
}

// shortDate is "23 Nov 2026"; dayMonth is "23 Nov".
func shortDate(t time.Time) string {
	return fmt.Sprintf("%s %d", dayMonth(t.Month(), t.Day()), t.Year())
}

func dayMonth(m time.Month, d int) string {
	return fmt.Sprintf("%d %s", d, lang.L(words.Months[m-1]))
}

// stayRange is "21 Nov – 26 Nov 2026".
func stayRange(s *guests.Stay) string {
	return fmt.Sprintf("%s – %s", dayMonth(s.Arrival.Month(), s.Arrival.Day()), shortDate(s.Departure))
}

// tierBadge returns the text and colour of a guest's loyalty badge (empty for none).
func tierBadge(t guests.Tier) (string, color.Color) {
	switch t {
	case guests.TierPlatinum:
		return lang.L("PLATINUM"), colPlatinum
	case guests.TierGold:
		return lang.L("GOLD"), colGold
	case guests.TierSilver:
		return lang.L("SILVER"), colSilver
	}
	return "", nil
}

// casinoBadge returns the text and colour of a casino-tier badge (empty for none).
func casinoBadge(t guests.CasinoTier) (string, color.Color) {
	if t == guests.CasinoNone || t == "" {
		return "", nil
	}
	return label(words.Casino, t), colCasino
}

// occasionText is "Birthday · 29 Feb (1990)".
func occasionText(o guests.Occasion) string {
	name := label(words.Occasion, o.Kind)
	if o.Label != "" {
		name = o.Label
	}
	s := name + " · " + dayMonth(o.Month, o.Day)
	if o.Year != 0 {
		s += fmt.Sprintf(" %d", o.Year)
	}
	return s
}
