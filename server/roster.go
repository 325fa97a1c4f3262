// RosterService: the shift times and who is on which shift of a day.

package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/property"
	"frontdesk/wire"
)

// ShiftTimes returns the property's shift times.
func (a *api) ShiftTimes(ctx context.Context, _ *connect.Request[v1.ShiftTimesRequest]) (*connect.Response[v1.ShiftTimesResponse], error) {
	t, err := a.svc.Roster.ShiftTimes(ctx)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ShiftTimesResponse{ShiftTimes: wire.Msg[*v1.ShiftTimes](t)}), nil
}

// SaveShiftTimes stores new shift times (managers).
func (a *api) SaveShiftTimes(ctx context.Context, req *connect.Request[v1.SaveShiftTimesRequest]) (*connect.Response[v1.SaveShiftTimesResponse], error) {
	if err := a.svc.Roster.SaveShiftTimes(ctx, wire.Go[property.ShiftTimes](req.Msg.ShiftTimes)); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SaveShiftTimesResponse{}), nil
}

// Roster returns all three shifts of a day.
func (a *api) Roster(ctx context.Context, req *connect.Request[v1.RosterRequest]) (*connect.Response[v1.RosterResponse], error) {
	es, err := a.svc.Roster.Roster(ctx, wire.GoTime(req.Msg.Day))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.RosterResponse{RosterEntrys: wire.List[*v1.RosterEntry](es)}), nil
}

// SetRoster replaces the people on one shift of a day (managers).
func (a *api) SetRoster(ctx context.Context, req *connect.Request[v1.SetRosterRequest]) (*connect.Response[v1.SetRosterResponse], error) {
	m := req.Msg
	err := a.svc.Roster.SetRoster(ctx, wire.GoTime(m.Day), property.Shift(m.Shift), wire.GoList[property.RosterEntry](m.Entries))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SetRosterResponse{}), nil
}

// OnShift returns the shift on at the given time, its day, its people and its manager.
func (a *api) OnShift(ctx context.Context, req *connect.Request[v1.OnShiftRequest]) (*connect.Response[v1.OnShiftResponse], error) {
	shift, day, people, manager, err := a.svc.Roster.OnShift(ctx, wire.GoTime(req.Msg.Now))
	if err != nil {
		return nil, err
	}
	res := &v1.OnShiftResponse{Shift: string(shift), Day: wire.Time(day), People: wire.List[*v1.RosterEntry](people)}
	if manager != nil {
		res.Manager = wire.Msg[*v1.RosterEntry](manager)
	}
	return connect.NewResponse(res), nil
}
