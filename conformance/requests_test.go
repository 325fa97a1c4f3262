package conformance

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"frontdesk/errs"
)

// sameAsStore fails where a value a desk got (over the API, for the server's desk)
// differs from what the store itself answers to the same call: every field of every
// nested value, times by instant and offset, an empty list the same as none, and the
// facts of a summary by their text (a named string arrives as a string).
func sameAsStore(t *testing.T, what string, got, want any) {
	t.Helper()
	var diffs []string
	diffValue(what, reflect.ValueOf(got), reflect.ValueOf(want), &diffs)
	for i, d := range diffs {
		if i == 10 {
			t.Errorf("… and %d more differences", len(diffs)-i)
			break
		}
		t.Error(d)
	}
}

var timeType = reflect.TypeFor[time.Time]()

func diffValue(path string, a, b reflect.Value, out *[]string) {
	if !a.IsValid() || !b.IsValid() {
		if a.IsValid() != b.IsValid() {
			*out = append(*out, fmt.Sprintf("%s: got %v, the store has %v", path, a, b))
		}
		return
	}
	if a.Type() == timeType {
		ta, tb := a.Interface().(time.Time), b.Interface().(time.Time)
		_, oa := ta.Zone()
		_, ob := tb.Zone()
		if !ta.Equal(tb) || oa != ob {
			*out = append(*out, fmt.Sprintf("%s: got %v, the store has %v", path, ta, tb))
		}
		return
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				*out = append(*out, fmt.Sprintf("%s: got %v, the store has %v (nil or not)", path, a, b))
			}
			return
		}
		diffValue(path, a.Elem(), b.Elem(), out)
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if f := a.Type().Field(i); f.IsExported() && f.Tag.Get("wire") != "-" {
				diffValue(path+"."+f.Name, a.Field(i), b.Field(i), out)
			}
		}
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			*out = append(*out, fmt.Sprintf("%s: got %d items, the store has %d", path, a.Len(), b.Len()))
			return
		}
		for i := 0; i < a.Len(); i++ {
			diffValue(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i), out)
		}
	case reflect.Map:
		if a.Len() != b.Len() {
			*out = append(*out, fmt.Sprintf("%s: got %v, the store has %v", path, a, b))
			return
		}
		for _, k := range b.MapKeys() {
			diffValue(fmt.Sprintf("%s[%v]", path, k), a.MapIndex(k), b.MapIndex(k), out)
		}
	case reflect.Interface:
		if fmt.Sprint(a.Interface()) != fmt.Sprint(b.Interface()) {
			*out = append(*out, fmt.Sprintf("%s: got %v, the store has %v", path, a, b))
		}
	default:
		if !a.Equal(b) {
			*out = append(*out, fmt.Sprintf("%s: got %v, the store has %v", path, a, b))
		}
	}
}

// wantFieldError fails unless err holds a problem with field and template (and, when
// given, these facts), of code Invalid.
func wantFieldError(t *testing.T, err error, field, template string, args map[string]any) {
	t.Helper()
	if errs.CodeOf(err) != errs.Invalid {
		t.Fatalf("want an invalid %s (%q), got %v", field, template, err)
	}
	e := errs.AsFields(err).For(field)
	if e == nil {
		t.Fatalf("want a problem beside %s (%q), got %v", field, template, err)
	}
	if e.Template != template {
		t.Fatalf("%s: want %q, got %q", field, template, e.Template)
	}
	for k, v := range args {
		if fmt.Sprint(e.Args[k]) != fmt.Sprint(v) {
			t.Errorf("%s: fact %s is %v, want %v", field, k, e.Args[k], v)
		}
	}
}

// asError is the typed error in err (the first problem of a list).
func asError(err error) *errs.Error {
	if fs := errs.AsFields(err); len(fs) > 0 {
		return fs[0]
	}
	var e *errs.Error
	errors.As(err, &e)
	return e
}
