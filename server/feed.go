package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/audit"
	"frontdesk/wire"
)

// changeHandler serves the change feed.
type changeHandler struct{ s *Server }

// Follow streams the changes after req.since until the desk goes away or the server
// stops. since 0 starts from the newest change.
func (h *changeHandler) Follow(ctx context.Context, req *connect.Request[v1.FollowRequest], stream *connect.ServerStream[v1.FollowResponse]) error {
	feed, since := h.s.cfg.Services.Feed, req.Msg.Since
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := context.AfterFunc(h.s.feeds, cancel) // a stopping server ends its feeds first
	defer stop()
	var sendErr error
	err := feed.Follow(ctx, since, func(cs []audit.Change, reload bool) {
		if sendErr != nil {
			return
		}
		if sendErr = stream.Send(&v1.FollowResponse{Changes: wire.List[*v1.Change](cs), Reload: reload}); sendErr != nil {
			cancel()
		}
	})
	if sendErr != nil {
		return sendErr
	}
	return err
}
