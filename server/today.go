// TodayService: the Today board of arrivals, VIPs, occasions and prompts, and what staff
// do with its prompts.

package server

import (
	"context"

	"connectrpc.com/connect"

	"frontdesk/anticipation"
	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/wire"
)

// Today is the board of the person signed in at the desk (or the one a manager asks for).
func (a *api) Today(ctx context.Context, req *connect.Request[v1.TodayRequest]) (*connect.Response[v1.TodayResponse], error) {
	b, err := a.svc.Today.Today(ctx, wire.Go[anticipation.BoardQuery](req.Msg.Query))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.TodayResponse{Board: wire.Msg[*v1.Board](b)}), nil
}

// PrepareArrival logs a stay's preparation tasks and says how many.
func (a *api) PrepareArrival(ctx context.Context, req *connect.Request[v1.PrepareArrivalRequest]) (*connect.Response[v1.PrepareArrivalResponse], error) {
	n, err := a.svc.Today.PrepareArrival(ctx, req.Msg.StayId)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.PrepareArrivalResponse{Created: int64(n)}), nil
}

// ResolvePrompt remembers what was done with a prompt.
func (a *api) ResolvePrompt(ctx context.Context, req *connect.Request[v1.ResolvePromptRequest]) (*connect.Response[v1.ResolvePromptResponse], error) {
	if err := a.svc.Today.ResolvePrompt(ctx, wire.Go[anticipation.Resolution](req.Msg.Resolution)); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ResolvePromptResponse{}), nil
}

// UndoPrompt takes back a one-click action on a prompt.
func (a *api) UndoPrompt(ctx context.Context, req *connect.Request[v1.UndoPromptRequest]) (*connect.Response[v1.UndoPromptResponse], error) {
	if err := a.svc.Today.UndoPrompt(ctx, req.Msg.Key); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.UndoPromptResponse{}), nil
}

// PrepRules returns how each kind of wish and alert is prepared.
func (a *api) PrepRules(ctx context.Context, _ *connect.Request[v1.PrepRulesRequest]) (*connect.Response[v1.PrepRulesResponse], error) {
	rules, err := a.svc.PrepRules.PrepRules(ctx)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.PrepRulesResponse{Rules: wire.List[*v1.PrepRule](rules)}), nil
}

// SavePrepRules replaces the preparation rules (managers).
func (a *api) SavePrepRules(ctx context.Context, req *connect.Request[v1.SavePrepRulesRequest]) (*connect.Response[v1.SavePrepRulesResponse], error) {
	if err := a.svc.PrepRules.SavePrepRules(ctx, wire.GoList[anticipation.PrepRule](req.Msg.Rules)); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SavePrepRulesResponse{}), nil
}
