package anticipation

import (
	"testing"
	"time"

	"frontdesk/guests"
	"frontdesk/standards"
)

func TestAnOccasionPromptLogsACakeForFoodAndBeverage(t *testing.T) {
	on := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		occasion guests.Occasion
		want     string
	}{
		{guests.Occasion{Kind: guests.OccasionBirthday}, "Birthday"},
		{guests.Occasion{Kind: guests.OccasionCustom, Label: "Retirement"}, "Retirement"},
	}
	for _, c := range cases {
		p := Prompt{Key: "occasion:o1", Kind: KindOccasion, GuestID: "g1", Room: "1204", When: on, Occasion: &c.occasion}
		res := ResolutionFor(p)
		r := res.Request
		if r == nil || r.Description != c.want || r.Occasion != string(c.occasion.Kind) || !r.OccasionOn.Equal(on) || r.Department != standards.DeptFood || r.GuestID != "g1" || r.Room != "1204" || res.Key != p.Key {
			t.Errorf("%+v: %+v", c.occasion, r)
		}
	}
}

func TestAHabitPromptSavesTheStandingPreference(t *testing.T) {
	p := Prompt{Key: "repeat:g1:extra_pillows", Kind: KindRepeat, GuestID: "g1", Subject: "Extra pillows", Category: "extra_pillows"}
	res := ResolutionFor(p)
	if res.Preference == nil || res.Preference.Text != "Extra pillows" || res.Request != nil || res.Note != "" {
		t.Fatalf("%+v", res)
	}
}

func TestAPreparePromptNamesItsStay(t *testing.T) {
	a := ArrivalCard{GuestState: GuestState{Guest: guests.Guest{ID: "g1"}, Stay: guests.Stay{ID: "s1", Room: "1204"}}, Prep: PrepNotStarted,
		Tasks: []Task{{SourceID: "a1:food_beverage", Department: "food_beverage", Description: "Peanut allergy", Alert: guests.AlertAllergy}}}
	p, ok := preparePrompt(a)
	if !ok || p.StayID != "s1" || p.Kind != KindPrepare {
		t.Fatalf("%+v", p)
	}
}
