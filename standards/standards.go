package standards

import (
	"fmt"
	"time"

	"frontdesk/errs"
)

// Department is a team that fulfils requests, with the hours it serves.
type Department struct {
	Code          string // stable key, e.g. "housekeeping"
	Name          string
	OnDutyContact string // who to call now: a name or an extension
	Hours         ServiceHours
}

// ServiceHours is a daily window in the property's local time, in minutes after
// midnight. Open == Close means around the clock; Open > Close runs across midnight.
type ServiceHours struct {
	Open, Close int
}

// AllDay reports whether the department serves around the clock.
func (h ServiceHours) AllDay() bool { return h.Open == h.Close }

// IsOpen reports whether t (local time) falls inside the hours.
func (h ServiceHours) IsOpen(t time.Time) bool {
	if h.AllDay() {
		return true
	}
	m := t.Hour()*60 + t.Minute()
	if h.Open < h.Close {
		return m >= h.Open && m < h.Close
	}
	return m >= h.Open || m < h.Close
}

// NextOpen returns t itself when open, else the next moment the hours begin.
func (h ServiceHours) NextOpen(t time.Time) time.Time {
	if h.IsOpen(t) {
		return t
	}
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
	open := day.Add(time.Duration(h.Open) * time.Minute)
	if !open.After(t) {
		open = open.AddDate(0, 0, 1)
	}
	return open
}

// String is "06:00–23:00", or "24 h".
func (h ServiceHours) String() string {
	if h.AllDay() {
		return "24 h"
	}
	return fmt.Sprintf("%02d:%02d–%02d:%02d", h.Open/60, h.Open%60, h.Close/60, h.Close%60)
}

// Category is a kind of request with its service standard: the department that
// serves it and how soon the guest is promised it.
type Category struct {
	Code           string
	Name           string
	Department     string        // default department code
	Promise        time.Duration // standard promise; unused when GuestNamesTime
	TopTierPromise time.Duration // tighter promise for VIP and top tiers; 0 = same
	GuestNamesTime bool          // wake-up calls, transport: the guest says when
	Complaint      bool          // a complaint: acknowledged fast, escalates sooner
	Words          []string      // search words in any language the desk uses: "ac", "handuk"
}

// Promise is the time the agent tells the guest.
type Promise struct {
	Due     time.Time
	Delayed bool // the department is closed now; Due is the earliest it can be met
}

// PromiseFor computes the promised time for a request of category c served by d,
// logged at now (local time). topTier tightens the promise; guestTime is the time the
// guest named, for categories that take one.
func PromiseFor(c Category, d Department, now time.Time, topTier bool, guestTime time.Time) (Promise, error) {
	if c.GuestNamesTime {
		return guestNamedPromise(d, now, guestTime)
	}
	wait := c.Promise
	if topTier && c.TopTierPromise > 0 && c.TopTierPromise < wait {
		wait = c.TopTierPromise
	}
	start := d.Hours.NextOpen(now)
	return Promise{Due: start.Add(wait), Delayed: !start.Equal(now)}, nil
}

// MaxGuestTimeAhead is how far ahead a guest may name a time: further is a typing slip.
const MaxGuestTimeAhead = 366 * 24 * time.Hour

func guestNamedPromise(d Department, now, guestTime time.Time) (Promise, error) {
	switch {
	case guestTime.IsZero():
		return Promise{}, errs.FieldError("promised_at", "Enter the time the guest asked for.", nil)
	case !guestTime.After(now):
		return Promise{}, errs.FieldError("promised_at", "The time the guest asked for has already passed.", nil)
	case guestTime.After(now.Add(MaxGuestTimeAhead)):
		return Promise{}, errs.FieldError("promised_at", "The time the guest asked for is more than a year away; check the date.", nil)
	case !d.Hours.IsOpen(guestTime):
		return Promise{}, errs.FieldError("promised_at", "{{.Department}} serves {{.Hours}} only; offer the guest a time inside those hours.",
			map[string]any{"Department": d.Name, "Hours": d.Hours.String()})
	}
	return Promise{Due: guestTime}, nil
}

// CategoryRecovery is where an unhappy guest's follow-up opens a recovery for the
// manager on shift (sqlite/migrations/0004_requests.sql adds it to older databases).
const CategoryRecovery = "service_recovery"

// CategoryArrivalPrep is where preparation tasks for arrivals are logged, each with its
// own department and due time (sqlite/migrations/0007_anticipation.sql adds it to older
// databases).
const CategoryArrivalPrep = "arrival_prep"

// Department codes of the defaults.
const (
	DeptFrontDesk    = "front_desk"
	DeptConcierge    = "concierge"
	DeptHousekeeping = "housekeeping"
	DeptMaintenance  = "maintenance"
	DeptFood         = "food_beverage"
	DeptTransport    = "bell_transport"
	DeptCasinoHost   = "casino_host"
	DeptSecurity     = "security"
	DeptManagement   = "management"
)

func hours(open, close int) ServiceHours { return ServiceHours{Open: open * 60, Close: close * 60} }

// DefaultDepartments is the set a new property starts with; every one is editable.
func DefaultDepartments() []Department {
	return []Department{
		{Code: DeptFrontDesk, Name: "Front desk"},
		{Code: DeptConcierge, Name: "Concierge", Hours: hours(7, 23)},
		{Code: DeptHousekeeping, Name: "Housekeeping", Hours: hours(6, 23)},
		{Code: DeptMaintenance, Name: "Maintenance & engineering"},
		{Code: DeptFood, Name: "Food & beverage / room service"},
		{Code: DeptTransport, Name: "Bell & transport", Hours: hours(5, 24)},
		{Code: DeptCasinoHost, Name: "Casino host"},
		{Code: DeptSecurity, Name: "Security"},
		{Code: DeptManagement, Name: "Management"},
	}
}

// DefaultCategories are the service standards a new property starts with.
func DefaultCategories() []Category {
	m := time.Minute
	return []Category{
		{Code: "towels", Name: "Extra towels", Department: DeptHousekeeping, Promise: 15 * m, TopTierPromise: 10 * m,
			Words: []string{"towel", "bath towel", "handuk", "handuk mandi"}},
		{Code: "amenities", Name: "Amenities", Department: DeptHousekeeping, Promise: 20 * m, TopTierPromise: 10 * m,
			Words: []string{"toiletries", "shampoo", "soap", "toothbrush", "slippers", "sabun", "sikat gigi", "sandal", "perlengkapan mandi"}},
		{Code: "housekeeping", Name: "Housekeeping", Department: DeptHousekeeping, Promise: 45 * m, TopTierPromise: 30 * m,
			Words: []string{"cleaning", "clean room", "turndown", "sheets", "pillow", "blanket", "kebersihan", "bersihkan kamar", "sprei", "bantal", "selimut"}},
		{Code: "maintenance", Name: "Maintenance", Department: DeptMaintenance, Promise: 30 * m, TopTierPromise: 15 * m,
			Words: []string{"ac", "a/c", "air conditioning", "aircon", "air con", "repair", "broken", "leak", "light", "tv",
				"shower", "hot water", "toilet", "rusak", "perbaikan", "bocor", "lampu", "air panas", "pendingin ruangan"}},
		{Code: "room_service", Name: "Room service", Department: DeptFood, Promise: 35 * m, TopTierPromise: 25 * m,
			Words: []string{"food", "drink", "breakfast", "order", "makanan", "minuman", "sarapan", "pesan makanan"}},
		{Code: "wake_up", Name: "Wake-up call", Department: DeptFrontDesk, GuestNamesTime: true,
			Words: []string{"alarm", "morning call", "bangunkan", "telepon bangun"}},
		{Code: "transport", Name: "Transport", Department: DeptTransport, GuestNamesTime: true,
			Words: []string{"taxi", "airport", "car", "shuttle", "limousine", "taksi", "bandara", "mobil", "antar jemput"}},
		{Code: "restaurant", Name: "Restaurant booking", Department: DeptConcierge, Promise: 30 * m, TopTierPromise: 15 * m,
			Words: []string{"dinner", "table", "reservation", "reservasi", "pesan meja", "makan malam"}},
		{Code: "luggage", Name: "Luggage", Department: DeptTransport, Promise: 10 * m, TopTierPromise: 5 * m,
			Words: []string{"bags", "baggage", "suitcase", "porter", "koper", "bagasi", "barang bawaan"}},
		{Code: "complaint", Name: "Complaint", Department: DeptFrontDesk, Promise: 10 * m, TopTierPromise: 5 * m, Complaint: true,
			Words: []string{"unhappy", "noise", "keluhan", "komplain", "berisik"}},
		{Code: "lost_found", Name: "Lost & found", Department: DeptSecurity, Promise: 60 * m, TopTierPromise: 30 * m,
			Words: []string{"lost", "forgotten", "left behind", "barang hilang", "ketinggalan"}},
		{Code: "casino_host", Name: "Casino host", Department: DeptCasinoHost, Promise: 15 * m, TopTierPromise: 5 * m,
			Words: []string{"chips", "player", "kasino"}},
		{Code: "other", Name: "Other", Department: DeptFrontDesk, Promise: 30 * m, TopTierPromise: 15 * m,
			Words: []string{"lainnya"}},
		{Code: CategoryArrivalPrep, Name: "Arrival preparation", Department: DeptFrontDesk, GuestNamesTime: true},
		{Code: CategoryRecovery, Name: "Service recovery", Department: DeptManagement, Promise: 15 * m, TopTierPromise: 10 * m, Complaint: true},
	}
}
