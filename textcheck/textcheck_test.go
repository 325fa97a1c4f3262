package textcheck

import "testing"

func TestLineKeepsScriptsAndRefusesControls(t *testing.T) {
	cases := []struct {
		name, in, want string
		max            int
		problem        Problem
	}{
		{"accents composed", "Jose\u0301", "José", 50, OK},
		{"inner spaces collapse", "  Anne   Marie ", "Anne Marie", 50, OK},
		{"cjk kept", "王小明", "王小明", 50, OK},
		{"emoji with joiner kept", "👨‍👩‍👧 family", "👨‍👩‍👧 family", 50, OK},
		{"bell refused", "ab\acd", "ab\acd", 50, Control},
		{"newline refused in a line", "a\nb", "a\nb", 50, Control},
		{"bidi override refused", "abc\u202e", "abc\u202e", 50, Control},
		{"too long counts runes not bytes", "ééé", "ééé", 2, TooLong},
		{"invalid utf8", "a\xffb", "a\xffb", 50, InvalidUTF},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, p := Line(c.in, c.max)
			if p != c.problem {
				t.Fatalf("problem = %v, want %v", p, c.problem)
			}
			if p == OK && got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestBlockKeepsNewlinesAndTabs(t *testing.T) {
	got, p := Block(" line one\r\n\tline two ", 100)
	if p != OK || got != "line one\n\tline two" {
		t.Fatalf("got %q (%v)", got, p)
	}
}
