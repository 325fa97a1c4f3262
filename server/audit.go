// AuditService: the audit log, read by managers.

package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/audit"
	"frontdesk/wire"
)

// ListAudit returns a page of the audit log (the store checks who may read it).
func (a *api) ListAudit(ctx context.Context, req *connect.Request[v1.ListAuditRequest]) (*connect.Response[v1.ListAuditResponse], error) {
	es, err := a.svc.Audit.ListAudit(ctx, wire.Go[audit.Filter](req.Msg.Filter))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ListAuditResponse{Entrys: wire.List[*v1.Entry](es)}), nil
}
