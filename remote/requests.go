// requests.Service over the API.

package remote

import (
	"context"
	"time"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/requests"
	"frontdesk/standards"
	"frontdesk/wire"
)

var _ requests.Service = (*Client)(nil)

// Quote returns the promise for a request about to be logged.
func (c *Client) Quote(ctx context.Context, category, department, guestID string, guestTime time.Time) (standards.Promise, error) {
	req := &v1.QuoteRequest{Category: category, Department: department, GuestId: guestID, GuestTime: wire.Time(guestTime)}
	res, err := c.requests.Quote(ctx, connect.NewRequest(req))
	if err != nil {
		return standards.Promise{}, c.failed(err)
	}
	return wire.Go[standards.Promise](res.Msg.Promise), nil
}

// CreateRequest logs r and fills it in as stored.
func (c *Client) CreateRequest(ctx context.Context, r *requests.Request, guestTime time.Time) error {
	req := &v1.CreateRequestRequest{Request: wire.Msg[*v1.Request](r), GuestTime: wire.Time(guestTime)}
	res, err := c.requests.CreateRequest(ctx, connect.NewRequest(req))
	if err != nil {
		return c.failed(err)
	}
	*r = wire.Go[requests.Request](res.Msg.Request)
	return nil
}

// GetRequest returns one request with its timeline.
func (c *Client) GetRequest(ctx context.Context, id string) (*requests.Detail, error) {
	res, err := c.requests.GetRequest(ctx, connect.NewRequest(&v1.GetRequestRequest{Id: id}))
	if err != nil {
		return nil, c.failed(err)
	}
	d := wire.Go[requests.Detail](res.Msg.Detail)
	return &d, nil
}

// Act applies an action and returns the request as it then stands.
func (c *Client) Act(ctx context.Context, id string, a requests.Action) (*requests.Detail, error) {
	res, err := c.requests.Act(ctx, connect.NewRequest(&v1.ActRequest{Id: id, Action: wire.Msg[*v1.Action](a)}))
	if err != nil {
		return nil, c.failed(err)
	}
	d := wire.Go[requests.Detail](res.Msg.Detail)
	return &d, nil
}

// ListRequests returns a page of the queue.
func (c *Client) ListRequests(ctx context.Context, f requests.Filter) ([]requests.Summary, error) {
	res, err := c.requests.ListRequests(ctx, connect.NewRequest(&v1.ListRequestsRequest{Filter: wire.Msg[*v1.RequestsFilter](f)}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[requests.Summary](res.Msg.Summarys), nil
}

// CountRequests returns the number of requests in each view under f's other conditions.
func (c *Client) CountRequests(ctx context.Context, f requests.Filter) (requests.Counts, error) {
	res, err := c.requests.CountRequests(ctx, connect.NewRequest(&v1.CountRequestsRequest{Filter: wire.Msg[*v1.RequestsFilter](f)}))
	if err != nil {
		return nil, c.failed(err)
	}
	counts := make(requests.Counts, len(res.Msg.Counts))
	for view, n := range res.Msg.Counts {
		counts[requests.View(view)] = int(n)
	}
	return counts, nil
}

var _ requests.Notifier = (*Client)(nil)

// ClaimNotices returns what the signed-in person is now to be told; the server records it
// as told.
func (c *Client) ClaimNotices(ctx context.Context) (requests.Notices, error) {
	res, err := c.requests.ClaimNotices(ctx, connect.NewRequest(&v1.ClaimNoticesRequest{}))
	if err != nil {
		return requests.Notices{}, c.failed(err)
	}
	return requests.Notices{Fresh: wire.GoList[requests.Summary](res.Msg.Fresh), Count: int(res.Msg.Count)}, nil
}
