package demo

import (
	"fmt"
	"slices"
	"strings"

	"frontdesk/guests"
)

// option is a piece of text staff might record, and whom it suits.
type option struct {
	text string
	who  string // "" anyone; "id" Indonesian guests (staff write it in Indonesian); "halal"; "paper"
}

func (d *draft) fits(who string) bool {
	switch who {
	case "id":
		return d.c.indonesian
	case "halal":
		return d.muslim
	case "paper":
		return d.c.paper != ""
	}
	return true
}

// pickFor returns the text of a random option that suits the guest.
func (g *gen) pickFor(d *draft, opts []option) string {
	var fit []string
	for _, o := range opts {
		if d.fits(o.who) {
			fit = append(fit, strings.ReplaceAll(o.text, "{paper}", d.c.paper))
		}
	}
	return g.one(fit)
}

var prefOptions = map[guests.PreferenceCategory][]option{
	guests.PrefRoom: {
		{"High floor, away from the lift", ""}, {"Quiet room", ""}, {"Smoking room", ""},
		{"Non-smoking room only", ""}, {"Pool view", ""}, {"Corner room", ""},
		{"Low floor, below 5 (does not like heights)", ""}, {"Connecting rooms for the family", ""},
		{"Room near the lift", ""}, {"Kamar di lantai atas, jauh dari lift", "id"},
		{"Kamar bebas asap rokok", "id"},
	},
	guests.PrefBedding: {
		{"Feather-free pillows", ""}, {"Twin beds", ""}, {"King bed", ""}, {"Extra pillow", ""},
		{"Firm pillows", ""}, {"Extra blanket", ""}, {"Baby crib", ""}, {"Hypoallergenic bedding", ""},
		{"Rollaway bed for a child", ""}, {"Bantal tanpa bulu", "id"}, {"Tambahan selimut", "id"},
	},
	guests.PrefFood: {
		{"Halal meals", "halal"}, {"Vegetarian", ""}, {"Vegan", ""}, {"No pork", ""}, {"No beef", ""},
		{"Gluten-free bread at breakfast", ""}, {"Decaf coffee in the room", ""},
		{"Prefers table 12 at the buffet", ""}, {"Green tea instead of coffee", ""},
		{"Congee at breakfast", ""}, {"Kopi tanpa gula", "id"}, {"Sambal dipisah", "id"},
		{"Sahur box during Ramadan", "halal"},
	},
	guests.PrefAmenities: {
		{"Extra bottled water", ""}, {"Daily newspaper: {paper}", "paper"}, {"Fruit basket on arrival", ""},
		{"Iron and ironing board in the room", ""}, {"Extra towels for the pool", ""},
		{"Prayer mat and qibla direction card", "halal"}, {"Air purifier in the room", ""},
		{"Coffee machine with extra capsules", ""}, {"Sajadah dan arah kiblat di kamar", "id"},
		{"Air mineral tambahan", "id"},
	},
	guests.PrefService: {
		{"Late checkout when possible", ""}, {"Early check-in when possible", ""},
		{"No turndown service", ""}, {"Do not disturb before 10:00", ""}, {"Wake-up call at 05:30", ""},
		{"Airport pickup on arrival", ""}, {"Invoice to the company by e-mail only", ""},
		{"Housekeeping in the afternoon only", ""}, {"Check-out lebih siang jika memungkinkan", "id"},
		{"Prefers English-speaking staff", ""},
	},
	guests.PrefCasino: {
		{"Baccarat table, non-smoking area", ""}, {"Blackjack, high-limit room", ""},
		{"Roulette, likes table 3", ""}, {"Private gaming salon when available", ""},
		{"Limousine from the airport, arranged by the casino host", ""},
		{"Inform casino host on arrival", ""}, {"Meja baccarat, area bebas rokok", "id"},
	},
	guests.PrefOther: {
		{"Travels with a small dog (approved)", ""}, {"Collects the hotel's postcards", ""},
		{"Brings own coffee machine: needs a socket near the desk", ""},
		{"Gym towel and water ready at 06:00", ""}, {"No fragrance or air freshener in the room", ""},
	},
}

// preferences records one to three standing wishes, at most one per category so that no
// guest asks for both twin beds and a king bed.
func (g *gen) preferences(d *draft) {
	cats := []choice{
		{string(guests.PrefRoom), 25}, {string(guests.PrefBedding), 18}, {string(guests.PrefFood), 20},
		{string(guests.PrefAmenities), 15}, {string(guests.PrefService), 17}, {string(guests.PrefOther), 5},
	}
	if d.p.CasinoTier != guests.CasinoNone {
		cats = append(cats, choice{string(guests.PrefCasino), 40})
	}
	n := g.weightedInt(50, 35, 15)
	var used []guests.PreferenceCategory
	for len(used) < n {
		cat := guests.PreferenceCategory(g.pick(cats))
		if slices.Contains(used, cat) {
			continue
		}
		used = append(used, cat)
		d.p.Preferences = append(d.p.Preferences, guests.Preference{
			Category: cat, Text: g.pickFor(d, prefOptions[cat]),
			RecordedBy: g.one(recorders), RecordedAt: g.recorded(d),
		})
	}
}

// notes are what staff jot down that fits no other field.
var notes = []option{
	{"Corporate rate via PT Surya Abadi", "id"}, {"Pays by company credit card", ""},
	{"Travels with two young children", ""}, {"Usually books through a travel agent", ""},
	{"Tamu langganan sejak 2015", "id"}, {"Often extends the stay by a night", ""},
	{"Frequently hosts meetings in the lobby lounge", ""},
	{"Member of the hotel's golf club", ""},
}

func (g *gen) note(d *draft) string {
	if d.c.indonesian && d.male && d.p.GivenName != "" && g.chance(0.3) {
		return fmt.Sprintf("Prefers to be addressed as Pak %s", lastWord(d.p.GivenName))
	}
	return g.pickFor(d, notes)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}
