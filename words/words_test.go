package words

import (
	"testing"

	"frontdesk/guests"
)

// A value added to an enumeration without a name here, or a name left behind for a value
// removed, fails this test; app's i18n test then asks for its translations.
func TestEveryValueOfEveryEnumerationHasOneName(t *testing.T) {
	for _, tb := range Tables() {
		if len(tb.Missing) > 0 || len(tb.Extra) > 0 {
			t.Errorf("%s: no name for %v; names for unknown values %v", tb.Name, tb.Missing, tb.Extra)
		}
		seen := map[string]bool{}
		for _, n := range tb.Names {
			if n == "" || seen[n] {
				t.Errorf("%s: name %q is empty or given twice", tb.Name, n)
			}
			seen[n] = true
		}
	}
}

func TestATableCatchesAValueWithoutAName(t *testing.T) {
	tb := table("Alert", map[guests.AlertKind]string{guests.AlertAllergy: "Allergy", "gone": "Gone"},
		[]guests.AlertKind{guests.AlertAllergy, guests.AlertMedical})
	if len(tb.Missing) != 1 || tb.Missing[0] != "medical" || len(tb.Extra) != 1 || tb.Extra[0] != "gone" {
		t.Fatalf("missing %v, extra %v", tb.Missing, tb.Extra)
	}
}

func TestOfFallsBackToTheValue(t *testing.T) {
	if got := Of(Alert, guests.AlertAllergy); got != "Allergy" {
		t.Errorf("allergy named %q", got)
	}
	if got := Of(Alert, guests.AlertKind("haunted")); got != "haunted" {
		t.Errorf("unknown kind named %q", got)
	}
}
