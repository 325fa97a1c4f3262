package remote

import (
	"context"
	"time"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/audit"
	"frontdesk/wire"
)

var _ audit.Feed = (*Client)(nil)

// refollowAfter is how long a desk waits before it follows the feed again after the
// stream broke (the server went away, or restarted).
const refollowAfter = time.Second

// Follow gives fn the changes the server commits after since (0: from now), as they
// come, until ctx ends. When the stream breaks the desk follows again from the last change it got, so
// a desk that was away catches up by itself.
func (c *Client) Follow(ctx context.Context, since int64, fn func([]audit.Change, bool)) error {
	for ctx.Err() == nil {
		stream, err := c.changes.Follow(ctx, connect.NewRequest(&v1.FollowRequest{Since: since}))
		if err == nil {
			for stream.Receive() {
				msg := stream.Msg()
				cs := wire.GoList[audit.Change](msg.Changes)
				if len(cs) > 0 {
					since = cs[len(cs)-1].Seq
				}
				c.observe(nil)
				fn(cs, msg.Reload)
			}
			err = stream.Err()
			stream.Close()
		}
		if ctx.Err() != nil {
			return nil
		}
		c.observe(err)
		select {
		case <-ctx.Done():
		case <-time.After(refollowAfter):
		}
	}
	return nil
}
