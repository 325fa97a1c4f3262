package guests

import (
	"slices"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// NormalizePhone parses a phone number typed in any format ("0812-3456 7890",
// "+62 812 3456 7890", "(415) 555-0134", "0033 1 42 68 53 00") and returns it in E.164.
// Numbers without a country code are read as numbers of region (the guest's country,
// else the property's); a number that starts with 00, the international prefix of most
// of the world, carries its country code after it.
func NormalizePhone(raw, region string) (string, bool) {
	if t := strings.TrimLeft(raw, " ("); strings.HasPrefix(t, "00") {
		raw = "+" + t[2:]
	}
	num, err := phonenumbers.Parse(raw, strings.ToUpper(region))
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return "", false
	}
	return phonenumbers.Format(num, phonenumbers.E164), true
}

// FormatPhone shows an E.164 number the way staff read it: in national format for numbers
// of the property's region, international format otherwise.
func FormatPhone(e164, region string) string {
	num, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return e164
	}
	if phonenumbers.GetRegionCodeForNumber(num) == strings.ToUpper(region) {
		return phonenumbers.Format(num, phonenumbers.NATIONAL)
	}
	return phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
}

// PhoneSearchForms returns the digit strings a phone should be findable by: the full
// international digits, the national significant number and the national dialling form
// (with trunk prefix, e.g. 0812…), so staff can type the number however the guest says it.
func PhoneSearchForms(e164 string) []string {
	num, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return nil
	}
	forms := []string{digitsOnly(e164), phonenumbers.GetNationalSignificantNumber(num)}
	national := digitsOnly(phonenumbers.Format(num, phonenumbers.NATIONAL))
	if national != forms[1] {
		forms = append(forms, national)
	}
	return forms
}

// MinSuffixDigits is how many last digits of a phone a search needs to look for numbers
// ending so: fewer match too many phones to help.
const MinSuffixDigits = 4

// PhoneSuffixForm is a phone's digits written backwards after an "r" ("+62 812 326 471" →
// "r174623218226"). Indexed beside PhoneSearchForms, it lets the last digits of a number
// find it as a prefix does the first: a caller reading out the end of their number, a
// caller-ID display that shows only the last digits.
func PhoneSuffixForm(digits string) string {
	r := []rune(digitsOnly(digits))
	slices.Reverse(r)
	return "r" + string(r)
}

func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
