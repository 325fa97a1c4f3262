package demo

import (
	"slices"

	"frontdesk/guests"
)

var alertOptions = map[guests.AlertKind][]option{
	guests.AlertAllergy: {
		{"Severe peanut allergy, carries an EpiPen", ""}, {"Shellfish allergy (prawns, crab, lobster)", ""},
		{"Gluten intolerance (coeliac): tell the restaurant", ""},
		{"Latex allergy: housekeeping to use nitrile gloves", ""}, {"Lactose intolerant", ""},
		{"Penicillin allergy", ""}, {"Alergi udang dan kepiting", "id"}, {"Alergi kacang tanah", "id"},
	},
	guests.AlertAccessibility: {
		{"Wheelchair user: accessible room with roll-in shower", ""},
		{"Hearing impaired: needs visual fire alarm and vibrating alert", ""},
		{"Visually impaired, travels with a guide dog", ""}, {"Uses a walking frame: room near the lift", ""},
		{"Pengguna kursi roda: kamar akses difabel", "id"},
	},
	guests.AlertComplaint: {
		{"Complained about AC noise on last stay", ""},
		{"Disputed minibar charges on last stay: check the folio before check-out", ""},
		{"Room not ready at 15:00 on last stay; apology amenity given", ""},
		{"Complained about slow room service (50 minutes)", ""},
		{"Unhappy with the view last time; promised pool view", ""},
		{"Keluhan: air panas tidak keluar saat menginap terakhir", "id"},
	},
	guests.AlertMedical: {
		{"Diabetic: keep sugar-free snacks in the minibar", ""}, {"Needs a fridge for insulin", ""},
		{"Heart condition: emergency contact on file at reception", ""},
		{"Severe asthma: non-smoking floor only", ""}, {"Uses a CPAP machine: needs a socket by the bed", ""},
	},
	guests.AlertSecurity: {
		{"Do not confirm the guest's stay or room number to callers", ""},
		{"Visitors only after the guest confirms by phone", ""},
		{"Barred from the casino floor: inform security on arrival", ""},
	},
	guests.AlertOther: {
		{"Do not call the room before 10:00", ""}, {"Travels with a service dog", ""},
	},
}

// alerts records what staff must not miss: mostly allergies and complaints, rarely a
// security matter. Complaints need a past stay to complain about.
func (g *gen) alerts(d *draft) {
	kinds := []choice{
		{string(guests.AlertAllergy), 38}, {string(guests.AlertAccessibility), 15},
		{string(guests.AlertComplaint), 25}, {string(guests.AlertMedical), 14},
		{string(guests.AlertSecurity), 3}, {string(guests.AlertOther), 5},
	}
	n := g.weightedInt(88, 12)
	var used []guests.AlertKind
	for len(used) < n {
		kind := guests.AlertKind(g.pick(kinds))
		if slices.Contains(used, kind) || kind == guests.AlertComplaint && d.p.PastStays() == 0 {
			continue
		}
		used = append(used, kind)
		d.p.Alerts = append(d.p.Alerts, guests.Alert{
			Kind: kind, Text: g.pickFor(d, alertOptions[kind]),
			CreatedBy: g.one(recorders), CreatedAt: g.recorded(d),
		})
	}
}

// extras adds the profile's preferences, alerts and occasions.
func (g *gen) extras(d *draft) {
	if g.chance(0.40) {
		g.preferences(d)
	}
	if g.chance(0.08) {
		g.alerts(d)
	}
	if g.chance(0.30) {
		g.occasions(d)
	}
}
