// The staff service over the API: who works here, as staff.Service keeps them. A saved
// member of staff comes back as stored; a PIN travels only in the request that sets it
// and its hash never leaves the server. SignIn, which opens a session, is the desk
// service's (desk.go).

package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/staff"
	"frontdesk/wire"
)

// CountStaff serves staff.Service.CountStaff.
func (a *api) CountStaff(ctx context.Context, _ *connect.Request[v1.CountStaffRequest]) (*connect.Response[v1.CountStaffResponse], error) {
	n, err := a.svc.Staff.CountStaff(ctx)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.CountStaffResponse{Count: int64(n)}), nil
}

// CreateFirstAdministrator serves staff.Service.CreateFirstAdministrator.
func (a *api) CreateFirstAdministrator(ctx context.Context, req *connect.Request[v1.CreateFirstAdministratorRequest]) (*connect.Response[v1.CreateFirstAdministratorResponse], error) {
	s := wire.Go[staff.Staff](req.Msg.Staff)
	if err := a.svc.Staff.CreateFirstAdministrator(ctx, &s, req.Msg.Pin); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.CreateFirstAdministratorResponse{Staff: wire.Msg[*v1.Staff](&s)}), nil
}

// CreateStaff serves staff.Service.CreateStaff.
func (a *api) CreateStaff(ctx context.Context, req *connect.Request[v1.CreateStaffRequest]) (*connect.Response[v1.CreateStaffResponse], error) {
	s := wire.Go[staff.Staff](req.Msg.Staff)
	if err := a.svc.Staff.CreateStaff(ctx, &s, req.Msg.Pin); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.CreateStaffResponse{Staff: wire.Msg[*v1.Staff](&s)}), nil
}

// UpdateStaff serves staff.Service.UpdateStaff.
func (a *api) UpdateStaff(ctx context.Context, req *connect.Request[v1.UpdateStaffRequest]) (*connect.Response[v1.UpdateStaffResponse], error) {
	s := wire.Go[staff.Staff](req.Msg.Staff)
	if err := a.svc.Staff.UpdateStaff(ctx, &s); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.UpdateStaffResponse{Staff: wire.Msg[*v1.Staff](&s)}), nil
}

// ResetStaffPIN serves staff.Service.ResetStaffPIN.
func (a *api) ResetStaffPIN(ctx context.Context, req *connect.Request[v1.ResetStaffPINRequest]) (*connect.Response[v1.ResetStaffPINResponse], error) {
	if err := a.svc.Staff.ResetStaffPIN(ctx, req.Msg.StaffId, req.Msg.Pin); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ResetStaffPINResponse{}), nil
}

// ListStaff serves staff.Service.ListStaff.
func (a *api) ListStaff(ctx context.Context, req *connect.Request[v1.ListStaffRequest]) (*connect.Response[v1.ListStaffResponse], error) {
	ss, err := a.svc.Staff.ListStaff(ctx, wire.Go[staff.Filter](req.Msg.Filter))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ListStaffResponse{Staffs: wire.List[*v1.Staff](ss)}), nil
}
