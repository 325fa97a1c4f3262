// The property's departments and service standards, kept on the server
// (standards.Service).

package remote

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/standards"
	"frontdesk/wire"
)

var _ standards.Service = (*Client)(nil)

// ListDepartments implements standards.Service.
func (c *Client) ListDepartments(ctx context.Context) ([]standards.Department, error) {
	res, err := c.standards.ListDepartments(ctx, connect.NewRequest(&v1.ListDepartmentsRequest{}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[standards.Department](res.Msg.Departments), nil
}

// SaveDepartment implements standards.Service.
func (c *Client) SaveDepartment(ctx context.Context, d *standards.Department) error {
	res, err := c.standards.SaveDepartment(ctx, connect.NewRequest(&v1.SaveDepartmentRequest{Department: wire.Msg[*v1.Department](d)}))
	if err != nil {
		return c.failed(err)
	}
	*d = wire.Go[standards.Department](res.Msg.Department)
	return nil
}

// ListCategories implements standards.Service.
func (c *Client) ListCategories(ctx context.Context) ([]standards.Category, error) {
	res, err := c.standards.ListCategories(ctx, connect.NewRequest(&v1.ListCategoriesRequest{}))
	if err != nil {
		return nil, c.failed(err)
	}
	return wire.GoList[standards.Category](res.Msg.Categorys), nil
}

// SaveCategory implements standards.Service.
func (c *Client) SaveCategory(ctx context.Context, cat *standards.Category) error {
	res, err := c.standards.SaveCategory(ctx, connect.NewRequest(&v1.SaveCategoryRequest{Category: wire.Msg[*v1.Category](cat)}))
	if err != nil {
		return c.failed(err)
	}
	*cat = wire.Go[standards.Category](res.Msg.Category)
	return nil
}
