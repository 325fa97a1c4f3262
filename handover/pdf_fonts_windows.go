package handover

import (
	"os"
	"path/filepath"
)

// Windows's own fonts, in %WINDIR%\Fonts, looked for in order. Windows 10 and 11 install
// on every PC Segoe UI (Latin, Greek, Cyrillic, Arabic, Hebrew), Microsoft YaHei (Chinese,
// and the Japanese kana), Malgun Gothic (Korean), Leelawadee UI (Thai) and Nirmala UI
// (Devanagari and the other Indian scripts); older or optional fonts follow each. The
// Chinese and Japanese ones are collections (.ttc), of which the first font is embedded.
var (
	regularFonts  = windowsFonts("segoeui.ttf", "arial.ttf", "tahoma.ttf")
	boldFonts     = windowsFonts("segoeuib.ttf", "arialbd.ttf", "tahomabd.ttf")
	fallbackFonts = windowsFonts(
		"msyh.ttc", "simsun.ttc", "msgothic.ttc", // Chinese, Japanese
		"malgun.ttf", "gulim.ttc", // Korean
		"LeelawUI.ttf", "leelawad.ttf", "tahoma.ttf", // Thai
		"Nirmala.ttf", "mangal.ttf", // Devanagari
		"seguisym.ttf", // symbols
	)
)

// windowsFonts returns the paths of the named files in the Windows fonts folder.
func windowsFonts(names ...string) []string {
	dir := filepath.Join(os.Getenv("WINDIR"), "Fonts")
	if os.Getenv("WINDIR") == "" {
		dir = `C:\Windows\Fonts`
	}
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(dir, n)
	}
	return paths
}
