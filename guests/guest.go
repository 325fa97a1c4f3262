// Package guests holds the guest profile: who the guest is, how to reach them, what they
// prefer, what staff must never miss (alerts), their occasions and their stays. It also
// defines the rules for cleaning and validating a profile and the service interface the
// storage package implements. It imports no UI and no SQL driver.
package guests

import (
	"slices"
	"sync"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Tier is the hotel loyalty tier.
type Tier string

// Loyalty tiers, lowest first.
const (
	TierNone     Tier = "none"
	TierSilver   Tier = "silver"
	TierGold     Tier = "gold"
	TierPlatinum Tier = "platinum"
)

// Tiers lists the loyalty tiers in ascending order.
var Tiers = []Tier{TierNone, TierSilver, TierGold, TierPlatinum}

// CasinoTier is the casino player-club tier.
type CasinoTier string

// Casino player tiers, lowest first.
const (
	CasinoNone     CasinoTier = "none"
	CasinoGold     CasinoTier = "gold"
	CasinoPlatinum CasinoTier = "platinum"
	CasinoBlack    CasinoTier = "black"
)

// CasinoTiers lists the casino tiers in ascending order.
var CasinoTiers = []CasinoTier{CasinoNone, CasinoGold, CasinoPlatinum, CasinoBlack}

// Salutations staff can choose from; free text is not offered so lists stay tidy.
var Salutations = []string{"", "Mr", "Ms", "Mrs", "Mx", "Dr", "Prof", "Bapak", "Ibu"}

// Languages a guest may prefer, as ISO 639-1 codes with their English names.
var Languages = []Language{
	{"en", "English"}, {"id", "Bahasa Indonesia"}, {"zh", "Chinese"}, {"ja", "Japanese"},
	{"ko", "Korean"}, {"th", "Thai"}, {"vi", "Vietnamese"}, {"ms", "Malay"}, {"hi", "Hindi"},
	{"ar", "Arabic"}, {"ru", "Russian"}, {"de", "German"}, {"fr", "French"}, {"es", "Spanish"},
	{"it", "Italian"}, {"nl", "Dutch"}, {"pt", "Portuguese"}, {"tr", "Turkish"},
}

// Language is a preferred language with its display name.
type Language struct {
	Code, Name string
}

// LanguageName returns the display name of a language code: the name Frontdesk offers
// for the languages in Languages, the English name of any other ISO 639-1 code, or the
// code itself when it is none.
func LanguageName(code string) string {
	for _, l := range Languages {
		if l.Code == code {
			return l.Name
		}
	}
	if slices.Contains(isoLanguages(), code) {
		return display.English.Languages().Name(language.Make(code))
	}
	return code
}

// isoLanguages lists the ISO 639-1 codes: every two-letter code with an English name.
var isoLanguages = sync.OnceValue(func() []string {
	var out []string
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := string([]rune{a, b})
			base, err := language.ParseBase(code)
			if err != nil {
				continue
			}
			if t, err := language.Compose(base); err == nil && display.English.Languages().Name(t) != "" && t.String() == code {
				out = append(out, code)
			}
		}
	}
	return out
})

// Guest is the core of a profile: identity, contact and standing.
type Guest struct {
	ID            string
	Salutation    string
	GivenName     string // as the guest writes it, any script
	FamilyName    string
	Email         string // lower-cased
	Phone         string // E.164, e.g. +6281234567890; empty if unknown
	Language      string // ISO 639-1 code; empty if unknown
	LoyaltyNumber string // upper-case letters and digits; unique when set
	Tier          Tier
	VIP           bool
	CasinoTier    CasinoTier
	Notes         string
	CreatedAt     time.Time
	UpdatedAt     time.Time
	// Version counts the profile's saves. A save names the version it started from and
	// is refused when someone saved since (0: no check, for imports and commands).
	Version int
}

// DisplayName is the name as staff read it aloud: salutation, given and family name.
func (g *Guest) DisplayName() string {
	return joinNonEmpty(g.Salutation, g.GivenName, g.FamilyName)
}

// FullName is given and family name without salutation.
func (g *Guest) FullName() string {
	return joinNonEmpty(g.GivenName, g.FamilyName)
}

// IsTopTier reports whether the guest gets top-tier service standards.
func (g *Guest) IsTopTier() bool {
	return g.VIP || g.Tier == TierPlatinum || g.CasinoTier == CasinoBlack || g.CasinoTier == CasinoPlatinum
}

func joinNonEmpty(parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += " "
		}
		out += p
	}
	return out
}

// AlertKind says what kind of thing staff must not miss.
type AlertKind string

// Alert kinds.
const (
	AlertAllergy       AlertKind = "allergy"
	AlertAccessibility AlertKind = "accessibility"
	AlertComplaint     AlertKind = "complaint"
	AlertMedical       AlertKind = "medical"
	AlertSecurity      AlertKind = "security"
	AlertOther         AlertKind = "other"
)

// AlertKinds lists the alert kinds in the order the UI offers them.
var AlertKinds = []AlertKind{AlertAllergy, AlertAccessibility, AlertComplaint, AlertMedical, AlertSecurity, AlertOther}

// Alert is something every member of staff must see wherever the guest appears.
type Alert struct {
	ID        string
	GuestID   string
	Kind      AlertKind
	Text      string
	CreatedBy string
	CreatedAt time.Time
	// Score marks a complaint Frontdesk raised when a guest was not satisfied: the score
	// they gave. Text is then the request they were unhappy with, and the words around
	// it are the reader's (words.AlertText).
	Score int
}

// PreferenceCategory groups standing wishes so the right department sees them.
type PreferenceCategory string

// Preference categories.
const (
	PrefRoom      PreferenceCategory = "room"
	PrefBedding   PreferenceCategory = "bedding"
	PrefFood      PreferenceCategory = "food"
	PrefAmenities PreferenceCategory = "amenities"
	PrefService   PreferenceCategory = "service"
	PrefCasino    PreferenceCategory = "casino"
	PrefOther     PreferenceCategory = "other"
)

// PreferenceCategories lists the categories in the order the UI offers them.
var PreferenceCategories = []PreferenceCategory{PrefRoom, PrefBedding, PrefFood, PrefAmenities, PrefService, PrefCasino, PrefOther}

// Preference is a standing wish, recorded once so the guest never has to repeat it.
type Preference struct {
	ID         string
	GuestID    string
	Category   PreferenceCategory
	Text       string
	RecordedBy string
	RecordedAt time.Time
}

// OccasionKind is the kind of dated event.
type OccasionKind string

// Occasion kinds.
const (
	OccasionBirthday    OccasionKind = "birthday"
	OccasionAnniversary OccasionKind = "anniversary"
	OccasionCustom      OccasionKind = "custom"
)

// OccasionKinds lists the kinds in the order the UI offers them.
var OccasionKinds = []OccasionKind{OccasionBirthday, OccasionAnniversary, OccasionCustom}

// OccasionNames are the English names of the kinds, which tasks built by the domain
// quote; words.Occasion is this table, so the window translates the same names.
var OccasionNames = map[OccasionKind]string{
	OccasionBirthday: "Birthday", OccasionAnniversary: "Anniversary", OccasionCustom: "Other occasion",
}

// Title is what the occasion is called: its label, or its kind's English name.
func (o Occasion) Title() string {
	if o.Label != "" {
		return o.Label
	}
	if n, ok := OccasionNames[o.Kind]; ok {
		return n
	}
	return string(o.Kind)
}

// Occasion is a yearly event; the year is optional (0 when the guest did not say).
type Occasion struct {
	ID      string
	GuestID string
	Kind    OccasionKind
	Label   string // required for custom occasions, optional otherwise
	Month   time.Month
	Day     int
	Year    int
}

// StayStatus is where a stay stands.
type StayStatus string

// Stay statuses.
const (
	StayExpected  StayStatus = "expected"
	StayInHouse   StayStatus = "in_house"
	StayDeparted  StayStatus = "departed"
	StayCancelled StayStatus = "cancelled"
)

// StayStatuses lists the statuses in lifecycle order.
var StayStatuses = []StayStatus{StayExpected, StayInHouse, StayDeparted, StayCancelled}

// Stay is one visit: dates, room and party.
type Stay struct {
	ID        string
	GuestID   string
	Arrival   time.Time // a calendar date (midnight UTC)
	Departure time.Time // a calendar date (midnight UTC), after Arrival
	Room      string    // empty until assigned
	Status    StayStatus
	PartySize int
	// Version counts the stay's saves. An update names the version it started from and
	// is refused if the stay was saved since (MsgChangedElsewhere); 0 skips the check.
	Version int
}

// Nights is the length of the stay.
func (s *Stay) Nights() int {
	return int(s.Departure.Sub(s.Arrival).Hours()+12) / 24
}

// Profile is everything Frontdesk knows about a guest.
type Profile struct {
	Guest
	Alerts      []Alert
	Preferences []Preference
	Occasions   []Occasion
	Stays       []Stay // newest arrival first
}

// CurrentStay returns the stay the guest is in house for, or nil.
func (p *Profile) CurrentStay() *Stay {
	for i := range p.Stays {
		if p.Stays[i].Status == StayInHouse {
			return &p.Stays[i]
		}
	}
	return nil
}

// PastStays counts the stays the guest has completed.
func (p *Profile) PastStays() int {
	n := 0
	for _, s := range p.Stays {
		if s.Status == StayDeparted {
			n++
		}
	}
	return n
}
