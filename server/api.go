package server

import (
	"net/http"

	"connectrpc.com/connect"

	"frontdesk/api/frontdesk/v1/frontdeskv1connect"
	"frontdesk/services"
)

// api serves every service of the schema from the property's services. The actor of
// each call is in its context, put there by the server from the call's session (see
// auth.go), never read from the message; the services check roles and write the audit
// log as they do at a desk of its own.
//
// It implements every handler itself (no Unimplemented* fallbacks), so an RPC added to
// the schema without its method does not compile.
type api struct {
	svc    services.Services
	region string // the country of phone numbers typed without a country code
}

// mount adds every service's handler to mux, each with opts (the interceptors).
func (a *api) mount(mux *http.ServeMux, opts ...connect.HandlerOption) {
	for _, h := range []func() (string, http.Handler){
		func() (string, http.Handler) { return frontdeskv1connect.NewGuestServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewPrivacyServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewTransferServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewStaffServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewStandardsServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewLoanServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewRoomServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewRosterServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewAuditServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewEscalationServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewRequestServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewTodayServiceHandler(a, opts...) },
		func() (string, http.Handler) { return frontdeskv1connect.NewHandoverServiceHandler(a, opts...) },
	} {
		path, handler := h()
		mux.Handle(path, handler)
	}
}
