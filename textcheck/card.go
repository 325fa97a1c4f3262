package textcheck

// Payment card numbers must never be stored (PCI DSS): an agent pasting "card 4111 1111
// 1111 1111 for the deposit" into a note would put the whole database in scope. Free text
// is therefore checked for runs of 13 to 19 digits, written together or in groups
// separated by one space or dash, that pass the Luhn check and start like a payment card
// (2 to 6: Mastercard, Amex, Diners, JCB, Visa, Discover, UnionPay…).
//
// Phone numbers are the usual false alarm, so a number written after '+' (+62 812…) or
// starting with 0 (0812…, 0044…) is never taken for a card: no card number starts that
// way, and the rest of a phone number is too short for one. A run longer than 19 digits is checked group by group, so a card followed by
// more digits ("4111 1111 1111 1111 12/27") is still found.

const (
	minCardDigits = 13
	maxCardDigits = 19
)

// HasCardNumber reports whether s contains what looks like a payment card number.
func HasCardNumber(s string) bool {
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isASCIIDigit(rs[i]) {
			i++
			continue
		}
		groups, end := digitRun(rs, i)
		if cardInGroups(groups, i > 0 && rs[i-1] == '+') {
			return true
		}
		i = end
	}
	return false
}

// digitRun reads the run of digit groups starting at rs[i] (groups separated by exactly
// one space or dash) and returns the groups and the index after the run.
func digitRun(rs []rune, i int) ([]string, int) {
	var groups []string
	start := i
	for {
		for i < len(rs) && isASCIIDigit(rs[i]) {
			i++
		}
		groups = append(groups, string(rs[start:i]))
		if i+1 < len(rs) && (rs[i] == ' ' || rs[i] == '-') && isASCIIDigit(rs[i+1]) {
			i++
			start = i
			continue
		}
		return groups, i
	}
}

// cardInGroups checks every stretch of whole groups that starts at a group boundary:
// cutting inside a group would find "cards" in any long reference number. afterPlus
// skips the stretches that start at the first group: that is where a phone number's
// country code is.
func cardInGroups(groups []string, afterPlus bool) bool {
	for first := range groups {
		if first == 0 && afterPlus {
			continue
		}
		digits := ""
		for _, g := range groups[first:] {
			digits += g
			if len(digits) > maxCardDigits {
				break
			}
			if len(digits) >= minCardDigits && looksLikeCard(digits) {
				return true
			}
		}
	}
	return false
}

func looksLikeCard(digits string) bool {
	return digits[0] >= '2' && digits[0] <= '6' && Luhn(digits)
}

// Luhn reports whether a string of ASCII digits passes the Luhn (mod 10) check that
// every payment card number carries.
func Luhn(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return len(digits) > 0 && sum%10 == 0
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }
