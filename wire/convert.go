// Package wire carries Frontdesk's domain values across the API: it copies a Go value
// (guests.Profile, requests.Detail, …) into the protobuf message of the same shape and
// back, and turns typed errors into Connect errors and back, so a desk talking to a
// server sees exactly what it would see from its own file.
//
// Fields are matched by name: a Go field FooBar is the message's foo_bar, an embedded
// struct is the field named for its type. A Go field tagged `wire:"-"` is never sent (the
// PIN hash). A Go field without a message field, or the reverse, is a programming error:
// the conversion panics, and the round-trip test walks every type so that it never does
// at a desk.
package wire

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"time"
	"unicode"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/structpb"
)

var (
	timeType     = reflect.TypeFor[time.Time]()
	anyType      = reflect.TypeFor[any]()
	durationName = (&durationpb.Duration{}).ProtoReflect().Descriptor().FullName()
	valueName    = (&structpb.Value{}).ProtoReflect().Descriptor().FullName()
)

// ToProto copies the Go struct v (or the struct it points to) into m.
func ToProto(v any, m proto.Message) {
	rv := reflect.Indirect(reflect.ValueOf(v))
	structToMsg(rv, m.ProtoReflect())
}

// FromProto copies m into the Go struct v points to.
func FromProto(m proto.Message, v any) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic(fmt.Sprintf("wire: FromProto needs a pointer, got %T", v))
	}
	msgToStruct(m.ProtoReflect(), rv.Elem())
}

// Msg returns v as a new message of type M: wire.Msg[*v1.Guest](g).
func Msg[M proto.Message](v any) M {
	var m M
	m = m.ProtoReflect().Type().New().Interface().(M)
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return m
	}
	ToProto(v, m)
	return m
}

// List converts a slice of Go structs to a slice of messages of type M.
func List[M proto.Message, T any](vs []T) []M {
	out := make([]M, len(vs))
	for i := range vs {
		out[i] = Msg[M](&vs[i])
	}
	return out
}

// Go returns m as a new Go value of type T; a nil message is T's zero value.
func Go[T any](m proto.Message) T {
	var v T
	if m != nil && m.ProtoReflect().IsValid() {
		FromProto(m, &v)
	}
	return v
}

// GoList converts a slice of messages to a slice of Go values of type T.
func GoList[T any, M proto.Message](ms []M) []T {
	if ms == nil {
		return nil
	}
	out := make([]T, len(ms))
	for i, m := range ms {
		FromProto(m, &out[i])
	}
	return out
}

// fieldPair is a Go field and the message field it travels in.
type fieldPair struct {
	index []int
	fd    protoreflect.FieldDescriptor
}

type pairKey struct {
	t reflect.Type
	m protoreflect.FullName
}

var pairs sync.Map // pairKey → []fieldPair

// fieldsOf matches the exported fields of t with the fields of md, once per pair.
func fieldsOf(t reflect.Type, md protoreflect.MessageDescriptor) []fieldPair {
	key := pairKey{t, md.FullName()}
	if ps, ok := pairs.Load(key); ok {
		return ps.([]fieldPair)
	}
	var ps []fieldPair
	used := map[protoreflect.Name]bool{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Tag.Get("wire") == "-" || f.Type.Kind() == reflect.Func {
			continue
		}
		name := protoreflect.Name(SnakeCase(f.Name))
		fd := md.Fields().ByName(name)
		if fd == nil {
			panic(fmt.Sprintf("wire: %s has no field %s for %s.%s", md.FullName(), name, t, f.Name))
		}
		used[name] = true
		ps = append(ps, fieldPair{index: f.Index, fd: fd})
	}
	for i := 0; i < md.Fields().Len(); i++ {
		if fd := md.Fields().Get(i); !used[fd.Name()] {
			panic(fmt.Sprintf("wire: %s.%s has no Go field in %s", md.FullName(), fd.Name(), t))
		}
	}
	pairs.Store(key, ps)
	return ps
}

func structToMsg(rv reflect.Value, m protoreflect.Message) {
	if rv.Type() == timeType {
		timeToMsg(rv.Interface().(time.Time), m)
		return
	}
	for _, p := range fieldsOf(rv.Type(), m.Descriptor()) {
		fv := rv.FieldByIndex(p.index)
		switch {
		case p.fd.IsList():
			if fv.Len() == 0 {
				continue
			}
			l := m.Mutable(p.fd).List()
			for j := 0; j < fv.Len(); j++ {
				if p.fd.Kind() == protoreflect.MessageKind {
					e := l.NewElement()
					goToMessage(fv.Index(j), e.Message())
					l.Append(e)
				} else {
					l.Append(scalarOf(fv.Index(j), p.fd))
				}
			}
		case p.fd.IsMap():
			if fv.Len() == 0 {
				continue
			}
			mp := m.Mutable(p.fd).Map()
			iter := fv.MapRange()
			for iter.Next() {
				k := protoreflect.ValueOfString(iter.Key().String()).MapKey()
				if p.fd.MapValue().Kind() == protoreflect.MessageKind {
					e := mp.NewValue()
					goToMessage(iter.Value(), e.Message())
					mp.Set(k, e)
				} else {
					mp.Set(k, scalarOf(iter.Value(), p.fd.MapValue()))
				}
			}
		case p.fd.Kind() == protoreflect.MessageKind:
			if fv.Kind() == reflect.Pointer && fv.IsNil() {
				continue
			}
			goToMessage(fv, m.Mutable(p.fd).Message())
		default:
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					continue
				}
				fv = fv.Elem()
			}
			m.Set(p.fd, scalarOf(fv, p.fd))
		}
	}
}

// goToMessage fills m from a Go value that travels as a message: a struct, a pointer to
// one, a time, a duration or an any.
func goToMessage(v reflect.Value, m protoreflect.Message) {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	switch m.Descriptor().FullName() {
	case durationName:
		d := time.Duration(v.Int())
		m.Set(m.Descriptor().Fields().ByName("seconds"), protoreflect.ValueOfInt64(int64(d/time.Second)))
		m.Set(m.Descriptor().Fields().ByName("nanos"), protoreflect.ValueOfInt32(int32(d%time.Second)))
		return
	case valueName:
		proto.Merge(m.Interface(), valueOf(v))
		return
	}
	v = reflect.Indirect(v)
	structToMsg(v, m)
}

// valueOf is a fact of a message or an audit summary as a protobuf Value: numbers,
// strings (also named ones, like a role) and booleans as themselves, anything else as text.
func valueOf(v reflect.Value) *structpb.Value {
	if !v.IsValid() {
		return structpb.NewNullValue()
	}
	switch v.Kind() {
	case reflect.String:
		return structpb.NewStringValue(v.String())
	case reflect.Bool:
		return structpb.NewBoolValue(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return structpb.NewNumberValue(float64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return structpb.NewNumberValue(float64(v.Uint()))
	case reflect.Float32, reflect.Float64:
		return structpb.NewNumberValue(v.Float())
	}
	return structpb.NewStringValue(fmt.Sprint(v.Interface()))
}

// goValue is a Value back as Go: a whole number as an int (as the domain makes them).
func goValue(pv *structpb.Value) any {
	switch k := pv.GetKind().(type) {
	case *structpb.Value_NumberValue:
		if f := k.NumberValue; f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			return int(f)
		}
		return k.NumberValue
	case *structpb.Value_StringValue:
		return k.StringValue
	case *structpb.Value_BoolValue:
		return k.BoolValue
	}
	return nil
}

func scalarOf(v reflect.Value, fd protoreflect.FieldDescriptor) protoreflect.Value {
	switch fd.Kind() {
	case protoreflect.StringKind:
		return protoreflect.ValueOfString(v.String())
	case protoreflect.BoolKind:
		return protoreflect.ValueOfBool(v.Bool())
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		return protoreflect.ValueOfInt64(v.Int())
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind:
		return protoreflect.ValueOfInt32(int32(v.Int()))
	case protoreflect.Uint32Kind:
		return protoreflect.ValueOfUint32(uint32(v.Uint()))
	case protoreflect.DoubleKind:
		return protoreflect.ValueOfFloat64(v.Float())
	case protoreflect.BytesKind:
		return protoreflect.ValueOfBytes(v.Bytes())
	}
	panic(fmt.Sprintf("wire: field %s of kind %s", fd.FullName(), fd.Kind()))
}

func msgToStruct(m protoreflect.Message, rv reflect.Value) {
	if rv.Type() == timeType {
		rv.Set(reflect.ValueOf(timeFromMsg(m)))
		return
	}
	for _, p := range fieldsOf(rv.Type(), m.Descriptor()) {
		fv := rv.FieldByIndex(p.index)
		switch {
		case p.fd.IsList():
			l := m.Get(p.fd).List()
			if l.Len() == 0 {
				fv.SetZero()
				continue
			}
			if fv.Kind() == reflect.Slice {
				fv.Set(reflect.MakeSlice(fv.Type(), l.Len(), l.Len()))
			}
			for j := 0; j < l.Len(); j++ {
				setFrom(l.Get(j), p.fd, fv.Index(j))
			}
		case p.fd.IsMap():
			mp := m.Get(p.fd).Map()
			if mp.Len() == 0 {
				fv.SetZero()
				continue
			}
			out := reflect.MakeMapWithSize(fv.Type(), mp.Len())
			mp.Range(func(k protoreflect.MapKey, v protoreflect.Value) bool {
				e := reflect.New(fv.Type().Elem()).Elem()
				setFrom(v, p.fd.MapValue(), e)
				out.SetMapIndex(reflect.ValueOf(k.String()).Convert(fv.Type().Key()), e)
				return true
			})
			fv.Set(out)
		default:
			if fv.Kind() == reflect.Pointer {
				if !m.Has(p.fd) {
					fv.SetZero()
					continue
				}
				fv.Set(reflect.New(fv.Type().Elem()))
				fv = fv.Elem()
			}
			setFrom(m.Get(p.fd), p.fd, fv)
		}
	}
}

// setFrom sets the Go value dst from one message value (a field, a list element or a
// map value) of the field fd.
func setFrom(v protoreflect.Value, fd protoreflect.FieldDescriptor, dst reflect.Value) {
	if dst.Kind() == reflect.Pointer && fd.Kind() == protoreflect.MessageKind && dst.Type() != anyType {
		dst.Set(reflect.New(dst.Type().Elem()))
		dst = dst.Elem()
	}
	switch fd.Kind() {
	case protoreflect.MessageKind:
		m := v.Message()
		switch m.Descriptor().FullName() {
		case durationName:
			sec := m.Get(m.Descriptor().Fields().ByName("seconds")).Int()
			ns := m.Get(m.Descriptor().Fields().ByName("nanos")).Int()
			dst.SetInt(int64(time.Duration(sec)*time.Second + time.Duration(ns)))
		case valueName:
			if g := goValue(m.Interface().(*structpb.Value)); g != nil {
				dst.Set(reflect.ValueOf(g))
			}
		default:
			msgToStruct(m, dst)
		}
	case protoreflect.StringKind:
		dst.SetString(v.String())
	case protoreflect.BoolKind:
		dst.SetBool(v.Bool())
	case protoreflect.Int64Kind, protoreflect.Int32Kind, protoreflect.Sint64Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind, protoreflect.Sfixed64Kind:
		dst.SetInt(v.Int())
	case protoreflect.Uint32Kind:
		dst.SetUint(v.Uint())
	case protoreflect.DoubleKind:
		dst.SetFloat(v.Float())
	case protoreflect.BytesKind:
		dst.SetBytes(append([]byte(nil), v.Bytes()...))
	default:
		panic(fmt.Sprintf("wire: field %s of kind %s", fd.FullName(), fd.Kind()))
	}
}

// SnakeCase is the message field name of a Go field name: GuestID → guest_id,
// VIPs → vips, FailedPINs → failed_pins.
func SnakeCase(s string) string {
	var b strings.Builder
	r := []rune(s)
	for i, c := range r {
		if !unicode.IsUpper(c) {
			b.WriteRune(c)
			continue
		}
		nextLower := i+1 < len(r) && unicode.IsLower(r[i+1])
		plural := i+1 < len(r) && r[i+1] == 's' && (i+2 == len(r) || unicode.IsUpper(r[i+2]))
		if i > 0 && (unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1]) || (nextLower && !plural && unicode.IsUpper(r[i-1]))) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}
