package standards

import (
	"testing"
	"time"
)

func codesOf(cs []Category) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Code)
	}
	return out
}

func TestCategoriesAreFoundByTheWordsTheDeskTypes(t *testing.T) {
	cats := DefaultCategories()
	for typed, want := range map[string]string{
		"ac": "maintenance", "AC": "maintenance", "aircon": "maintenance", "air con": "maintenance",
		"AC panas": "maintenance", "handuk": "towels", "Handuk mandi": "towels", "taksi": "transport", "taxi": "transport",
		"tow": "towels", "extra": "towels", "koper": "luggage", "sarapan": "room_service", "lost &": "lost_found",
		"found": "lost_found", "wake": "wake_up", "up call": "wake_up",
	} {
		got := codesOf(MatchCategories(cats, typed))
		found := false
		for _, c := range got {
			found = found || c == want
		}
		if !found {
			t.Errorf("%q finds %v, not %s", typed, got, want)
		}
	}
	if got := MatchCategories(cats, "zzz"); len(got) != 0 {
		t.Errorf("nonsense finds %v", codesOf(got))
	}
	if got := MatchCategories(cats, ""); len(got) != len(cats) {
		t.Errorf("empty text finds %d of %d", len(got), len(cats))
	}
}

func TestSearchWordsAreCleanedAndBounded(t *testing.T) {
	c := Category{Code: "maintenance", Name: "Maintenance", Department: DeptMaintenance, Promise: 30 * time.Minute,
		Words: []string{"  AC ", "ac", "Air  Con", "", "4111 1111 1111 1111"}}
	fs := c.Normalize()
	if fs.For(FieldWords) == nil || len(c.Words) != 2 || c.Words[0] != "ac" || c.Words[1] != "air con" {
		t.Fatalf("words %q, problems %v", c.Words, fs)
	}
}
