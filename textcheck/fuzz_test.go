package textcheck

import (
	"testing"
	"unicode/utf8"
)

// FuzzClean checks that text accepted from a form is valid UTF-8, within its limit,
// free of card numbers, and unchanged by cleaning it again. Seeds: testdata/fuzz/FuzzClean.
func FuzzClean(f *testing.F) {
	f.Add("  Jose\u0301  Müller ", false)
	f.Add("line one\r\n\tline two", true)
	f.Add("card 4111 1111 1111 1111", true)
	f.Add("+62 821 1111 1116", false)
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		const max = 60
		clean := Line
		if multiline {
			clean = Block
		}
		out, p := clean(s, max)
		if p != OK {
			return
		}
		if !utf8.ValidString(out) || utf8.RuneCountInString(out) > max || HasCardNumber(out) {
			t.Fatalf("accepted %q as %q", s, out)
		}
		if again, p2 := clean(out, max); p2 != OK || again != out {
			t.Fatalf("cleaning %q again gave %q (%v)", out, again, p2)
		}
	})
}
