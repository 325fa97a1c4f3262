// Guests imported from a CSV file and exported to one, on the server (guests.Transfer).

package remote

import (
	"context"
	"errors"
	"io"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/guests"
	"frontdesk/wire"
)

var _ guests.Transfer = (*Client)(nil)

// errExportCut is an export whose stream ended without its closing message.
var errExportCut = errors.New("the export ended before the whole file arrived")

// ImportGuestsCSV implements guests.Transfer: the whole file, from its start, goes to
// the server in one request; opt.Progress is told of each progress message, and the
// report arrives last, beside an error too, as the store returns it.
func (c *Client) ImportGuestsCSV(ctx context.Context, r io.ReadSeeker, opt guests.ImportOptions) (guests.ImportReport, error) {
	file, err := readFrom(r)
	if err != nil {
		return guests.ImportReport{}, err
	}
	req := &v1.ImportGuestsCSVRequest{File: file, Options: wire.Msg[*v1.ImportOptions](&opt)}
	stream, err := c.transfer.ImportGuestsCSV(ctx, connect.NewRequest(req))
	if err != nil {
		return guests.ImportReport{}, c.failed(err)
	}
	defer stream.Close()
	var rep guests.ImportReport
	for stream.Receive() {
		m := stream.Msg()
		switch {
		case m.ImportReport != nil:
			rep = wire.Go[guests.ImportReport](m.ImportReport)
		case opt.Progress != nil:
			opt.Progress(int(m.Done), int(m.Total))
		}
	}
	return rep, c.failed(stream.Err())
}

// readFrom reads r whole from its start.
func readFrom(r io.ReadSeeker) ([]byte, error) {
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// ExportGuestsCSV implements guests.Transfer: every chunk the server sends is written
// to w as it arrives; the last message says how many rows the file holds. An error
// writing to w closes the stream, which stops the export on the server too.
func (c *Client) ExportGuestsCSV(ctx context.Context, w io.Writer, withStays bool) (int, error) {
	stream, err := c.transfer.ExportGuestsCSV(ctx, connect.NewRequest(&v1.ExportGuestsCSVRequest{WithStays: withStays}))
	if err != nil {
		return 0, c.failed(err)
	}
	defer stream.Close()
	for stream.Receive() {
		m := stream.Msg()
		if _, err := w.Write(m.Chunk); err != nil {
			return 0, err
		}
		if m.Done {
			return int(m.Guests), nil
		}
	}
	if err := stream.Err(); err != nil {
		return 0, c.failed(err)
	}
	return 0, c.failed(errExportCut)
}
