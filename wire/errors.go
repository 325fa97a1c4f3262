package wire

import (
	"context"
	"errors"
	"reflect"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/structpb"

	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/desks"
	"frontdesk/errs"
)

// Messages of errors that arise on the way, not in a service.
const (
	MsgNoServer    = "No connection to the Frontdesk server — retrying."
	MsgServerFault = "Something went wrong on the Frontdesk server; nothing was changed. The details are in the server's log."
)

var toConnect = map[errs.Code]connect.Code{
	errs.Invalid:     connect.CodeInvalidArgument,
	errs.NotFound:    connect.CodeNotFound,
	errs.Conflict:    connect.CodeAborted,
	errs.Unavailable: connect.CodeUnavailable,
	errs.Internal:    connect.CodeInternal,
	errs.Denied:      connect.CodeUnauthenticated,
}

// ToConnect is a service's error as it travels: the code, the English message, and the
// typed error itself (template, facts, field) as a detail. An untyped error is a fault
// whose detail stays in the server's log; the desk hears only that one happened.
func ToConnect(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) {
		return connect.NewError(connect.CodeCanceled, err)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return connect.NewError(connect.CodeDeadlineExceeded, err)
	}
	var fs errs.Fields
	if errors.As(err, &fs) {
		ce := connect.NewError(connect.CodeInvalidArgument, errors.New(fs.Error()))
		d := &v1.ErrorDetails{}
		for _, e := range fs {
			d.Problems = append(d.Problems, detailOf(e))
		}
		addDetail(ce, d)
		return ce
	}
	var e *errs.Error
	if errors.As(err, &e) {
		ce := connect.NewError(toConnect[e.Code], errors.New(e.Error()))
		addDetail(ce, detailOf(e))
		return ce
	}
	return connect.NewError(connect.CodeInternal, errs.New(errs.Internal, MsgServerFault, nil))
}

func addDetail(ce *connect.Error, m proto.Message) {
	d, err := connect.NewErrorDetail(m)
	if err != nil {
		panic(err) // only for a message that cannot be marshalled
	}
	ce.AddDetail(d)
}

// detailValue is a detail's message; nil for one this side does not know.
func detailValue(d *connect.ErrorDetail) proto.Message {
	m, err := d.Value()
	if err != nil {
		return nil
	}
	return m
}

func valueOfAny(a any) *structpb.Value { return valueOf(reflect.ValueOf(a)) }

func detailOf(e *errs.Error) *v1.ErrorDetail {
	d := &v1.ErrorDetail{Code: string(e.Code), Field: e.Field, Template: e.Template}
	if len(e.Args) > 0 {
		d.Args = make(map[string]*structpb.Value, len(e.Args))
		for k, a := range e.Args {
			d.Args[k] = valueOfAny(a)
		}
	}
	return d
}

// FromConnect is an error from the server as the desk's screens know it: the typed error
// the service returned, "sign in again" for a session that ended, "no connection" for a
// server out of reach.
func FromConnect(err error) error {
	if err == nil {
		return nil
	}
	var ce *connect.Error
	if !errors.As(err, &ce) {
		return errs.Wrap(err, errs.Unavailable, MsgNoServer, nil)
	}
	for _, d := range ce.Details() {
		switch m := detailValue(d).(type) {
		case *v1.ErrorDetails:
			fs := make(errs.Fields, len(m.Problems))
			for i, p := range m.Problems {
				fs[i] = errorOf(p, ce)
			}
			return fs
		case *v1.ErrorDetail:
			return errorOf(m, ce)
		}
	}
	switch ce.Code() {
	case connect.CodeUnavailable, connect.CodeDeadlineExceeded, connect.CodeUnknown:
		return errs.Wrap(ce, errs.Unavailable, MsgNoServer, nil)
	case connect.CodeCanceled:
		return context.Canceled
	case connect.CodeUnauthenticated:
		return errs.Wrap(ce, errs.Denied, desks.MsgSessionEnded, nil)
	}
	return errs.Wrap(ce, errs.Internal, MsgServerFault, nil)
}

func errorOf(d *v1.ErrorDetail, cause error) *errs.Error {
	e := &errs.Error{Code: errs.Code(d.Code), Field: d.Field, Template: d.Template, Cause: cause}
	if len(d.Args) > 0 {
		e.Args = make(map[string]any, len(d.Args))
		for k, v := range d.Args {
			e.Args[k] = goValue(v)
		}
	}
	return e
}
