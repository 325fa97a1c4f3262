package conformance

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// sameValue fails at every difference (at most ten shown) between a value a desk got
// and the one wanted (often what the store itself answers to the same call): every
// exported field of every nested value, times by instant, an empty list the
// same as none, the facts of a summary by their text (a named string arrives as a
// string), and a field never sent (`wire:"-"`) left out.
func sameValue(t *testing.T, what string, got, want any) {
	t.Helper()
	report(t, compare(what, got, want, false))
}

// sameAsStore is sameValue with times in the same offset too: what a server's desk got
// against what the store answers, where the zone decides the day a time falls on.
func sameAsStore(t *testing.T, what string, got, want any) {
	t.Helper()
	report(t, compare(what, got, want, true))
}

// compare lists the differences between got and want.
func compare(what string, got, want any, offsets bool) []string {
	var diffs []string
	diffValue(what, reflect.ValueOf(got), reflect.ValueOf(want), offsets, &diffs)
	return diffs
}

// report fails the test at each difference, ten at most.
func report(t *testing.T, diffs []string) {
	t.Helper()
	for i, d := range diffs {
		if i == 10 {
			t.Errorf("… and %d more differences", len(diffs)-i)
			break
		}
		t.Error(d)
	}
}

var timeType = reflect.TypeFor[time.Time]()

func diffValue(path string, a, b reflect.Value, offsets bool, out *[]string) {
	if !a.IsValid() || !b.IsValid() {
		if a.IsValid() != b.IsValid() {
			*out = append(*out, fmt.Sprintf("%s: got %v, want %v", path, a, b))
		}
		return
	}
	if a.Type() == timeType {
		ta, tb := a.Interface().(time.Time), b.Interface().(time.Time)
		_, oa := ta.Zone()
		_, ob := tb.Zone()
		if !ta.Equal(tb) || (offsets && oa != ob) {
			*out = append(*out, fmt.Sprintf("%s: got %v, want %v", path, ta, tb))
		}
		return
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				*out = append(*out, fmt.Sprintf("%s: got %v, want %v (nil or not)", path, a, b))
			}
			return
		}
		diffValue(path, a.Elem(), b.Elem(), offsets, out)
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if f := a.Type().Field(i); f.IsExported() && f.Tag.Get("wire") != "-" {
				diffValue(path+"."+f.Name, a.Field(i), b.Field(i), offsets, out)
			}
		}
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			*out = append(*out, fmt.Sprintf("%s: got %d items, want %d", path, a.Len(), b.Len()))
			return
		}
		for i := 0; i < a.Len(); i++ {
			diffValue(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i), offsets, out)
		}
	case reflect.Map:
		if a.Len() != b.Len() {
			*out = append(*out, fmt.Sprintf("%s: got %v, want %v", path, a, b))
			return
		}
		for _, k := range b.MapKeys() {
			diffValue(fmt.Sprintf("%s[%v]", path, k), a.MapIndex(k), b.MapIndex(k), offsets, out)
		}
	case reflect.Interface:
		if fmt.Sprint(a.Interface()) != fmt.Sprint(b.Interface()) {
			*out = append(*out, fmt.Sprintf("%s: got %v, want %v", path, a, b))
		}
	default:
		if !a.Equal(b) {
			*out = append(*out, fmt.Sprintf("%s: got %v, want %v", path, a, b))
		}
	}
}
