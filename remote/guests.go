// Guest profiles and their parts from the server (guests.Service).

package remote

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/guests"
	"frontdesk/wire"
)

var _ guests.Service = (*Client)(nil)

// SearchGuests implements guests.Service.
func (c *Client) SearchGuests(ctx context.Context, q guests.Query) ([]guests.Match, error) {
	res, err := c.guests.SearchGuests(ctx, connect.NewRequest(&v1.SearchGuestsRequest{Query: wire.Msg[*v1.Query](&q)}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[guests.Match](res.Msg.Matchs), nil
}

// FindGuestByID implements guests.Service.
func (c *Client) FindGuestByID(ctx context.Context, id string) (*guests.Profile, error) {
	res, err := c.guests.FindGuestByID(ctx, connect.NewRequest(&v1.FindGuestByIDRequest{Id: id}))
	if err != nil {
		return nil, c.failed(err)
	}
	p := wire.Go[guests.Profile](res.Msg.Profile)
	return &p, nil
}

// CreateGuest implements guests.Service.
func (c *Client) CreateGuest(ctx context.Context, g *guests.Guest) error {
	res, err := c.guests.CreateGuest(ctx, connect.NewRequest(&v1.CreateGuestRequest{Guest: wire.Msg[*v1.Guest](g)}))
	if err != nil {
		return c.failed(err)
	}
	*g = wire.Go[guests.Guest](res.Msg.Guest)
	return nil
}

// UpdateGuest implements guests.Service.
func (c *Client) UpdateGuest(ctx context.Context, g *guests.Guest) error {
	res, err := c.guests.UpdateGuest(ctx, connect.NewRequest(&v1.UpdateGuestRequest{Guest: wire.Msg[*v1.Guest](g)}))
	if err != nil {
		return c.failed(err)
	}
	*g = wire.Go[guests.Guest](res.Msg.Guest)
	return nil
}

// AddPreference implements guests.Service.
func (c *Client) AddPreference(ctx context.Context, p *guests.Preference) error {
	res, err := c.guests.AddPreference(ctx, connect.NewRequest(&v1.AddPreferenceRequest{Preference: wire.Msg[*v1.Preference](p)}))
	if err != nil {
		return c.failed(err)
	}
	*p = wire.Go[guests.Preference](res.Msg.Preference)
	return nil
}

// AddAlert implements guests.Service.
func (c *Client) AddAlert(ctx context.Context, a *guests.Alert) error {
	res, err := c.guests.AddAlert(ctx, connect.NewRequest(&v1.AddAlertRequest{Alert: wire.Msg[*v1.Alert](a)}))
	if err != nil {
		return c.failed(err)
	}
	*a = wire.Go[guests.Alert](res.Msg.Alert)
	return nil
}

// AddOccasion implements guests.Service.
func (c *Client) AddOccasion(ctx context.Context, o *guests.Occasion) error {
	res, err := c.guests.AddOccasion(ctx, connect.NewRequest(&v1.AddOccasionRequest{Occasion: wire.Msg[*v1.Occasion](o)}))
	if err != nil {
		return c.failed(err)
	}
	*o = wire.Go[guests.Occasion](res.Msg.Occasion)
	return nil
}

// AddStay implements guests.Service.
func (c *Client) AddStay(ctx context.Context, s *guests.Stay) error {
	res, err := c.guests.AddStay(ctx, connect.NewRequest(&v1.AddStayRequest{Stay: wire.Msg[*v1.Stay](s)}))
	if err != nil {
		return c.failed(err)
	}
	*s = wire.Go[guests.Stay](res.Msg.Stay)
	return nil
}

// UpdateStay implements guests.Service.
func (c *Client) UpdateStay(ctx context.Context, s *guests.Stay) error {
	res, err := c.guests.UpdateStay(ctx, connect.NewRequest(&v1.UpdateStayRequest{Stay: wire.Msg[*v1.Stay](s)}))
	if err != nil {
		return c.failed(err)
	}
	*s = wire.Go[guests.Stay](res.Msg.Stay)
	return nil
}

// RemoveItem implements guests.Service.
func (c *Client) RemoveItem(ctx context.Context, kind guests.ItemKind, guestID, itemID string) error {
	req := &v1.RemoveItemRequest{Kind: string(kind), GuestId: guestID, ItemId: itemID}
	_, err := c.guests.RemoveItem(ctx, connect.NewRequest(req))
	return c.failed(err)
}

// PhoneRegion implements guests.Service: the server's region, learnt when the desk
// connected, so that numbers are shown and checked as the server reads them.
func (c *Client) PhoneRegion() string { return c.region }
