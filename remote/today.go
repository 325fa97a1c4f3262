// anticipation.Service over the API.

package remote

import (
	"context"

	"connectrpc.com/connect"

	"frontdesk/anticipation"
	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/wire"
)

var _ anticipation.Service = (*Client)(nil)

// Today returns the signed-in person's board, or the one a manager asks for.
func (c *Client) Today(ctx context.Context, q anticipation.BoardQuery) (*anticipation.Board, error) {
	res, err := c.today.Today(ctx, connect.NewRequest(&v1.TodayRequest{Query: wire.Msg[*v1.BoardQuery](q)}))
	if err != nil {
		return nil, c.failed(err)
	}
	b := wire.Go[anticipation.Board](res.Msg.Board)
	return &b, nil
}

// PrepareArrival logs a stay's preparation tasks and returns how many it logged.
func (c *Client) PrepareArrival(ctx context.Context, stayID string) (int, error) {
	res, err := c.today.PrepareArrival(ctx, connect.NewRequest(&v1.PrepareArrivalRequest{StayId: stayID}))
	if err != nil {
		return 0, c.failed(err)
	}
	return int(res.Msg.Created), nil
}

// ResolvePrompt remembers what was done with a prompt.
func (c *Client) ResolvePrompt(ctx context.Context, r anticipation.Resolution) error {
	req := &v1.ResolvePromptRequest{Resolution: wire.Msg[*v1.Resolution](r)}
	_, err := c.today.ResolvePrompt(ctx, connect.NewRequest(req))
	return c.failed(err)
}

// UndoPrompt takes back a one-click action on the prompt with key.
func (c *Client) UndoPrompt(ctx context.Context, key string) error {
	_, err := c.today.UndoPrompt(ctx, connect.NewRequest(&v1.UndoPromptRequest{Key: key}))
	return c.failed(err)
}

var _ anticipation.PrepRuleService = (*Client)(nil)

// PrepRules returns how each kind of wish and alert is prepared.
func (c *Client) PrepRules(ctx context.Context) ([]anticipation.PrepRule, error) {
	res, err := c.today.PrepRules(ctx, connect.NewRequest(&v1.PrepRulesRequest{}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[anticipation.PrepRule](res.Msg.Rules), nil
}

// SavePrepRules replaces the preparation rules.
func (c *Client) SavePrepRules(ctx context.Context, rules []anticipation.PrepRule) error {
	_, err := c.today.SavePrepRules(ctx, connect.NewRequest(&v1.SavePrepRulesRequest{Rules: wire.List[*v1.PrepRule](rules)}))
	if err != nil {
		return c.failed(err)
	}
	return nil
}
