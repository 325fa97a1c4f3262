// The property's rooms, kept on the server (property.RoomService).

package remote

import (
	"context"
	"io"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/property"
	"frontdesk/wire"
)

var _ property.RoomService = (*Client)(nil)

// ListRooms implements property.RoomService.
func (c *Client) ListRooms(ctx context.Context, f property.RoomFilter) ([]property.Room, error) {
	res, err := c.rooms.ListRooms(ctx, connect.NewRequest(&v1.ListRoomsRequest{RoomFilter: wire.Msg[*v1.RoomFilter](&f)}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[property.Room](res.Msg.Rooms), nil
}

// CountRooms implements property.RoomService.
func (c *Client) CountRooms(ctx context.Context, f property.RoomFilter) (int, error) {
	res, err := c.rooms.CountRooms(ctx, connect.NewRequest(&v1.CountRoomsRequest{RoomFilter: wire.Msg[*v1.RoomFilter](&f)}))
	if err != nil {
		return 0, c.failed(err)
	}
	return int(res.Msg.Count), nil
}

// SaveRoom implements property.RoomService.
func (c *Client) SaveRoom(ctx context.Context, r *property.Room) error {
	res, err := c.rooms.SaveRoom(ctx, connect.NewRequest(&v1.SaveRoomRequest{Room: wire.Msg[*v1.Room](r)}))
	if err != nil {
		return c.failed(err)
	}
	*r = wire.Go[property.Room](res.Msg.Room)
	return nil
}

// ImportRooms implements property.RoomService: the whole file goes to the server in one
// request.
func (c *Client) ImportRooms(ctx context.Context, r io.Reader, dryRun bool) (property.RoomImportReport, error) {
	file, err := io.ReadAll(r)
	if err != nil {
		return property.RoomImportReport{}, err
	}
	res, err := c.rooms.ImportRooms(ctx, connect.NewRequest(&v1.ImportRoomsRequest{File: file, DryRun: dryRun}))
	if err != nil {
		return property.RoomImportReport{}, c.failed(err)
	}
	return wire.Go[property.RoomImportReport](res.Msg.RoomImportReport), nil
}
