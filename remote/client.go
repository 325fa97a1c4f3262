// Package remote is a desk's services served by a Frontdesk server: every service of
// package services, called over the API (TLS, Connect) with the desk's credential and the
// session of whoever signed in at it. The screens cannot tell it from the store on a PC
// of its own: the same values, the same typed errors in the reader's language.
package remote

import (
	"sync"

	"frontdesk/api/frontdesk/v1/frontdeskv1connect"
)

// Client calls a Frontdesk server.
type Client struct {
	desk       frontdeskv1connect.DeskServiceClient
	guests     frontdeskv1connect.GuestServiceClient
	privacy    frontdeskv1connect.PrivacyServiceClient
	transfer   frontdeskv1connect.TransferServiceClient
	staff      frontdeskv1connect.StaffServiceClient
	standards  frontdeskv1connect.StandardsServiceClient
	loans      frontdeskv1connect.LoanServiceClient
	rooms      frontdeskv1connect.RoomServiceClient
	roster     frontdeskv1connect.RosterServiceClient
	audit      frontdeskv1connect.AuditServiceClient
	escalation frontdeskv1connect.EscalationServiceClient
	requests   frontdeskv1connect.RequestServiceClient
	today      frontdeskv1connect.TodayServiceClient
	handover   frontdeskv1connect.HandoverServiceClient
	changes    frontdeskv1connect.ChangeServiceClient

	cred   Credential
	region string // the server's phone region, from Hello

	link    link
	mu      sync.Mutex
	session string // the token of whoever signed in at this desk; empty before
}
