package app

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2/lang"

	"frontdesk/guests"
	"frontdesk/staff"
)

// The English names of domain values; each is also its translation key.
var (
	tierNames = map[guests.Tier]string{
		guests.TierNone: "No tier", guests.TierSilver: "Silver", guests.TierGold: "Gold", guests.TierPlatinum: "Platinum",
	}
	casinoNames = map[guests.CasinoTier]string{
		guests.CasinoNone: "No casino tier", guests.CasinoGold: "Casino Gold",
		guests.CasinoPlatinum: "Casino Platinum", guests.CasinoBlack: "Casino Black",
	}
	alertNames = map[guests.AlertKind]string{
		guests.AlertAllergy: "Allergy", guests.AlertAccessibility: "Accessibility", guests.AlertComplaint: "Complaint",
		guests.AlertMedical: "Medical", guests.AlertSecurity: "Security", guests.AlertOther: "Other alert",
	}
	prefNames = map[guests.PreferenceCategory]string{
		guests.PrefRoom: "Room", guests.PrefBedding: "Bedding", guests.PrefFood: "Food & drink",
		guests.PrefAmenities: "Amenities", guests.PrefService: "Service", guests.PrefCasino: "Casino", guests.PrefOther: "General",
	}
	occasionNames = map[guests.OccasionKind]string{
		guests.OccasionBirthday: "Birthday", guests.OccasionAnniversary: "Anniversary", guests.OccasionCustom: "Other occasion",
	}
	stayNames = map[guests.StayStatus]string{
		guests.StayExpected: "Expected", guests.StayInHouse: "In house", guests.StayDeparted: "Departed", guests.StayCancelled: "Cancelled",
	}
	roleNames = map[staff.Role]string{
		staff.RoleAgent: "Front-desk agent", staff.RoleConcierge: "Concierge", staff.RoleDepartment: "Department staff",
		staff.RoleShiftManager: "Shift manager", staff.RoleAdministrator: "Administrator",
	}
	monthNames = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// label translates the English name of a domain value.
func label[K comparable](names map[K]string, k K) string {
	if n, ok := names[k]; ok {
		return lang.L(n)
	}
	return fmt.Sprint(k)
}

// options returns translated names for values, in order, and a lookup back to the value.
func options[K comparable](names map[K]string, values []K) ([]string, func(string) K) {
	out := make([]string, len(values))
	back := make(map[string]K, len(values))
	for i, v := range values {
		out[i] = label(names, v)
		back[out[i]] = v
	}
	return out, func(s string) K { return back[s] }
}

// shortDate is "23 Nov 2026"; dayMonth is "23 Nov".
func shortDate(t time.Time) string {
	return fmt.Sprintf("%s %d", dayMonth(t.Month(), t.Day()), t.Year())
}

func dayMonth(m time.Month, d int) string {
	return fmt.Sprintf("%d %s", d, lang.L(monthNames[m-1]))
}

// stayRange is "21 Nov – 26 Nov 2026".
func stayRange(s *guests.Stay) string {
	return fmt.Sprintf("%s – %s", dayMonth(s.Arrival.Month(), s.Arrival.Day()), shortDate(s.Departure))
}

// tierBadge returns the text and colour of a guest's loyalty badge (empty for none).
func tierBadge(t guests.Tier) (string, color.Color) {
	switch t {
	case guests.TierPlatinum:
		return lang.L("PLATINUM"), colPlatinum
	case guests.TierGold:
		return lang.L("GOLD"), colGold
	case guests.TierSilver:
		return lang.L("SILVER"), colSilver
	}
	return "", nil
}

// casinoBadge returns the text and colour of a casino-tier badge (empty for none).
func casinoBadge(t guests.CasinoTier) (string, color.Color) {
	if t == guests.CasinoNone || t == "" {
		return "", nil
	}
	return label(casinoNames, t), colCasino
}

// occasionText is "Birthday · 29 Feb (1990)".
func occasionText(o guests.Occasion) string {
	name := label(occasionNames, o.Kind)
	if o.Label != "" {
		name = o.Label
	}
	s := name + " · " + dayMonth(o.Month, o.Day)
	if o.Year != 0 {
		s += fmt.Sprintf(" %d", o.Year)
	}
	return s
}
