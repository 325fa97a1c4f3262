package demo

import (
	"slices"
	"strings"

	"frontdesk/guests"
)

// culture describes where a guest comes from: the names they carry and, consistent with
// those, their language, phone country, e-mail providers and habits.
type culture struct {
	weight           int
	male, female     []string // "Latin|native" when the name has a native-script form
	family           []string
	familyM, familyF []string // gendered family names (Ivanov/Ivanova, Santoso/Rahayu)
	monoM, monoF     []string // people known by one name only
	mononym          float64
	native           float64 // share who write their name in their own script
	indonesian       bool    // Bapak/Ibu, and staff note their wishes in Indonesian
	umlauts          bool    // Germans write ü as ue in addresses
	langs            []choice
	phones           []choice
	domains          []choice
	paper            string // the newspaper they ask for
	muslim           float64
}

// personName keeps both the name as written and a Latin form to build e-mail from.
type personName struct {
	given, family           string
	givenLatin, familyLatin string
	native                  bool
}

func (g *gen) culture() *culture {
	total := 0
	for _, c := range cultures {
		total += c.weight
	}
	n := g.r.IntN(total)
	for _, c := range cultures {
		if n < c.weight {
			return c
		}
		n -= c.weight
	}
	return cultures[0]
}

// guest draws a new guest's identity, contact details and standing.
func (g *gen) guest() *draft {
	c := g.culture()
	d := &draft{c: c, male: g.chance(0.52)}
	d.muslim = g.chance(c.muslim)
	n := g.name(c, d.male)
	gu := &d.p.Guest
	gu.GivenName, gu.FamilyName = n.given, n.family
	gu.Salutation = g.salutation(c, d.male, n.native)
	if g.chance(0.85) {
		gu.Email = g.email(c, n)
	}
	if g.chance(0.80) {
		gu.Phone = g.phone(g.pick(c.phones))
	}
	gu.Language = g.pick(c.langs)
	g.standing(gu)
	if g.chance(0.07) {
		gu.Notes = g.note(d)
	}
	return d
}

func (g *gen) name(c *culture, male bool) personName {
	if g.chance(c.mononym) {
		mono := c.monoF
		if male {
			mono = c.monoM
		}
		m := g.one(mono)
		return personName{family: m, familyLatin: m}
	}
	given, families := c.female, slices.Concat(c.family, c.familyF)
	if male {
		given, families = c.male, slices.Concat(c.family, c.familyM)
	}
	gl, gn := split(g.one(given))
	fl, fn := split(g.one(families))
	if gn != "" && fn != "" && g.chance(c.native) {
		return personName{given: gn, family: fn, givenLatin: gl, familyLatin: fl, native: true}
	}
	return personName{given: gl, family: fl, givenLatin: gl, familyLatin: fl}
}

// split separates "Latin|native" into its two forms.
func split(s string) (latin, native string) {
	latin, native, _ = strings.Cut(s, "|")
	return latin, native
}

func (g *gen) salutation(c *culture, male, native bool) string {
	switch {
	case native && g.chance(0.5):
		return ""
	case c.indonesian && male:
		return g.pick([]choice{{"Bapak", 55}, {"Mr", 25}, {"Dr", 3}, {"", 17}})
	case c.indonesian:
		return g.pick([]choice{{"Ibu", 55}, {"Mrs", 15}, {"Ms", 12}, {"Dr", 3}, {"", 15}})
	case male:
		return g.pick([]choice{{"Mr", 84}, {"Dr", 6}, {"Prof", 1}, {"", 9}})
	}
	return g.pick([]choice{{"Ms", 50}, {"Mrs", 36}, {"Dr", 5}, {"Mx", 1}, {"", 8}})
}

// standing sets loyalty, VIP and casino tiers. Only members have a tier above none.
func (g *gen) standing(gu *guests.Guest) {
	gu.Tier, gu.CasinoTier = guests.TierNone, guests.CasinoNone
	if g.chance(0.60) {
		gu.LoyaltyNumber = g.loyaltyNumber()
		gu.Tier = guests.Tier(g.pick([]choice{
			{string(guests.TierNone), 5}, {string(guests.TierSilver), 30},
			{string(guests.TierGold), 17}, {string(guests.TierPlatinum), 8},
		}))
	}
	vip := 0.025
	if gu.Tier == guests.TierPlatinum {
		vip = 0.12
	}
	gu.VIP = g.chance(vip)
	switch u := g.r.Float64(); {
	case u < 0.01:
		gu.CasinoTier = guests.CasinoBlack
	case u < 0.05:
		gu.CasinoTier = guests.CasinoPlatinum
	case u < 0.15:
		gu.CasinoTier = guests.CasinoGold
	}
}
