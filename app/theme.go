package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// deskTheme is Fyne's theme with text colours every front-desk screen can be read in:
// each text colour meets WCAG AA (a contrast of 4.5:1) against the backgrounds it is
// drawn on, in the dark and the light variant. Fyne's own secondary text (the colour of
// low-importance labels, 1.6:1 on dark), its light-variant error, success and warning
// texts and white on its blue buttons do not.
type deskTheme struct{ fyne.Theme }

// Theme is the window's theme: Fyne's, with text colours that meet WCAG AA.
func Theme() fyne.Theme { return newDeskTheme() }

// newDeskTheme wraps Fyne's default theme.
func newDeskTheme() fyne.Theme { return deskTheme{theme.DefaultTheme()} }

// deskColors are the colours deskTheme changes, by variant.
var deskColors = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantDark: {
		theme.ColorNameDisabled:            rgb(0x999999),
		theme.ColorNameError:               rgb(0xff5c5c),
		theme.ColorNamePrimary:             rgb(0x5aa2ff),
		theme.ColorNameForegroundOnPrimary: rgb(0x0b1220),
	},
	theme.VariantLight: {
		theme.ColorNameDisabled:            rgb(0x6b6b6b),
		theme.ColorNamePlaceHolder:         rgb(0x6b6b6b),
		theme.ColorNamePrimary:             rgb(0x1a66d9),
		theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
		theme.ColorNameError:               rgb(0xc62828),
		theme.ColorNameSuccess:             rgb(0x2e7d32),
		theme.ColorNameWarning:             rgb(0xa15c00),
	},
}

// Color is the desk's colour for name where it has one, Fyne's otherwise.
func (t deskTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := deskColors[v][name]; ok {
		return c
	}
	return t.Theme.Color(name, v)
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// contrast is the WCAG contrast ratio of two opaque colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
