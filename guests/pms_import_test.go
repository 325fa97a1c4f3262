package guests

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func parseFixture(t *testing.T, name string) ImportFile {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "pms", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	file := ParseGuestsCSV(f, "ID", importToday)
	if len(file.Problems) > 0 {
		t.Fatalf("%s: %v", name, file.Problems)
	}
	return file
}

type wantRow struct {
	name, phone, language, region string
	birthday                      string // "1988-02-29", or "" for none
}

func checkRows(t *testing.T, f ImportFile, want []wantRow) {
	t.Helper()
	if len(f.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(f.Rows), len(want))
	}
	for i, w := range want {
		r := f.Rows[i]
		if len(r.Problems) > 0 {
			t.Errorf("row %d (%s): %v", r.Row, w.name, r.Problems)
			continue
		}
		b := ""
		if r.Birthday != nil {
			b = time.Date(r.Birthday.Year, r.Birthday.Month, r.Birthday.Day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
			if r.Birthday.Kind != OccasionBirthday {
				t.Errorf("%s: occasion %s", w.name, r.Birthday.Kind)
			}
		}
		if r.Guest.FullName() != w.name || r.Guest.Phone != w.phone || r.Guest.Language != w.language || r.Region != w.region || b != w.birthday {
			t.Errorf("row %d: %q %s %q %s born %q, want %q %s %q %s born %q", r.Row, r.Guest.FullName(), r.Guest.Phone,
				r.Guest.Language, r.Region, b, w.name, w.phone, w.language, w.region, w.birthday)
		}
	}
}

// A British PMS at an Indonesian property: each guest's phone is read in the country the
// row names (a country column, a name or code in English or Indonesian, or the end of the
// address); the property's country is the fallback; 00 starts an international number.
func TestImportReadsEachPhoneInTheGuestsOwnCountry(t *testing.T) {
	f := parseFixture(t, "british.csv")
	checkRows(t, f, []wantRow{
		{"Oliver Pemberton", "+442079460958", "", "GB", "1988-02-29"},
		{"Harriet Ashdown", "+441134960123", "", "GB", "1975-03-14"},
		{"Imogen Fairweather", "+441134960456", "", "GB", "1990-12-01"},
		{"Arjun Mehta", "+447911123456", "", "GB", ""},
		{"Budi Hartono", "+6281234567890", "", "ID", "1985-08-17"},
		{"Claire Dubois", "+33142685300", "", "FR", ""},
	})
	if f.Rows[0].Guest.Salutation != "Mr" || f.Rows[1].Guest.Salutation != "Mrs" {
		t.Errorf("titles: %q %q", f.Rows[0].Guest.Salutation, f.Rows[1].Guest.Salutation)
	}
	if len(f.Ignored) != 1 || f.Ignored[0] != "Fax" {
		t.Errorf("ignored %v, want only Fax", f.Ignored)
	}
	used := map[string]string{}
	for _, c := range f.Columns {
		used[c.Header] = c.Field
	}
	for header, field := range map[string]string{"Address": ColAddress, "Country": ColCountry, "Date of Birth": ColBirthDate, "Telephone": ColPhone} {
		if used[header] != field {
			t.Errorf("column %q read as %q, want %q", header, used[header], field)
		}
	}
}

// A continental export: semicolons, day.month.year and ISO dates, nationality and
// language as codes or names, a mobile column standing in for an empty phone.
func TestImportReadsAContinentalExport(t *testing.T) {
	f := parseFixture(t, "continental.csv")
	checkRows(t, f, []wantRow{
		{"Jürgen Schäfer", "+4930901820", "de", "DE", "1970-07-15"},
		{"Astrid Lindqvist", "+46701234567", "sv", "SE", "1982-05-03"},
		{"Ingrid Ødegård", "+4741234567", "no", "NO", "1979-11-03"},
		{"Lukas Strauß", "+4315134567", "de", "AT", ""},
	})
	if got := f.Rows[0].Guest.Notes; got != "Zimmer mit Balkon; ruhig" {
		t.Errorf("escaped separator read as %q", got)
	}
}

// A separator inside an unquoted value shifts the columns; the row says so instead of
// complaining about whatever landed in the e-mail column.
func TestARowWithMoreValuesThanColumnsSaysSo(t *testing.T) {
	f := ParseGuestsCSV(strings.NewReader("Vorname;Nachname;Notiz;E-Mail\nJürgen;Schäfer;Balkon; ruhig;j@example.de\nAna;Lima;;a@example.br;;\n"), "ID", importToday)
	want := "This row has 5 values but the first row names 4 columns: a separator inside a value needs quotes around the value."
	if len(f.Rows) != 2 || len(f.Rows[0].Problems) != 1 || f.Rows[0].Problems[0].Message != want {
		t.Fatalf("%+v", f.Rows)
	}
	if len(f.Rows[1].Problems) != 0 {
		t.Errorf("empty trailing cells refused: %v", f.Rows[1].Problems)
	}
}

func TestAPhoneThatIsNotOfTheGuestsCountryIsRefusedNotMovedToAnother(t *testing.T) {
	f := ParseGuestsCSV(strings.NewReader("Name,Phone,Country\nAna Lima,020 7946 0958,Brazil\n"), "ID", importToday)
	if len(f.Rows) != 1 || len(f.Rows[0].Problems) != 1 || f.Rows[0].Problems[0].Column != "Phone" {
		t.Fatalf("%+v", f.Rows)
	}
}

func TestBirthDatesThatCannotBeBirthdaysAreProblemsOfTheRow(t *testing.T) {
	f := ParseGuestsCSV(strings.NewReader("Name,DOB\nAna Lima,31/02/1980\nBen Ode,someday\nCy Tan,01/01/2030\n"), "ID", importToday)
	for i, want := range []string{"'31/02/1980' is not a date; write dates as DD/MM/YYYY or YYYY-MM-DD.", "'someday' is not a date; write dates as DD/MM/YYYY or YYYY-MM-DD.",
		"Birth date '01/01/2030' is in the future."} {
		r := f.Rows[i]
		if len(r.Problems) != 1 || r.Problems[0].Message != want || r.Problems[0].Column != "DOB" || r.Birthday != nil {
			t.Errorf("row %d: %+v, want %q", r.Row, r.Problems, want)
		}
	}
}

func TestLanguagesAreReadByAnyCodeOrName(t *testing.T) {
	for text, want := range map[string]string{"sv": "sv", "Swedish": "sv", "Svenska": "sv", "Swedia": "sv", "PT": "pt",
		"Português": "pt", "Bahasa Indonesia": "id", "Klingon": ""} {
		if got := languageOf[headerKey(text)]; got != want {
			t.Errorf("%q read as %q, want %q", text, got, want)
		}
	}
	if LanguageName("sv") != "Swedish" || LanguageName("id") != "Bahasa Indonesia" {
		t.Errorf("names: %q %q", LanguageName("sv"), LanguageName("id"))
	}
}

func TestNamesAgreeAcrossTransliterations(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Schäfer", "Schaefer", true}, {"Jørgen", "Joergen", true}, {"Strauß", "Strauss", true},
		{"Ødegård", "Oedegaard", true}, {"Müller", "Muller", true}, {"Müller", "Mueller", true},
		{"Dæhlie", "Daehlie", true}, {"Schäfer", "Schiffer", false}, {"Jørgen", "Jurgen", false},
	} {
		if got := NamesAgree(c.a, c.b, false); got != c.want {
			t.Errorf("%s ~ %s: %v", c.a, c.b, got)
		}
	}
}

func TestSearchWordsAreTriedInEverySpelling(t *testing.T) {
	for word, want := range map[string][]string{
		"schaefer":  {"schaefer", "schafer", "schæfer"},
		"schäfer":   {"schäfer", "schaefer"},
		"strauss":   {"strauss", "strauß"},
		"oedegaard": {"oedegaard", "odegaard", "ødegaard", "oedegard", "odegard", "ødegard"},
		"siti":      {"siti"},
	} {
		got := WordVariants(word)
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %v lacks %s", word, got, w)
			}
		}
		if got[0] != word || len(got) > MaxWordVariants {
			t.Errorf("%s: %v", word, got)
		}
	}
}
