package app

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
	"frontdesk/words"
)

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
	reason := newMultiLineEntry()
	reason.SetMinRowsVisible(2)
	reason.Wrapping = fyne.TextWrapWord
	f := newForm()
	hint := lang.L("Why?")
	if a == requests.ActEscalate {
		hint = lang.L("Why? (optional)")
	}
	f.add(requests.FieldReason, hint, reason)
	var newTime *keyEntry
	if a == requests.ActReopen && d.current.CategoryGuestTime {
		newTime = d.guestTimeField(f)
	}
	d.act(label(words.Action, a), label(words.Action, a), f, func() (requests.Action, error) {
		act := requests.Action{Kind: a, Reason: reason.Text}
		return act, d.readGuestTime(newTime, &act)
	})
	d.u.win.Canvas().Focus(reason)
}

// guestTimeField adds the new time the guest names to a dialog that reopens a request
// whose category takes one (transport, wake-up calls); the others are promised from
// their standard.
func (d *requestDetail) guestTimeField(f *form) *keyEntry {
	e := entryWith("", "HH:MM")
	f.add(requests.FieldPromised, lang.L("New time the guest asks for"), e)
	return e
}

// readGuestTime puts the time typed in e (when the dialog has it) on a.
func (d *requestDetail) readGuestTime(e *keyEntry, a *requests.Action) error {
	if e == nil || e.Disabled() {
		return nil
	}
	t, ok := parseGuestTime(e.Text, d.u.now())
	if !ok {
		return fieldProblem(requests.FieldPromised, "Enter the time as HH:MM, e.g. 06:30.")
	}
	a.GuestTime = t
	return nil
}

// followUp records what the guest said when staff checked back.
func (d *requestDetail) followUp() {
	outcomes, outcomeOf := options(words.Outcome, []requests.Outcome{requests.OutcomeSatisfied, requests.OutcomeNotSatisfied, requests.OutcomeUnreachable})
	outcome := widget.NewRadioGroup(outcomes, nil)
	score := widget.NewRadioGroup([]string{"1", "2", "3", "4", "5"}, nil)
	score.Horizontal = true
	comment := newMultiLineEntry()
	comment.SetMinRowsVisible(2)
	comment.Wrapping = fyne.TextWrapWord
	again := entryWith(d.u.now().Add(time.Hour).Format("15:04"), "HH:MM")
	again.Disable()
	f := newForm()
	f.add(requests.FieldOutcome, lang.L("The guest is"), outcome)
	f.add(requests.FieldScore, lang.L("Score (1–5)"), score)
	f.add(requests.FieldReason, lang.L("What the guest said"), comment)
	var newTime *keyEntry
	if d.current.CategoryGuestTime {
		newTime = d.guestTimeField(f)
		newTime.Disable()
	}
	outcome.OnChanged = func(s string) {
		enableIf(again, outcomeOf(s) == requests.OutcomeUnreachable)
		if newTime != nil {
			enableIf(newTime, outcomeOf(s) == requests.OutcomeNotSatisfied)
		}
	}
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
		return a, d.readGuestTime(newTime, &a)
	})
}

// enableIf switches e on when on holds, else off.
func enableIf(e *keyEntry, on bool) {
	if on {
		e.Enable()
	} else {
		e.Disable()
	}
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
