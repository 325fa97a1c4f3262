// audit.Service over the API.

package remote

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/audit"
	"frontdesk/wire"
)

var _ audit.Service = (*Client)(nil)

// ListAudit returns a page of the audit log.
func (c *Client) ListAudit(ctx context.Context, f audit.Filter) ([]audit.Entry, error) {
	res, err := c.audit.ListAudit(ctx, connect.NewRequest(&v1.ListAuditRequest{Filter: wire.Msg[*v1.AuditFilter](f)}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[audit.Entry](res.Msg.Entrys), nil
}
