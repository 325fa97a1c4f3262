package errs

import (
	"errors"
	"fmt"
	"testing"
)

func TestMessagesRenderTheirArguments(t *testing.T) {
	e := FieldError("email", "E-mail '{{.Value}}' is not a valid address.", map[string]any{"Value": "x@"})
	if e.Error() != "E-mail 'x@' is not a valid address." {
		t.Fatalf("got %q", e.Error())
	}
	if got := Render("Broken {{.", nil); got != "Broken {{." {
		t.Fatalf("a broken template should come back as is, got %q", got)
	}
}

func TestCodesSurviveWrapping(t *testing.T) {
	nf := New(NotFound, "gone", nil)
	cases := []struct {
		err  error
		want Code
	}{
		{nil, ""},
		{nf, NotFound},
		{fmt.Errorf("loading: %w", nf), NotFound},
		{Fields{FieldError("x", "bad", nil)}, Invalid},
		{errors.New("disk on fire"), Internal},
	}
	for _, c := range cases {
		if got := CodeOf(c.err); got != c.want {
			t.Errorf("CodeOf(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}

func TestAsFieldsFindsProblemsBesideTheirFields(t *testing.T) {
	var fs Fields
	fs.Add("email", "bad e-mail", nil)
	fs.Add("phone", "bad phone", nil)
	got := AsFields(fmt.Errorf("save: %w", fs.Err()))
	if got.For("phone") == nil || got.For("name") != nil {
		t.Fatalf("got %v", got)
	}
	single := &Error{Code: Conflict, Field: "loyalty_number", Template: "taken"}
	if AsFields(single).For("loyalty_number") == nil {
		t.Fatal("a single field error should be placed beside its field")
	}
	if AsFields(New(Internal, "x", nil)) != nil || (Fields{}).Err() != nil {
		t.Fatal("errors without a field are not field problems")
	}
}
