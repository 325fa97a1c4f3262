// The guest service over the API: guest profiles and their parts, as guests.Service
// keeps them. Each handler converts the request, calls the service with the call's
// context (the actor) and returns its error as it is; a part added or a guest saved comes
// back as stored, with its ID and timestamps.

package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/guests"
	"frontdesk/wire"
)

// SearchGuests serves guests.Service.SearchGuests.
func (a *api) SearchGuests(ctx context.Context, req *connect.Request[v1.SearchGuestsRequest]) (*connect.Response[v1.SearchGuestsResponse], error) {
	ms, err := a.svc.Guests.SearchGuests(ctx, wire.Go[guests.Query](req.Msg.Query))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SearchGuestsResponse{Matchs: wire.List[*v1.Match](ms)}), nil
}

// FindGuestByID serves guests.Service.FindGuestByID.
func (a *api) FindGuestByID(ctx context.Context, req *connect.Request[v1.FindGuestByIDRequest]) (*connect.Response[v1.FindGuestByIDResponse], error) {
	p, err := a.svc.Guests.FindGuestByID(ctx, req.Msg.Id)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.FindGuestByIDResponse{Profile: wire.Msg[*v1.Profile](p)}), nil
}

// CreateGuest serves guests.Service.CreateGuest.
func (a *api) CreateGuest(ctx context.Context, req *connect.Request[v1.CreateGuestRequest]) (*connect.Response[v1.CreateGuestResponse], error) {
	g := wire.Go[guests.Guest](req.Msg.Guest)
	if err := a.svc.Guests.CreateGuest(ctx, &g); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.CreateGuestResponse{Guest: wire.Msg[*v1.Guest](&g)}), nil
}

// UpdateGuest serves guests.Service.UpdateGuest.
func (a *api) UpdateGuest(ctx context.Context, req *connect.Request[v1.UpdateGuestRequest]) (*connect.Response[v1.UpdateGuestResponse], error) {
	g := wire.Go[guests.Guest](req.Msg.Guest)
	if err := a.svc.Guests.UpdateGuest(ctx, &g); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.UpdateGuestResponse{Guest: wire.Msg[*v1.Guest](&g)}), nil
}

// AddPreference serves guests.Service.AddPreference.
func (a *api) AddPreference(ctx context.Context, req *connect.Request[v1.AddPreferenceRequest]) (*connect.Response[v1.AddPreferenceResponse], error) {
	p := wire.Go[guests.Preference](req.Msg.Preference)
	if err := a.svc.Guests.AddPreference(ctx, &p); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.AddPreferenceResponse{Preference: wire.Msg[*v1.Preference](&p)}), nil
}

// AddAlert serves guests.Service.AddAlert.
func (a *api) AddAlert(ctx context.Context, req *connect.Request[v1.AddAlertRequest]) (*connect.Response[v1.AddAlertResponse], error) {
	al := wire.Go[guests.Alert](req.Msg.Alert)
	if err := a.svc.Guests.AddAlert(ctx, &al); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.AddAlertResponse{Alert: wire.Msg[*v1.Alert](&al)}), nil
}

// AddOccasion serves guests.Service.AddOccasion.
func (a *api) AddOccasion(ctx context.Context, req *connect.Request[v1.AddOccasionRequest]) (*connect.Response[v1.AddOccasionResponse], error) {
	o := wire.Go[guests.Occasion](req.Msg.Occasion)
	if err := a.svc.Guests.AddOccasion(ctx, &o); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.AddOccasionResponse{Occasion: wire.Msg[*v1.Occasion](&o)}), nil
}

// AddStay serves guests.Service.AddStay.
func (a *api) AddStay(ctx context.Context, req *connect.Request[v1.AddStayRequest]) (*connect.Response[v1.AddStayResponse], error) {
	s := wire.Go[guests.Stay](req.Msg.Stay)
	if err := a.svc.Guests.AddStay(ctx, &s); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.AddStayResponse{Stay: wire.Msg[*v1.Stay](&s)}), nil
}

// UpdateStay serves guests.Service.UpdateStay.
func (a *api) UpdateStay(ctx context.Context, req *connect.Request[v1.UpdateStayRequest]) (*connect.Response[v1.UpdateStayResponse], error) {
	s := wire.Go[guests.Stay](req.Msg.Stay)
	if err := a.svc.Guests.UpdateStay(ctx, &s); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.UpdateStayResponse{Stay: wire.Msg[*v1.Stay](&s)}), nil
}

// RemoveItem serves guests.Service.RemoveItem.
func (a *api) RemoveItem(ctx context.Context, req *connect.Request[v1.RemoveItemRequest]) (*connect.Response[v1.RemoveItemResponse], error) {
	m := req.Msg
	if err := a.svc.Guests.RemoveItem(ctx, guests.ItemKind(m.Kind), m.GuestId, m.ItemId); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.RemoveItemResponse{}), nil
}

// PhoneRegion serves guests.Service.PhoneRegion: the server's region, which the
// desk's numbers are read in as the store reads them.
func (a *api) PhoneRegion(context.Context, *connect.Request[v1.PhoneRegionRequest]) (*connect.Response[v1.PhoneRegionResponse], error) {
	return connect.NewResponse(&v1.PhoneRegionResponse{Region: a.region}), nil
}
