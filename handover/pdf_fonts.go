package handover

import (
	"os"
	"unicode"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// FontSet is the TrueType fonts a PDF is set in. A character is drawn in the first font
// that has it: Regular (or Bold), then each fallback, loaded only when a character needs
// it (a 4 MB CJK font costs nothing for a report in Latin script).
type FontSet struct {
	Regular, Bold []byte
	Fallbacks     []string // paths of TrueType files or collections (.ttc, the first font is used)
}

// SystemFonts finds the machine's fonts (the lists in pdf_fonts_other.go and
// pdf_fonts_windows.go) and falls back to the Go fonts built into the program, which
// cover Latin, Greek and Cyrillic, so a PDF can always be made.
func SystemFonts() FontSet {
	fs := BuiltinFonts()
	if b := firstFile(regularFonts); b != nil {
		fs.Regular = b
	}
	if b := firstFile(boldFonts); b != nil {
		fs.Bold = b
	}
	for _, p := range fallbackFonts {
		if _, err := os.Stat(p); err == nil {
			fs.Fallbacks = append(fs.Fallbacks, p)
		}
	}
	return fs
}

// BuiltinFonts are the Go fonts only: the same output on every machine.
func BuiltinFonts() FontSet {
	return FontSet{Regular: goregular.TTF, Bold: gobold.TTF}
}

func firstFile(paths []string) []byte {
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			return b
		}
	}
	return nil
}

// Font styles of the PDF.
const (
	styleRegular = iota
	styleBold
)

// fontChain picks, per character, the first font that has it, loading fallbacks on
// first need.
type fontChain struct {
	gp        *gopdf.GoPdf
	set       FontSet
	fallbacks []string // families of the fallbacks loaded so far ("fb0", "fb1"…), in order
	next      int      // the next fallback path to try
	covers    map[string]map[rune]bool
}

func newFontChain(gp *gopdf.GoPdf, set FontSet) (*fontChain, error) {
	c := &fontChain{gp: gp, set: set, covers: map[string]map[rune]bool{}}
	if err := gp.AddTTFFontData("regular", set.Regular); err != nil {
		return nil, err
	}
	if err := gp.AddTTFFontData("bold", set.Bold); err != nil {
		return nil, err
	}
	return c, nil
}

// has reports whether family has a glyph for r.
func (c *fontChain) has(family string, r rune) bool {
	m := c.covers[family]
	if m == nil {
		m = map[rune]bool{}
		c.covers[family] = m
	}
	if ok, seen := m[r]; seen {
		return ok
	}
	ok := false
	if c.gp.SetFont(family, "", 10) == nil {
		ok, _ = c.gp.IsCurrFontContainGlyph(r)
	}
	m[r] = ok
	return ok
}

// familyFor returns the family that draws r in style, or "" when no font has it.
func (c *fontChain) familyFor(r rune, style int) string {
	first := "regular"
	if style == styleBold {
		first = "bold"
	}
	if r == ' ' || c.has(first, r) {
		return first
	}
	for _, f := range c.fallbacks {
		if c.has(f, r) {
			return f
		}
	}
	for c.next < len(c.set.Fallbacks) {
		f := c.loadNext()
		if f != "" && c.has(f, r) {
			return f
		}
	}
	return ""
}

// loadNext loads the next fallback font; a file that fails to load is skipped.
func (c *fontChain) loadNext() string {
	path := c.set.Fallbacks[c.next]
	c.next++
	data, err := os.ReadFile(path)
	if err == nil {
		data, err = trueType(data)
	}
	if err != nil {
		return ""
	}
	family := "fb" + string(rune('0'+len(c.fallbacks)))
	if c.gp.AddTTFFontData(family, data) != nil {
		return ""
	}
	c.fallbacks = append(c.fallbacks, family)
	return family
}

// run is a stretch of text drawn in one font.
type run struct {
	family, text string
}

// runs splits s into stretches by the font that draws them. A symbol no font has is
// left out (the words beside it carry the meaning); any other missing character
// becomes "?".
func (c *fontChain) runs(s string, style int) []run {
	var out []run
	dropped := false
	for _, r := range s {
		if dropped && r == ' ' {
			continue // the space after a symbol that was left out
		}
		f := c.familyFor(r, style)
		dropped = f == "" && (unicode.Is(unicode.So, r) || unicode.Is(unicode.Mn, r) || r == '\u200d' || r == '\ufe0f')
		if dropped {
			continue
		}
		if f == "" {
			f, r = c.familyFor('?', style), '?'
		}
		if n := len(out); n > 0 && out[n-1].family == f {
			out[n-1].text += string(r)
			continue
		}
		out = append(out, run{family: f, text: string(r)})
	}
	return out
}
