package scale

import (
	"strconv"

	"github.com/nyaruka/phonenumbers"
)

// phonePlans draws valid mobile numbers of many countries. Each country's plan is the
// numbering library's example mobile number with its trailing digits redrawn; candidates
// the library rejects are redrawn, so every number passes profile validation.
//
// Checking a number costs the library about 15 µs, most of a profile's generation time.
// Whether a mobile number is valid depends on its leading digits and its length, not on
// its last five digits (TestEveryDrawnPhoneIsValid checks this for every country drawn
// from), so the answer is kept per leading part.
type phonePlans struct {
	plans map[string]phonePlan
	known map[string]bool // leading part of an E.164 candidate → valid
}

type phonePlan struct {
	code    string // country calling code
	example string // national significant number of a valid mobile
	keep    int    // leading digits kept from the example
}

// Numbers whose leading digits are known to be mobile ranges, for the countries most
// guests come from: a wider spread than the library's single example.
var mobilePrefixes = map[string][]string{
	"ID": {"811", "812", "813", "821", "822", "852", "853", "855", "856", "857", "858", "877", "878", "895", "896", "897"},
	"CN": {"130", "135", "138", "139", "150", "152", "158", "186", "187", "188", "199"},
	"SG": {"81", "82", "85", "87", "90", "91", "93", "96", "97", "98"},
	"MY": {"12", "13", "16", "17", "19"},
	"AU": {"40", "41", "42", "43", "45", "47"},
	"KR": {"10"},
	"JP": {"80", "90", "70"},
}

func newPhonePlans() *phonePlans {
	pp := &phonePlans{plans: map[string]phonePlan{}, known: map[string]bool{}}
	for _, c := range cultures {
		for _, ch := range c.phones {
			region := ch.v
			ex := phonenumbers.GetExampleNumberForType(region, phonenumbers.MOBILE)
			nsn := phonenumbers.GetNationalSignificantNumber(ex)
			pp.plans[region] = phonePlan{
				code:    strconv.Itoa(phonenumbers.GetCountryCodeForRegion(region)),
				example: nsn, keep: max(len(nsn)-6, 2),
			}
		}
	}
	return pp
}

// draw returns a valid mobile number of region in E.164.
func (pp *phonePlans) draw(r *rng, region string) string {
	p := pp.plans[region]
	buf := make([]byte, 0, 16)
	for range 50 {
		buf = append(buf[:0], '+')
		buf = append(buf, p.code...)
		nsn := p.example
		if prefixes := mobilePrefixes[region]; len(prefixes) > 0 {
			pre := r.one(prefixes)
			buf = append(buf, pre...)
			for range len(nsn) - len(pre) {
				buf = append(buf, byte('0'+r.IntN(10)))
			}
		} else {
			buf = append(buf, nsn[:p.keep]...)
			for range len(nsn) - p.keep {
				buf = append(buf, byte('0'+r.IntN(10)))
			}
		}
		if pp.valid(string(buf), region) {
			return string(buf)
		}
	}
	return "+" + p.code + p.example
}

// valid checks e164 with the library the first time its leading part is seen.
func (pp *phonePlans) valid(e164, region string) bool {
	key := e164[:len(e164)-5]
	ok, seen := pp.known[key]
	if !seen {
		ok = valid(e164, region)
		pp.known[key] = ok
	}
	return ok
}

func valid(e164, region string) bool {
	num, err := phonenumbers.Parse(e164, region)
	if err != nil || !phonenumbers.IsValidNumberForRegion(num, region) {
		return false
	}
	t := phonenumbers.GetNumberType(num)
	return t == phonenumbers.MOBILE || t == phonenumbers.FIXED_LINE_OR_MOBILE
}
