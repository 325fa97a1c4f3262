package handover

import (
	"time"

	"frontdesk/errs"
	"frontdesk/textcheck"
)

// Field names of the logbook form and the acknowledgement.
const (
	FieldText    = "text"
	FieldRoom    = "room"
	FieldGuest   = "guest"
	FieldRequest = "request"
	FieldNote    = "note"
)

// Limits of the logbook's free text.
const (
	MaxNoteText = 2000
	MaxAckNote  = 500
)

// Messages of the logbook and the acknowledgement. They are translation keys too: keep the
// text stable.
const (
	MsgEmptyNote      = "Write the note first."
	MsgSignInToWrite  = "Sign in to write in the logbook."
	MsgPinByAuthor    = "Only the note's author or a shift manager may pin or unpin it."
	MsgAckManagers    = "Only a shift manager or an administrator may acknowledge a handover."
	MsgAckTwice       = "{{.Name}} already acknowledged this handover at {{.Time}}."
	MsgAckNotStarted  = "A shift's handover can be acknowledged once the shift has started."
	MsgNoteNotFound   = "This logbook note no longer exists."
	MsgUnknownShift   = "Choose one of the options in the list."
	MsgRequestUnknown = "This request no longer exists."
)

// Note is one logbook entry: free text passed from shift to shift, optionally about a
// guest, a room or a request. A pinned note shows on every handover until it is unpinned.
type Note struct {
	ID        string
	At        time.Time
	AuthorID  string
	Author    string
	Text      string
	GuestID   string // optional
	GuestName string // read back with the note
	Room      string // optional
	RequestID string // optional
	Request   string // the request's description, read back with the note
	Pinned    bool
	PinnedBy  string // who pinned it, while pinned
	PinnedAt  time.Time
}

// Normalize cleans a new note and returns every problem found: the text is a block of at
// most MaxNoteText characters, the room a short line.
func (n *Note) Normalize() errs.Fields {
	var fs errs.Fields
	if textcheck.Into(&fs, FieldText, &n.Text, MaxNoteText, true) && n.Text == "" {
		fs.Add(FieldText, MsgEmptyNote, nil)
	}
	textcheck.Into(&fs, FieldRoom, &n.Room, 10, false)
	return fs
}

// CleanAckNote checks the optional remark of an acknowledgement.
func CleanAckNote(note *string) error {
	var fs errs.Fields
	textcheck.Into(&fs, FieldNote, note, MaxAckNote, true)
	return fs.Err()
}

// NoteFilter selects logbook notes: those written in [From, To) and, with Pinned, every
// pinned note whenever it was written. Pinned notes come first, then the newest.
type NoteFilter struct {
	From, To time.Time
	Pinned   bool
	Limit    int // default and at most SectionLimit
}

// PageSize returns the filter's limit within bounds.
func (f NoteFilter) PageSize() int {
	if f.Limit <= 0 || f.Limit > SectionLimit {
		return SectionLimit
	}
	return f.Limit
}
