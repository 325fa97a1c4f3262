// The room service over the API: the property's rooms, as property.RoomService keeps
// them. A room list to import arrives whole; its problems are in the report.

package server

import (
	"bytes"
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/property"
	"frontdesk/wire"
)

// ListRooms serves property.RoomService.ListRooms.
func (a *api) ListRooms(ctx context.Context, req *connect.Request[v1.ListRoomsRequest]) (*connect.Response[v1.ListRoomsResponse], error) {
	rs, err := a.svc.Rooms.ListRooms(ctx, wire.Go[property.RoomFilter](req.Msg.RoomFilter))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ListRoomsResponse{Rooms: wire.List[*v1.Room](rs)}), nil
}

// CountRooms serves property.RoomService.CountRooms.
func (a *api) CountRooms(ctx context.Context, req *connect.Request[v1.CountRoomsRequest]) (*connect.Response[v1.CountRoomsResponse], error) {
	n, err := a.svc.Rooms.CountRooms(ctx, wire.Go[property.RoomFilter](req.Msg.RoomFilter))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.CountRoomsResponse{Count: int64(n)}), nil
}

// SaveRoom serves property.RoomService.SaveRoom.
func (a *api) SaveRoom(ctx context.Context, req *connect.Request[v1.SaveRoomRequest]) (*connect.Response[v1.SaveRoomResponse], error) {
	r := wire.Go[property.Room](req.Msg.Room)
	if err := a.svc.Rooms.SaveRoom(ctx, &r); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SaveRoomResponse{Room: wire.Msg[*v1.Room](&r)}), nil
}

// ImportRooms serves property.RoomService.ImportRooms.
func (a *api) ImportRooms(ctx context.Context, req *connect.Request[v1.ImportRoomsRequest]) (*connect.Response[v1.ImportRoomsResponse], error) {
	rep, err := a.svc.Rooms.ImportRooms(ctx, bytes.NewReader(req.Msg.File), req.Msg.DryRun)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ImportRoomsResponse{RoomImportReport: wire.Msg[*v1.RoomImportReport](&rep)}), nil
}
