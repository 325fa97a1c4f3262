package audit

import (
	"context"
	"strings"
	"time"
)

// Entry is one change, attributed: who did what to which thing, and when.
type Entry struct {
	At        time.Time
	ActorID   string
	ActorName string
	Entity    string // guest, stay, preference, alert, occasion, import…
	EntityID  string
	GuestID   string // the guest concerned, when there is one
	Action    string // create, update, remove…
	Summary   string // what changed, in English when Frontdesk worded it
	// Words is a summary Frontdesk worded itself, for the reader's language; nil for a
	// summary that is a name or a text as typed, and for entries from before it was kept.
	Words *Words
}

// Words is a summary kept as its facts: parts joined by Sep, each a text of the
// catalogue (app/translations) with its facts, or a name or text as typed.
type Words struct {
	Parts []Part `json:"parts"`
	Sep   string `json:"sep,omitempty"`
}

// Part is one part of a summary: Key with Args, or Text as typed.
type Part struct {
	Key  string         `json:"key,omitempty"`
	Args map[string]any `json:"args,omitempty"`
	Text string         `json:"text,omitempty"`
}

// Render joins the parts, each keyed one put into words by say.
func (w *Words) Render(say func(key string, args map[string]any) string) string {
	out := make([]string, len(w.Parts))
	for i, p := range w.Parts {
		out[i] = p.Text
		if p.Key != "" {
			out[i] = say(p.Key, p.Args)
		}
	}
	return strings.Join(out, w.Sep)
}

// Filter narrows the audit log for a manager browsing it. Zero fields match all.
type Filter struct {
	ActorName string
	GuestID   string
	From, To  time.Time // [From, To)
	Limit     int       // a page; 0 means 100
}

// Service reads the audit log; writing happens inside every other service's
// transactions.
type Service interface {
	ListAudit(ctx context.Context, f Filter) ([]Entry, error)
}
