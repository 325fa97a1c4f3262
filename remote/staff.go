// Who works here, kept on the server (staff.Service). SignIn, which opens the desk's
// session, is with the desk's other calls in dial.go.

package remote

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/staff"
	"frontdesk/wire"
)

var _ staff.Service = (*Client)(nil)

// CountStaff implements staff.Service.
func (c *Client) CountStaff(ctx context.Context) (int, error) {
	res, err := c.staff.CountStaff(ctx, connect.NewRequest(&v1.CountStaffRequest{}))
	if err != nil {
		return 0, c.failed(err)
	}
	return int(res.Msg.Count), nil
}

// CreateFirstAdministrator implements staff.Service.
func (c *Client) CreateFirstAdministrator(ctx context.Context, s *staff.Staff, pin string) error {
	req := &v1.CreateFirstAdministratorRequest{Staff: wire.Msg[*v1.Staff](s), Pin: pin}
	res, err := c.staff.CreateFirstAdministrator(ctx, connect.NewRequest(req))
	if err != nil {
		return c.failed(err)
	}
	*s = wire.Go[staff.Staff](res.Msg.Staff)
	return nil
}

// CreateStaff implements staff.Service.
func (c *Client) CreateStaff(ctx context.Context, s *staff.Staff, pin string) error {
	res, err := c.staff.CreateStaff(ctx, connect.NewRequest(&v1.CreateStaffRequest{Staff: wire.Msg[*v1.Staff](s), Pin: pin}))
	if err != nil {
		return c.failed(err)
	}
	*s = wire.Go[staff.Staff](res.Msg.Staff)
	return nil
}

// UpdateStaff implements staff.Service.
func (c *Client) UpdateStaff(ctx context.Context, s *staff.Staff) error {
	res, err := c.staff.UpdateStaff(ctx, connect.NewRequest(&v1.UpdateStaffRequest{Staff: wire.Msg[*v1.Staff](s)}))
	if err != nil {
		return c.failed(err)
	}
	*s = wire.Go[staff.Staff](res.Msg.Staff)
	return nil
}

// ResetStaffPIN implements staff.Service.
func (c *Client) ResetStaffPIN(ctx context.Context, staffID, pin string) error {
	_, err := c.staff.ResetStaffPIN(ctx, connect.NewRequest(&v1.ResetStaffPINRequest{StaffId: staffID, Pin: pin}))
	return c.failed(err)
}

// ListStaff implements staff.Service.
func (c *Client) ListStaff(ctx context.Context, f staff.Filter) ([]staff.Staff, error) {
	res, err := c.staff.ListStaff(ctx, connect.NewRequest(&v1.ListStaffRequest{Filter: wire.Msg[*v1.StaffFilter](&f)}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[staff.Staff](res.Msg.Staffs), nil
}
