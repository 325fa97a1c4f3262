package anticipation

import (
	"time"

	"frontdesk/errs"
	"frontdesk/requests"
)

// UndoWindow is how long after a one-click action on a prompt the person who clicked can
// take it back: long enough to notice a click that landed on the wrong guest, short
// enough that no department has started on what it created.
const UndoWindow = 2 * time.Minute

// MsgUndone says why the tasks an undo cancels were cancelled (requests.Event.Undo).
const MsgUndone = "Undone at the desk: created by mistake"

// Messages of a refused undo. They are translation keys too: keep the texts stable.
const (
	MsgUndoGone     = "There is nothing to undo: it was undone already, or never done."
	MsgUndoNotYours = "Only {{.Name}}, who did it, can undo this."
	MsgUndoTooLate  = "It is too late to undo this: undo works for {{.Minutes}} minutes. Cancel the tasks in Requests instead."
	MsgUndoStarted  = "A department has already started on a task it created; cancel that one in Requests instead."
)

// Handled is a prompt acted on, as the store remembers it, with what the action created.
type Handled struct {
	ActorID      string
	ActorName    string
	At           time.Time
	Requests     []*requests.Request // tasks it logged, still in the store
	PreferenceID string              // the preference it saved, or ""
}

// CheckUndo says whether actor may take back h at now: only the person who acted, only
// within UndoWindow, and only while no task it created has been started.
func CheckUndo(h Handled, actorID string, now time.Time) error {
	switch {
	case h.ActorID != actorID:
		return errs.New(errs.Conflict, MsgUndoNotYours, map[string]any{"Name": h.ActorName})
	case now.Sub(h.At) > UndoWindow:
		return errs.New(errs.Conflict, MsgUndoTooLate, map[string]any{"Minutes": int(UndoWindow / time.Minute)})
	}
	for _, r := range h.Requests {
		if r.Status != requests.StatusNew {
			return errs.New(errs.Conflict, MsgUndoStarted, nil)
		}
	}
	return nil
}
