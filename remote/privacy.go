// A guest's data exported or erased on the server (guests.Privacy).

package remote

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/guests"
	"frontdesk/wire"
)

var _ guests.Privacy = (*Client)(nil)

// ExportGuestData implements guests.Privacy.
func (c *Client) ExportGuestData(ctx context.Context, guestID string) (*guests.DataExport, error) {
	res, err := c.privacy.ExportGuestData(ctx, connect.NewRequest(&v1.ExportGuestDataRequest{GuestId: guestID}))
	if err != nil {
		return nil, c.failed(err)
	}
	x := wire.Go[guests.DataExport](res.Msg.DataExport)
	return &x, nil
}

// EraseGuest implements guests.Privacy.
func (c *Client) EraseGuest(ctx context.Context, guestID string) error {
	_, err := c.privacy.EraseGuest(ctx, connect.NewRequest(&v1.EraseGuestRequest{GuestId: guestID}))
	return c.failed(err)
}

// PlanErasure implements guests.Privacy.
func (c *Client) PlanErasure(ctx context.Context, guestID string) (guests.ErasurePlan, error) {
	res, err := c.privacy.PlanErasure(ctx, connect.NewRequest(&v1.PlanErasureRequest{GuestId: guestID}))
	if err != nil {
		return guests.ErasurePlan{}, c.failed(err)
	}
	return wire.Go[guests.ErasurePlan](res.Msg.ErasurePlan), nil
}

// EraseGuestFromBackups implements guests.Privacy: progress is told of each message
// the server sends while it works; the last one carries the result, which comes back
// beside an error too, as the store returns it.
func (c *Client) EraseGuestFromBackups(ctx context.Context, guestID string, progress func(done, total int)) (guests.BackupErasure, error) {
	stream, err := c.privacy.EraseGuestFromBackups(ctx, connect.NewRequest(&v1.EraseGuestFromBackupsRequest{GuestId: guestID}))
	if err != nil {
		return guests.BackupErasure{}, c.failed(err)
	}
	defer stream.Close()
	var res guests.BackupErasure
	for stream.Receive() {
		m := stream.Msg()
		switch {
		case m.BackupErasure != nil:
			res = wire.Go[guests.BackupErasure](m.BackupErasure)
		case progress != nil:
			progress(int(m.Done), int(m.Total))
		}
	}
	return res, c.failed(stream.Err())
}
