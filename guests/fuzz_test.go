package guests

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"frontdesk/textcheck"
)

// The fuzz tests below have seed corpora in testdata/fuzz/<name>; `go test -fuzz=<name>`
// grows them.

var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// FuzzParseGuestsCSV feeds arbitrary bytes to the PMS import: it must not panic, and
// every row it accepts must already be clean, so what an import stores is what the
// guest form would have stored.
func FuzzParseGuestsCSV(f *testing.F) {
	f.Add([]byte("Name,Email,Phone\nAna Silva,ana@example.com,0812-3456-7890\n"))
	f.Add([]byte("\xEF\xBB\xBFNama Tamu;Tanggal Datang;Tanggal Berangkat;Kamar\n\"Silva, Ana\";23/11/2026;25/11/2026;1204\n"))
	f.Add([]byte("Vorname;Nachname;Telefon;Mobil;Nationalität;Sprache;Geburtsdatum;Bemerkung\nJürgen;Schäfer;030 901820;;DE;de;15.07.1970;Balkon\\; ruhig\n"))
	f.Add([]byte("Title,First Name,Surname,Address,Country,Telephone,Date of Birth\nMr,Oliver,Pemberton,\"1 Road, Leeds, United Kingdom\",,020 7946 0958,29/02/1988\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file := ParseGuestsCSV(bytes.NewReader(data), "ID", importToday)
		last := 1
		for _, row := range file.Rows {
			if row.Row <= last {
				t.Fatalf("row %d after row %d", row.Row, last)
			}
			last = row.Row
			for _, p := range row.Problems {
				if p.Row != row.Row || p.Message == "" || p.Template == "" {
					t.Fatalf("problem %+v on row %d", p, row.Row)
				}
			}
			if len(row.Problems) == 0 {
				checkClean(t, row)
			}
		}
	})
}

// checkClean fails when an accepted row would change, or be refused, if cleaned again.
func checkClean(t *testing.T, row ImportRow) {
	t.Helper()
	again := row.Guest
	if fs := again.Normalize("ID"); len(fs) > 0 || again != row.Guest {
		t.Fatalf("accepted guest is not clean: %+v\nagain %+v\n%v", row.Guest, again, fs)
	}
	for _, s := range []string{row.Guest.GivenName, row.Guest.FamilyName, row.Guest.Notes} {
		if textcheck.HasCardNumber(s) {
			t.Fatalf("a card number was accepted: %q", s)
		}
	}
	if row.Birthday != nil {
		if o := *row.Birthday; len(o.Normalize()) > 0 || o.Kind != OccasionBirthday {
			t.Fatalf("accepted birthday is not clean: %+v", *row.Birthday)
		}
	}
	if row.Stay != nil {
		st := *row.Stay
		if fs := st.Normalize(); len(fs) > 0 || st != *row.Stay {
			t.Fatalf("accepted stay is not clean: %+v %v", *row.Stay, fs)
		}
	}
}

// FuzzGuestNormalize checks the guest form's cleaning: no panic, and a guest it accepts
// is stable: cleaning it again changes nothing.
func FuzzGuestNormalize(f *testing.F) {
	f.Add("José", "Müller", "Ana.Smith@Example.COM", "0812-3456-7890", "gld 1234", "Quiet room\nhigh floor")
	f.Add("", "王", "x@", "+44 20 7946 0958", "", "card 4111 1111 1111 1111")
	f.Fuzz(func(t *testing.T, given, family, email, phone, loyalty, notes string) {
		g := Guest{GivenName: given, FamilyName: family, Email: email, Phone: phone, LoyaltyNumber: loyalty, Notes: notes}
		if len(g.Normalize("ID")) > 0 {
			return
		}
		again := g
		if fs := again.Normalize("ID"); len(fs) > 0 || again != g {
			t.Fatalf("cleaning twice changed %+v into %+v (%v)", g, again, fs)
		}
		if g.Email != "" && (!ValidEmail(g.Email) || g.Email != strings.ToLower(g.Email)) {
			t.Fatalf("e-mail %q", g.Email)
		}
		if g.Phone != "" && !e164.MatchString(g.Phone) {
			t.Fatalf("phone %q is not E.164", g.Phone)
		}
		if g.GivenName == "" && g.FamilyName == "" {
			t.Fatal("a guest without a name was accepted")
		}
	})
}

// FuzzNormalizePhone checks that any accepted phone comes out in E.164 and reads back as
// itself, from any property region.
func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"0812-3456-7890", "+62 812 3456 7890", "(415) 555-0134", "0044 20 7946 0958", "+", "00", "٠٨١٢"} {
		f.Add(s, "ID")
	}
	f.Add("020 7946 0958", "GB")
	f.Fuzz(func(t *testing.T, raw, region string) {
		got, ok := NormalizePhone(raw, region)
		if !ok {
			return
		}
		if !e164.MatchString(got) {
			t.Fatalf("NormalizePhone(%q, %q) = %q", raw, region, got)
		}
		if again, ok := NormalizePhone(got, region); !ok || again != got {
			t.Fatalf("%q reads back as %q, %v", got, again, ok)
		}
		for _, form := range PhoneSearchForms(got) {
			if form == "" || strings.Trim(form, "0123456789") != "" {
				t.Fatalf("search form %q of %q", form, got)
			}
		}
	})
}

// FuzzParseTerms checks that whatever is typed in the search box becomes only words of
// letters, digits and marks, or only digits: nothing a search index could read as syntax.
func FuzzParseTerms(f *testing.F) {
	for _, s := range []string{`"smith" AND NEAR(jo*`, "-smith (((", "+62 812-3456", "josé álvarez", "{name}:x ^y", "王小明"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		terms := ParseTerms(text)
		if strings.Trim(terms.Digits, "0123456789") != "" {
			t.Fatalf("digits %q", terms.Digits)
		}
		if len(terms.Words) > maxQueryWords || terms.Digits != "" && len(terms.Words) > 0 {
			t.Fatalf("terms %+v", terms)
		}
		for _, w := range terms.Words {
			if w == "" {
				t.Fatal("an empty word")
			}
			for _, r := range w {
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
					t.Fatalf("word %q holds %q", w, r)
				}
			}
		}
	})
}

// FuzzParseImportDate checks that a date read from a file is a real calendar date.
func FuzzParseImportDate(f *testing.F) {
	for _, s := range []string{"23/11/2026", "2026-11-23T14:00:00Z", "Nov 23, 2026", "23 Agustus 2026", "31/04/2026", "1/2/99"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, cell string, monthFirst bool) {
		order := DayFirst
		if monthFirst {
			order = MonthFirst
		}
		d, ok := ParseImportDate(cell, order)
		if !ok {
			return
		}
		if d.Hour()+d.Minute()+d.Second()+d.Nanosecond() != 0 || d.Location().String() != "UTC" || d.Year() < 1 || d.Year() > 9999 {
			t.Fatalf("%q read as %v", cell, d)
		}
		if back, ok := ParseImportDate(d.Format("2006-01-02"), order); !ok || !back.Equal(d) {
			t.Fatalf("%q read as %v does not read back", cell, d)
		}
	})
}
