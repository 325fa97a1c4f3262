// EscalationService: the levels an overdue request climbs, per class.

package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/escalation"
	"frontdesk/wire"
)

// ListEscalationRules returns every level of every class.
func (a *api) ListEscalationRules(ctx context.Context, _ *connect.Request[v1.ListEscalationRulesRequest]) (*connect.Response[v1.ListEscalationRulesResponse], error) {
	rules, err := a.svc.Escalation.ListEscalationRules(ctx)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ListEscalationRulesResponse{Levels: wire.List[*v1.Level](rules)}), nil
}

// SaveEscalationRules replaces the levels of one class (managers).
func (a *api) SaveEscalationRules(ctx context.Context, req *connect.Request[v1.SaveEscalationRulesRequest]) (*connect.Response[v1.SaveEscalationRulesResponse], error) {
	m := req.Msg
	err := a.svc.Escalation.SaveEscalationRules(ctx, escalation.Class(m.Class), wire.GoList[escalation.Level](m.Levels))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SaveEscalationRulesResponse{}), nil
}
