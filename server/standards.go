// The standards service over the API: the property's departments and service
// standards, as standards.Service keeps them. A saved one comes back as stored.

package server

import (
	"context"

	"connectrpc.com/connect"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/standards"
	"frontdesk/wire"
)

// ListDepartments serves standards.Service.ListDepartments.
func (a *api) ListDepartments(ctx context.Context, _ *connect.Request[v1.ListDepartmentsRequest]) (*connect.Response[v1.ListDepartmentsResponse], error) {
	ds, err := a.svc.Standards.ListDepartments(ctx)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ListDepartmentsResponse{Departments: wire.List[*v1.Department](ds)}), nil
}

// SaveDepartment serves standards.Service.SaveDepartment.
func (a *api) SaveDepartment(ctx context.Context, req *connect.Request[v1.SaveDepartmentRequest]) (*connect.Response[v1.SaveDepartmentResponse], error) {
	d := wire.Go[standards.Department](req.Msg.Department)
	if err := a.svc.Standards.SaveDepartment(ctx, &d); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SaveDepartmentResponse{Department: wire.Msg[*v1.Department](&d)}), nil
}

// ListCategories serves standards.Service.ListCategories.
func (a *api) ListCategories(ctx context.Context, _ *connect.Request[v1.ListCategoriesRequest]) (*connect.Response[v1.ListCategoriesResponse], error) {
	cs, err := a.svc.Standards.ListCategories(ctx)
	if err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.ListCategoriesResponse{Categorys: wire.List[*v1.Category](cs)}), nil
}

// SaveCategory serves standards.Service.SaveCategory.
func (a *api) SaveCategory(ctx context.Context, req *connect.Request[v1.SaveCategoryRequest]) (*connect.Response[v1.SaveCategoryResponse], error) {
	c := wire.Go[standards.Category](req.Msg.Category)
	if err := a.svc.Standards.SaveCategory(ctx, &c); err != nil {
		return nil, err
	}
	return connect.NewResponse(&v1.SaveCategoryResponse{Category: wire.Msg[*v1.Category](&c)}), nil
}
