package guests

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
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
	if !NamesAgree(a.FamilyName, b.FamilyName, false) {
		return false
	}
	return NamesAgree(a.GivenName, b.GivenName, true)
}

// NamesAgree reports whether two spellings of a name can be the same name: equal when
// case and accents are ignored (Muller, Müller) or when the common transliterations are
// written out (Schäfer, Schaefer; Jørgen, Joergen; Strauß, Strauss; Ødegård, Oedegaard).
// With initials, one may be the beginning of the other ("J." and "John"). A blank name
// agrees with anything.
func NamesAgree(a, b string, initials bool) bool {
	for _, fold := range []func(string) string{headerKey, TransliterationKey} {
		x, y := fold(a), fold(b)
		if x == "" || y == "" || x == y || initials && (strings.HasPrefix(x, y) || strings.HasPrefix(y, x)) {
			return true
		}
	}
	return false
}

// transliterations are the letters that German and Scandinavian names are written with
// two letters when a keyboard or a PMS lacks them.
var transliterations = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "ø", "oe", "å", "aa", "æ", "ae",
	"Ä", "ae", "Ö", "oe", "Ü", "ue", "ẞ", "ss", "Ø", "oe", "Å", "aa", "Æ", "ae")

// TransliterationKey folds a name as headerKey does after writing its special letters
// out: "Schäfer" and "Schaefer" both become "schaefer", "Ødegård" and "Oedegaard"
// "oedegaard".
func TransliterationKey(s string) string {
	return headerKey(transliterations.Replace(norm.NFC.String(s)))
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
