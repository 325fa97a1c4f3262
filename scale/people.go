package scale

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"frontdesk/guests"
)

// standing is the part of a guest drawn first from their stream, so the house plan can
// weigh guests by it (loyal and high-rolling guests stay more) without building the rest.
type standing struct {
	tier   guests.Tier
	casino guests.CasinoTier
	vip    bool
	member bool
}

func (r *rng) standing() standing {
	s := standing{tier: guests.TierNone, casino: guests.CasinoNone}
	if r.chance(0.55) {
		s.member = true
		s.tier = guests.Tier(r.pick([]choice{{"none", 5}, {"silver", 30}, {"gold", 17}, {"platinum", 6}}))
	}
	vip := 0.02
	if s.tier == guests.TierPlatinum {
		vip = 0.12
	}
	s.vip = r.chance(vip)
	switch u := r.Float64(); {
	case u < 0.008:
		s.casino = guests.CasinoBlack
	case u < 0.04:
		s.casino = guests.CasinoPlatinum
	case u < 0.14:
		s.casino = guests.CasinoGold
	}
	return s
}

// topTier is whether the guest gets top-tier service standards (guests.Guest.IsTopTier).
func (s standing) topTier() bool {
	return s.vip || s.tier == guests.TierPlatinum || s.casino == guests.CasinoBlack || s.casino == guests.CasinoPlatinum
}

// weight is how often the guest stays compared with a casual guest.
func (s standing) weight() float64 {
	w := map[guests.Tier]float64{guests.TierNone: 1, guests.TierSilver: 2, guests.TierGold: 4, guests.TierPlatinum: 8}[s.tier]
	if !s.member {
		w = 0.6
	}
	w *= map[guests.CasinoTier]float64{guests.CasinoNone: 1, guests.CasinoGold: 1.5, guests.CasinoPlatinum: 2.5, guests.CasinoBlack: 4}[s.casino]
	if s.vip {
		w *= 2
	}
	return w
}

// person is what the generator knows about a guest while building the profile.
type person struct {
	c      *culture
	male   bool
	native bool
}

// identity fills names, salutation, contact and language, after the standing.
func (g *Generator) identity(r *rng, i int, gu *guests.Guest, st standing) person {
	p := person{c: r.culture(), male: r.chance(0.52)}
	givenLatin, familyLatin := g.name(r, &p, gu)
	gu.Salutation = salutation(r, p)
	gu.Language = r.pick(p.c.lang)
	gu.Tier, gu.CasinoTier, gu.VIP = st.tier, st.casino, st.vip
	if st.member {
		gu.LoyaltyNumber = loyaltyNumber(i)
	}
	if r.chance(0.85) {
		gu.Email = email(r, p.c, givenLatin, familyLatin, i)
	}
	if r.chance(0.80) {
		gu.Phone = g.phones.draw(r, r.pick(p.c.phones))
	}
	return p
}

// name sets the name as the guest writes it and returns the Latin form for e-mail.
func (g *Generator) name(r *rng, p *person, gu *guests.Guest) (string, string) {
	c := p.c
	if len(c.mono) > 0 && r.chance(c.monoShare) {
		gu.FamilyName = r.one(c.mono)
		return "", gu.FamilyName
	}
	given, families := c.female, c.familyF
	if p.male {
		given, families = c.male, c.familyM
	}
	gl, gn := split(r.one(given))
	var fl, fn string
	if n := len(c.family) + len(families); n > 0 {
		k := r.IntN(n)
		if k < len(c.family) {
			fl, fn = split(c.family[k])
		} else {
			fl, fn = split(families[k-len(c.family)])
		}
	}
	if gn != "" && fn != "" && r.chance(c.native) {
		p.native = true
		gu.GivenName, gu.FamilyName = gn, fn
	} else {
		gu.GivenName, gu.FamilyName = gl, fl
	}
	return gl, fl
}

// split separates "Latin|native" into its two forms.
func split(s string) (latin, native string) {
	latin, native, _ = strings.Cut(s, "|")
	return latin, native
}

func salutation(r *rng, p person) string {
	switch {
	case p.native && r.chance(0.5):
		return ""
	case p.c.indonesian && p.male:
		return r.pick([]choice{{"Bapak", 55}, {"Mr", 25}, {"Dr", 3}, {"", 17}})
	case p.c.indonesian:
		return r.pick([]choice{{"Ibu", 55}, {"Mrs", 15}, {"Ms", 12}, {"Dr", 3}, {"", 15}})
	case p.male:
		return r.pick([]choice{{"Mr", 84}, {"Dr", 6}, {"Prof", 1}, {"", 9}})
	}
	return r.pick([]choice{{"Ms", 50}, {"Mrs", 36}, {"Dr", 5}, {"Mx", 1}, {"", 8}})
}

// loyaltyNumber is unique by construction: the guest's number, scrambled by a bijection
// on 0..10^8-1 so members do not look sequential.
func loyaltyNumber(i int) string {
	const m = 100_000_000
	n := (uint64(i)*48_271_777 + 12_345_679) % m // 48,271,777 is coprime with 10^8
	return fmt.Sprintf("FD%08d", n)
}

var asciiLetters = strings.NewReplacer("ß", "ss", "ø", "o", "Ø", "O", "æ", "ae", "Æ", "AE", "ł", "l",
	"Ł", "L", "đ", "d", "Đ", "D", "œ", "oe", "ı", "i", "þ", "th", "ð", "d")

var germanUmlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

// ascii turns a Latin-script name into what people use in an e-mail address: no accents,
// spaces, hyphens or apostrophes.
func ascii(name string, umlauts bool) string {
	if umlauts {
		name = germanUmlauts.Replace(name)
	}
	name = norm.NFD.String(asciiLetters.Replace(strings.ToLower(name)))
	var b strings.Builder
	for _, r := range name {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// email builds an address the way people pick them: from their name, often with a
// birth year or a couple of digits added because the plain one was taken.
func email(r *rng, c *culture, given, family string, i int) string {
	given, family = ascii(given, c.umlauts), ascii(family, c.umlauts)
	domain := r.pick(c.domains)
	if domain == "qq.com" && r.chance(0.5) {
		return strconv.Itoa(10_000_000+i*7) + "@" + domain // QQ addresses are account numbers
	}
	var suffix string
	switch r.weighted(25, 30, 25, 20) {
	case 1:
		suffix = strconv.Itoa(1950 + r.IntN(56))
	case 2:
		suffix = fmt.Sprintf("%02d", r.IntN(100))
	case 3:
		suffix = strconv.FormatInt(int64(i), 36)
	}
	if given == "" || family == "" {
		return given + family + suffix + "@" + domain
	}
	var local string
	switch r.weighted(35, 15, 5, 10, 5, 30) {
	case 0:
		local = given + "." + family
	case 1:
		local = given + family
	case 2:
		local = given + "_" + family
	case 3:
		local = given[:1] + family
	case 4:
		local = family + "." + given
	default:
		local = given
		if suffix == "" {
			suffix = strconv.FormatInt(int64(i), 36)
		}
	}
	return local + suffix + "@" + domain
}

// created is when the profile was opened: before the first stay in the history, or at
// any time in the ten years before it when the guest has not stayed since.
func (g *Generator) created(r *rng, first time.Time) time.Time {
	if !first.IsZero() {
		return first.Add(-time.Duration(r.IntN(60*24*60)) * time.Minute)
	}
	from := g.today.AddDate(-10, 0, 0)
	return from.Add(time.Duration(r.Int64N(int64(g.today.Sub(from)))))
}
