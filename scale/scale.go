// Package scale generates the data of a large casino resort for load tests and
// benchmarks: up to millions of guest profiles from many cultures and scripts, with
// contact details, tiers, preferences, alerts, occasions and years of stays in a few
// thousand rooms, and millions of requests that went through the real request lifecycle
// (acknowledged, started, done, followed up, escalated, cancelled, reopened, recovered).
//
// Generation is deterministic: the same Config gives the same data, byte for byte.
// Guests are drawn from independent per-guest random streams, so a guest's profile
// depends only on the seed and its number; requests come from one stream, in order.
// Nothing is kept in memory per guest beyond a few bytes, so a million profiles stream
// through in batches.
package scale

import (
	"math"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"
)

// Config says how much to generate and around which moment.
type Config struct {
	Guests   int
	Requests int
	Seed     int64
	Now      time.Time // the moment "today" and "open requests" are relative to
}

// HistoryYears is how far back stays and requests go.
const HistoryYears = 3

// Rooms per guest profile: a resort with a million profiles has about five thousand
// rooms. The room count stays within what a room import accepts.
const (
	guestsPerRoom = 200
	minRooms      = 20
	maxRooms      = 5000
)

// Stream tags keep the random streams of different kinds of thing apart.
const (
	tagGuest uint64 = iota + 1
	tagGuestID
	tagHouse
	tagRequests
	tagStaff
)

// rng is a reusable random source that can be re-seeded cheaply for each item.
type rng struct {
	pcg *rand.PCG
	*rand.Rand
}

func newRNG(seed int64, tag, item uint64) *rng {
	p := rand.NewPCG(0, 0)
	r := &rng{pcg: p, Rand: rand.New(p)}
	r.reseed(seed, tag, item)
	return r
}

// reseed points the source at the stream of one item: the seed, the kind of thing and
// its number decide every value drawn from it.
func (r *rng) reseed(seed int64, tag, item uint64) {
	r.pcg.Seed(uint64(seed)^tag*0x9E3779B97F4A7C15, item*0xBF58476D1CE4E5B9+tag)
}

func (r *rng) chance(p float64) bool { return r.Float64() < p }

func (r *rng) one(list []string) string { return list[r.IntN(len(list))] }

// choice is one weighted option.
type choice struct {
	v string
	w int
}

func (r *rng) pick(cs []choice) string {
	total := 0
	for _, c := range cs {
		total += c.w
	}
	n := r.IntN(total)
	for _, c := range cs {
		if n < c.w {
			return c.v
		}
		n -= c.w
	}
	return cs[len(cs)-1].v
}

// weighted picks 0..len(weights)-1 with the given weights.
func (r *rng) weighted(weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// minutes returns a duration of about median minutes, skewed long the way service
// times are (log-normal, spread 0.6).
func (r *rng) minutes(median float64) time.Duration {
	m := median * expApprox(r.NormFloat64()*0.6)
	return time.Duration(m * float64(time.Minute))
}

// expApprox is exp(x) with x clamped, so no timing is absurdly short or long.
func expApprox(x float64) float64 { return math.Exp(min(max(x, -3), 3)) }

// newUUID draws a version 4 UUID from r.
func newUUID(r *rng) string {
	var u uuid.UUID
	a, b := r.Uint64(), r.Uint64()
	for i := range 8 {
		u[i], u[8+i] = byte(a>>(8*i)), byte(b>>(8*i))
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u.String()
}

// dayStart is midnight UTC of t's calendar day.
func dayStart(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
