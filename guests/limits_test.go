package guests

import (
	"strings"
	"testing"
	"time"

	"frontdesk/textcheck"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestStayDatesAreInRangeAndInOrder(t *testing.T) {
	cases := []struct {
		name         string
		arrival, dep time.Time
		field, msg   string
	}{
		{"a typing slip in the year", day(2026, 11, 23), day(2620, 11, 25), FieldDeparture, "Enter a date from 1990 to 2100."},
		{"arrival before records began", day(1899, 1, 1), day(2026, 1, 2), FieldArrival, "Enter a date from 1990 to 2100."},
		{"departure before arrival", day(2026, 11, 23), day(2026, 11, 20), FieldDeparture, "Departure must be after arrival."},
		{"departure on arrival day", day(2026, 11, 23), day(2026, 11, 23), FieldDeparture, "Departure must be after arrival."},
		{"more than a year", day(2026, 1, 1), day(2027, 1, 2), FieldDeparture, "A stay lasts at most 365 nights; record a longer one as several stays."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Stay{Arrival: c.arrival, Departure: c.dep, PartySize: 1}
			e := s.Normalize().For(c.field)
			if e == nil || e.Error() != c.msg {
				t.Fatalf("problem on %s = %v, want %q", c.field, e, c.msg)
			}
		})
	}
	ok := Stay{Arrival: day(2026, 1, 1), Departure: day(2027, 1, 1), PartySize: 1}
	if fs := ok.Normalize(); len(fs) != 0 {
		t.Fatalf("a 365-night stay was refused: %v", fs)
	}
}

func TestFreeTextOnAProfileRefusesCardNumbers(t *testing.T) {
	card := "deposit card 4111 1111 1111 1111"
	g := Guest{FamilyName: "Lee", Notes: card}
	if e := g.Normalize("ID").For(FieldNotes); e == nil || e.Template != textcheck.MsgCard {
		t.Errorf("notes: %v", e)
	}
	p := Preference{Category: PrefOther, Text: card}
	if e := p.Normalize().For(FieldText); e == nil || e.Template != textcheck.MsgCard {
		t.Errorf("preference: %v", e)
	}
	a := Alert{Kind: AlertOther, Text: card}
	if e := a.Normalize().For(FieldText); e == nil || e.Template != textcheck.MsgCard {
		t.Errorf("alert: %v", e)
	}
	// Phone numbers in free text are not cards.
	g = Guest{FamilyName: "Lee", Notes: "Call her driver on +62 821 1111 1116 or 0821 1111 1115 8"}
	if fs := g.Normalize("ID"); len(fs) != 0 {
		t.Errorf("a phone number in notes was refused: %v", fs)
	}
}

func TestEveryTextFieldHasALimit(t *testing.T) {
	long := strings.Repeat("a", 3000)
	g := Guest{GivenName: long, FamilyName: long, Email: long + "@example.com", Notes: long}
	fs := g.Normalize("ID")
	for _, f := range []string{FieldGivenName, FieldFamilyName, FieldEmail, FieldNotes} {
		if fs.For(f) == nil {
			t.Errorf("%s: a 3,000-character value was accepted", f)
		}
	}
	if (&Preference{Category: PrefOther, Text: long}).Normalize().For(FieldText) == nil {
		t.Error("preference text has no limit")
	}
	if (&Alert{Kind: AlertOther, Text: long}).Normalize().For(FieldText) == nil {
		t.Error("alert text has no limit")
	}
	if (&Occasion{Kind: OccasionCustom, Label: long, Month: 1, Day: 1}).Normalize().For(FieldLabel) == nil {
		t.Error("occasion label has no limit")
	}
	if (&Stay{Arrival: day(2026, 1, 1), Departure: day(2026, 1, 2), Room: long, PartySize: 1}).Normalize().For(FieldRoom) == nil {
		t.Error("room has no limit")
	}
	if (&Stay{Arrival: day(2026, 1, 1), Departure: day(2026, 1, 2), PartySize: 21}).Normalize().For(FieldPartySize) == nil {
		t.Error("party size has no limit")
	}
}
