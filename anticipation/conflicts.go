package anticipation

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"frontdesk/guests"
)

// ConflictKind says why a wish that Frontdesk would prepare by itself needs a person's
// choice instead: preparing it blindly could hurt the guest, or promise what the
// property does not have.
type ConflictKind string

// The conflicts. The values travel through the API; keep them stable.
const (
	ConflictAllergy ConflictKind = "allergy" // the wish names what the guest is allergic to
	ConflictShort   ConflictKind = "short"   // the wish asks for an item more arrivals want than is left
	ConflictChoice  ConflictKind = "choice"  // two of the guest's wishes exclude each other: which one this stay?
)

// allergyCategories are the kinds of wish that put something near the guest: food, the
// bed and what is left in the room.
var allergyCategories = []guests.PreferenceCategory{guests.PrefFood, guests.PrefBedding, guests.PrefAmenities}

// allergyConflict finds an allergy of alerts that the wish p names: a word of four
// letters or more the two share (singular or plural), unless the wish keeps it away —
// "feather-free pillows", "no nuts", "without shellfish". It returns the allergy's text.
func allergyConflict(p guests.Preference, alerts []guests.Alert) (string, bool) {
	if !slices.Contains(allergyCategories, p.Category) {
		return "", false
	}
	wanted := wantedWords(p.Text)
	if len(wanted) == 0 {
		return "", false
	}
	for _, a := range alerts {
		if a.Kind != guests.AlertAllergy {
			continue
		}
		for _, w := range words(a.Text) {
			if wanted[stem(w)] {
				return a.Text, true
			}
		}
	}
	return "", false
}

// wantedWords are the stems of the words a wish asks for, common words left out: those
// not negated by a word before them ("no", "non", "not", "without") or "free" after them.
func wantedWords(text string) map[string]bool {
	ws := words(text)
	out := map[string]bool{}
	for i, w := range ws {
		if len([]rune(w)) < 4 || commonWords[stem(w)] || negated(ws, i) {
			continue
		}
		if i+1 < len(ws) && ws[i+1] == "free" {
			continue
		}
		out[stem(w)] = true
	}
	return out
}

// negated says whether the word at i follows a negation: "no nuts", "non-smoking".
func negated(ws []string, i int) bool {
	return i > 0 && slices.Contains([]string{"no", "non", "not", "without", "never"}, ws[i-1])
}

// words splits text into lower-case words of letters.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
}

// stem drops a plural ending, so "feathers" and "feather", "berries" and "berry" match.
func stem(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "es") && len(w) > 4 && strings.ContainsAny(w[len(w)-3:len(w)-2], "sxz"):
		return strings.TrimSuffix(w, "es")
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// commonWords say nothing about what a guest is allergic to.
var commonWords = map[string]bool{
	"room": true, "with": true, "please": true, "extra": true, "allergy": true, "allergic": true,
	"severe": true, "mild": true, "only": true, "always": true, "guest": true, "also": true,
	"from": true, "every": true, "stay": true, "that": true, "this": true, "some": true,
	"free": true, "arrival": true, "before": true, "after": true, "daily": true, "need": true,
	"prefer": true, "like": true, "want": true, "avoid": true, "must": true, "food": true,
}

// exclusive is a topic on which a room can have one thing only — one kind of bed, one
// floor — named by the words that give its options (each word's option), in wishes that
// mention one of need (any wish when need is empty).
type exclusive struct {
	topic   string
	need    []string
	options map[string]string
}

// exclusives are the topics wishes contradict each other on.
var exclusives = []exclusive{
	{"bed", nil, map[string]string{"twin": "twin", "king": "king", "queen": "queen"}},
	{"floor", []string{"floor"}, map[string]string{"high": "high", "top": "high", "upper": "high", "low": "low", "ground": "low", "lower": "low"}},
	{"pillow", []string{"pillow"}, map[string]string{"firm": "firm", "hard": "firm", "soft": "soft"}},
	{"lift", []string{"lift", "elevator"}, map[string]string{"near": "near", "next": "near", "close": "near", "away": "away", "far": "away"}},
}

// choicesOf says what a wish asks for on each exclusive topic; a wish that names two
// options of one topic ("twin or king") leaves the choice open and says nothing on it.
func choicesOf(text string) map[string]string {
	ws := words(text)
	for i, w := range ws {
		ws[i] = stem(w)
	}
	out := map[string]string{}
	for _, ex := range exclusives {
		if len(ex.need) > 0 && !slices.ContainsFunc(ws, func(w string) bool { return slices.Contains(ex.need, w) }) {
			continue
		}
		found := map[string]bool{}
		for _, w := range ws {
			if v, ok := ex.options[w]; ok {
				found[v] = true
			}
		}
		if len(found) == 1 {
			for v := range found {
				out[ex.topic] = v
			}
		}
	}
	if v := smokingChoice(ws); v != "" {
		out["smoking"] = v
	}
	return out
}

// smokingChoice is "smoking" or "non-smoking" when a wish says which, else empty.
func smokingChoice(ws []string) string {
	for i, w := range ws {
		if w != "smoking" && w != "smoker" {
			continue
		}
		if negated(ws, i) {
			return "non-smoking"
		}
		return "smoking"
	}
	return ""
}

// choiceConflicts finds the guest's wishes that exclude each other — "Twin beds" and
// "King bed", a high and a low floor — by wish ID, with the text of the other.
func choiceConflicts(prefs []guests.Preference) map[string]string {
	out := map[string]string{}
	choices := make([]map[string]string, len(prefs))
	for i, p := range prefs {
		choices[i] = choicesOf(p.Text)
	}
	for i := range prefs {
		for j := i + 1; j < len(prefs); j++ {
			for topic, v := range choices[i] {
				if w, ok := choices[j][topic]; ok && w != v {
					out[prefs[i].ID], out[prefs[j].ID] = prefs[j].Text, prefs[i].Text
				}
			}
		}
	}
	return out
}

// shortItem is an item the arrivals ask for more of than is left, with the pattern that
// finds it in a wish.
type shortItem struct {
	name  string
	match *regexp.Regexp
}

// demandOf is what the arrivals of s ask of each loanable item, and the items that are
// short.
func demandOf(s Snapshot, today time.Time) ([]ItemDemand, []shortItem) {
	if len(s.Stock) == 0 {
		return nil, nil
	}
	cards := make([]ArrivalCard, len(s.Arrivals))
	for i, g := range s.Arrivals {
		cards[i] = ArrivalCard{GuestState: g, Tomorrow: calendarDay(g.Stay.Arrival).After(today)}
	}
	demand := Demand(cards, s.Stock)
	var short []shortItem
	for _, d := range demand {
		if !d.Short() {
			continue
		}
		for _, it := range s.Stock {
			if it.Code == d.ItemCode {
				short = append(short, shortItem{name: d.ItemName, match: itemPattern(it.Item)})
			}
		}
	}
	return demand, short
}

// markShort marks the wishes among tasks that ask for a short item, unless they already
// conflict with an allergy; a marked task is never prepared automatically.
func markShort(tasks []Task, short []shortItem) {
	for i := range tasks {
		t := &tasks[i]
		if t.Preference == "" || t.Conflict != "" {
			continue
		}
		for _, it := range short {
			if it.match.MatchString(t.Description) {
				t.Conflict, t.ConflictWith = ConflictShort, it.name
				break
			}
		}
	}
}
