// Package textcheck cleans and checks the free text staff type: it keeps every script and
// emoji, normalises to NFC so "José" typed two ways is stored one way, trims spaces, and
// refuses control characters, payment card numbers and over-long values.
package textcheck

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"frontdesk/errs"
)

// Problem names what is wrong with a piece of text; the zero value means nothing.
type Problem int

// The problems a text can have.
const (
	OK         Problem = iota
	TooLong            // more runes than allowed
	Control            // a control character (other than newline and tab in multi-line text)
	InvalidUTF         // not valid UTF-8
	CardNumber         // what looks like a payment card number, which is never stored
)

// Line cleans a single-line value: NFC, trimmed, inner runs of spaces collapsed.
// It returns the cleaned text and the first problem found.
func Line(s string, max int) (string, Problem) {
	return clean(s, max, false)
}

// Block cleans a multi-line value (notes, descriptions): NFC, trimmed, newlines and tabs kept.
func Block(s string, max int) (string, Problem) {
	return clean(s, max, true)
}

func clean(s string, max int, multiline bool) (string, Problem) {
	if !utf8.ValidString(s) {
		return s, InvalidUTF
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = norm.NFC.String(strings.TrimSpace(s))
	for _, r := range s {
		if isControl(r, multiline) {
			return s, Control
		}
	}
	if !multiline {
		s = strings.Join(strings.Fields(s), " ")
	}
	if HasCardNumber(s) {
		return s, CardNumber
	}
	if utf8.RuneCountInString(s) > max {
		return s, TooLong
	}
	return s, OK
}

func isControl(r rune, multiline bool) bool {
	if multiline && (r == '\n' || r == '\t') {
		return false
	}
	if r == '\u200d' || r == '\u200c' { // joiners are part of emoji and Indic scripts
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && r != '\u00ad'
}

// Messages for the problems, shown beside the field. They are translation keys too:
// keep the text stable.
const (
	MsgTooLong  = "Too long: {{.Length}} characters where at most {{.Max}} fit."
	MsgControl  = "Contains a control character; remove it and try again."
	MsgBadBytes = "Contains bytes that are not valid text."
	MsgCard     = "This looks like a payment card number; card numbers are never stored. Remove it."
)

// Into cleans *s in place (as a block when multiline, else a line), records any
// problem under field and reports whether the text was fine.
func Into(fs *errs.Fields, field string, s *string, max int, multiline bool) bool {
	var p Problem
	if multiline {
		*s, p = Block(*s, max)
	} else {
		*s, p = Line(*s, max)
	}
	switch p {
	case TooLong:
		fs.Add(field, MsgTooLong, map[string]any{"Max": max, "Length": utf8.RuneCountInString(*s)})
	case Control:
		fs.Add(field, MsgControl, nil)
	case InvalidUTF:
		fs.Add(field, MsgBadBytes, nil)
	case CardNumber:
		fs.Add(field, MsgCard, nil)
	}
	return p == OK
}
