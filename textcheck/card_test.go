package textcheck

import (
	"testing"

	"frontdesk/errs"
)

func TestCardNumbersAreFoundInFreeText(t *testing.T) {
	cases := []struct {
		name, text string
		card       bool
	}{
		{"visa together", "deposit on 4111111111111111 thanks", true},
		{"visa in groups of four", "card 4111 1111 1111 1111 exp 12/27", true},
		{"mastercard with dashes", "5555-5555-5555-4444", true},
		{"amex 4-6-5", "Amex 3782 822463 10005", true},
		{"diners 14 digits", "30569309025904", true},
		{"discover", "6011 1111 1111 1117", true},
		{"jcb", "3530111333300000", true},
		{"unionpay 19 digits", "6212345678901234569 is the number", true},
		{"19-digit luhn-valid", "4000 0000 0000 0000 006", true},
		{"card followed by more digits", "4111 1111 1111 1111 1227", true},
		{"card glued to letters", "REF4111111111111111", true},
		{"luhn fails", "4111 1111 1111 1112", false},
		{"too short", "4111 1111 1111", false},
		{"indonesian mobile with plus", "call +62 821 1111 1116", false},
		{"national phone starting 0", "0821 1111 1115 8", false},
		{"the same digits without the plus are a card", "6282111111116", true},
		{"twenty digits in one run", "41111111111111111113", false},
		{"two spaces break the run", "4111  1111 1111 1111", false},
		{"booking reference with letters", "PNR ABC123 4111", false},
		{"dates and times", "arrive 24/11/2026 14:30, 2 adults", false},
		{"eastern arabic digits are not typed on keypads", "٤١١١١١١١١١١١١١١١", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := HasCardNumber(c.text); got != c.card {
				t.Fatalf("HasCardNumber(%q) = %v, want %v", c.text, got, c.card)
			}
		})
	}
}

func TestLuhn(t *testing.T) {
	for digits, want := range map[string]bool{
		"79927398713": true, "79927398710": false, "0": true, "": false, "4111111111111111": true,
	} {
		if got := Luhn(digits); got != want {
			t.Errorf("Luhn(%q) = %v, want %v", digits, got, want)
		}
	}
}

func TestIntoRefusesACardNumberWithAMessageSayingWhy(t *testing.T) {
	for _, multiline := range []bool{false, true} {
		var fs errs.Fields
		s := "Guest paid with 4111 1111 1111 1111"
		if Into(&fs, "notes", &s, 2000, multiline) {
			t.Fatalf("multiline=%v: a card number was accepted", multiline)
		}
		e := fs.For("notes")
		if e == nil || e.Template != MsgCard {
			t.Fatalf("multiline=%v: problems %v", multiline, fs)
		}
		if e.Error() != "This looks like a payment card number; card numbers are never stored. Remove it." {
			t.Errorf("message %q", e.Error())
		}
	}
}

func TestACardNumberIsReportedBeforeTheLength(t *testing.T) {
	if _, p := Block("4111111111111111 and a long note", 10); p != CardNumber {
		t.Fatalf("problem = %v, want CardNumber", p)
	}
}
