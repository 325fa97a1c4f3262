package sqlite

import (
	"context"
	"slices"
	"testing"

	"frontdesk/guests"
)

// syntaxFixture stores guests whose names and addresses contain what FTS5 and SQL would
// read as syntax, so a search for them must find them literally.
func syntaxFixture(t *testing.T, s *Store) map[string]string {
	t.Helper()
	ids := map[string]string{}
	for key, g := range map[string]guests.Guest{
		"obrien": {GivenName: "Seán", FamilyName: "O'Brien", Email: "sean+spa@example.ie"},
		"near":   {GivenName: "Nora", FamilyName: "Near"},
		"and":    {GivenName: "Andi", FamilyName: "Wijaya"},
		"smith":  {GivenName: "Joseph", FamilyName: "Smith", LoyaltyNumber: "FD7302"},
		"not":    {GivenName: "Notburga", FamilyName: "Huber"},
	} {
		must(t, s.CreateGuest(context.Background(), &g))
		ids[key] = g.ID
	}
	return ids
}

func TestSearchSyntaxIsJustText(t *testing.T) {
	s := openTest(t)
	ids := syntaxFixture(t, s)
	cases := []struct {
		name, text string
		want       []string // exactly these guests, any order
	}{
		{"apostrophe", "o'brien", []string{"obrien"}},
		{"sql quote breaking out", "o'; DROP TABLE guests; --", nil},
		{"quoted word", `"smith"`, []string{"smith"}},
		{"unbalanced quote", `smith"`, []string{"smith"}},
		{"lone quote", `"`, nil},
		{"AND is a word", "AND", []string{"and"}},
		{"and is a word in any case", "and", []string{"and"}},
		{"OR does not widen the search", "smith OR huber", nil},
		{"NOT does not exclude", "NOT", []string{"not"}},
		{"NEAR( is a word", "NEAR(", []string{"near"}},
		{"NEAR group", "NEAR(nora near)", []string{"near"}},
		{"NEAR distance is a word too", "NEAR(nora near, 2)", nil},
		{"star alone", "*", nil},
		{"star as a prefix is what search does anyway", "smi*", []string{"smith"}},
		{"leading minus does not exclude", "-smith", []string{"smith"}},
		{"minus between words", "joseph -smith", []string{"smith"}},
		{"unbalanced brackets", "(((smith", []string{"smith"}},
		{"closing brackets", "smith)))", []string{"smith"}},
		{"column filter is text", "name:smith", nil},
		{"column set is text", "{given_name}:smith", nil},
		{"caret", "^smith", []string{"smith"}},
		{"plus in an e-mail", "sean+spa@exa", []string{"obrien"}},
		{"loyalty number", "FD7302", []string{"smith"}},
		{"phone punctuation only", "+()-", nil},
		{"brackets around phone digits", "(0812", nil},
		{"percent and underscore are not LIKE wildcards", "%_", nil},
		{"backslash", `smith\`, []string{"smith"}},
		{"semicolon and comment", "smith; --", []string{"smith"}},
		{"null byte", "smi\x00th", nil},
		{"invalid utf-8", "smi\xffth", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := searchIDs(t, s, c.text)
			var want []string
			for _, k := range c.want {
				want = append(want, ids[k])
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("search %q found %d guests, want %v", c.text, len(got), c.want)
			}
		})
	}
	if n := count(t, s, "guests"); n != 5 {
		t.Fatalf("guests table holds %d rows after the searches", n)
	}
}

func TestMatchExpressionQuotesEveryTerm(t *testing.T) {
	expr := matchExpr(guests.ParseTerms(`a"b NEAR(`))
	want := `{name email phone loyalty room} : (("a" OR "a"*) AND ("b" OR "b"*) AND ("near" OR "near"*))`
	if expr != want {
		t.Fatalf("expression\n got %s\nwant %s", expr, want)
	}
	if got := quoteTerm(`x"y`); got != `"x""y"` {
		t.Fatalf("quoteTerm doubled quotes wrongly: %s", got)
	}
}
