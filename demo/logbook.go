package demo

import (
	"context"

	"frontdesk/guests"
	"frontdesk/handover"
	"frontdesk/staff"
)

// logbook is what the demo's desk wrote for the next shift; the first one stays pinned.
var logbook = []struct {
	author string
	text   string
	room   bool // about the first in-house guest's room
	pin    bool
}{
	{"Rina Kusuma", "Pool closes at 18:00 all week for resurfacing; offer the spa pool and apologise.", false, true},
	{"Dewi Lestari", "Guest asked for a quiet room next stay: noted on the profile, please check at arrival.", true, false},
	{"Agus Pratama", "Airport taxi rank slow tonight; book cars 30 minutes earlier than usual.", false, false},
}

// fillLogbook writes the demo's logbook notes, so the handover looks lived-in.
func fillLogbook(ctx context.Context, t Target, ps []guests.Profile) error {
	people, err := t.ListStaff(ctx, staff.Filter{})
	if err != nil {
		return err
	}
	ids := map[string]staff.Actor{}
	for _, st := range people {
		ids[st.Name] = staff.Actor{ID: st.ID, Name: st.Name, Role: st.Role}
	}
	var inHouse *guests.Profile
	for i := range ps {
		if ps[i].CurrentStay() != nil {
			inHouse = &ps[i]
			break
		}
	}
	for _, l := range logbook {
		author := staff.WithActor(ctx, ids[l.author])
		n := &handover.Note{Text: l.text}
		if l.room && inHouse != nil {
			n.GuestID, n.Room = inHouse.ID, inHouse.CurrentStay().Room
		}
		if err := t.AddNote(author, n); err != nil {
			return err
		}
		if l.pin {
			if _, err := t.SetPinned(author, n.ID, true); err != nil {
				return err
			}
		}
	}
	return nil
}
