package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/words"
)

// requestDetail shows one request: what was asked and for whom, where it stands, the
// actions legal now, its linked recovery, and its timeline.
type requestDetail struct {
	u       *UI
	body    *fyne.Container
	scroll  *container.Scroll
	current *requests.Detail
	changed func() // the queue reloads after an action
	seq     int
	buttons map[requests.ActionKind]*actionButton // the actions of the request shown
}

func newRequestDetail(u *UI, changed func()) *requestDetail {
	d := &requestDetail{u: u, body: container.NewVBox(), changed: changed}
	d.scroll = container.NewVScroll(container.NewPadded(d.body))
	d.showEmpty()
	return d
}

func (d *requestDetail) showEmpty() {
	d.current = nil
	hint := widget.NewLabel(lang.L("Choose a request to see its details and what can be done next."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Alignment = fyne.TextAlignCenter
	d.body.Objects = []fyne.CanvasObject{hint}
	d.body.Refresh()
}

// open loads a request and shows it.
func (d *requestDetail) open(id string) {
	d.seq++
	seq := d.seq
	background(d.u, func(ctx context.Context) (*requests.Detail, error) {
		return d.u.svc.Requests.GetRequest(ctx, id)
	}, func(r *requests.Detail, err error) {
		if seq != d.seq {
			return
		}
		if err != nil {
			d.u.showError("open request", err)
			return
		}
		d.show(r)
	})
}

func (d *requestDetail) show(r *requests.Detail) {
	d.current = r
	now := d.u.now()
	text, col := attention(&r.Request, now)
	title := widget.NewLabelWithStyle(requestText(&r.Request), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	badges := container.NewHBox(newBadge(text, col))
	if r.Kind == requests.KindComplaint {
		badges.Add(newBadge(lang.L("Complaint"), colAlert))
	}
	if r.Priority != requests.PriorityNormal {
		badges.Add(newBadge(label(words.Priority, r.Priority), colDueSoon))
	}
	if r.GuestVIP {
		badges.Add(newBadge(lang.L("VIP"), colVIP))
	}
	objs := []fyne.CanvasObject{badges, title}
	if r.Status == requests.StatusReopened {
		objs = append(objs, newPromiseNote(r, now))
	}
	objs = append(objs, d.facts(r, now), d.actions(r))
	if len(r.Linked) > 0 {
		objs = append(objs, d.linked(r))
	}
	objs = append(objs, d.timeline(r))
	d.body.Objects = objs
	d.body.Refresh()
}

// newPromiseNote tells the agent the reopened request's new promise, to tell the guest.
func newPromiseNote(r *requests.Detail, now time.Time) fyne.CanvasObject {
	note := widget.NewLabelWithStyle(lang.L("Reopened with a new promise: {{.Time}}. Tell the guest.",
		map[string]any{"Time": clockTime(r.PromisedAt, now)}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	note.Importance = widget.WarningImportance
	note.Wrapping = fyne.TextWrapWord
	return note
}

// facts lists the request's fields as label–value pairs.
func (d *requestDetail) facts(r *requests.Detail, now time.Time) fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	add := func(name, value string) {
		if value == "" {
			return
		}
		v := widget.NewLabel(value)
		v.Wrapping = fyne.TextWrapWord
		grid.Add(widget.NewLabelWithStyle(name, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(v)
	}
	add(lang.L("For"), whereFrom(&r.Summary))
	if r.GuestID != "" {
		grid.Add(widget.NewLabel(""))
		open := widget.NewButtonWithIcon(lang.L("Open profile"), theme.AccountIcon(), func() { d.u.openGuest(r.GuestID) })
		open.Importance = widget.LowImportance
		grid.Add(container.NewHBox(open))
	}
	add(lang.L("Category"), r.CategoryName+" → "+r.DepartmentName)
	add(lang.L("Status"), label(words.Status, r.Status))
	add(lang.L("Owner"), r.OwnerName)
	add(lang.L("Assigned to"), r.AssigneeName)
	add(lang.L("Logged"), clockTime(r.CreatedAt, now))
	add(lang.L("Promised"), clockTime(r.PromisedAt, now))
	if r.AcknowledgedIn() > 0 {
		add(lang.L("Acknowledged in"), minutes(r.AcknowledgedIn()))
	}
	if r.ResolvedIn() > 0 {
		on := lang.L("late")
		if r.OnTime() {
			on = lang.L("on time")
		}
		add(lang.L("Done in"), minutes(r.ResolvedIn())+" ("+on+")")
	}
	if !r.NextFollowUp.IsZero() && r.Open() {
		add(lang.L("Call the guest again"), clockTime(r.NextFollowUp, now))
	}
	if r.Outcome != "" {
		add(lang.L("Guest said"), label(words.Outcome, r.Outcome)+" "+scoreText(r.Score))
	}
	if r.EscalationLevel > 0 {
		to := r.EscalatedName
		if to == "" {
			to = label(words.EscalationTarget, r.EscalationTarget)
		}
		add(lang.L("Escalated"), lang.L("Level {{.Level}}: {{.To}}", map[string]any{"Level": r.EscalationLevel, "To": to}))
	}
	return grid
}

// The places of the actions in the detail: the work, then routing, then, apart and on
// the right, the two that end a request without the guest's word. Every action keeps its
// place whatever the status, so a click never lands on another action than the one that
// was there a moment before.
var (
	workActions    = []requests.ActionKind{requests.ActAcknowledge, requests.ActStart, requests.ActDone, requests.ActFollowUp}
	routingActions = []requests.ActionKind{requests.ActAssign, requests.ActTransfer, requests.ActEscalate, requests.ActReopen}
	endingActions  = []requests.ActionKind{requests.ActCancel, requests.ActClose}
)

// actions shows every action in its fixed place, switched off when it cannot be taken
// now; pointing at a switched-off one says why on the line below.
func (d *requestDetail) actions(r *requests.Detail) fyne.CanvasObject {
	why := subtle("")
	why.Wrapping = fyne.TextWrapWord
	d.buttons = map[requests.ActionKind]*actionButton{}
	// Two to a row: four to a row made the pane, and with it the window, wider than a
	// 1366-pixel screen in Indonesian ("Tindak lanjut dengan tamu").
	row := func(kinds []requests.ActionKind) *fyne.Container {
		box := container.NewGridWithColumns(2)
		for _, a := range kinds {
			box.Add(d.actionButton(r, a, why))
		}
		return box
	}
	ending := container.NewGridWithColumns(len(endingActions))
	for _, a := range endingActions {
		ending.Add(d.actionButton(r, a, why))
	}
	bottom := container.NewBorder(nil, nil, nil, ending)
	return container.NewVBox(widget.NewSeparator(), row(workActions), row(routingActions), bottom, why, widget.NewSeparator())
}

// actionButton is the button of action a: on when a can be taken now by this person.
func (d *requestDetail) actionButton(r *requests.Detail, a requests.ActionKind, why *widget.Label) *actionButton {
	reason := r.Refusal(a)
	if reason == "" && a == requests.ActClose && !d.u.actor.Role.Can(staff.PermCloseWithoutFollowUp) {
		reason = staff.MsgManagerOnly
	}
	b := newActionButton(label(words.Action, a), func() { d.start(a) })
	switch a {
	case requests.ActFollowUp, requests.ActAcknowledge, requests.ActDone:
		b.Importance = widget.HighImportance
	case requests.ActCancel, requests.ActClose:
		b.Importance = widget.DangerImportance
	}
	if reason != "" {
		b.Disable()
		b.reason = label(words.Action, a) + ": " + lang.L(reason)
	}
	b.onHover = func(text string) { why.SetText(text) }
	d.buttons[a] = b
	return b
}

// linked shows the recovery opened from this request, or the request it recovers.
func (d *requestDetail) linked(r *requests.Detail) fyne.CanvasObject {
	box := container.NewVBox(heading(lang.L("Service recovery")))
	for _, l := range r.Linked {
		l := l
		text, _, _ := strings.Cut(requestText(&l.Request), "\n") // its first line
		if l.ID == r.RecoveryOf {
			text = lang.L("Recovers: {{.Text}}", map[string]any{"Text": text})
		}
		text = clip(text, 80) + " · " + label(words.Status, l.Status)
		if l.Open() { // its own promise: "⏱ Due in 15 min"
			due, _ := attention(&l.Request, d.u.now())
			text += " · " + due
		}
		b := widget.NewButton(text, func() { d.open(l.ID) })
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	return box
}

// timeline lists every step, oldest first, with who and when.
func (d *requestDetail) timeline(r *requests.Detail) fyne.CanvasObject {
	box := container.NewVBox(heading(lang.L("Timeline")))
	now := d.u.now()
	for _, e := range r.Timeline {
		line := fmt.Sprintf("%s  %s — %s", clockTime(e.At, now), e.Actor, label(words.Event, e.Action))
		if e.Outcome != "" {
			line += ": " + label(words.Outcome, e.Outcome) + " " + scoreText(e.Score)
		}
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
		if note := eventNote(e); note != "" {
			note := subtle("    " + note)
			note.Wrapping = fyne.TextWrapWord
			box.Add(note)
		}
	}
	return box
}

// clip shortens s to n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
