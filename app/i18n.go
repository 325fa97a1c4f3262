package app

import (
	"embed"
	"log"
	"os"

	"fyne.io/fyne/v2/lang"
)

//go:embed translations
var translations embed.FS

// SetLanguage loads Frontdesk's translations (English and Bahasa Indonesia) and, when code
// is set, uses that language instead of the system's.
func SetLanguage(code string) {
	if code != "" {
		os.Setenv("LANGUAGE", code)
	}
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		log.Printf("translations: %v", err)
	}
}
