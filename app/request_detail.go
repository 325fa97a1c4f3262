package app

import (
	"context"
	"fmt"
	"strconv"
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
	"frontdesk/standards"
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
	objs := []fyne.CanvasObject{badges, title, d.facts(r, now), d.actions(r)}
	if len(r.Linked) > 0 {
		objs = append(objs, d.linked(r))
	}
	objs = append(objs, d.timeline(r))
	d.body.Objects = objs
	d.body.Refresh()
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
	row := func(kinds []requests.ActionKind) *fyne.Container {
		box := container.NewGridWithColumns(len(workActions))
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

// start runs an action, asking first for what it needs.
func (d *requestDetail) start(a requests.ActionKind) {
	switch a {
	case requests.ActFollowUp:
		d.followUp()
	case requests.ActTransfer:
		d.transfer()
	case requests.ActAssign:
		d.assign()
	case requests.ActReopen, requests.ActCancel, requests.ActClose, requests.ActEscalate:
		d.withReason(a)
	default:
		d.run(requests.Action{Kind: a})
	}
}

// run applies an action without questions and shows the result.
func (d *requestDetail) run(a requests.Action) {
	id := d.current.ID
	background(d.u, func(ctx context.Context) (*requests.Detail, error) {
		return d.u.svc.Requests.Act(ctx, id, a)
	}, func(r *requests.Detail, err error) {
		if err != nil {
			d.u.showError("update request", err)
			return
		}
		d.after(r)
	})
}

func (d *requestDetail) after(r *requests.Detail) {
	d.show(r)
	if d.changed != nil {
		d.changed()
	}
}

// act is the dialog flavour of run: field problems stay in the dialog.
func (d *requestDetail) act(title, saveLabel string, f *form, read func() (requests.Action, error)) {
	id := d.current.ID
	var result *requests.Detail
	d.u.showForm(title, saveLabel, f, func() func(context.Context) error {
		a, err := read()
		if err != nil {
			return fail(err)
		}
		return func(ctx context.Context) (err error) {
			result, err = d.u.svc.Requests.Act(ctx, id, a)
			return err
		}
	}, func() { d.after(result) })
}

// withReason asks why before reopening, cancelling, closing or escalating.
func (d *requestDetail) withReason(a requests.ActionKind) {
	reason := widget.NewMultiLineEntry()
	reason.SetMinRowsVisible(2)
	reason.Wrapping = fyne.TextWrapWord
	f := newForm()
	hint := lang.L("Why?")
	if a == requests.ActEscalate {
		hint = lang.L("Why? (optional)")
	}
	f.add(requests.FieldReason, hint, reason)
	d.act(label(words.Action, a), label(words.Action, a), f, func() (requests.Action, error) {
		return requests.Action{Kind: a, Reason: reason.Text}, nil
	})
	d.u.win.Canvas().Focus(reason)
}

// followUp records what the guest said when staff checked back.
func (d *requestDetail) followUp() {
	outcomes, outcomeOf := options(words.Outcome, []requests.Outcome{requests.OutcomeSatisfied, requests.OutcomeNotSatisfied, requests.OutcomeUnreachable})
	outcome := widget.NewRadioGroup(outcomes, nil)
	score := widget.NewRadioGroup([]string{"1", "2", "3", "4", "5"}, nil)
	score.Horizontal = true
	comment := widget.NewMultiLineEntry()
	comment.SetMinRowsVisible(2)
	comment.Wrapping = fyne.TextWrapWord
	again := entryWith(d.u.now().Add(time.Hour).Format("15:04"), "HH:MM")
	again.Disable()
	outcome.OnChanged = func(s string) {
		if outcomeOf(s) == requests.OutcomeUnreachable {
			again.Enable()
		} else {
			again.Disable()
		}
	}
	f := newForm()
	f.add(requests.FieldOutcome, lang.L("The guest is"), outcome)
	f.add(requests.FieldScore, lang.L("Score (1–5)"), score)
	f.add(requests.FieldReason, lang.L("What the guest said"), comment)
	f.add(requests.FieldNextAttempt, lang.L("Try again at"), again)
	d.act(lang.L("Follow up with the guest"), lang.L("Save follow-up"), f, func() (requests.Action, error) {
		a := requests.Action{Kind: requests.ActFollowUp, Outcome: outcomeOf(outcome.Selected), Reason: comment.Text}
		a.Score, _ = strconv.Atoi(score.Selected)
		if a.Outcome == requests.OutcomeUnreachable {
			t, ok := parseGuestTime(again.Text, d.u.now())
			if !ok {
				return a, fieldProblem(requests.FieldNextAttempt, "Enter the time as HH:MM, e.g. 06:30.")
			}
			a.NextAttempt = t
		}
		return a, nil
	})
}

// transfer hands the request to another department; the owner stays accountable.
func (d *requestDetail) transfer() {
	background(d.u, d.u.svc.Standards.ListDepartments, func(ds []standards.Department, err error) {
		if err != nil {
			d.u.showError("load departments", err)
			return
		}
		var names []string
		codes := map[string]string{}
		for _, dep := range ds {
			if dep.Code != d.current.Department {
				names = append(names, dep.Name)
				codes[dep.Name] = dep.Code
			}
		}
		to := newSelect(names, nil)
		reason := entryWith("", lang.L("e.g. AC, not cleaning"))
		f := newForm()
		f.add(requests.FieldDepartment, lang.L("To"), to)
		f.add(requests.FieldReason, lang.L("Why?"), reason)
		d.act(lang.L("Transfer"), lang.L("Transfer"), f, func() (requests.Action, error) {
			if to.Selected == "" {
				return requests.Action{}, fieldProblem(requests.FieldDepartment, "Choose the department to transfer to.")
			}
			return requests.Action{Kind: requests.ActTransfer, Department: codes[to.Selected], Reason: reason.Text}, nil
		})
	})
}

// assign names who in the department does the work.
func (d *requestDetail) assign() {
	background(d.u, func(ctx context.Context) ([]staff.Staff, error) {
		return d.u.svc.Staff.ListStaff(ctx, staff.Filter{ActiveOnly: true})
	}, func(staff []staff.Staff, err error) {
		if err != nil {
			d.u.showError("load staff", err)
			return
		}
		names := make([]string, len(staff))
		ids := map[string]string{}
		for i, st := range staff {
			names[i] = fmt.Sprintf("%s (%s)", st.Name, label(words.Role, st.Role))
			ids[names[i]] = st.ID
		}
		who := newSelect(names, nil)
		f := newForm()
		f.add(requests.FieldAssignee, lang.L("Who does it"), who)
		d.act(lang.L("Assign"), lang.L("Assign"), f, func() (requests.Action, error) {
			if who.Selected == "" {
				return requests.Action{}, fieldProblem(requests.FieldAssignee, "Choose who does the work.")
			}
			return requests.Action{Kind: requests.ActAssign, Assignee: ids[who.Selected]}, nil
		})
	})
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
		b := widget.NewButton(clip(text, 80)+" · "+label(words.Status, l.Status), func() { d.open(l.ID) })
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
