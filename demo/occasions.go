package demo

import (
	"time"

	"frontdesk/guests"
)

// Labels staff give occasions; birthdays and anniversaries usually need none.
var (
	birthdayLabels    = []option{{"Spouse's birthday", ""}, {"Daughter's birthday", ""}, {"Son's birthday", ""}, {"Ulang tahun istri", "id"}}
	anniversaryLabels = []option{{"Wedding anniversary", ""}, {"Ulang tahun pernikahan", "id"}}
	customLabels      = []option{
		{"Wedding anniversary dinner", ""}, {"Graduation", ""}, {"Company anniversary", ""},
		{"Retirement day", ""}, {"Honeymoon anniversary", ""}, {"First stay with us", ""},
		{"Father's memorial: no celebrations", ""}, {"Syukuran rumah baru", "id"},
	}
)

// occasionsSoonWanted is how many guests should have an occasion today or tomorrow, so
// the demo's "occasions" view is never empty.
const occasionsSoonWanted = 10

// occasions records one or two yearly events of different kinds.
func (g *gen) occasions(d *draft) {
	kinds := []choice{{string(guests.OccasionBirthday), 65}, {string(guests.OccasionAnniversary), 25}, {string(guests.OccasionCustom), 10}}
	n := g.weightedInt(80, 20)
	used := map[guests.OccasionKind]bool{}
	for len(used) < n {
		kind := guests.OccasionKind(g.pick(kinds))
		if used[kind] {
			continue
		}
		used[kind] = true
		m, day := g.monthDay()
		d.p.Occasions = append(d.p.Occasions, g.occasion(d, kind, m, day))
	}
}

// monthDay draws a day of a leap year, so 29 February turns up as it does in life.
func (g *gen) monthDay() (time.Month, int) {
	t := time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.IntN(366))
	return t.Month(), t.Day()
}

func (g *gen) occasion(d *draft, kind guests.OccasionKind, m time.Month, day int) guests.Occasion {
	o := guests.Occasion{Kind: kind, Month: m, Day: day}
	switch kind {
	case guests.OccasionBirthday:
		if g.chance(0.12) {
			o.Label = g.pickFor(d, birthdayLabels)
		} else if g.chance(0.5) {
			o.Year = 1950 + g.r.IntN(57)
		}
	case guests.OccasionAnniversary:
		if g.chance(0.3) {
			o.Label = g.pickFor(d, anniversaryLabels)
		}
		if g.chance(0.6) {
			o.Year = 1980 + g.r.IntN(max(g.today.Year()-1980, 1))
		}
	default:
		o.Label = g.pickFor(d, customLabels)
	}
	if m == time.February && day == 29 {
		o.Year -= o.Year % 4 // a 29 February needs a leap year; 0 stays unknown
	}
	return o
}

// occasionsSoon makes sure about ten guests have an occasion today or tomorrow, several of
// them guests the desk will actually see (in house or arriving).
func (g *gen) occasionsSoon(ds []*draft) {
	days := [2]time.Time{g.today, g.day(1)}
	soon := 0
	for _, d := range ds {
		if hasOccasionOn(d, days[:]) {
			soon++
		}
	}
	atDesk := 0
	for _, d := range ds {
		if atDesk < 4 && d.role >= roleInHouse && d.role <= roleArrivesTomorrow && len(d.p.Occasions) == 0 {
			g.addOccasionOn(d, days[atDesk%2])
			atDesk, soon = atDesk+1, soon+1
		}
	}
	for soon < occasionsSoonWanted {
		d := ds[g.r.IntN(len(ds))]
		if len(d.p.Occasions) == 0 {
			g.addOccasionOn(d, days[soon%2])
			soon++
		}
	}
}

func hasOccasionOn(d *draft, days []time.Time) bool {
	for _, o := range d.p.Occasions {
		for _, t := range days {
			if o.Month == t.Month() && o.Day == t.Day() {
				return true
			}
		}
	}
	return false
}

func (g *gen) addOccasionOn(d *draft, t time.Time) {
	kind := guests.OccasionBirthday
	if g.chance(0.3) {
		kind = guests.OccasionAnniversary
	}
	d.p.Occasions = append(d.p.Occasions, g.occasion(d, kind, t.Month(), t.Day()))
}

// leapDayBirthday gives one guest without occasions a 29 February birthday without a
// year, the case date handling most often gets wrong.
func (g *gen) leapDayBirthday(ds []*draft) {
	for {
		d := ds[g.r.IntN(len(ds))]
		if len(d.p.Occasions) == 0 {
			d.p.Occasions = append(d.p.Occasions, guests.Occasion{Kind: guests.OccasionBirthday, Month: time.February, Day: 29})
			return
		}
	}
}
