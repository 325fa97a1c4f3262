package sqlite

import (
	"context"
	"testing"
	"time"

	"frontdesk/anticipation"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/requests"
)

// Create tasks on the wrong arrival, then Undo: the tasks are cancelled (and kept in
// the history), the prompt is back on the board, and the right guest can be prepared.
func TestUndoingPreparationCancelsItsTasksAndBringsThePromptBack(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	must(t, d.s.AddPreference(ctx, &guests.Preference{GuestID: d.siti.ID, Category: guests.PrefOther, Text: "Feather-free pillows"}))
	st := d.stay(t, d.siti, 24, 3, "1204", guests.StayExpected)
	n, err := d.s.PrepareArrival(as(d.dewi), st.ID)
	if err != nil || n != 1 {
		t.Fatalf("prepared %d: %v", n, err)
	}
	key := "prepare:" + st.ID
	if err := d.s.UndoPrompt(as(d.agus), key); errs.CodeOf(err) != errs.Conflict || err.Error() != "Only Dewi Lestari, who did it, can undo this." {
		t.Fatalf("undo by another agent: %v", err)
	}
	must(t, d.s.UndoPrompt(as(d.dewi), key))
	tasks, err := d.s.ListRequests(ctx, requests.Filter{GuestID: d.siti.ID, View: requests.ViewHistory})
	must(t, err)
	if len(tasks) != 1 || tasks[0].Status != requests.StatusCancelled {
		t.Fatalf("tasks after undo %+v", tasks)
	}
	b, err := d.s.WholeBoard(ctx, d.now)
	must(t, err)
	if ps := promptsOf(b, anticipation.KindPrepare); len(ps) != 1 || b.Arrivals[0].Prep != anticipation.PrepNotStarted {
		t.Fatalf("after undo: prompts %+v, prep %v", b.Prompts, b.Arrivals[0].Prep)
	}
	if err := d.s.UndoPrompt(as(d.dewi), key); errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("undoing twice: %v", err)
	}
	if n, err := d.s.PrepareArrival(as(d.dewi), st.ID); err != nil || n != 1 {
		t.Fatalf("preparing again logged %d: %v", n, err)
	}
}

func TestUndoIsRefusedOnceTooLateOrOnceWorkHasStarted(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	must(t, d.s.AddPreference(ctx, &guests.Preference{GuestID: d.siti.ID, Category: guests.PrefBedding, Text: "Feather-free pillows"}))
	st := d.stay(t, d.siti, 24, 3, "1204", guests.StayExpected)
	_, err := d.s.PrepareArrival(as(d.dewi), st.ID)
	must(t, err)
	tasks, err := d.s.ListRequests(ctx, requests.Filter{GuestID: d.siti.ID})
	must(t, err)
	d.act(t, d.agus, tasks[0].ID, requests.Action{Kind: requests.ActAcknowledge})
	if err := d.s.UndoPrompt(as(d.dewi), "prepare:"+st.ID); errs.CodeOf(err) != errs.Conflict || err.Error() != anticipation.MsgUndoStarted {
		t.Fatalf("undo after a department started: %v", err)
	}
	d.stay(t, d.vip, 22, 4, "1315", guests.StayInHouse)
	for i := 0; i < 3; i++ {
		d.log(t, d.dewi, d.vip, "1315", "towels", "Two extra bath towels")
	}
	b, err := d.s.WholeBoard(ctx, d.now)
	must(t, err)
	repeat := promptsOf(b, anticipation.KindRepeat)[0]
	res := anticipation.ResolutionFor(repeat)
	must(t, d.s.ResolvePrompt(as(d.dewi), res))
	d.now = d.now.Add(anticipation.UndoWindow + time.Second)
	if err := d.s.UndoPrompt(as(d.dewi), repeat.Key); errs.CodeOf(err) != errs.Conflict || err.Error() != "It is too late to undo this: undo works for 2 minutes. Cancel the tasks in Requests instead." {
		t.Fatalf("undo after the window: %v", err)
	}
	d.now = d.now.Add(-time.Minute)
	must(t, d.s.UndoPrompt(as(d.dewi), repeat.Key))
	p, err := d.s.FindGuestByID(ctx, d.vip.ID)
	must(t, err)
	if len(p.Preferences) != 0 {
		t.Fatalf("the saved preference is still there: %+v", p.Preferences)
	}
}
