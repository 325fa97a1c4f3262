// Package posixlocale reads the "C" (or "POSIX") locale of a freshly installed system —
// what a root shell on a new Debian machine, a service or a cron job has — as US English.
// Fyne reads the locale when its lang package starts and logs an error for "C" on every
// command, even `frontdesk --help`. Imported (blank) by main, it runs first: Go starts
// packages in the order of their import paths among those whose imports have started,
// and "frontdesk/posixlocale" sorts before "fyne.io/…" and the packages Fyne reads the
// locale with.
package posixlocale

import "os"

// English is the locale a "C" locale is read as.
const English = "en_US.UTF-8"

// variables are where a locale is named, strongest first, as setlocale reads them.
var variables = []string{"LC_ALL", "LC_MESSAGES", "LANG"}

func init() {
	if name := Override(os.Getenv); name != "" {
		os.Setenv(name, English)
	}
}

// Override names the variable to set to English: the first one set, when it names the
// C or POSIX locale, or LANG when none is set. Empty means the locale is a real one.
func Override(getenv func(string) string) string {
	for _, v := range variables {
		switch value := getenv(v); {
		case value == "":
			continue
		case IsPOSIX(value):
			return v
		default:
			return ""
		}
	}
	return "LANG"
}

// IsPOSIX reports whether a locale name is the C locale: "C", "POSIX", "C.UTF-8".
func IsPOSIX(value string) bool {
	return value == "C" || value == "POSIX" || len(value) > 2 && value[:2] == "C."
}
