package sqlite

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"frontdesk/guests"
)

func importFixture(t *testing.T, s *Store, name string) guests.ImportReport {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "guests", "testdata", "pms", name))
	must(t, err)
	rep := importCSV(t, s, string(data), false)
	if len(rep.Problems) > 0 {
		t.Fatalf("%s: %v", name, rep.Problems)
	}
	return rep
}

func birthdaysOf(p *guests.Profile) []string {
	var out []string
	for _, o := range p.Occasions {
		if o.Kind == guests.OccasionBirthday {
			out = append(out, time.Date(o.Year, o.Month, o.Day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
		}
	}
	return out
}

// A British export at an Indonesian property: every phone stored with the guest's own
// country code, birth dates stored as birthdays (29 February kept), and a second import
// of the same file changes nothing.
func TestBritishExportIsStoredWithEachGuestsCountry(t *testing.T) {
	s := openTest(t)
	rep := importFixture(t, s, "british.csv")
	if rep.Created != 6 || rep.Merged != 0 || rep.Rejected != 0 || rep.Birthdays != 4 {
		t.Fatalf("report %+v", rep)
	}
	for email, want := range map[string]struct {
		phone    string
		birthday []string
	}{
		"oliver.pemberton@example.co.uk": {"+442079460958", []string{"1988-02-29"}},
		"arjun.mehta@example.co.uk":      {"+447911123456", nil},
		"budi.h@example.id":              {"+6281234567890", []string{"1985-08-17"}},
		"claire.dubois@example.fr":       {"+33142685300", nil},
	} {
		p := guestByEmail(t, s, email)
		if p.Phone != want.phone || !slices.Equal(birthdaysOf(p), want.birthday) {
			t.Errorf("%s: %s born %v, want %s born %v", email, p.Phone, birthdaysOf(p), want.phone, want.birthday)
		}
	}
	guestsBefore, occasionsBefore := count(t, s, "guests"), count(t, s, "guest_occasions")
	again := importFixture(t, s, "british.csv")
	if again.Created != 0 || again.Birthdays != 0 || count(t, s, "guests") != guestsBefore || count(t, s, "guest_occasions") != occasionsBefore {
		t.Fatalf("the second import changed things: %+v", again)
	}
}

// A hand-kept spreadsheet writes Schaefer, Oedegaard and Strauss where the PMS wrote
// Schäfer, Ødegård and Strauß: with the same phone they are the same guests.
func TestTransliteratedNamesMergeIntoTheSameGuest(t *testing.T) {
	s := openTest(t)
	if rep := importFixture(t, s, "continental.csv"); rep.Created != 4 || rep.Birthdays != 3 {
		t.Fatalf("continental: %+v", rep)
	}
	rep := importFixture(t, s, "handkept.csv")
	if rep.Created != 1 || rep.Merged != 3 || rep.Rejected != 0 {
		t.Fatalf("hand-kept: %+v", rep)
	}
	if n := count(t, s, "guests"); n != 5 {
		t.Fatalf("%d guests, want 5", n)
	}
	p := guestByEmail(t, s, "astrid.l@example.se")
	if p.Phone != "+46701234567" || p.Language != "sv" {
		t.Errorf("Astrid: %s %s", p.Phone, p.Language)
	}
}

// A guest is found however the caller spells the special letters of their name.
func TestSearchFindsTransliteratedNames(t *testing.T) {
	s := openTest(t)
	importFixture(t, s, "continental.csv")
	importFixture(t, s, "handkept.csv")
	for _, q := range []string{"schaefer", "Schäfer", "schafer", "schae", "strauss", "Strauß", "oedegaard", "Ødegård", "oedegard",
		"joergensen", "jørgensen"} {
		ms, err := s.SearchGuests(manager(), guests.Query{Text: q})
		must(t, err)
		if len(ms) != 1 {
			t.Errorf("%q found %d guests", q, len(ms))
		}
	}
}
