package app

import (
	"strings"
	"testing"

	"frontdesk/handover"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A limited text counts what is typed as it is typed and turns red past the limit; the
// entry's own OnChanged still runs.
func TestALimitedTextCountsWhileTyping(t *testing.T) {
	test.NewTempApp(t)
	e := newMultiLineEntry()
	changes := 0
	e.OnChanged = func(string) { changes++ }
	hint := lengthHint(e, 10)
	if hint.Text != "0 / 10" || hint.Importance != widget.LowImportance {
		t.Fatalf("empty: %q", hint.Text)
	}
	test.Type(e, "Ibu Wati")
	if hint.Text != "8 / 10" || changes != 8 {
		t.Fatalf("typed: %q after %d changes", hint.Text, changes)
	}
	test.Type(e, " sé")
	if hint.Text != "11 / 10" || hint.Importance != widget.DangerImportance {
		t.Fatalf("past the limit: %q, importance %v", hint.Text, hint.Importance)
	}
}

func TestALongNoteSaysAClickShowsAll(t *testing.T) {
	if long("Plumber at 14:00") || !long(strings.Repeat("word ", 30)) || !long("Line one\nline two") {
		t.Fatal("long() misjudges a note")
	}
}

// A measures column is as wide as its widest name and its heading, so nothing is cut.
func TestMeasureColumnsFitTheirWidestText(t *testing.T) {
	test.NewTempApp(t)
	m := newMeasureTable()
	long := handover.Row{Name: "Food & Beverage — In-Room Dining and Minibar (night)"}
	m.set([]handover.Row{{Name: "Spa"}, long})
	need := fyne.MeasureText(long.Name, theme.TextSize(), fyne.TextStyle{}).Width
	if w := m.columnWidth(0); w <= need {
		t.Fatalf("name column %v for a name %v wide", w, need)
	}
	if w := m.columnWidth(1); w != measureColumns[1].width {
		t.Errorf("a narrow column grew to %v", w)
	}
}
