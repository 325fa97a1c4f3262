package guests

import (
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/textcheck"
)

// Field names used in validation errors; the UI places each message beside its field.
const (
	FieldSalutation = "salutation"
	FieldGivenName  = "given_name"
	FieldFamilyName = "family_name"
	FieldEmail      = "email"
	FieldPhone      = "phone"
	FieldLanguage   = "language"
	FieldLoyalty    = "loyalty_number"
	FieldTier       = "tier"
	FieldCasinoTier = "casino_tier"
	FieldNotes      = "notes"
	FieldCategory   = "category"
	FieldKind       = "kind"
	FieldText       = "text"
	FieldLabel      = "label"
	FieldDate       = "date"
	FieldYear       = "year"
	FieldArrival    = "arrival"
	FieldDeparture  = "departure"
	FieldRoom       = "room"
	FieldStatus     = "status"
	FieldPartySize  = "party_size"
)

// Limits on field lengths, in characters.
const (
	MaxName     = 100
	MaxEmail    = 254
	MaxNotes    = 2000
	MaxItemText = 500
	MaxLabel    = 60
)

// Messages shared by several fields. They are translation keys too: keep the text stable.
const (
	MsgChoose = "Choose one of the options in the list."
)

var (
	loyaltyPattern = regexp.MustCompile(`^[A-Z0-9]{4,20}$`)
	roomPattern    = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{0,9}$`)
)

// Normalize cleans the guest in place (trims, NFC, lower-case e-mail, E.164 phone,
// upper-case loyalty number, defaults for tiers) and returns every problem found.
// region is the property's country (ISO 3166 alpha-2), used for phones typed without
// a country code.
func (g *Guest) Normalize(region string) errs.Fields {
	var fs errs.Fields
	textcheck.Into(&fs, FieldGivenName, &g.GivenName, MaxName, false)
	textcheck.Into(&fs, FieldFamilyName, &g.FamilyName, MaxName, false)
	if g.GivenName == "" && g.FamilyName == "" && fs.For(FieldGivenName) == nil {
		fs.Add(FieldFamilyName, "Enter a given name or a family name.", nil)
	}
	g.Salutation = strings.TrimSpace(g.Salutation)
	if !slices.Contains(Salutations, g.Salutation) {
		fs.Add(FieldSalutation, MsgChoose, nil)
	}
	g.normalizeEmail(&fs)
	g.normalizePhone(&fs, region)
	g.normalizeLoyalty(&fs)
	g.normalizeChoices(&fs)
	textcheck.Into(&fs, FieldNotes, &g.Notes, MaxNotes, true)
	return fs
}

func (g *Guest) normalizeEmail(fs *errs.Fields) {
	raw := g.Email
	textcheck.Into(fs, FieldEmail, &g.Email, MaxEmail, false)
	if g.Email == "" || fs.For(FieldEmail) != nil {
		return
	}
	g.Email = strings.ToLower(g.Email)
	if !ValidEmail(g.Email) {
		fs.Add(FieldEmail, "E-mail '{{.Value}}' is not a valid address.", map[string]any{"Value": strings.TrimSpace(raw)})
	}
}

// ValidEmail reports whether s is a bare address with a dotted domain, e.g. ana@example.com.
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.Contains(s, " ")
}

func (g *Guest) normalizePhone(fs *errs.Fields, region string) {
	raw := strings.TrimSpace(g.Phone)
	if raw == "" {
		g.Phone = ""
		return
	}
	e164, ok := NormalizePhone(raw, region)
	if !ok {
		fs.Add(FieldPhone, "Phone '{{.Value}}' is not a valid number. Numbers from abroad need their country code, e.g. +44.", map[string]any{"Value": raw})
		return
	}
	g.Phone = e164
}

func (g *Guest) normalizeLoyalty(fs *errs.Fields) {
	g.LoyaltyNumber = strings.ToUpper(strings.Join(strings.Fields(g.LoyaltyNumber), ""))
	if g.LoyaltyNumber != "" && !loyaltyPattern.MatchString(g.LoyaltyNumber) {
		fs.Add(FieldLoyalty, "Loyalty number may only contain letters and digits (4 to 20 of them).", nil)
	}
}

func (g *Guest) normalizeChoices(fs *errs.Fields) {
	if g.Tier == "" {
		g.Tier = TierNone
	}
	if g.CasinoTier == "" {
		g.CasinoTier = CasinoNone
	}
	if !slices.Contains(Tiers, g.Tier) {
		fs.Add(FieldTier, MsgChoose, nil)
	}
	if !slices.Contains(CasinoTiers, g.CasinoTier) {
		fs.Add(FieldCasinoTier, MsgChoose, nil)
	}
	if g.Language != "" && LanguageName(g.Language) == g.Language {
		fs.Add(FieldLanguage, MsgChoose, nil)
	}
}

// Normalize cleans a preference and returns every problem found.
func (p *Preference) Normalize() errs.Fields {
	var fs errs.Fields
	if !slices.Contains(PreferenceCategories, p.Category) {
		fs.Add(FieldCategory, MsgChoose, nil)
	}
	textcheck.Into(&fs, FieldText, &p.Text, MaxItemText, false)
	if p.Text == "" && fs.For(FieldText) == nil {
		fs.Add(FieldText, "Describe the preference, e.g. 'feather-free pillows'.", nil)
	}
	return fs
}

// Normalize cleans an alert and returns every problem found.
func (a *Alert) Normalize() errs.Fields {
	var fs errs.Fields
	if !slices.Contains(AlertKinds, a.Kind) {
		fs.Add(FieldKind, MsgChoose, nil)
	}
	textcheck.Into(&fs, FieldText, &a.Text, MaxItemText, false)
	if a.Text == "" && fs.For(FieldText) == nil {
		fs.Add(FieldText, "Describe what staff must know, e.g. 'peanut allergy'.", nil)
	}
	return fs
}

// Normalize cleans an occasion and returns every problem found. 29 February is allowed
// without a year or with a leap year.
func (o *Occasion) Normalize() errs.Fields {
	var fs errs.Fields
	if !slices.Contains(OccasionKinds, o.Kind) {
		fs.Add(FieldKind, MsgChoose, nil)
	}
	textcheck.Into(&fs, FieldLabel, &o.Label, MaxLabel, false)
	if o.Kind == OccasionCustom && o.Label == "" && fs.For(FieldLabel) == nil {
		fs.Add(FieldLabel, "Give the occasion a name, e.g. 'Graduation'.", nil)
	}
	if o.Year != 0 && (o.Year < 1900 || o.Year > 2100) {
		fs.Add(FieldYear, "Year must be between 1900 and 2100, or left empty.", nil)
	}
	if !validMonthDay(o.Month, o.Day, o.Year) {
		fs.Add(FieldDate, "That day does not exist in that month.", nil)
	}
	return fs
}

func validMonthDay(m time.Month, d, year int) bool {
	if m < time.January || m > time.December || d < 1 {
		return false
	}
	y := year
	if y == 0 {
		y = 2000 // a leap year, so 29 February is accepted when the year is unknown
	}
	return d <= time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Normalize cleans a stay and returns every problem found.
func (s *Stay) Normalize() errs.Fields {
	var fs errs.Fields
	s.Room = strings.ToUpper(strings.TrimSpace(s.Room))
	if s.Room != "" && !roomPattern.MatchString(s.Room) {
		fs.Add(FieldRoom, "Room may only contain letters, digits and '-' (at most 10).", nil)
	}
	s.normalizeDates(&fs)
	if s.Status == "" {
		s.Status = StayExpected
	}
	if !slices.Contains(StayStatuses, s.Status) {
		fs.Add(FieldStatus, MsgChoose, nil)
	}
	if s.Status == StayInHouse && s.Room == "" && fs.For(FieldRoom) == nil {
		fs.Add(FieldRoom, "An in-house stay needs a room.", nil)
	}
	if s.PartySize < 1 || s.PartySize > 20 {
		fs.Add(FieldPartySize, "Party size must be between 1 and 20.", nil)
	}
	return fs
}

// Limits on a stay's dates: years outside them are typing slips (2062 for 2026), and a
// longer stay is recorded as several.
const (
	MinStayYear   = 1990
	MaxStayYear   = 2100
	MaxStayNights = 365
)

func (s *Stay) normalizeDates(fs *errs.Fields) {
	inRange := func(field string, t time.Time) bool {
		if t.Year() >= MinStayYear && t.Year() <= MaxStayYear {
			return true
		}
		fs.Add(field, "Enter a date from {{.From}} to {{.To}}.", map[string]any{"From": MinStayYear, "To": MaxStayYear})
		return false
	}
	arrivalOK := !s.Arrival.IsZero() && inRange(FieldArrival, s.Arrival)
	if s.Arrival.IsZero() {
		fs.Add(FieldArrival, "Enter the arrival date.", nil)
	}
	switch {
	case s.Departure.IsZero():
		fs.Add(FieldDeparture, "Enter the departure date.", nil)
	case !inRange(FieldDeparture, s.Departure) || !arrivalOK:
	case !s.Departure.After(s.Arrival):
		fs.Add(FieldDeparture, "Departure must be after arrival.", nil)
	case s.Nights() > MaxStayNights:
		fs.Add(FieldDeparture, "A stay lasts at most {{.Max}} nights; record a longer one as several stays.", map[string]any{"Max": MaxStayNights})
	}
}

// Normalize cleans a whole profile (the guest and every part) and returns the first
// problems found; parts are linked to the guest's ID.
func (p *Profile) Normalize(region string) errs.Fields {
	fs := p.Guest.Normalize(region)
	for i := range p.Alerts {
		fs = append(fs, p.Alerts[i].Normalize()...)
	}
	for i := range p.Preferences {
		fs = append(fs, p.Preferences[i].Normalize()...)
	}
	for i := range p.Occasions {
		fs = append(fs, p.Occasions[i].Normalize()...)
	}
	for i := range p.Stays {
		fs = append(fs, p.Stays[i].Normalize()...)
	}
	return fs
}
