// Package handover holds what a shift manager hands to the next one: the handover report
// (open and overdue requests, escalations, unhappy guests, call-backs, VIPs and alerts in
// house, the next shift's arrivals and occasions, items on loan, the logbook), the
// acknowledgement by the incoming manager, and the service measures that show whether the
// service is getting better. It renders the report as plain text, CSV and PDF. It imports
// no UI and no SQL driver; package sqlite implements Service.
package handover

import (
	"time"

	"frontdesk/guests"
	"frontdesk/loans"
	"frontdesk/property"
	"frontdesk/requests"
)

// SectionLimit is the most items a report section lists; its Total still counts all, so
// a resort with hundreds of VIPs in house gets a report that prints, not one that stalls.
const SectionLimit = 200

// ShiftRef is one shift of one roster day and when it runs.
type ShiftRef struct {
	Day        time.Time // the roster day (midnight, local): a night shift belongs to the day it starts
	Shift      property.Shift
	Start, End time.Time
}

// Section is a capped list: Items holds at most SectionLimit, Total counts every one.
type Section[T any] struct {
	Items []T
	Total int
}

// More is how many items the section leaves out.
func (s Section[T]) More() int { return s.Total - len(s.Items) }

// Report is the handover of one shift. Its lists are the requests, guests and loans as
// they stand at Now; the logbook, the arrivals and the acknowledgement belong to Shift.
type Report struct {
	Now         time.Time
	Shift       ShiftRef // the shift being handed over
	Next        ShiftRef // the incoming shift
	Manager     string   // the outgoing shift manager on the roster; empty when none
	NextManager string   // the incoming one
	Ack         *Ack     // this shift's acknowledgement, nil until the incoming manager gives it
	Counts      Counts
	Departments []DepartmentLoad // open requests by department and age, busiest first
	Open        Section[RequestLine]
	Escalated   Section[RequestLine]
	Complaints  Section[RequestLine]
	CallBacks   Section[RequestLine]
	InHouse     Section[GuestLine]
	Arrivals    Section[ArrivalLine]
	Occasions   Section[OccasionLine]
	Loans       Section[LoanLine]
	Logbook     Section[Note]
	Changes     Changes
}

// Counts are the headline numbers of a handover. An acknowledgement keeps the ones it saw,
// so the next handover can say what changed.
type Counts struct {
	Open         int // requests not closed or cancelled
	Overdue      int // open, not done and past the promised time
	Escalated    int // open and escalated at least once
	Complaints   int // open complaints and unhappy guests not yet recovered
	CallBacks    int // done by the department, the guest not yet asked
	InHouse      int // VIPs and guests with alerts in house
	Arrivals     int // arriving for the next shift
	Loans        int // items out
	LoansOverdue int // items out past the guest's departure
	Notes        int // logbook entries of the shift, pinned ones included
}

// Age buckets of open requests: under an hour, 1–4 hours, 4–24 hours, over a day.
var AgeLimits = [3]time.Duration{time.Hour, 4 * time.Hour, 24 * time.Hour}

// AgeBucket is the index into DepartmentLoad.Ages for a request open for age.
func AgeBucket(age time.Duration) int {
	for i, limit := range AgeLimits {
		if age < limit {
			return i
		}
	}
	return len(AgeLimits)
}

// DepartmentLoad is one department's open requests.
type DepartmentLoad struct {
	Code, Name string
	Open       int
	Overdue    int
	Ages       [4]int // by AgeBucket
}

// RequestLine is an open request as the handover lists it.
type RequestLine struct {
	requests.Summary
	Overdue bool // not done and past the promise at the report's Now
	New     bool // logged since the last acknowledged handover
}

// GuestLine is a VIP or a guest with an alert, in house.
type GuestLine struct {
	GuestID   string
	Name      string
	VIP       bool
	Tier      guests.Tier
	Casino    guests.CasinoTier
	Room      string
	Departure time.Time // a calendar date
	Alerts    []guests.Alert
}

// ArrivalLine is a guest expected on the next shift's date.
type ArrivalLine struct {
	GuestID   string
	Name      string
	VIP       bool
	Tier      guests.Tier
	Room      string // empty until assigned
	Arrival   time.Time
	Departure time.Time
	PartySize int
	Alerts    []guests.Alert
}

// OccasionLine is a birthday, anniversary or other occasion on the next shift's date of a
// guest in house or arriving.
type OccasionLine struct {
	guests.Occasion
	Name     string
	Room     string
	Arriving bool // arriving that day rather than in house
}

// LoanLine is an item out to a room.
type LoanLine struct {
	loans.Loan
	ItemName string
	Overdue  bool // past the guest's departure
}

// Changes is what happened since the last acknowledged handover.
type Changes struct {
	Since         *Ack // nil when no earlier handover was acknowledged
	NewRequests   int
	Closed        int
	Escalated     int
	NewComplaints int
	NotSatisfied  int // follow-ups where the guest said they were not satisfied
	Notes         int
	Lent          int
	Returned      int
}

// Ack is the incoming manager's acknowledgement of a shift's handover, with the numbers
// the report showed at that moment.
type Ack struct {
	ID     string
	Shift  ShiftRef
	ByID   string
	ByName string
	At     time.Time
	Note   string
	Counts Counts
}
