package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Every text colour meets WCAG AA (4.5:1) on every background it is drawn on, in both
// variants: the window, dialogs, inputs, and the coloured buttons and badges it labels.
func TestEveryTextMeetsAAContrastInBothVariants(t *testing.T) {
	th := newDeskTheme()
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePlaceHolder,
		theme.ColorNamePrimary, theme.ColorNameError, theme.ColorNameSuccess, theme.ColorNameWarning}
	backgrounds := []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameOverlayBackground,
		theme.ColorNameInputBackground, theme.ColorNameMenuBackground}
	on := map[fyne.ThemeColorName]fyne.ThemeColorName{ // button and badge colours and their text
		theme.ColorNamePrimary: theme.ColorNameForegroundOnPrimary, theme.ColorNameError: theme.ColorNameForegroundOnError,
		theme.ColorNameSuccess: theme.ColorNameForegroundOnSuccess, theme.ColorNameWarning: theme.ColorNameForegroundOnWarning,
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		for _, text := range texts {
			for _, bg := range backgrounds {
				if c := contrast(th.Color(text, v), th.Color(bg, v)); c < 4.5 {
					t.Errorf("variant %d: %s on %s is %.2f:1", v, text, bg, c)
				}
			}
		}
		for bg, text := range on {
			if c := contrast(th.Color(text, v), th.Color(bg, v)); c < 4.5 {
				t.Errorf("variant %d: %s on %s is %.2f:1", v, text, bg, c)
			}
		}
	}
	for _, fixed := range []struct {
		name string
		bg   uint32
	}{{"VIP", 0x6a1b9a}, {"casino", 0x1b5e20}, {"alert", 0xc62828}, {"in house", 0x1565c0}} {
		if c := contrast(rgb(0xffffff), rgb(fixed.bg)); c < 4.5 {
			t.Errorf("white on the %s badge is %.2f:1", fixed.name, c)
		}
	}
}
