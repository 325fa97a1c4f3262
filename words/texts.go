package words

import (
	"fmt"
	"time"

	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/standards"
)

// Translator turns an English text of the catalogue into the reader's language: fyne's
// lang.L in the window, handover.Lang's L in the report.
type Translator func(key string, data ...any) string

// RequestText is what a request is about, in the reader's language. What people typed
// stays as typed; the words Frontdesk puts around it when it logs a request itself (a
// service recovery, a preparation task, an occasion task) are rendered from the facts
// the request keeps.
func RequestText(L Translator, r *requests.Request) string {
	switch {
	case r.RecoveryScore > 0:
		text := L("Guest not satisfied ({{.Score}}/5) with: {{.What}}", map[string]any{"Score": r.RecoveryScore, "What": Typed(L, r.Description)})
		if r.GuestSaid != "" {
			text += "\n" + L("Guest said: {{.Said}}", map[string]any{"Said": r.GuestSaid})
		}
		return text
	case r.Category == standards.CategoryArrivalPrep:
		return L("Before arrival: {{.Task}}", map[string]any{"Task": Typed(L, r.Description)})
	case r.Occasion != "":
		return L("{{.Occasion}} {{.Date}}: cake and a card", map[string]any{
			"Occasion": occasionTitle(L, guests.OccasionKind(r.Occasion), r.Description), "Date": DayMonth(L, r.OccasionOn)})
	}
	return Typed(L, r.Description)
}

// Typed is a name or text as people typed it, or the mark an erasure left in its place
// ("[erased]") in the reader's language.
func Typed(L Translator, s string) string {
	if s == guests.ErasedName {
		return L(guests.ErasedName)
	}
	return s
}

// occasionTitle is an occasion's own name as typed, or its kind's name in the reader's
// language when it has none (the title is then the English name).
func occasionTitle(L Translator, kind guests.OccasionKind, title string) string {
	if english := Of(Occasion, kind); title == "" || title == english {
		return L(english)
	}
	return title
}

// AlertText is an alert in the reader's language: as typed, or, for the complaint
// Frontdesk raised when a guest was not satisfied, "Not satisfied (2/5) on 5 Dec 2026:
// Extra towels" with the date in loc.
func AlertText(L Translator, a guests.Alert, loc *time.Location) string {
	if a.Score == 0 {
		return a.Text
	}
	return L("Not satisfied ({{.Score}}/5) on {{.Date}}: {{.What}}", map[string]any{
		"Score": a.Score, "Date": Date(L, a.CreatedAt.In(loc)), "What": a.Text})
}

// Date is "23 Nov 2026".
func Date(L Translator, t time.Time) string {
	return fmt.Sprintf("%s %d", DayMonth(L, t), t.Year())
}

// DayMonth is "23 Nov".
func DayMonth(L Translator, t time.Time) string {
	return fmt.Sprintf("%d %s", t.Day(), L(Months[t.Month()-1]))
}
