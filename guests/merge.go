package guests

import (
	"slices"
	"strings"
)

// MatchKey is what identifies a guest across systems: a loyalty number, an e-mail or a
// phone, as Normalize leaves them.
type MatchKey struct {
	Kind  string // "loyalty", "email" or "phone"
	Value string
}

// MatchKeys returns the keys of a normalised guest, loyalty number first.
func MatchKeys(g *Guest) []MatchKey {
	var out []MatchKey
	for _, k := range []MatchKey{{"loyalty", g.LoyaltyNumber}, {"email", g.Email}, {"phone", g.Phone}} {
		if k.Value != "" {
			out = append(out, k)
		}
	}
	return out
}

// SamePerson reports whether a stored guest found by e-mail or phone can be the person a
// row describes. Families share an e-mail or a phone, so the names must agree: the
// same family name (ignoring case and accents) and given names that are equal or one
// the initial or beginning of the other ("J." and "John"); a blank name agrees with
// anything. Two different loyalty numbers are two people.
func SamePerson(a, b *Guest) bool {
	if a.LoyaltyNumber != "" && b.LoyaltyNumber != "" && a.LoyaltyNumber != b.LoyaltyNumber {
		return false
	}
	fa, fb := headerKey(a.FamilyName), headerKey(b.FamilyName)
	if fa != "" && fb != "" && fa != fb {
		return false
	}
	ga, gb := headerKey(a.GivenName), headerKey(b.GivenName)
	return ga == "" || gb == "" || strings.HasPrefix(ga, gb) || strings.HasPrefix(gb, ga)
}

// MergeGuest fills what dst does not know from src: empty fields are taken, tiers rise
// to the higher, VIP stays once given, and notes src adds are appended when they fit.
// dst's own values are never overwritten, so a re-import cannot undo an edit made at the
// desk. It reports whether dst changed.
func MergeGuest(dst *Guest, src Guest) bool {
	before := *dst
	fill := func(d *string, s string) {
		if *d == "" {
			*d = s
		}
	}
	fill(&dst.Salutation, src.Salutation)
	if dst.GivenName == "" && dst.FamilyName == "" {
		dst.GivenName, dst.FamilyName = src.GivenName, src.FamilyName
	}
	fill(&dst.GivenName, src.GivenName)
	fill(&dst.FamilyName, src.FamilyName)
	fill(&dst.Email, src.Email)
	fill(&dst.Phone, src.Phone)
	fill(&dst.Language, src.Language)
	fill(&dst.LoyaltyNumber, src.LoyaltyNumber)
	if slices.Index(Tiers, src.Tier) > slices.Index(Tiers, dst.Tier) {
		dst.Tier = src.Tier
	}
	if slices.Index(CasinoTiers, src.CasinoTier) > slices.Index(CasinoTiers, dst.CasinoTier) {
		dst.CasinoTier = src.CasinoTier
	}
	dst.VIP = dst.VIP || src.VIP
	if src.Notes != "" && !strings.Contains(dst.Notes, src.Notes) {
		joined := strings.TrimSpace(dst.Notes + "\n" + src.Notes)
		if len([]rune(joined)) <= MaxNotes {
			dst.Notes = joined
		}
	}
	return *dst != before
}

// HasStay reports whether stays already hold one with the same arrival and departure:
// a PMS export imported twice must not double a guest's stays.
func HasStay(stays []Stay, s Stay) bool {
	return slices.ContainsFunc(stays, func(o Stay) bool {
		return o.Arrival.Equal(s.Arrival) && o.Departure.Equal(s.Departure)
	})
}
