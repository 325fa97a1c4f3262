package anticipation

import (
	"regexp"
	"strings"

	"frontdesk/loans"
)

// ItemDemand is what arrivals' wishes ask of one loanable item against what is left to
// lend, so nobody promises a crib the property does not have.
type ItemDemand struct {
	ItemCode, ItemName string
	Today, Tomorrow    int // arriving guests whose wishes name it
	Available          int // left to lend now
}

// Short says whether the arrivals ask for more than is left.
func (d ItemDemand) Short() bool { return d.Today+d.Tomorrow > d.Available }

// Demand counts, for each item, the arrivals today and tomorrow with a wish that names it
// (once per guest): by its code or its name, singular or plural, as a whole word — "Baby
// crib", "rollaway bed for a child". Items nobody asks for are left out.
func Demand(arrivals []ArrivalCard, items []loans.ItemStock) []ItemDemand {
	var out []ItemDemand
	for _, it := range items {
		match := itemPattern(it.Item)
		d := ItemDemand{ItemCode: it.Code, ItemName: it.Name, Available: it.Available}
		for _, a := range arrivals {
			if !asksFor(a, match) {
				continue
			}
			if a.Tomorrow {
				d.Tomorrow++
			} else {
				d.Today++
			}
		}
		if d.Today+d.Tomorrow > 0 {
			out = append(out, d)
		}
	}
	return out
}

func asksFor(a ArrivalCard, match *regexp.Regexp) bool {
	for _, p := range a.Preferences {
		if match.MatchString(p.Text) {
			return true
		}
	}
	return false
}

// itemPattern matches an item's code, or its name's words with or without a plural s,
// as whole words in any case.
func itemPattern(it loans.Item) *regexp.Regexp {
	names := []string{regexp.QuoteMeta(strings.ToLower(it.Code))}
	name := strings.ToLower(strings.TrimSpace(it.Name))
	if name != "" {
		names = append(names, regexp.QuoteMeta(strings.TrimSuffix(name, "s")))
		if first, _, ok := strings.Cut(name, " and "); ok { // "Irons and boards"
			names = append(names, regexp.QuoteMeta(strings.TrimSuffix(first, "s")))
		}
	}
	return regexp.MustCompile(`(?i)\b(` + strings.Join(names, "|") + `)s?\b`)
}
