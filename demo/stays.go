package demo

import (
	"slices"
	"time"

	"frontdesk/guests"
)

// role is what a guest is doing around today; it decides their current and next stay.
type role int

const (
	roleNone role = iota
	roleInHouse
	roleArrivesToday
	roleArrivesTomorrow
	roleBookedLater
	roleCancelled
)

// pastWindow is how far back stay history goes (three years), and pastGap keeps past
// stays clear of anyone now in house.
const (
	pastWindow = 3 * 365
	pastGap    = 8
)

// assignStays gives every guest their stay history and today's house: in-house guests in
// distinct rooms, arrivals today and tomorrow (some with a free room already assigned),
// later bookings and a few cancellations.
func (g *gen) assignStays(ds []*draft) {
	order := g.byPriority(ds)
	counts := []struct {
		r role
		n int
	}{
		{roleInHouse, 170 + g.r.IntN(21)},
		{roleArrivesToday, 36 + g.r.IntN(9)},
		{roleArrivesTomorrow, 36 + g.r.IntN(9)},
		{roleBookedLater, 50 + g.r.IntN(21)},
		{roleCancelled, 15 + g.r.IntN(11)},
	}
	next := 0
	for _, c := range counts {
		for _, d := range order[next : next+c.n] {
			d.role = c.r
		}
		next += c.n
	}
	rooms := Rooms()
	g.r.Shuffle(len(rooms), func(i, j int) { rooms[i], rooms[j] = rooms[j], rooms[i] })
	for _, d := range ds {
		g.pastStays(d)
		if d.role == roleInHouse {
			g.inHouse(d, rooms[0])
			rooms = rooms[1:]
		}
	}
	for _, d := range ds {
		rooms = g.upcoming(d, rooms)
		g.created(d)
	}
}

// byPriority orders guests at random, but VIPs and top-tier guests come early so the demo
// house shows them: the front of the order becomes the in-house guests and arrivals.
func (g *gen) byPriority(ds []*draft) []*draft {
	type keyed struct {
		d   *draft
		key float64
	}
	ks := make([]keyed, len(ds))
	for i, d := range ds {
		ks[i] = keyed{d, g.exponential(priority(&d.p.Guest))}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	out := make([]*draft, len(ks))
	for i, k := range ks {
		out[i] = k.d
	}
	return out
}

func priority(gu *guests.Guest) float64 {
	w := 1.0
	if gu.VIP {
		w *= 5
	}
	switch gu.Tier {
	case guests.TierPlatinum:
		w *= 3
	case guests.TierGold:
		w *= 1.5
	}
	switch gu.CasinoTier {
	case guests.CasinoBlack:
		w *= 4
	case guests.CasinoPlatinum:
		w *= 2
	}
	return w
}

// pastCount is how many departed stays a guest has: loyalty tiers are earned by staying,
// and almost everyone on file has stayed at least once.
func (g *gen) pastCount(d *draft) int {
	switch d.p.Tier {
	case guests.TierPlatinum:
		return 2 + g.weightedInt(2, 3, 3, 2)
	case guests.TierGold:
		return 1 + g.weightedInt(3, 4, 3, 2)
	case guests.TierSilver:
		return g.weightedInt(4, 4, 2, 1)
	}
	if d.role != roleNone && d.role != roleCancelled && g.chance(0.5) {
		return 0 // a first-time guest
	}
	if d.role == roleNone && g.chance(0.08) {
		return 0 // on file from the casino or a booking that never came
	}
	return g.weightedInt(60, 25, 15)
}

// pastStays spreads departed stays over the last three years, one per equal slice of
// time, so a guest's stays never overlap.
func (g *gen) pastStays(d *draft) {
	n := g.pastCount(d)
	if n == 0 {
		return
	}
	slice := (pastWindow - pastGap) / n
	for i := range n {
		nights := min(g.nights(), slice-1)
		start := -pastWindow + i*slice + g.r.IntN(slice-nights)
		g.addStay(d, g.day(start), nights, g.one(g.rooms), guests.StayDeparted)
	}
}

// nights is a typical length of stay: mostly short business and weekend trips.
func (g *gen) nights() int { return g.weightedInt(22, 28, 20, 12, 8, 5, 5) }

func (g *gen) partySize() int { return g.weightedInt(40, 42, 11, 7) }

func (g *gen) addStay(d *draft, arrival time.Time, nights int, room string, st guests.StayStatus) {
	d.p.Stays = append(d.p.Stays, guests.Stay{
		Arrival: arrival, Departure: arrival.AddDate(0, 0, nights),
		Room: room, Status: st, PartySize: g.partySize(),
	})
}

// inHouse checks the guest in: arrived in the last six days, leaving today (still in the
// room until check-out) or within six days.
func (g *gen) inHouse(d *draft, room string) {
	arrived := -g.weightedInt(30, 25, 18, 12, 8, 7)
	leaves := g.weightedInt(16, 22, 20, 15, 12, 8, 7) - 1
	g.addStay(d, g.day(arrived), leaves-arrived, room, guests.StayInHouse)
}

// upcoming adds the guest's booked or cancelled stay and returns the rooms still free.
// Rooms are pre-assigned mostly for top-tier guests, as hotels do; a pre-assigned room is
// one nobody is in now, so no room is ever double-booked.
func (g *gen) upcoming(d *draft, free []string) []string {
	var offset int
	switch d.role {
	case roleArrivesToday:
		offset = 0
	case roleArrivesTomorrow:
		offset = 1
	case roleBookedLater:
		g.addStay(d, g.day(2+g.r.IntN(60)), g.nights(), "", guests.StayExpected)
		return free
	case roleCancelled:
		g.addStay(d, g.day(g.r.IntN(45)), g.nights(), "", guests.StayCancelled)
		return free
	default:
		return free
	}
	room, assign := "", 0.45
	if d.p.IsTopTier() {
		assign = 0.85
	}
	if len(free) > 0 && g.chance(assign) {
		room, free = free[0], free[1:]
	}
	g.addStay(d, g.day(offset), g.nights(), room, guests.StayExpected)
	return free
}

// created dates the profile a little before the guest's first stay or booking (when the
// booking was made), or some time ago for guests who never stayed.
func (g *gen) created(d *draft) {
	first := g.day(-30 - g.r.IntN(1000))
	if len(d.p.Stays) > 0 {
		first = earliestArrival(d.p.Stays)
		if first.After(g.today) {
			first = g.today // booked ahead: the booking, not the stay, made the profile
		}
		first = first.AddDate(0, 0, -1-g.r.IntN(60))
	}
	d.p.CreatedAt = g.moment(first.Add(7*time.Hour), first.Add(23*time.Hour))
}

func earliestArrival(ss []guests.Stay) time.Time {
	first := ss[0].Arrival
	for _, s := range ss[1:] {
		if s.Arrival.Before(first) {
			first = s.Arrival
		}
	}
	return first
}
