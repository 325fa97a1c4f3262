// RequestService: guest requests and complaints, from the promise to the follow-up.

package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/requests"
	"frontdesk/wire"
)

// Quote returns the promise for a request about to be logged.
func (a *api) Quote(ctx context.Context, req *connect.Request[v1.QuoteRequest]) (*connect.Response[v1.QuoteResponse], error) {
	m := req.Msg
	p, err := a.svc.Requests.Quote(ctx, m.Category, m.Department, m.GuestId, wire.GoTime(m.GuestTime))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.QuoteResponse{Promise: wire.Msg[*v1.Promise](p)}), nil
}

// CreateRequest logs a request and returns it as stored.
func (a *api) CreateRequest(ctx context.Context, req *connect.Request[v1.CreateRequestRequest]) (*connect.Response[v1.CreateRequestResponse], error) {
	r := wire.Go[requests.Request](req.Msg.Request)
	if err := a.svc.Requests.CreateRequest(ctx, &r, wire.GoTime(req.Msg.GuestTime)); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.CreateRequestResponse{Request: wire.Msg[*v1.Request](r)}), nil
}

// GetRequest returns one request with its timeline.
func (a *api) GetRequest(ctx context.Context, req *connect.Request[v1.GetRequestRequest]) (*connect.Response[v1.GetRequestResponse], error) {
	d, err := a.svc.Requests.GetRequest(ctx, req.Msg.Id)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.GetRequestResponse{Detail: wire.Msg[*v1.Detail](d)}), nil
}

// Act applies an action to a request and returns it as it then stands.
func (a *api) Act(ctx context.Context, req *connect.Request[v1.ActRequest]) (*connect.Response[v1.ActResponse], error) {
	d, err := a.svc.Requests.Act(ctx, req.Msg.Id, wire.Go[requests.Action](req.Msg.Action))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ActResponse{Detail: wire.Msg[*v1.Detail](d)}), nil
}

// ListRequests returns a page of the queue.
func (a *api) ListRequests(ctx context.Context, req *connect.Request[v1.ListRequestsRequest]) (*connect.Response[v1.ListRequestsResponse], error) {
	ss, err := a.svc.Requests.ListRequests(ctx, wire.Go[requests.Filter](req.Msg.Filter))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ListRequestsResponse{Summarys: wire.List[*v1.Summary](ss)}), nil
}

// CountRequests returns how many requests each view holds.
func (a *api) CountRequests(ctx context.Context, req *connect.Request[v1.CountRequestsRequest]) (*connect.Response[v1.CountRequestsResponse], error) {
	counts, err := a.svc.Requests.CountRequests(ctx, wire.Go[requests.Filter](req.Msg.Filter))
	if err != nil {
		return nil, err
	}
	res := &v1.CountRequestsResponse{Counts: make(map[string]int64, len(counts))}
	for view, n := range counts {
		res.Counts[string(view)] = int64(n)
	}
	return connect.NewResponse(res), nil
}

// ClaimNotices returns what the signed-in person is now to be told, once at whichever of
// their desks asks first.
func (a *api) ClaimNotices(ctx context.Context, _ *connect.Request[v1.ClaimNoticesRequest]) (*connect.Response[v1.ClaimNoticesResponse], error) {
	n, err := a.svc.Notices.ClaimNotices(ctx)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ClaimNoticesResponse{Fresh: wire.List[*v1.Summary](n.Fresh), Count: int64(n.Count)}), nil
}
