package standards

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"frontdesk/errs"
	"frontdesk/textcheck"
)

// Limits of a category's search words.
const (
	MaxCategoryWords = 40
	MaxCategoryWord  = 40
)

// FieldWords names the search words in category forms.
const FieldWords = "words"

// normalizeWords cleans a category's search words: lower case, single spaces, each once,
// at most MaxCategoryWords of at most MaxCategoryWord characters.
func (c *Category) normalizeWords(fs *errs.Fields) {
	var out []string
	for _, w := range c.Words {
		w = strings.Join(strings.Fields(strings.ToLower(w)), " ")
		if w == "" || slices.Contains(out, w) {
			continue
		}
		if len([]rune(w)) > MaxCategoryWord || strings.ContainsRune(w, ',') {
			fs.Add(FieldWords, "A search word is at most {{.Max}} characters, without commas: '{{.Word}}'.", map[string]any{"Max": MaxCategoryWord, "Word": w})
			continue
		}
		if textcheck.HasCardNumber(w) {
			fs.Add(FieldWords, "Search words cannot hold a card number.", nil)
			continue
		}
		out = append(out, w)
	}
	if len(out) > MaxCategoryWords {
		fs.Add(FieldWords, "A category has at most {{.Max}} search words.", map[string]any{"Max": MaxCategoryWords})
	}
	c.Words = out
}

// MatchCategories returns the categories what the agent typed can mean, in cats' order:
// its name (any word of it starting with the text), its code, or one of its search words
// in any language the property uses ("ac", "aircon", "handuk", "taksi"), ignoring case
// and accents. Text that begins with a search word and goes on ("ac panas") matches too.
// Empty text matches every category.
func MatchCategories(cats []Category, typed string) []Category {
	t := fold(typed)
	if t == "" {
		return slices.Clone(cats)
	}
	var out []Category
	for _, c := range cats {
		if c.matches(t) {
			out = append(out, c)
		}
	}
	return out
}

func (c Category) matches(t string) bool {
	if strings.HasPrefix(c.Code, strings.ReplaceAll(t, " ", "_")) || startsAWord(fold(c.Name), t) {
		return true
	}
	for _, w := range c.Words {
		w = fold(w)
		if startsAWord(w, t) || strings.HasPrefix(t, w+" ") {
			return true
		}
	}
	return false
}

// startsAWord reports whether t starts s or one of its words.
func startsAWord(s, t string) bool {
	if strings.HasPrefix(s, t) {
		return true
	}
	for i, r := range s {
		if (r == ' ' || r == '-' || r == '&' || r == '/') && strings.HasPrefix(strings.TrimLeft(s[i+1:], " &-/"), t) {
			return true
		}
	}
	return false
}

// fold lowers text, drops accents and squeezes spaces, so "Kebersihan  Kamar" and
// "kebersihan kamar", "Café" and "cafe" compare equal.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
