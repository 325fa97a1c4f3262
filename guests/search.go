package guests

import (
	"slices"
	"strings"
	"unicode"
)

// Search limits: results are a page, never the whole table.
const (
	DefaultSearchLimit = 50
	MaxSearchLimit     = 200
	maxQueryRunes      = 100
	maxQueryWords      = 6
)

// Query asks for the guests matching what staff typed in the search box.
type Query struct {
	Text  string
	Limit int // 0 means DefaultSearchLimit
}

// PageSize returns the limit to apply, within bounds.
func (q Query) PageSize() int {
	switch {
	case q.Limit <= 0:
		return DefaultSearchLimit
	case q.Limit > MaxSearchLimit:
		return MaxSearchLimit
	}
	return q.Limit
}

// Match is one search result: enough to recognise the guest in a list.
type Match struct {
	ID            string
	Salutation    string
	GivenName     string
	FamilyName    string
	Email         string
	Phone         string
	LoyaltyNumber string
	Tier          Tier
	VIP           bool
	CasinoTier    CasinoTier
	AlertCount    int
	InHouse       bool
	Stay          *Stay // the current stay, else the next expected, else the last; nil if none
}

// FullName is given and family name.
func (m *Match) FullName() string { return joinNonEmpty(m.GivenName, m.FamilyName) }

// Terms is typed search text split into what the index understands. Nothing a user types
// is ever passed to the index as query syntax: words and digits are matched literally
// as prefixes.
type Terms struct {
	Words  []string // lower-cased word prefixes, all of which must match
	Digits string   // set when the text looks like a number: phone, loyalty or room digits
}

// Empty reports whether there is nothing to search for.
func (t Terms) Empty() bool { return len(t.Words) == 0 && t.Digits == "" }

// ParseTerms splits search text. Text made only of digits and phone punctuation
// ("+62 812-345", "(415) 555") becomes one digit string, so a phone can be typed in any
// format; anything else becomes words (letters and digits), matched as prefixes.
func ParseTerms(text string) Terms {
	if r := []rune(text); len(r) > maxQueryRunes {
		text = string(r[:maxQueryRunes])
	}
	if d, ok := phoneDigits(text); ok {
		return Terms{Digits: d}
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	if len(words) > maxQueryWords {
		words = words[:maxQueryWords]
	}
	return Terms{Words: words}
}

func phoneDigits(text string) (string, bool) {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune("+-()./ ", r):
		default:
			return "", false
		}
	}
	d := b.String()
	if strings.HasPrefix(strings.TrimSpace(text), "00") && len(d) > 4 {
		d = d[2:] // international dialling prefix, as in 0044 20…
	}
	return d, d != ""
}

// MaxWordVariants bounds how many spellings one searched word is looked up as.
const MaxWordVariants = 8

// digraphVariants are what a search index that drops accents holds where a name has a
// letter written out as two: "ae" may stand for ä (indexed a) or æ, "oe" for ö (o) or
// ø, "ue" for ü (u), "ss" for ß, "aa" for å (a).
var digraphVariants = []struct {
	digraph string
	letters []string
}{{"ae", []string{"a", "æ"}}, {"oe", []string{"o", "ø"}}, {"ue", []string{"u"}}, {"ss", []string{"ß"}}, {"aa", []string{"a"}}}

// WordVariants returns the spellings a searched word is looked up as, the word itself
// first: "schäfer" also as "schaefer", "schaefer" also as "schafer" (Schäfer in an index
// without accents), "strauss" as "strauß", "oedegaard" as "ødegard", so that a guest is
// found however the caller or the PMS wrote the name's special letters.
func WordVariants(w string) []string {
	out := []string{w}
	add := func(v string) {
		if len(out) < MaxWordVariants && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	if t := transliterations.Replace(w); t != w {
		add(t)
	}
	for _, dv := range digraphVariants {
		if !strings.Contains(w, dv.digraph) {
			continue
		}
		for _, v := range slices.Clone(out) {
			for _, l := range dv.letters {
				add(strings.ReplaceAll(v, dv.digraph, l))
			}
		}
	}
	return out
}
