package demo

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/unicode/norm"

	"frontdesk/guests"
)

// asciiLetters spells the letters that do not decompose into a base letter and accents.
var asciiLetters = strings.NewReplacer("ß", "ss", "ø", "o", "Ø", "O", "æ", "ae", "Æ", "AE", "ł", "l",
	"Ł", "L", "đ", "d", "Đ", "D", "œ", "oe", "ı", "i", "þ", "th", "ð", "d")

var germanUmlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

// particles are words of a name people leave out of their e-mail address.
var particles = map[string]bool{"bin": true, "binti": true, "i": true, "ni": true}

// ascii turns a Latin-script name into the letters people use in their e-mail address:
// no accents, no spaces, hyphens or apostrophes.
func ascii(name string, umlauts bool) string {
	if umlauts {
		name = germanUmlauts.Replace(name)
	}
	name = norm.NFD.String(asciiLetters.Replace(name))
	var b strings.Builder
	for _, word := range strings.Fields(strings.ToLower(name)) {
		if particles[word] {
			continue
		}
		for _, r := range word {
			if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// email builds an address the way people pick them: from their name, often with a
// number added because the plain one was taken.
func (g *gen) email(c *culture, n personName) string {
	given, family := ascii(n.givenLatin, c.umlauts), ascii(n.familyLatin, c.umlauts)
	domain := g.pick(c.domains)
	local := g.localPart(given, family, domain)
	for g.emails[local+"@"+domain] || !guests.ValidEmail(local+"@"+domain) {
		local = strings.TrimRight(local, "0123456789") + strconv.Itoa(2+g.r.IntN(98))
	}
	g.emails[local+"@"+domain] = true
	return local + "@" + domain
}

func (g *gen) localPart(given, family, domain string) string {
	if domain == "qq.com" && g.chance(0.5) {
		return strconv.Itoa(10_000_000 + g.r.IntN(2_000_000_000)) // QQ addresses are account numbers
	}
	if given == "" || family == "" {
		return given + family + g.suffix()
	}
	switch g.weightedInt(35, 15, 5, 10, 5, 15, 15) {
	case 1:
		return given + "." + family
	case 2:
		return given + family
	case 3:
		return given + "_" + family
	case 4:
		return given[:1] + family
	case 5:
		return family + "." + given
	case 6:
		return given + "." + family + g.suffix()
	}
	return given + g.suffix()
}

// suffix is the number people add to a taken address: a birth year or a couple of digits.
func (g *gen) suffix() string {
	if g.chance(0.5) {
		return strconv.Itoa(1955 + g.r.IntN(50))
	}
	return fmt.Sprintf("%02d", g.r.IntN(100))
}

// mobilePrefixes lead the national number of mobiles in the countries most guests come
// from, with the total national length; other countries start from the library's example.
var mobilePrefixes = map[string]struct {
	prefixes []string
	lengths  []int
}{
	"ID": {[]string{"811", "812", "813", "821", "822", "823", "852", "853", "814", "815", "816", "855",
		"856", "857", "858", "817", "818", "819", "859", "877", "878", "895", "896", "897", "898", "881", "882"},
		[]int{11, 11, 11, 11, 12, 10}},
	"SG": {[]string{"8", "9"}, []int{8}},
	"AU": {[]string{"4"}, []int{9}},
	"GB": {[]string{"74", "75", "77", "78", "79"}, []int{10}},
	"CN": {[]string{"13", "15", "18", "17", "19"}, []int{11}},
	"JP": {[]string{"90", "80", "70"}, []int{10}},
	"KR": {[]string{"10"}, []int{10}},
	"IN": {[]string{"98", "99", "97", "96", "94", "93", "91", "90", "88", "87", "86", "85", "81", "80", "70"}, []int{10}},
	"ES": {[]string{"6", "7"}, []int{9}},
	"DE": {[]string{"151", "152", "157", "160", "162", "170", "171", "172", "173", "175", "176", "177", "178", "179"}, []int{11}},
	"MY": {[]string{"12", "13", "16", "17", "19"}, []int{9}},
	"US": {[]string{"212", "310", "415", "646", "702", "808", "206", "312", "617", "305", "404", "512", "917"}, []int{10}},
}

// phone returns a valid mobile number of region in E.164. Digits are random, so a
// candidate is checked and redrawn until the numbering plan accepts it.
func (g *gen) phone(region string) string {
	for range 100 {
		if e164, ok := phoneIfValid(region, g.mobileNumber(region)); ok {
			return e164
		}
	}
	ex := phonenumbers.GetExampleNumberForType(region, phonenumbers.MOBILE)
	return phonenumbers.Format(ex, phonenumbers.E164)
}

func (g *gen) mobileNumber(region string) string {
	if plan, ok := mobilePrefixes[region]; ok {
		prefix := g.one(plan.prefixes)
		n := plan.lengths[g.r.IntN(len(plan.lengths))]
		return prefix + g.digits(n-len(prefix))
	}
	ex := phonenumbers.GetNationalSignificantNumber(phonenumbers.GetExampleNumberForType(region, phonenumbers.MOBILE))
	keep := max(len(ex)-4-g.r.IntN(3), 2)
	return ex[:keep] + g.digits(len(ex)-keep)
}

func (g *gen) digits(n int) string {
	b := make([]byte, max(n, 0))
	for i := range b {
		b[i] = byte('0' + g.r.IntN(10))
	}
	return string(b)
}

// phoneIfValid accepts only numbers that are mobiles of region and that the profile's
// validation will accept too.
func phoneIfValid(region, national string) (string, bool) {
	raw := "+" + strconv.Itoa(phonenumbers.GetCountryCodeForRegion(region)) + national
	num, err := phonenumbers.Parse(raw, region)
	if err != nil || !phonenumbers.IsValidNumberForRegion(num, region) {
		return "", false
	}
	if t := phonenumbers.GetNumberType(num); t != phonenumbers.MOBILE && t != phonenumbers.FIXED_LINE_OR_MOBILE {
		return "", false
	}
	return guests.NormalizePhone(raw, "ID")
}

// loyaltyNumber draws an unused membership number.
func (g *gen) loyaltyNumber() string {
	for {
		n := fmt.Sprintf("FD%08d", 10_000_000+g.r.IntN(90_000_000))
		if !g.loyalty[n] {
			g.loyalty[n] = true
			return n
		}
	}
}
