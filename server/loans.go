// The loan service over the API: loanable items and what is lent to which room, as
// loans.Service keeps them. A saved item or a loan comes back as stored.

package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/loans"
	"frontdesk/wire"
)

// ListItems serves loans.Service.ListItems.
func (a *api) ListItems(ctx context.Context, _ *connect.Request[v1.ListItemsRequest]) (*connect.Response[v1.ListItemsResponse], error) {
	items, err := a.svc.Loans.ListItems(ctx)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ListItemsResponse{ItemStocks: wire.List[*v1.ItemStock](items)}), nil
}

// SaveItem serves loans.Service.SaveItem.
func (a *api) SaveItem(ctx context.Context, req *connect.Request[v1.SaveItemRequest]) (*connect.Response[v1.SaveItemResponse], error) {
	it := wire.Go[loans.Item](req.Msg.Item)
	if err := a.svc.Loans.SaveItem(ctx, &it); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SaveItemResponse{Item: wire.Msg[*v1.Item](&it)}), nil
}

// Lend serves loans.Service.Lend.
func (a *api) Lend(ctx context.Context, req *connect.Request[v1.LendRequest]) (*connect.Response[v1.LendResponse], error) {
	l := wire.Go[loans.Loan](req.Msg.Loan)
	if err := a.svc.Loans.Lend(ctx, &l); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.LendResponse{Loan: wire.Msg[*v1.Loan](&l)}), nil
}

// ReturnLoan serves loans.Service.ReturnLoan.
func (a *api) ReturnLoan(ctx context.Context, req *connect.Request[v1.ReturnLoanRequest]) (*connect.Response[v1.ReturnLoanResponse], error) {
	if err := a.svc.Loans.ReturnLoan(ctx, req.Msg.LoanId); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ReturnLoanResponse{}), nil
}

// ListLoans serves loans.Service.ListLoans.
func (a *api) ListLoans(ctx context.Context, req *connect.Request[v1.ListLoansRequest]) (*connect.Response[v1.ListLoansResponse], error) {
	ls, err := a.svc.Loans.ListLoans(ctx, wire.Go[loans.Filter](req.Msg.Filter))
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ListLoansResponse{Loans: wire.List[*v1.Loan](ls)}), nil
}
