package app

import (
	"embed"
	"log"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"

	_ "frontdesk/posixlocale" // a "C" locale is English before Fyne reads it
)

//go:embed translations
var translations embed.FS

// SetLanguage loads Frontdesk's translations (English and Bahasa Indonesia) and, when code
// is set, uses that language instead of the system's. The catalogue also translates the
// words Fyne's own widgets show (an entry's menu, the error dialog, the file dialogs).
func SetLanguage(code string) {
	if code == "" && !usableLocale() {
		code = "en" // a bare "C" locale (servers, CI) is not a language
	}
	if code != "" {
		os.Setenv("LANGUAGE", code)
	}
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		log.Printf("translations: %v", err)
	}
}

// usableLocale reports whether the environment names a real language.
func usableLocale() bool {
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := os.Getenv(v); l != "" {
			return l != "C" && l != "POSIX" && !strings.HasPrefix(l, "C.")
		}
	}
	return false
}
