// HandoverService: the handover report, the logbook, the incoming manager's
// acknowledgement and the service measures.

package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/handover"
	"frontdesk/property"
	"frontdesk/wire"
)

// Report returns the handover of a shift.
func (a *api) Report(ctx context.Context, req *connect.Request[v1.ReportRequest]) (*connect.Response[v1.ReportResponse], error) {
	r, err := a.svc.Handover.Report(ctx, wire.GoTime(req.Msg.Day), property.Shift(req.Msg.Shift))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ReportResponse{Report: wire.Msg[*v1.Report](r)}), nil
}

// AddNote writes a note in the logbook and returns it as stored.
func (a *api) AddNote(ctx context.Context, req *connect.Request[v1.AddNoteRequest]) (*connect.Response[v1.AddNoteResponse], error) {
	n := wire.Go[handover.Note](req.Msg.Note)
	if err := a.svc.Handover.AddNote(ctx, &n); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.AddNoteResponse{Note: wire.Msg[*v1.Note](n)}), nil
}

// SetPinned pins or unpins a note.
func (a *api) SetPinned(ctx context.Context, req *connect.Request[v1.SetPinnedRequest]) (*connect.Response[v1.SetPinnedResponse], error) {
	n, err := a.svc.Handover.SetPinned(ctx, req.Msg.Id, req.Msg.Pinned)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SetPinnedResponse{Note: wire.Msg[*v1.Note](n)}), nil
}

// ListNotes returns logbook notes.
func (a *api) ListNotes(ctx context.Context, req *connect.Request[v1.ListNotesRequest]) (*connect.Response[v1.ListNotesResponse], error) {
	ns, err := a.svc.Handover.ListNotes(ctx, wire.Go[handover.NoteFilter](req.Msg.NoteFilter))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ListNotesResponse{Notes: wire.List[*v1.Note](ns)}), nil
}

// Acknowledge records the incoming manager taking over a shift.
func (a *api) Acknowledge(ctx context.Context, req *connect.Request[v1.AcknowledgeRequest]) (*connect.Response[v1.AcknowledgeResponse], error) {
	m := req.Msg
	ack, err := a.svc.Handover.Acknowledge(ctx, wire.GoTime(m.Day), property.Shift(m.Shift), m.Note)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.AcknowledgeResponse{Ack: wire.Msg[*v1.Ack](ack)}), nil
}

// Measures computes the service measures of a period.
func (a *api) Measures(ctx context.Context, req *connect.Request[v1.MeasuresRequest]) (*connect.Response[v1.MeasuresResponse], error) {
	ms, err := a.svc.Handover.Measures(ctx, wire.Go[handover.Period](req.Msg.Period))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.MeasuresResponse{Measures: wire.Msg[*v1.Measures](ms)}), nil
}
