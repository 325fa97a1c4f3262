// The privacy service over the API: a guest's data exported or erased, as guests.Privacy
// does it. An erasure from the backups streams its progress, then its result.

package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/wire"
)

// ExportGuestData serves guests.Privacy.ExportGuestData.
func (a *api) ExportGuestData(ctx context.Context, req *connect.Request[v1.ExportGuestDataRequest]) (*connect.Response[v1.ExportGuestDataResponse], error) {
	x, err := a.svc.Privacy.ExportGuestData(ctx, req.Msg.GuestId)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ExportGuestDataResponse{DataExport: wire.Msg[*v1.DataExport](x)}), nil
}

// EraseGuest serves guests.Privacy.EraseGuest.
func (a *api) EraseGuest(ctx context.Context, req *connect.Request[v1.EraseGuestRequest]) (*connect.Response[v1.EraseGuestResponse], error) {
	if err := a.svc.Privacy.EraseGuest(ctx, req.Msg.GuestId); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.EraseGuestResponse{}), nil
}

// PlanErasure serves guests.Privacy.PlanErasure.
func (a *api) PlanErasure(ctx context.Context, req *connect.Request[v1.PlanErasureRequest]) (*connect.Response[v1.PlanErasureResponse], error) {
	p, err := a.svc.Privacy.PlanErasure(ctx, req.Msg.GuestId)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.PlanErasureResponse{ErasurePlan: wire.Msg[*v1.ErasurePlan](&p)}), nil
}

// EraseGuestFromBackups serves guests.Privacy.EraseGuestFromBackups: a message per
// backup done, then one with the result, sent even when the service fails part way (the
// backups it did erase are counted there, as at a desk of its own). A progress message
// that cannot be sent (the desk went away) stops nothing: the erasure is finished and
// audited all the same.
func (a *api) EraseGuestFromBackups(ctx context.Context, req *connect.Request[v1.EraseGuestFromBackupsRequest], stream *connect.ServerStream[v1.EraseGuestFromBackupsResponse]) error {
	progress := func(done, total int) {
		_ = stream.Send(&v1.EraseGuestFromBackupsResponse{Done: int64(done), Total: int64(total)})
	}
	res, err := a.svc.Privacy.EraseGuestFromBackups(ctx, req.Msg.GuestId, progress)
	if serr := stream.Send(&v1.EraseGuestFromBackupsResponse{BackupErasure: wire.Msg[*v1.BackupErasure](&res)}); err == nil {
		err = serr
	}
	return err
}
