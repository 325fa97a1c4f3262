package anticipation

import (
	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/standards"
)

// ResolutionFor is what acting on a prompt with one click writes: the task for an
// occasion, the standing preference for a habit, the contact for a welcome. Preparation
// (StayID) and recovery touch-points (a note from the person) are acted on otherwise.
func ResolutionFor(p Prompt) Resolution {
	res := Resolution{Key: p.Key, Kind: p.Kind, GuestID: p.GuestID}
	switch p.Kind {
	case KindOccasion:
		res.Note = "Task logged"
		res.Request = &requests.Request{GuestID: p.GuestID, Room: p.Room, Category: "other", Department: standards.DeptFood,
			Description: OccasionTask(p)}
	case KindRepeat:
		res.Note = "Saved as a preference"
		res.Preference = &guests.Preference{GuestID: p.GuestID, Category: PreferenceFor(p.Category), Text: p.Subject}
	case KindWelcome:
		res.Note = "Welcome contact made"
	}
	return res
}

// OccasionTask is the task F&B gets for an occasion prompt: "Birthday 25 Nov: cake and a
// card". Like every task the rules write, it is in English, the property's working
// language for what is stored.
func OccasionTask(p Prompt) string {
	title := p.Subject
	if p.Occasion != nil {
		title = p.Occasion.Title()
	}
	return title + " " + p.When.Format("2 Jan") + ": cake and a card"
}
