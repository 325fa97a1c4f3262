// Loanable items and what is lent to which room, kept on the server (loans.Service).

package remote

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/loans"
	"frontdesk/wire"
)

var _ loans.Service = (*Client)(nil)

// ListItems implements loans.Service.
func (c *Client) ListItems(ctx context.Context) ([]loans.ItemStock, error) {
	res, err := c.loans.ListItems(ctx, connect.NewRequest(&v1.ListItemsRequest{}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[loans.ItemStock](res.Msg.ItemStocks), nil
}

// SaveItem implements loans.Service.
func (c *Client) SaveItem(ctx context.Context, it *loans.Item) error {
	res, err := c.loans.SaveItem(ctx, connect.NewRequest(&v1.SaveItemRequest{Item: wire.Msg[*v1.Item](it)}))
	if err != nil {
		return c.failed(err)
	}
	*it = wire.Go[loans.Item](res.Msg.Item)
	return nil
}

// Lend implements loans.Service.
func (c *Client) Lend(ctx context.Context, l *loans.Loan) error {
	res, err := c.loans.Lend(ctx, connect.NewRequest(&v1.LendRequest{Loan: wire.Msg[*v1.Loan](l)}))
	if err != nil {
		return c.failed(err)
	}
	*l = wire.Go[loans.Loan](res.Msg.Loan)
	return nil
}

// ReturnLoan implements loans.Service.
func (c *Client) ReturnLoan(ctx context.Context, loanID string) error {
	_, err := c.loans.ReturnLoan(ctx, connect.NewRequest(&v1.ReturnLoanRequest{LoanId: loanID}))
	return c.failed(err)
}

// ListLoans implements loans.Service.
func (c *Client) ListLoans(ctx context.Context, f loans.Filter) ([]loans.Loan, error) {
	res, err := c.loans.ListLoans(ctx, connect.NewRequest(&v1.ListLoansRequest{Filter: wire.Msg[*v1.LoansFilter](&f)}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[loans.Loan](res.Msg.Loans), nil
}
