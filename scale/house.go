package scale

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"frontdesk/guests"
	"frontdesk/property"
)

// slot is one stay in one room, planned room by room so that no two stays share a room
// on the same night; guests are then drawn for the slots.
type slot struct {
	guest   int32
	arrival int32 // days after today (negative in the past)
	room    uint16
	nights  uint8
	party   uint8
	status  uint8 // index into stayStatuses
	noRoom  bool  // a booking without a room assigned yet
}

var stayStatuses = []guests.StayStatus{guests.StayExpected, guests.StayInHouse, guests.StayDeparted, guests.StayCancelled}

const (
	stExpected = iota
	stInHouse
	stDeparted
	stCancelled
)

// Booking horizon: stays are planned from HistoryYears ago to this many days ahead.
const horizonDays = 90

// roomCount is how many rooms a property with n guest profiles has.
func roomCount(n int) int { return min(max(n/guestsPerRoom, minRooms), maxRooms) }

// planRooms lays out the property: floors from 3 up, the same number of rooms on each.
func planRooms(n int) []property.Room {
	perFloor := min(max(n/20, 10), 80)
	floors := (n + perFloor - 1) / perFloor
	premierFrom := 3 + floors - max(floors/6, 1)
	rooms := make([]property.Room, 0, n)
	for i := range n {
		floor, pos := 3+i/perFloor, 1+i%perFloor
		r := property.Room{Number: fmt.Sprintf("%d%02d", floor, pos), Floor: floor, Status: property.RoomVacant}
		top := floor >= premierFrom
		switch {
		case top && pos <= 2:
			r.Type = "Premier Suite"
		case pos == perFloor:
			r.Type = "Junior Suite"
		case pos == 5 && floor <= 5:
			r.Type = "Accessible King"
			r.Features = []property.RoomFeature{property.FeatureAccessible}
		case top:
			r.Type = "Premier King"
		case pos%2 == 1:
			r.Type = "Deluxe King"
		default:
			r.Type = "Deluxe Twin"
		}
		if pos == 10 || pos == 11 {
			r.Features = append(r.Features, property.FeatureConnecting)
		}
		rooms = append(rooms, r)
	}
	return rooms
}

// planStays walks each room's calendar from HistoryYears ago to the booking horizon,
// one stay after another with short gaps (about 80% occupancy), and sets each stay's
// status from where it falls around today.
func planStays(seed int64, rooms []property.Room) []slot {
	var out []slot
	r := newRNG(seed, tagHouse, 0)
	first, last := -HistoryYears*365, horizonDays
	for ri := range rooms {
		r.reseed(seed, tagHouse, uint64(ri)+1)
		day := first - r.IntN(7)
		for {
			day += []int{0, 0, 0, 0, 0, 1, 1, 1, 2, 3}[r.IntN(10)]
			nights := []int{1, 2, 3, 4, 5, 6, 7, 10, 14}[r.weighted(22, 25, 20, 12, 8, 4, 4, 3, 2)]
			if day > last {
				break
			}
			// Later bookings are sparser: most rooms are sold in the last weeks.
			if day > 1 && r.Float64() > 1-float64(day)/float64(horizonDays+10) {
				day += nights
				continue
			}
			s := slot{arrival: int32(day), room: uint16(ri), nights: uint8(nights), party: uint8(1 + r.weighted(45, 35, 12, 8))}
			s.status, s.noRoom = stayStatus(r, day, nights)
			out = append(out, s)
			day += nights
		}
	}
	return out
}

func stayStatus(r *rng, arrival, nights int) (status uint8, noRoom bool) {
	departure := arrival + nights
	switch {
	case departure < 0 || departure == 0 && r.chance(0.5):
		if r.chance(0.03) {
			return stCancelled, false
		}
		return stDeparted, false
	case arrival < 0 || arrival == 0 && r.chance(0.55):
		return stInHouse, false
	case r.chance(0.04):
		return stCancelled, true
	}
	return stExpected, arrival > 1 || r.chance(0.4)
}

// assignGuests draws a guest for every stay, loyal members and players more often, and
// indexes the stays by guest.
func (g *Generator) assignGuests() {
	n := g.cfg.Guests
	cum := make([]float64, n)
	r := newRNG(g.cfg.Seed, tagGuest, 0)
	total := 0.0
	for i := range n {
		r.reseed(g.cfg.Seed, tagGuest, uint64(i))
		total += r.standing().weight()
		cum[i] = total
	}
	r.reseed(g.cfg.Seed, tagHouse, 1<<40)
	g.offsets = make([]int32, n+1)
	for k := range g.slots {
		i := sort.SearchFloat64s(cum, r.Float64()*total)
		g.slots[k].guest = int32(min(i, n-1))
		g.offsets[g.slots[k].guest+1]++
	}
	for i := range n {
		g.offsets[i+1] += g.offsets[i]
	}
	g.byGuest = make([]int32, len(g.slots))
	next := slices.Clone(g.offsets[:n])
	for k := range g.slots {
		i := g.slots[k].guest
		g.byGuest[next[i]] = int32(k)
		next[i]++
	}
}

// markOccupied sets the rooms of in-house stays occupied and puts a few empty rooms out
// of order.
func (g *Generator) markOccupied() {
	for _, s := range g.slots {
		if s.status == stInHouse {
			g.rooms[s.room].Status = property.RoomOccupied
		}
	}
	for i := 7; i < len(g.rooms); i += 211 {
		if g.rooms[i].Status == property.RoomVacant {
			g.rooms[i].Status = property.RoomOutOfOrder
		}
	}
}

// stay turns a slot into the stay it stands for.
func (g *Generator) stay(k int32, guestID, id string) guests.Stay {
	s := g.slots[k]
	st := guests.Stay{
		ID: id, GuestID: guestID, Arrival: g.today.AddDate(0, 0, int(s.arrival)),
		Room: g.rooms[s.room].Number, Status: stayStatuses[s.status], PartySize: int(s.party),
	}
	st.Departure = st.Arrival.AddDate(0, 0, int(s.nights))
	if s.noRoom {
		st.Room = ""
	}
	return st
}

// stayWindow is when a guest could have asked for something during a stay: from
// check-in at 14:00 to check-out at 12:00, and not after now.
func (g *Generator) stayWindow(s slot) (from, to time.Time) {
	arr := g.today.AddDate(0, 0, int(s.arrival))
	from = arr.Add(14 * time.Hour)
	to = arr.AddDate(0, 0, int(s.nights)).Add(12 * time.Hour)
	if to.After(g.cfg.Now) {
		to = g.cfg.Now
	}
	return from, to
}
