package guests

import (
	"testing"
	"time"

	"frontdesk/errs"
)

func TestGuestNormalizeCleansFields(t *testing.T) {
	g := Guest{
		Salutation: "Ms", GivenName: "  Jose\u0301fa ", FamilyName: "Müller",
		Email: " Ana.Smith@Example.COM ", Phone: "0812-3456-7890",
		LoyaltyNumber: "gld 1234 5678", Language: "id",
	}
	if fs := g.Normalize("ID"); len(fs) != 0 {
		t.Fatalf("unexpected problems: %v", fs)
	}
	want := Guest{
		Salutation: "Ms", FamilyName: "Müller", Email: "ana.smith@example.com",
		Phone: "+6281234567890", LoyaltyNumber: "GLD12345678", Language: "id",
		Tier: TierNone, CasinoTier: CasinoNone,
	}
	if g.GivenName != "Jos\u00e9fa" {
		t.Errorf("given name = %q, want the composed form", g.GivenName)
	}
	if g.Email != want.Email || g.Phone != want.Phone || g.LoyaltyNumber != want.LoyaltyNumber ||
		g.Tier != want.Tier || g.CasinoTier != want.CasinoTier {
		t.Errorf("got %+v\nwant %+v", g, want)
	}
}

func TestGuestValidationMessages(t *testing.T) {
	cases := []struct {
		name  string
		guest Guest
		field string
		msg   string
	}{
		{"no name", Guest{Email: "a@b.co"}, FieldFamilyName, "Enter a given name or a family name."},
		{"bad email", Guest{FamilyName: "Lee", Email: "x@"}, FieldEmail, "E-mail 'x@' is not a valid address."},
		{"email without dot", Guest{FamilyName: "Lee", Email: "x@localhost"}, FieldEmail, "E-mail 'x@localhost' is not a valid address."},
		{"email with name", Guest{FamilyName: "Lee", Email: "Bob <b@x.com>"}, FieldEmail, "E-mail 'Bob <b@x.com>' is not a valid address."},
		{"bad phone", Guest{FamilyName: "Lee", Phone: "12"}, FieldPhone, "Phone '12' is not a valid number. Numbers from abroad need their country code, e.g. +44."},
		{"bad loyalty", Guest{FamilyName: "Lee", LoyaltyNumber: "AB-12"}, FieldLoyalty, "Loyalty number may only contain letters and digits (4 to 20 of them)."},
		{"long name", Guest{FamilyName: string(make([]rune, 101))}, FieldFamilyName, ""},
		{"control char", Guest{FamilyName: "Le\x07e"}, FieldFamilyName, "Contains a control character; remove it and try again."},
		{"unknown tier", Guest{FamilyName: "Lee", Tier: "diamond"}, FieldTier, MsgChoose},
		{"unknown language", Guest{FamilyName: "Lee", Language: "xx"}, FieldLanguage, MsgChoose},
		{"unknown salutation", Guest{FamilyName: "Lee", Salutation: "Lord"}, FieldSalutation, MsgChoose},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := c.guest.Normalize("ID")
			e := fs.For(c.field)
			if e == nil {
				t.Fatalf("no problem on %s; got %v", c.field, fs)
			}
			if c.msg != "" && e.Error() != c.msg {
				t.Errorf("message = %q, want %q", e.Error(), c.msg)
			}
			if errs.CodeOf(fs.Err()) != errs.Invalid {
				t.Errorf("code = %v", errs.CodeOf(fs.Err()))
			}
		})
	}
}

func TestNormalizePhoneAcceptsAnyFormat(t *testing.T) {
	cases := []struct{ raw, region, want string }{
		{"0812-3456-7890", "ID", "+6281234567890"},
		{"+62 812 3456 7890", "US", "+6281234567890"},
		{"(415) 555-0134", "US", "+14155550134"},
		{"+44 20 7946 0958", "ID", "+442079460958"},
		{"020 7946 0958", "GB", "+442079460958"},
	}
	for _, c := range cases {
		got, ok := NormalizePhone(c.raw, c.region)
		if !ok || got != c.want {
			t.Errorf("NormalizePhone(%q, %s) = %q, %v; want %q", c.raw, c.region, got, ok, c.want)
		}
	}
	if _, ok := NormalizePhone("555", "US"); ok {
		t.Error("a three-digit number was accepted")
	}
}

func TestPhoneSearchFormsCoverHowGuestsSayTheirNumber(t *testing.T) {
	got := PhoneSearchForms("+6281234567890")
	want := []string{"6281234567890", "81234567890", "081234567890"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestFormatPhoneLocalNationalForeignInternational(t *testing.T) {
	if got := FormatPhone("+6281234567890", "ID"); got != "0812-3456-7890" {
		t.Errorf("local number shown as %q", got)
	}
	if got := FormatPhone("+442079460958", "ID"); got != "+44 20 7946 0958" {
		t.Errorf("foreign number shown as %q", got)
	}
}

func TestParseTerms(t *testing.T) {
	cases := []struct {
		in     string
		words  []string
		digits string
	}{
		{"Jose", []string{"jose"}, ""},
		{"  mull  ", []string{"mull"}, ""},
		{"jo sm", []string{"jo", "sm"}, ""},
		{"ana.smith@exa", []string{"ana", "smith", "exa"}, ""},
		{"+62 812-345", nil, "62812345"},
		{"(415) 555", nil, "415555"},
		{"0044 20 7946", nil, "44207946"},
		{"1204", nil, "1204"},
		{"GLD1234", []string{"gld1234"}, ""},
		{`"AND" NEAR( * -x`, []string{"and", "near", "x"}, ""},
		{"王小明", []string{"王小明"}, ""},
		{"---", nil, ""},
	}
	for _, c := range cases {
		got := ParseTerms(c.in)
		if got.Digits != c.digits || len(got.Words) != len(c.words) {
			t.Errorf("ParseTerms(%q) = %+v", c.in, got)
			continue
		}
		for i := range c.words {
			if got.Words[i] != c.words[i] {
				t.Errorf("ParseTerms(%q) = %+v", c.in, got)
			}
		}
	}
	if !ParseTerms(" - ").Empty() {
		t.Error("punctuation alone should be empty")
	}
}

func TestOccasionDates(t *testing.T) {
	cases := []struct {
		name string
		o    Occasion
		ok   bool
	}{
		{"29 Feb without year", Occasion{Kind: OccasionBirthday, Month: time.February, Day: 29}, true},
		{"29 Feb in leap year", Occasion{Kind: OccasionBirthday, Month: time.February, Day: 29, Year: 1996}, true},
		{"29 Feb in common year", Occasion{Kind: OccasionBirthday, Month: time.February, Day: 29, Year: 1997}, false},
		{"31 April", Occasion{Kind: OccasionAnniversary, Month: time.April, Day: 31}, false},
		{"custom needs label", Occasion{Kind: OccasionCustom, Month: time.May, Day: 1}, false},
		{"custom with label", Occasion{Kind: OccasionCustom, Label: "Graduation", Month: time.May, Day: 1}, true},
		{"year out of range", Occasion{Kind: OccasionBirthday, Month: time.May, Day: 1, Year: 1800}, false},
	}
	for _, c := range cases {
		if fs := c.o.Normalize(); (len(fs) == 0) != c.ok {
			t.Errorf("%s: problems %v", c.name, fs)
		}
	}
}

func TestStayRules(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		name  string
		s     Stay
		field string
	}{
		{"departure before arrival", Stay{Arrival: day(5), Departure: day(4), PartySize: 1}, FieldDeparture},
		{"same day", Stay{Arrival: day(5), Departure: day(5), PartySize: 1}, FieldDeparture},
		{"in house without room", Stay{Arrival: day(5), Departure: day(7), PartySize: 1, Status: StayInHouse}, FieldRoom},
		{"party of zero", Stay{Arrival: day(5), Departure: day(7)}, FieldPartySize},
		{"bad room", Stay{Arrival: day(5), Departure: day(7), PartySize: 2, Room: "12 04"}, FieldRoom},
	}
	for _, c := range cases {
		if fs := c.s.Normalize(); fs.For(c.field) == nil {
			t.Errorf("%s: no problem on %s (got %v)", c.name, c.field, fs)
		}
	}
	ok := Stay{Arrival: day(5), Departure: day(8), PartySize: 2, Room: "1204a"}
	if fs := ok.Normalize(); len(fs) != 0 || ok.Room != "1204A" || ok.Status != StayExpected || ok.Nights() != 3 {
		t.Errorf("valid stay: %v %+v", fs, ok)
	}
}

func TestPreferenceAndAlertNeedText(t *testing.T) {
	p := Preference{Category: PrefBedding, Text: "  "}
	if p.Normalize().For(FieldText) == nil {
		t.Error("empty preference accepted")
	}
	a := Alert{Kind: "rumour", Text: "x"}
	if a.Normalize().For(FieldKind) == nil {
		t.Error("unknown alert kind accepted")
	}
}
