package wire

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	"frontdesk/anticipation"
	v1 "frontdesk/api/frontdesk/v1"
	"frontdesk/audit"
	"frontdesk/desks"
	"frontdesk/errs"
	"frontdesk/escalation"
	"frontdesk/guests"
	"frontdesk/handover"
	"frontdesk/loans"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// pairs are the domain's types with the messages they travel in. Every type reachable
// from them is filled and carried too.
var domainTypes = []struct {
	goValue any
	msg     proto.Message
}{
	{&guests.Query{}, &v1.Query{}}, {&guests.Match{}, &v1.Match{}}, {&guests.Profile{}, &v1.Profile{}},
	{&guests.DataExport{}, &v1.DataExport{}}, {&guests.ErasurePlan{}, &v1.ErasurePlan{}},
	{&guests.BackupErasure{}, &v1.BackupErasure{}}, {&guests.ImportReport{}, &v1.ImportReport{}},
	{&guests.ImportOptions{}, &v1.ImportOptions{}},
	{&requests.Detail{}, &v1.Detail{}}, {&requests.Action{}, &v1.Action{}}, {&requests.Filter{}, &v1.RequestsFilter{}},
	{&standards.Promise{}, &v1.Promise{}}, {&standards.Department{}, &v1.Department{}}, {&standards.Category{}, &v1.Category{}},
	{&staff.Staff{}, &v1.Staff{}}, {&staff.Filter{}, &v1.StaffFilter{}}, {&staff.Actor{}, &v1.Actor{}},
	{&loans.ItemStock{}, &v1.ItemStock{}}, {&loans.Loan{}, &v1.Loan{}}, {&loans.Filter{}, &v1.LoansFilter{}},
	{&property.Room{}, &v1.Room{}}, {&property.RoomFilter{}, &v1.RoomFilter{}}, {&property.RoomImportReport{}, &v1.RoomImportReport{}},
	{&property.ShiftTimes{}, &v1.ShiftTimes{}}, {&property.RosterEntry{}, &v1.RosterEntry{}},
	{&audit.Entry{}, &v1.Entry{}}, {&audit.Filter{}, &v1.AuditFilter{}},
	{&escalation.Level{}, &v1.Level{}},
	{&anticipation.Board{}, &v1.Board{}}, {&anticipation.Resolution{}, &v1.Resolution{}},
	{&anticipation.BoardQuery{}, &v1.BoardQuery{}}, {&anticipation.PrepRule{}, &v1.PrepRule{}},
	{&handover.Report{}, &v1.Report{}}, {&handover.Note{}, &v1.Note{}}, {&handover.NoteFilter{}, &v1.NoteFilter{}},
	{&handover.Ack{}, &v1.Ack{}}, {&handover.Measures{}, &v1.Measures{}},
	{&desks.Desk{}, &v1.Desk{}},
}

// filler gives every field a value of its own, different from the zero value and from
// the field before, so a field carried into the wrong place is seen.
type filler struct{ n int }

func (f *filler) next() int { f.n++; return f.n }

func (f *filler) fill(v reflect.Value, depth int) {
	switch {
	case v.Type() == reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(time.Date(2026, 11, 23, 9, f.next()%60, 7, 123456789, time.UTC)))
		return
	case v.Type() == reflect.TypeFor[time.Duration]():
		v.SetInt(int64(time.Duration(f.next()) * time.Minute))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d", f.next()))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
		v.SetInt(int64(f.next()))
	case reflect.Uint8, reflect.Uint16, reflect.Uint32:
		v.SetUint(uint64(f.next()))
	case reflect.Float64, reflect.Float32:
		v.SetFloat(float64(f.next()) + 0.5)
	case reflect.Pointer:
		if depth > 4 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		f.fill(v.Elem(), depth+1)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte{byte(f.next()), 2, 3})
			return
		}
		if depth > 4 {
			return
		}
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			f.fill(s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := 0; i < 2; i++ {
			k := reflect.New(v.Type().Key()).Elem()
			f.fill(k, depth+1)
			e := reflect.New(v.Type().Elem()).Elem()
			if v.Type().Elem().Kind() == reflect.Interface {
				e.Set(reflect.ValueOf(f.next())) // a fact: a whole number comes back as an int
			} else {
				f.fill(e, depth+1)
			}
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			sf := v.Type().Field(i)
			if sf.IsExported() && sf.Tag.Get("wire") != "-" && sf.Type.Kind() != reflect.Func {
				f.fill(v.Field(i), depth)
			}
		}
	}
}

// TestRoundTrip carries a value of every type with every field set there and back.
func TestRoundTrip(t *testing.T) {
	var f filler
	for _, p := range domainTypes {
		t.Run(reflect.TypeOf(p.goValue).Elem().String(), func(t *testing.T) {
			want := reflect.New(reflect.TypeOf(p.goValue).Elem())
			f.fill(want.Elem(), 0)
			m := p.msg.ProtoReflect().Type().New().Interface()
			ToProto(want.Interface(), m)
			b, err := proto.Marshal(m) // it must also survive the wire itself
			if err != nil {
				t.Fatal(err)
			}
			back := m.ProtoReflect().Type().New().Interface()
			if err := proto.Unmarshal(b, back); err != nil {
				t.Fatal(err)
			}
			got := reflect.New(want.Elem().Type())
			FromProto(back, got.Interface())
			if !reflect.DeepEqual(want.Interface(), got.Interface()) {
				t.Fatalf("changed on the way:\nsent %+v\ngot  %+v", want.Elem().Interface(), got.Elem().Interface())
			}
		})
	}
}

// TestPINHashNeverSent: the hash of a PIN has no field in the message.
func TestPINHashNeverSent(t *testing.T) {
	st := staff.Staff{ID: "s1", Name: "Dewi", PINHash: "$argon2id$secret"}
	m := Msg[*v1.Staff](&st)
	b, _ := proto.Marshal(m)
	if len(b) == 0 || strings.Contains(string(b), "argon2id") {
		t.Fatalf("the PIN hash travelled: %q", b)
	}
	if got := Go[staff.Staff](m); got.PINHash != "" || got.Name != "Dewi" {
		t.Fatalf("got %+v", got)
	}
}

// TestTimeKeepsItsZone: a time arrives in the zone it was read in, so "today" and "this
// shift" are the sender's.
func TestTimeKeepsItsZone(t *testing.T) {
	wita := time.FixedZone("WITA", 8*3600)
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zone database")
	}
	for _, in := range []time.Time{
		time.Date(2026, 11, 23, 23, 59, 0, 0, wita),
		time.Date(2026, 3, 8, 1, 30, 0, 0, ny), // the night summer time starts
		time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
		{},
	} {
		got := GoTime(Time(in))
		if !got.Equal(in) || got.IsZero() != in.IsZero() {
			t.Fatalf("%v came back as %v", in, got)
		}
		if in.IsZero() {
			continue
		}
		_, wantOff := in.Zone()
		_, gotOff := got.Zone()
		if wantOff != gotOff || got.Location().String() != in.Location().String() || got.Day() != in.Day() {
			t.Fatalf("%v came back in %v", in, got.Location())
		}
		if in.Location() == ny && got.Add(24*time.Hour).Hour() != in.Add(24*time.Hour).Hour() {
			t.Fatalf("the zone's rules were lost: %v", got.Add(24*time.Hour))
		}
	}
}

// TestErrorsTravel: a typed error keeps its code, field, template and facts; a form's
// problems all arrive; an untyped fault says only that one happened.
func TestErrorsTravel(t *testing.T) {
	e := errs.FieldError("email", "{{.Value}} is not an e-mail address.", map[string]any{"Value": "dewi@", "Level": 2})
	got := FromConnect(ToConnect(e))
	var te *errs.Error
	if !errors.As(got, &te) || te.Code != errs.Invalid || te.Field != "email" || te.Template != e.Template ||
		te.Args["Value"] != "dewi@" || te.Args["Level"] != 2 {
		t.Fatalf("got %#v", got)
	}
	fs := errs.Fields{errs.FieldError("name", "Name needed.", nil), errs.FieldError("pin", "PIN too short.", nil)}
	gotFs := errs.AsFields(FromConnect(ToConnect(fs)))
	if len(gotFs) != 2 || gotFs.For("pin") == nil || gotFs.For("pin").Template != "PIN too short." {
		t.Fatalf("got %v", gotFs)
	}
	for _, code := range []errs.Code{errs.NotFound, errs.Conflict, errs.Unavailable, errs.Denied, errs.Internal} {
		if c := errs.CodeOf(FromConnect(ToConnect(errs.New(code, "x", nil)))); c != code {
			t.Fatalf("%s came back as %s", code, c)
		}
	}
	fault := FromConnect(ToConnect(errors.New("UNIQUE constraint failed: guests.secret_column")))
	if errs.CodeOf(fault) != errs.Internal || strings.Contains(fault.Error(), "secret_column") {
		t.Fatalf("a fault's detail travelled: %v", fault)
	}
}

func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{"GuestID": "guest_id", "VIPs": "vips", "FailedPINs": "failed_pins",
		"ID": "id", "P90": "p90", "CategoryGuestTime": "category_guest_time", "URLPath": "url_path"} {
		if got := SnakeCase(in); got != want {
			t.Errorf("%s: got %s, want %s", in, got, want)
		}
	}
}
