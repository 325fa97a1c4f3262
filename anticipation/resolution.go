package anticipation

import (
	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/standards"
)

// ResolutionFor is what acting on a prompt with one click writes: the task for an
// occasion, the standing preference for a habit, the contact for a welcome. Preparation
// (StayID) and recovery touch-points (a note from the person) are acted on otherwise.
// What was done is the prompt's kind: the note stays for what people type.
func ResolutionFor(p Prompt) Resolution {
	res := Resolution{Key: p.Key, Kind: p.Kind, GuestID: p.GuestID}
	switch p.Kind {
	case KindOccasion:
		res.Request = OccasionTask(p)
	case KindRepeat:
		res.Preference = &guests.Preference{GuestID: p.GuestID, Category: PreferenceFor(p.Category), Text: p.Subject}
	}
	return res
}

// OccasionTask is the task F&B gets for an occasion prompt, read as "Birthday 25 Nov:
// cake and a card" in the reader's language (words.RequestText): it keeps the occasion's
// kind and date, and its name as typed (the kind's English name when it has none).
func OccasionTask(p Prompt) *requests.Request {
	r := &requests.Request{GuestID: p.GuestID, Room: p.Room, Category: "other", Department: standards.DeptFood,
		Priority: requests.PriorityNormal, Kind: requests.KindRequest,
		Description: p.Subject, OccasionOn: p.When}
	if p.Occasion != nil {
		r.Description, r.Occasion = p.Occasion.Title(), string(p.Occasion.Kind)
	}
	return r
}
