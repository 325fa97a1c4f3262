package demo

import (
	"fmt"
	"time"

	"frontdesk/property"
)

// The demo property's room layout: which position on a floor is which kind of room.
const (
	topFloorsFrom     = 11 // floors 11 to 13 are the premier floors
	accessiblePos     = 5  // x05 on floors 2 to 4 is accessible
	accessibleUpTo    = 4
	smokingFloor      = 13 // x20 to x25 on this floor allow smoking
	smokingFrom       = 20
	connectingA       = 10 // x10 and x11 connect on every floor
	connectingB       = 11
	renovatedRoom     = "714" // out of order for a long refurbishment
	juniorSuitePos    = 25    // the corner room of each floor below the premier floors
	premierSuiteUntil = 2     // x01 and x02 on the premier floors are suites
)

// RoomList returns the demo property's rooms, one for each of Rooms(), in that order:
// floor from the number, type by position on the floor, some accessible, connecting and
// smoking rooms, and two out of order: one being refurbished and one, changing with
// today, waiting for maintenance. Every other room is vacant; the caller marks the
// occupied ones from the stays.
func RoomList(today time.Time) []property.Room {
	numbers := Rooms()
	// The room waiting for maintenance moves from day to day, never onto the refurbished one.
	days := int(today.Unix() / 86400)
	broken := numbers[(days*37%len(numbers)+len(numbers))%len(numbers)]
	if broken == renovatedRoom {
		broken = numbers[0]
	}
	rooms := make([]property.Room, 0, len(numbers))
	for floor := firstFloor; floor <= lastFloor; floor++ {
		for pos := 1; pos <= roomsPerFloor; pos++ {
			r := demoRoom(floor, pos)
			if r.Number == renovatedRoom || r.Number == broken {
				r.Status = property.RoomOutOfOrder
			}
			rooms = append(rooms, r)
		}
	}
	return rooms
}

// demoRoom is the room at pos on floor, vacant.
func demoRoom(floor, pos int) property.Room {
	r := property.Room{Number: fmt.Sprintf("%d%02d", floor, pos), Floor: floor, Status: property.RoomVacant}
	top := floor >= topFloorsFrom
	switch {
	case top && pos <= premierSuiteUntil:
		r.Type = "Premier Suite"
	case !top && pos == juniorSuitePos:
		r.Type = "Junior Suite"
	case pos == accessiblePos && floor <= accessibleUpTo:
		r.Type = "Accessible King"
		r.Features = append(r.Features, property.FeatureAccessible)
	case top && pos%2 == 1:
		r.Type = "Premier King"
	case top:
		r.Type = "Premier Twin"
	case pos%2 == 1:
		r.Type = "Deluxe King"
	default:
		r.Type = "Deluxe Twin"
	}
	if pos == connectingA || pos == connectingB {
		r.Features = append(r.Features, property.FeatureConnecting)
	}
	if floor == smokingFloor && pos >= smokingFrom {
		r.Features = append(r.Features, property.FeatureSmoking)
	}
	return r
}
