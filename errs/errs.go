// Package errs defines Frontdesk's typed errors: a code the program branches on and a
// message written for front-desk staff.
//
// A message is an English text/template. The same English text is the translation key the
// UI looks up (fyne's lang.L), so the domain never imports the UI but every message it
// produces can still be shown in the agent's language.
package errs

import (
	"errors"
	"strings"
	"sync"
	"text/template"
)

// Code classifies an error so callers can react without parsing messages.
type Code string

// The codes Frontdesk uses.
const (
	Invalid     Code = "invalid"     // the input breaks a rule; the message says which
	NotFound    Code = "not_found"   // the thing asked for does not exist
	Conflict    Code = "conflict"    // the change clashes with stored data (e.g. a duplicate)
	Unavailable Code = "unavailable" // the database cannot be used (locked, unreadable, newer)
	Internal    Code = "internal"    // a fault staff cannot fix; logged with detail
	Denied      Code = "denied"      // who is asking is not known or not allowed: sign in, pair the desk
)

// Error is a typed error with a user-facing message.
type Error struct {
	Code     Code
	Field    string         // the input field the message belongs beside, if any
	Template string         // English message template; also the translation key
	Args     map[string]any // values for the template
	Cause    error          // the underlying error, for logs
}

// New returns an error with the given code and message template.
func New(code Code, tmpl string, args map[string]any) *Error {
	return &Error{Code: code, Template: tmpl, Args: args}
}

// Wrap returns an error with the given code and message that keeps cause for logging.
func Wrap(cause error, code Code, tmpl string, args map[string]any) *Error {
	return &Error{Code: code, Template: tmpl, Args: args, Cause: cause}
}

// FieldError returns an Invalid error that belongs beside the named field.
func FieldError(field, tmpl string, args map[string]any) *Error {
	return &Error{Code: Invalid, Field: field, Template: tmpl, Args: args}
}

// Error renders the English message.
func (e *Error) Error() string { return Render(e.Template, e.Args) }

// Unwrap exposes the cause to errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Cause }

// Fields is the result of validating a form: every problem found, each beside its field.
type Fields []*Error

// Add records a problem with a field.
func (f *Fields) Add(field, tmpl string, args map[string]any) {
	*f = append(*f, FieldError(field, tmpl, args))
}

// Err returns nil when nothing was wrong, else f itself.
func (f Fields) Err() error {
	if len(f) == 0 {
		return nil
	}
	return f
}

// Error joins the English messages.
func (f Fields) Error() string {
	parts := make([]string, len(f))
	for i, e := range f {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// For returns the first problem recorded for field, or nil.
func (f Fields) For(field string) *Error {
	for _, e := range f {
		if e.Field == field {
			return e
		}
	}
	return nil
}

// AsFields returns the field problems carried by err: the list itself, a single field
// error, or nothing.
func AsFields(err error) Fields {
	var fs Fields
	if errors.As(err, &fs) {
		return fs
	}
	var e *Error
	if errors.As(err, &e) && e.Field != "" {
		return Fields{e}
	}
	return nil
}

// CodeOf returns the code of err: Invalid for field lists, Internal for untyped errors.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var fs Fields
	if errors.As(err, &fs) {
		return Invalid
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

var templates sync.Map // template text -> *template.Template

// Render fills a message template with args; a template that fails to parse is returned as is.
func Render(tmpl string, args map[string]any) string {
	if !strings.Contains(tmpl, "{{") {
		return tmpl
	}
	t, ok := templates.Load(tmpl)
	if !ok {
		parsed, err := template.New("").Option("missingkey=zero").Parse(tmpl)
		if err != nil {
			return tmpl
		}
		t, _ = templates.LoadOrStore(tmpl, parsed)
	}
	var b strings.Builder
	if err := t.(*template.Template).Execute(&b, args); err != nil {
		return tmpl
	}
	return b.String()
}
