package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/words"
)

// pastRequestsShown is how many closed requests the profile lists; the rest are in the
// Requests screen's history.
const pastRequestsShown = 8

// guestRequests is what a profile shows of the guest's requests.
type guestRequests struct {
	open, past []requests.Summary
}

// requests is the profile's Requests card: open ones with where they stand, past ones
// with the guest's satisfaction, and New request. It fills in once loaded.
func (pv *profileView) requests(p *guests.Profile) fyne.CanvasObject {
	rows := container.NewVBox(subtle(lang.L("Loading requests…")))
	add := widget.NewButtonWithIcon(lang.L("New request"), theme.ContentAddIcon(), func() {
		pv.u.newRequest(&p.Guest, currentRoom(p), pv.u.requestLogged)
	})
	if pv.u.svc.Requests == nil {
		return widget.NewCard("", lang.L("Requests"), add)
	}
	id := p.ID
	background(pv.u, func(ctx context.Context) (guestRequests, error) {
		open, err := pv.u.svc.Requests.ListRequests(ctx, requests.Filter{GuestID: id, View: requests.ViewOpen})
		if err != nil {
			return guestRequests{}, err
		}
		past, err := pv.u.svc.Requests.ListRequests(ctx, requests.Filter{GuestID: id, View: requests.ViewHistory, Limit: pastRequestsShown})
		return guestRequests{open, past}, err
	}, func(gr guestRequests, err error) {
		if pv.profile == nil || pv.profile.ID != id {
			return // another guest is shown now
		}
		if err != nil {
			pv.u.showError("load requests", err)
			return
		}
		rows.Objects = pv.requestRows(gr)
		rows.Refresh()
	})
	return widget.NewCard("", lang.L("Requests"), container.NewVBox(rows, container.NewHBox(add)))
}

func (pv *profileView) requestRows(gr guestRequests) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	if len(gr.open)+len(gr.past) == 0 {
		return []fyne.CanvasObject{subtle(lang.L("No requests yet."))}
	}
	now := pv.u.now()
	for i := range gr.open {
		r := &gr.open[i]
		text, col := attention(&r.Request, now)
		line := widget.NewLabel(requestText(&r.Request) + " · " + r.DepartmentName + " · " + label(words.Status, r.Status))
		line.Truncation = fyne.TextTruncateEllipsis
		out = append(out, container.NewBorder(nil, nil, newBadge(text, col), pv.openButton(r.ID), line))
	}
	if len(gr.past) > 0 {
		out = append(out, subtle(lang.L("Past requests")))
	}
	for i := range gr.past {
		r := &gr.past[i]
		detail := shortDate(r.CreatedAt) + " · " + label(words.Status, r.Status)
		if r.Score > 0 {
			detail += " · " + scoreText(r.Score)
		}
		line := widget.NewLabel(requestText(&r.Request))
		line.Truncation = fyne.TextTruncateEllipsis
		out = append(out, container.NewBorder(nil, nil, nil, container.NewHBox(subtle(detail), pv.openButton(r.ID)), line))
	}
	return out
}

// openButton shows the request on the Requests screen.
func (pv *profileView) openButton(id string) *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("Open"), theme.NavigateNextIcon(), func() { pv.u.showRequest(id) })
	b.Importance = widget.LowImportance
	return b
}

// currentRoom is the room of the guest's stay in house, if any.
func currentRoom(p *guests.Profile) string {
	if cs := p.CurrentStay(); cs != nil {
		return cs.Room
	}
	return ""
}
