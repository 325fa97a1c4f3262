// handover.Service over the API.

package remote

import (
	"context"
	"time"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/handover"
	"frontdesk/property"
	"frontdesk/wire"
)

var _ handover.Service = (*Client)(nil)

// Report returns the handover of shift on day.
func (c *Client) Report(ctx context.Context, day time.Time, shift property.Shift) (*handover.Report, error) {
	res, err := c.handover.Report(ctx, connect.NewRequest(&v1.ReportRequest{Day: wire.Time(day), Shift: string(shift)}))
	if err != nil {
		return nil, c.failed(err)
	}
	r := wire.Go[handover.Report](res.Msg.Report)
	return &r, nil
}

// AddNote writes n in the logbook and fills it in as stored.
func (c *Client) AddNote(ctx context.Context, n *handover.Note) error {
	res, err := c.handover.AddNote(ctx, connect.NewRequest(&v1.AddNoteRequest{Note: wire.Msg[*v1.Note](n)}))
	if err != nil {
		return c.failed(err)
	}
	*n = wire.Go[handover.Note](res.Msg.Note)
	return nil
}

// SetPinned pins or unpins a note and returns it.
func (c *Client) SetPinned(ctx context.Context, id string, pinned bool) (*handover.Note, error) {
	res, err := c.handover.SetPinned(ctx, connect.NewRequest(&v1.SetPinnedRequest{Id: id, Pinned: pinned}))
	if err != nil {
		return nil, c.failed(err)
	}
	n := wire.Go[handover.Note](res.Msg.Note)
	return &n, nil
}

// ListNotes returns logbook notes, pinned first, then newest first.
func (c *Client) ListNotes(ctx context.Context, f handover.NoteFilter) ([]handover.Note, error) {
	res, err := c.handover.ListNotes(ctx, connect.NewRequest(&v1.ListNotesRequest{NoteFilter: wire.Msg[*v1.NoteFilter](f)}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[handover.Note](res.Msg.Notes), nil
}

// Acknowledge records that the actor has taken over shift on day.
func (c *Client) Acknowledge(ctx context.Context, day time.Time, shift property.Shift, note string) (*handover.Ack, error) {
	req := &v1.AcknowledgeRequest{Day: wire.Time(day), Shift: string(shift), Note: note}
	res, err := c.handover.Acknowledge(ctx, connect.NewRequest(req))
	if err != nil {
		return nil, c.failed(err)
	}
	a := wire.Go[handover.Ack](res.Msg.Ack)
	return &a, nil
}

// Measures computes the service measures of requests created in p.
func (c *Client) Measures(ctx context.Context, p handover.Period) (*handover.Measures, error) {
	res, err := c.handover.Measures(ctx, connect.NewRequest(&v1.MeasuresRequest{Period: wire.Msg[*v1.Period](p)}))
	if err != nil {
		return nil, c.failed(err)
	}
	m := wire.Go[handover.Measures](res.Msg.Measures)
	return &m, nil
}
