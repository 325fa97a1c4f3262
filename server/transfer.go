// The transfer service over the API: guests imported from a CSV file and exported to
// one, as guests.Transfer does it. Both stream: an import its progress and then its
// report, an export the file in chunks and then how many rows it holds.

package server

import (
	"bytes"
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/guests"
	"frontdesk/wire"
)

// chunkSize bounds a chunk of an exported file, well under any message limit.
const chunkSize = 64 << 10

// ImportGuestsCSV serves guests.Transfer.ImportGuestsCSV: the file arrives whole, the
// store reads it (more than once) from memory; progress travels as messages, and the
// report last, even beside an error, as the store returns it.
func (a *api) ImportGuestsCSV(ctx context.Context, req *connect.Request[v1.ImportGuestsCSVRequest], stream *connect.ServerStream[v1.ImportGuestsCSVResponse]) error {
	opt := wire.Go[guests.ImportOptions](req.Msg.Options)
	opt.Progress = func(done, total int) {
		_ = stream.Send(&v1.ImportGuestsCSVResponse{Done: int64(done), Total: int64(total)})
	}
	rep, err := a.svc.Transfer.ImportGuestsCSV(ctx, bytes.NewReader(req.Msg.File), opt)
	if serr := stream.Send(&v1.ImportGuestsCSVResponse{ImportReport: wire.Msg[*v1.ImportReport](&rep)}); err == nil {
		err = serr
	}
	return err
}

// ExportGuestsCSV serves guests.Transfer.ExportGuestsCSV: the file in chunks as the
// store writes it, then a last message with the rest and the number of rows.
func (a *api) ExportGuestsCSV(ctx context.Context, req *connect.Request[v1.ExportGuestsCSVRequest], stream *connect.ServerStream[v1.ExportGuestsCSVResponse]) error {
	w := &chunkWriter{stream: stream}
	n, err := a.svc.Transfer.ExportGuestsCSV(ctx, w, req.Msg.WithStays)
	if err != nil {
		return err
	}
	return stream.Send(&v1.ExportGuestsCSVResponse{Chunk: w.buf, Guests: int64(n), Done: true})
}

// chunkWriter sends what is written to it as chunks of chunkSize bytes; the last, short
// one stays in buf for the closing message.
type chunkWriter struct {
	stream *connect.ServerStream[v1.ExportGuestsCSVResponse]
	buf    []byte
}

// Write sends every full chunk; an error sending one (the desk went away) stops the
// export.
func (w *chunkWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	for len(w.buf) >= chunkSize {
		if err := w.stream.Send(&v1.ExportGuestsCSVResponse{Chunk: w.buf[:chunkSize]}); err != nil {
			return 0, err
		}
		w.buf = append([]byte(nil), w.buf[chunkSize:]...)
	}
	return len(p), nil
}
