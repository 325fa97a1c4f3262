// Package services names the domain services a desk works with, as one value. The
// window, the command line and the API server all take a Services; two implementations
// fill it: the SQLite store on this PC (package sqlite) and a client of a Frontdesk
// server (package remote).
package services

import (
	"context"
	"time"

	"frontdesk/anticipation"
	"frontdesk/audit"
	"frontdesk/desks"
	"frontdesk/escalation"
	"frontdesk/guests"
	"frontdesk/handover"
	"frontdesk/loans"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// Services are the domain services the desk works with.
type Services struct {
	Guests     guests.Service
	Privacy    guests.Privacy  // a guest's data exported or erased; nil hides the buttons
	Transfer   guests.Transfer // guest import and export; nil disables them
	Staff      staff.Service
	Standards  standards.Service
	Loans      loans.Service
	Rooms      property.RoomService
	Audit      audit.Service
	Escalation escalation.Service
	Roster     property.RosterService
	Requests   requests.Service
	Notices    requests.Notifier // each change of a person's requests told once
	Today      anticipation.Service
	PrepRules  anticipation.PrepRuleService // how arrivals are prepared (Resources)
	Handover   handover.Service
	Feed       audit.Feed // the change feed: what other desks (and the clock) changed

	// A desk of a Frontdesk server has these two; a PC on its own has neither.
	Link  Link      // the connection to the server, shown on the header
	Desks DeskAdmin // pairing and revoking desks (administrators)
}

// Link is a desk's connection to its Frontdesk server.
type Link interface {
	// Server is the server's address, as the header shows it.
	Server() string
	// Watch calls fn at every change of the connection (true: the server answers), from
	// any goroutine.
	Watch(fn func(connected bool))
}

// DeskAdmin pairs desks with the server and revokes them.
type DeskAdmin interface {
	CreatePairingCode(ctx context.Context) (code string, expires time.Time, err error)
	ListDesks(ctx context.Context) ([]desks.Desk, error)
	RevokeDesk(ctx context.Context, deskID string) error
	// Fingerprint is the server certificate's, which a new desk compares when it pairs.
	Fingerprint() string
}

// All is one value that implements every service (the store, the API client).
type All interface {
	guests.Service
	guests.Privacy
	guests.Transfer
	staff.Service
	standards.Service
	loans.Service
	property.RoomService
	audit.Service
	escalation.Service
	property.RosterService
	requests.Service
	requests.Notifier
	anticipation.Service
	anticipation.PrepRuleService
	handover.Service
	audit.Feed
}

// Of fills every service from one implementation of all of them.
func Of(a All) Services {
	return Services{Guests: a, Privacy: a, Transfer: a, Staff: a, Standards: a, Loans: a, Rooms: a, Audit: a,
		Escalation: a, Roster: a, Requests: a, Notices: a, Today: a, PrepRules: a, Handover: a, Feed: a}
}
