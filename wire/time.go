package wire

import (
	"errors"
	"sync"
	"time"

	"google.golang.org/protobuf/reflect/protoreflect"

	v1 "frontdesk/api/frontdesk/v1"
)

// Time is t as it travels: the instant and the zone it was read in.
func Time(t time.Time) *v1.Time {
	m := &v1.Time{}
	timeToMsg(t, m.ProtoReflect())
	return m
}

// GoTime is a travelled time back in its zone (see zoneFor).
func GoTime(m *v1.Time) time.Time {
	if m == nil {
		return time.Time{}
	}
	return timeFromMsg(m.ProtoReflect())
}

func timeToMsg(t time.Time, m protoreflect.Message) {
	pm := m.Interface().(*v1.Time)
	if t.IsZero() {
		pm.IsZero = true
		return
	}
	_, off := t.Zone()
	pm.UnixNanos, pm.Zone, pm.OffsetSeconds = t.UnixNano(), t.Location().String(), int32(off)
}

func timeFromMsg(m protoreflect.Message) time.Time {
	pm := m.Interface().(*v1.Time)
	if pm.IsZero || (pm.UnixNanos == 0 && pm.Zone == "") {
		return time.Time{}
	}
	t := time.Unix(0, pm.UnixNanos)
	return t.In(zoneFor(t, pm.Zone, int(pm.OffsetSeconds)))
}

var (
	zoneMu sync.Mutex
	zones  = map[string]*time.Location{} // by name; nil for a name this side does not know
)

// zoneFor is the zone a time read in zone name at offset off is shown in on this side:
// the named zone where this side knows it and it has the same offset at t (so days and
// shifts are counted across a change of summer time as the sender would), this side's
// own zone for a sender's "Local" with the same offset (a desk and its server are at one
// property), and a fixed offset otherwise (a test's pinned zone).
func zoneFor(t time.Time, name string, off int) *time.Location {
	switch name {
	case "UTC":
		if off == 0 {
			return time.UTC
		}
	case "Local":
		if _, o := t.In(time.Local).Zone(); o == off {
			return time.Local
		}
	case "":
	default:
		if loc, err := loadZone(name); err == nil {
			if _, o := t.In(loc).Zone(); o == off {
				return loc
			}
		}
	}
	return time.FixedZone(name, off)
}

var errUnknownZone = errors.New("unknown zone")

func loadZone(name string) (*time.Location, error) {
	zoneMu.Lock()
	defer zoneMu.Unlock()
	loc, ok := zones[name]
	if !ok {
		var err error
		if loc, err = time.LoadLocation(name); err != nil {
			loc = nil
		}
		zones[name] = loc
	}
	if loc == nil {
		return nil, errUnknownZone
	}
	return loc, nil
}
