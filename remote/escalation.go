// escalation.Service over the API.

package remote

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/escalation"
	"frontdesk/wire"
)

var _ escalation.Service = (*Client)(nil)

// ListEscalationRules returns every level, sorted by class and level.
func (c *Client) ListEscalationRules(ctx context.Context) (escalation.Rules, error) {
	res, err := c.escalation.ListEscalationRules(ctx, connect.NewRequest(&v1.ListEscalationRulesRequest{}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[escalation.Level](res.Msg.Levels), nil
}

// SaveEscalationRules replaces the levels of class (managers).
func (c *Client) SaveEscalationRules(ctx context.Context, class escalation.Class, levels []escalation.Level) error {
	req := &v1.SaveEscalationRulesRequest{Class: string(class), Levels: wire.List[*v1.Level](levels)}
	_, err := c.escalation.SaveEscalationRules(ctx, connect.NewRequest(req))
	return c.failed(err)
}
