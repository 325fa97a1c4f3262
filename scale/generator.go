package scale

import (
	"iter"
	"slices"
	"time"

	"frontdesk/guests"
	"frontdesk/property"
)

// Generator produces one property's data. Build it with New; it is not safe for
// concurrent use.
type Generator struct {
	cfg     Config
	today   time.Time // midnight UTC of cfg.Now
	rooms   []property.Room
	slots   []slot
	offsets []int32 // guest i's stays are byGuest[offsets[i]:offsets[i+1]]
	byGuest []int32
	phones  *phonePlans
}

// New plans the property: its rooms, every stay over the years in them, and which guest
// made each stay. The profiles themselves are built as they are asked for.
func New(cfg Config) *Generator {
	cfg.Guests, cfg.Requests = max(cfg.Guests, 1), max(cfg.Requests, 0)
	if cfg.Now.IsZero() {
		cfg.Now = time.Now()
	}
	cfg.Now = cfg.Now.UTC().Truncate(time.Minute)
	g := &Generator{cfg: cfg, today: dayStart(cfg.Now), phones: newPhonePlans()}
	g.rooms = planRooms(roomCount(cfg.Guests))
	g.slots = planStays(cfg.Seed, g.rooms)
	g.assignGuests()
	g.markOccupied()
	return g
}

// Config returns the configuration, with defaults applied.
func (g *Generator) Config() Config { return g.cfg }

// Rooms returns the property's rooms; the rooms of in-house guests are occupied.
func (g *Generator) Rooms() []property.Room { return slices.Clone(g.rooms) }

// Stays is how many stays the profiles hold in all.
func (g *Generator) Stays() int { return len(g.slots) }

// GuestID is the ID of guest i (0 ≤ i < Guests).
func (g *Generator) GuestID(i int) string { return g.guestID(newRNG(0, 0, 0), i) }

// guestID is GuestID drawing from ids, a source the caller owns.
func (g *Generator) guestID(ids *rng, i int) string {
	ids.reseed(g.cfg.Seed, tagGuestID, uint64(i))
	return newUUID(ids)
}

// Guests yields every profile, in order, batch profiles at a time. The slices are
// fresh for each batch, so a consumer may keep them.
func (g *Generator) Guests(batch int) iter.Seq[[]guests.Profile] {
	batch = max(batch, 1)
	return func(yield func([]guests.Profile) bool) {
		r, ids := newRNG(g.cfg.Seed, tagGuest, 0), newRNG(0, 0, 0)
		for from := 0; from < g.cfg.Guests; from += batch {
			out := make([]guests.Profile, min(batch, g.cfg.Guests-from))
			for k := range out {
				g.profile(r, ids, from+k, &out[k])
			}
			if !yield(out) {
				return
			}
		}
	}
}

// Profile returns guest i's profile, the same one Guests yields.
func (g *Generator) Profile(i int) guests.Profile {
	var p guests.Profile
	g.profile(newRNG(0, 0, 0), newRNG(0, 0, 0), i, &p)
	return p
}

func (g *Generator) profile(r, ids *rng, i int, p *guests.Profile) {
	r.reseed(g.cfg.Seed, tagGuest, uint64(i))
	st := r.standing()
	p.ID = g.guestID(ids, i)
	who := g.identity(r, i, &p.Guest, st)
	for _, k := range g.byGuest[g.offsets[i]:g.offsets[i+1]] {
		p.Stays = append(p.Stays, g.stay(k, p.ID, newUUID(r)))
	}
	slices.SortFunc(p.Stays, func(a, b guests.Stay) int { return b.Arrival.Compare(a.Arrival) })
	var first time.Time
	if n := len(p.Stays); n > 0 {
		first = p.Stays[n-1].Arrival
	}
	p.CreatedAt = g.created(r, first)
	g.extras(r, p, who)
	p.UpdatedAt = p.CreatedAt
	for _, a := range p.Alerts {
		p.UpdatedAt = later(p.UpdatedAt, a.CreatedAt)
	}
	for _, pr := range p.Preferences {
		p.UpdatedAt = later(p.UpdatedAt, pr.RecordedAt)
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// extras adds preferences, alerts, occasions and a note to some profiles.
func (g *Generator) extras(r *rng, p *guests.Profile, who person) {
	if r.chance(0.35) {
		for _, cat := range pickDistinct(r, guests.PreferenceCategories, 1+r.weighted(55, 33, 12)) {
			if cat == guests.PrefCasino && p.CasinoTier == guests.CasinoNone {
				continue
			}
			p.Preferences = append(p.Preferences, guests.Preference{ID: newUUID(r), GuestID: p.ID, Category: cat,
				Text: r.one(prefTexts[cat]), RecordedBy: r.one(deskNames), RecordedAt: g.recorded(r, p)})
		}
	}
	if r.chance(0.06) {
		kind := guests.AlertKinds[r.weighted(38, 15, 25, 14, 3, 5)]
		p.Alerts = append(p.Alerts, guests.Alert{ID: newUUID(r), GuestID: p.ID, Kind: kind,
			Text: r.one(alertTexts[kind]), CreatedBy: r.one(deskNames), CreatedAt: g.recorded(r, p)})
	}
	if r.chance(0.25) {
		for _, kind := range pickDistinct(r, guests.OccasionKinds, 1+r.weighted(80, 20)) {
			p.Occasions = append(p.Occasions, g.occasion(r, p.ID, kind))
		}
	}
	if r.chance(0.05) {
		p.Notes = r.one(noteTexts)
		if who.c.indonesian && who.male && p.GivenName != "" && r.chance(0.3) {
			p.Notes = "Prefers to be addressed as Pak " + p.GivenName
		}
	}
}

// pickDistinct draws n different elements of list.
func pickDistinct[T any](r *rng, list []T, n int) []T {
	idx := r.Perm(len(list))[:min(n, len(list))]
	out := make([]T, len(idx))
	for i, k := range idx {
		out[i] = list[k]
	}
	return out
}

func (g *Generator) occasion(r *rng, guestID string, kind guests.OccasionKind) guests.Occasion {
	day := time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(366)) // a leap year
	o := guests.Occasion{ID: newUUID(r), GuestID: guestID, Kind: kind, Month: day.Month(), Day: day.Day()}
	switch {
	case kind == guests.OccasionCustom || r.chance(0.15):
		o.Label = r.one(occasionLabels[kind])
	case kind == guests.OccasionBirthday && r.chance(0.5):
		o.Year = 1945 + r.IntN(60)
	case kind == guests.OccasionAnniversary && r.chance(0.6):
		o.Year = 1975 + r.IntN(g.today.Year()-1975)
	}
	if o.Month == time.February && o.Day == 29 {
		o.Year -= o.Year % 4 // a 29 February needs a leap year; 0 stays unknown
	}
	return o
}

// recorded is when staff plausibly wrote something about the guest: during one of their
// stays so far, or else between the profile's creation and today.
func (g *Generator) recorded(r *rng, p *guests.Profile) time.Time {
	from, to := p.CreatedAt, g.cfg.Now
	for _, s := range p.Stays {
		if s.Status == guests.StayDeparted || s.Status == guests.StayInHouse {
			if r.chance(0.7) {
				from, to = s.Arrival.Add(14*time.Hour), later(s.Arrival.Add(15*time.Hour), s.Departure.Add(11*time.Hour))
			}
			break
		}
	}
	if to.After(g.cfg.Now) {
		to = g.cfg.Now
	}
	if !to.After(from) {
		return from
	}
	return from.Add(time.Duration(r.Int64N(int64(to.Sub(from)))))
}
