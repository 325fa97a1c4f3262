// Package demo generates the guest data of a believable demo property: about two thousand
// guests from the many countries an Indonesian hotel sees, with contact details, loyalty
// and casino standing, preferences, alerts, occasions and stays arranged around today, so a
// front-desk agent trying Frontdesk sees a house that looks like theirs.
//
// Generation is deterministic: the same seed and day always give the same profiles, so a
// demo, a screenshot or a failing test can be reproduced exactly.
package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"frontdesk/guests"
)

// Floors and rooms per floor of the demo property.
const (
	firstFloor    = 2
	lastFloor     = 13
	roomsPerFloor = 25
)

// pcgStream is fixed so that the seed alone decides the output.
const pcgStream = 0x6672_6f6e_7464_736b // "frontdsk"

// recorders record preferences and alerts; a small cast keeps the demo looking like one hotel.
var recorders = []string{"Dewi Lestari", "Agus Pratama", "Maria Santos", "Kenji Watanabe"}

// Generate returns deterministic demo profiles relative to today (a calendar date,
// midnight UTC) from seed. The profiles carry no IDs: storing them assigns those.
func Generate(today time.Time, seed int64) []guests.Profile {
	g := newGen(today, seed)
	ds := make([]*draft, 1950+g.r.IntN(101))
	for i := range ds {
		ds[i] = g.guest()
	}
	g.assignStays(ds)
	for _, d := range ds {
		g.extras(d)
	}
	g.occasionsSoon(ds)
	g.leapDayBirthday(ds)
	out := make([]guests.Profile, len(ds))
	for i, d := range ds {
		d.finish()
		out[i] = d.p
	}
	return out
}

// Rooms returns the property's room numbers: floors 2 to 13, rooms 01 to 25 on each.
func Rooms() []string {
	rooms := make([]string, 0, (lastFloor-firstFloor+1)*roomsPerFloor)
	for floor := firstFloor; floor <= lastFloor; floor++ {
		for n := 1; n <= roomsPerFloor; n++ {
			rooms = append(rooms, fmt.Sprintf("%d%02d", floor, n))
		}
	}
	return rooms
}

// gen holds the random source and what must stay unique across guests.
type gen struct {
	r       *rand.Rand
	today   time.Time
	emails  map[string]bool
	loyalty map[string]bool
	rooms   []string
}

func newGen(today time.Time, seed int64) *gen {
	y, m, d := today.Date()
	return &gen{
		r:       rand.New(rand.NewPCG(uint64(seed), pcgStream)),
		today:   time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
		emails:  map[string]bool{},
		loyalty: map[string]bool{},
		rooms:   Rooms(),
	}
}

// draft is a profile being built, with what the generator knows about the guest but the
// profile does not store.
type draft struct {
	p      guests.Profile
	c      *culture
	male   bool
	muslim bool // eats halal; drives food and prayer-mat preferences
	role   role
}

// finish puts the stays newest first, as guests.Profile promises, and dates the last
// change to the newest thing recorded.
func (d *draft) finish() {
	slices.SortStableFunc(d.p.Stays, func(a, b guests.Stay) int { return b.Arrival.Compare(a.Arrival) })
	d.p.UpdatedAt = d.p.CreatedAt
	for _, a := range d.p.Alerts {
		d.p.UpdatedAt = later(d.p.UpdatedAt, a.CreatedAt)
	}
	for _, pr := range d.p.Preferences {
		d.p.UpdatedAt = later(d.p.UpdatedAt, pr.RecordedAt)
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// choice is one weighted option.
type choice struct {
	v string
	w int
}

func (g *gen) pick(cs []choice) string {
	total := 0
	for _, c := range cs {
		total += c.w
	}
	n := g.r.IntN(total)
	for _, c := range cs {
		if n < c.w {
			return c.v
		}
		n -= c.w
	}
	return cs[len(cs)-1].v
}

func (g *gen) one(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// weightedInt picks 1..len(weights) with the given weights.
func (g *gen) weightedInt(weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := g.r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i + 1
		}
		n -= w
	}
	return len(weights)
}

func (g *gen) day(offset int) time.Time { return g.today.AddDate(0, 0, offset) }

// moment returns a time in [from, to), to the minute; from when the window is empty.
func (g *gen) moment(from, to time.Time) time.Time {
	minutes := int(to.Sub(from) / time.Minute)
	if minutes <= 0 {
		return from
	}
	return from.Add(time.Duration(g.r.IntN(minutes)) * time.Minute)
}

// recorded returns when staff plausibly wrote something about the guest: during one of
// their stays so far, or else between the profile's creation and today.
func (g *gen) recorded(d *draft) time.Time {
	type window struct{ from, to time.Time }
	ws := []window{{d.p.CreatedAt, g.today}}
	for _, s := range d.p.Stays {
		if s.Status == guests.StayCancelled || !s.Arrival.Before(g.today) {
			continue
		}
		to := s.Departure.Add(11 * time.Hour)
		if to.After(g.today) {
			to = g.today
		}
		ws = append(ws, window{s.Arrival.Add(14 * time.Hour), to})
	}
	w := ws[g.r.IntN(len(ws))]
	return g.moment(w.from, w.to)
}

// exponential returns a waiting time for weighted sampling without replacement: sorting
// by it draws items with probability proportional to w.
func (g *gen) exponential(w float64) float64 {
	return -math.Log(1-g.r.Float64()) / w
}
