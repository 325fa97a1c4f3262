package guests

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// RegionOf reads where a guest is from as a PMS export or a spreadsheet writes it — a
// country's name in English or Indonesian ("United Kingdom", "Inggris"), an ISO 3166
// code ("GB", "GBR") or a nationality ("British", "WNI") — and returns the ISO region
// whose numbering plan a phone written without its country code belongs to. ok is false
// when the text names no country Frontdesk knows.
func RegionOf(text string) (region string, ok bool) {
	region, ok = regionNames()[headerKey(text)]
	return region, ok
}

// RegionName is the English name of an ISO region code, or the code itself.
func RegionName(region string) string {
	r, err := language.ParseRegion(region)
	if err != nil {
		return region
	}
	if n := display.English.Regions().Name(r); n != "" {
		return n
	}
	return region
}

// regionNames maps every way of naming a country, folded by headerKey, to its region:
// the codes, the English and Indonesian names of every region phone numbers exist for,
// and the nationalities and short names PMS exports use.
var regionNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	english, indonesian := display.English.Regions(), display.Regions(language.Indonesian)
	for _, code := range slices.Sorted(maps.Keys(phonenumbers.GetSupportedRegions())) {
		r, err := language.ParseRegion(code)
		if err != nil {
			continue
		}
		for _, name := range []string{code, r.ISO3(), english.Name(r), indonesian.Name(r)} {
			if k := headerKey(name); k != "" {
				if _, taken := m[k]; !taken {
					m[k] = code
				}
			}
		}
	}
	for code, names := range countryAliases {
		for _, n := range strings.Split(names, ",") {
			m[headerKey(n)] = code
		}
	}
	return m
})

// countryAliases are the short names and nationalities (English and Indonesian) that
// exports write instead of a country's name.
var countryAliases = map[string]string{
	"GB": "UK,Great Britain,Britain,England,Scotland,Wales,Northern Ireland,British,English,Scottish,Welsh,Inggris,Britania Raya",
	"US": "USA,United States of America,America,American,Amerika,Amerika Serikat",
	"ID": "Indonesian,WNI,Warga Negara Indonesia,RI",
	"DE": "German,Jerman,Deutschland,Deutsch",
	"FR": "French,Perancis,Prancis",
	"NL": "Dutch,Holland,Belanda,Nederland",
	"AU": "Australian",
	"NZ": "New Zealander,Kiwi",
	"CA": "Canadian",
	"CN": "Chinese,PRC,Tiongkok,Cina,China",
	"TW": "Taiwanese",
	"HK": "Hong Konger",
	"JP": "Japanese,Jepang",
	"KR": "Korean,South Korea,Korea,Korea Selatan,Republic of Korea",
	"SG": "Singaporean,Singapura",
	"MY": "Malaysian",
	"TH": "Thai",
	"VN": "Vietnamese",
	"PH": "Filipino,Philippine",
	"IN": "Indian",
	"RU": "Russian,Rusia,Russian Federation",
	"IT": "Italian,Italia",
	"ES": "Spanish,Spanyol,Espana",
	"PT": "Portuguese",
	"SE": "Swedish,Swedia,Sverige",
	"NO": "Norwegian,Norwegia,Norge",
	"DK": "Danish,Denmark,Danmark",
	"FI": "Finnish,Finlandia,Suomi",
	"CH": "Swiss,Swiss Confederation,Schweiz,Suisse",
	"AT": "Austrian,Osterreich",
	"BE": "Belgian",
	"IE": "Irish",
	"PL": "Polish,Polandia",
	"TR": "Turkish,Turki",
	"SA": "Saudi,Saudi Arabian,Arab Saudi",
	"AE": "Emirati,UAE,Uni Emirat Arab",
	"BR": "Brazilian",
	"MX": "Mexican",
}
