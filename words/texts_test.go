package words

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/standards"
)

// english renders a catalogue text as written.
func english(key string, data ...any) string {
	if len(data) > 0 {
		if args, ok := data[0].(map[string]any); ok {
			return errs.Render(key, args)
		}
	}
	return key
}

// shouting is a reader's language that tells Frontdesk's words from people's: it writes
// them in capitals, and leaves what is put into them alone.
func shouting(key string, data ...any) string {
	names := placeholders.FindAllString(key, -1)
	var b strings.Builder
	for i, part := range placeholders.Split(key, -1) {
		b.WriteString(strings.ToUpper(part))
		if i < len(names) {
			b.WriteString(names[i])
		}
	}
	return english(b.String(), data...)
}

var placeholders = regexp.MustCompile(`\{\{[^}]*\}\}`)

func TestWhatFrontdeskWroteIsWordedForTheReaderAndWhatPeopleTypedIsNot(t *testing.T) {
	on := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		r       requests.Request
		english string
		reader  string
	}{
		{requests.Request{Description: "Extra towels, please"}, "Extra towels, please", "Extra towels, please"},
		{requests.Request{Description: "Safe will not open", RecoveryOf: "r1", RecoveryScore: 2, GuestSaid: "still locked"},
			"Guest not satisfied (2/5) with: Safe will not open\nGuest said: still locked",
			"GUEST NOT SATISFIED (2/5) WITH: Safe will not open\nGUEST SAID: still locked"},
		{requests.Request{Description: "Decaf coffee", Category: standards.CategoryArrivalPrep},
			"Before arrival: Decaf coffee", "BEFORE ARRIVAL: Decaf coffee"},
		{requests.Request{Description: "Birthday", Occasion: string(guests.OccasionBirthday), OccasionOn: on},
			"Birthday 25 Nov: cake and a card", "BIRTHDAY 25 NOV: CAKE AND A CARD"},
		{requests.Request{Description: "Retirement", Occasion: string(guests.OccasionCustom), OccasionOn: on},
			"Retirement 25 Nov: cake and a card", "Retirement 25 NOV: CAKE AND A CARD"},
		{requests.Request{Description: guests.ErasedName}, "[erased]", "[ERASED]"},
	}
	for _, c := range cases {
		if got := RequestText(english, &c.r); got != c.english {
			t.Errorf("English: %q, want %q", got, c.english)
		}
		if got := RequestText(shouting, &c.r); got != c.reader {
			t.Errorf("reader's: %q, want %q", got, c.reader)
		}
	}
}

func TestAComplaintAlertFromAFollowUpIsDatedInThePropertysZone(t *testing.T) {
	bali := time.FixedZone("WITA", 8*60*60)
	a := guests.Alert{Kind: guests.AlertComplaint, Text: "Safe will not open", Score: 2,
		CreatedAt: time.Date(2026, 12, 4, 20, 0, 0, 0, time.UTC)} // 5 Dec, 04:00 in Bali
	if got := AlertText(english, a, bali); got != "Not satisfied (2/5) on 5 Dec 2026: Safe will not open" {
		t.Errorf("got %q", got)
	}
	typed := guests.Alert{Kind: guests.AlertComplaint, Text: "Not satisfied with the view"}
	if got := AlertText(shouting, typed, bali); got != typed.Text {
		t.Errorf("a typed alert reads %q", got)
	}
}
