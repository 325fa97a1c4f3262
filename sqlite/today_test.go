package sqlite

import (
	"context"
	"testing"
	"time"

	"frontdesk/anticipation"
	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/requests"
)

func (d *desk) stay(t *testing.T, g *guests.Guest, arrival, nights int, room string, status guests.StayStatus) *guests.Stay {
	t.Helper()
	st := &guests.Stay{GuestID: g.ID, Arrival: day(arrival), Departure: day(arrival + nights), Room: room, Status: status, PartySize: 1}
	must(t, d.s.AddStay(context.Background(), st))
	return st
}

func promptsOf(b *anticipation.Board, kind anticipation.PromptKind) []anticipation.Prompt {
	var out []anticipation.Prompt
	for _, p := range b.Prompts {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	return out
}

func TestArrivalPreparationIsLoggedOnceForTheRightDepartments(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	must(t, d.s.AddPreference(ctx, &guests.Preference{GuestID: d.siti.ID, Category: guests.PrefBedding, Text: "Feather-free pillows"}))
	must(t, d.s.AddAlert(ctx, &guests.Alert{GuestID: d.siti.ID, Kind: guests.AlertAllergy, Text: "Peanut allergy"}))
	st := d.stay(t, d.siti, 24, 3, "1204", guests.StayExpected)

	b, err := d.s.WholeBoard(ctx, d.now)
	must(t, err)
	if len(b.Arrivals) != 1 || b.Arrivals[0].Prep != anticipation.PrepNotStarted || len(b.Arrivals[0].Tasks) != 3 {
		t.Fatalf("arrivals %+v", b.Arrivals)
	}
	if ps := promptsOf(b, anticipation.KindPrepare); len(ps) != 1 {
		t.Fatalf("prepare prompts %+v", b.Prompts)
	}
	n, err := d.s.PrepareArrival(as(d.dewi), st.ID)
	if err != nil || n != 3 {
		t.Fatalf("logged %d tasks: %v", n, err)
	}
	if n, err := d.s.PrepareArrival(as(d.dewi), st.ID); err == nil || n != 0 {
		t.Fatalf("preparing twice logged %d (%v)", n, err)
	}
	tasks, err := d.s.ListRequests(ctx, requests.Filter{GuestID: d.siti.ID})
	must(t, err)
	depts := map[string]int{}
	for _, r := range tasks {
		depts[r.Department]++
		if r.Owner != d.dewi.ID || !r.PromisedAt.Equal(time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC)) {
			t.Errorf("task %+v: owned by Dewi and due at 13:00 on arrival day", r.Request)
		}
	}
	if depts["housekeeping"] != 2 || depts["food_beverage"] != 1 {
		t.Fatalf("tasks by department %v", depts)
	}
	b, _ = d.s.WholeBoard(ctx, d.now)
	if b.Arrivals[0].Prep != anticipation.PrepInProgress || len(promptsOf(b, anticipation.KindPrepare)) != 0 {
		t.Fatalf("after logging: %v, prompts %+v", b.Arrivals[0].Prep, b.Prompts)
	}
	for _, r := range tasks {
		d.act(t, d.agus, r.ID, requests.Action{Kind: requests.ActDone})
	}
	if b, _ = d.s.WholeBoard(ctx, d.now); b.Arrivals[0].Prep != anticipation.PrepReady {
		t.Fatalf("every task done: %v", b.Arrivals[0].Prep)
	}
}

func TestPromptsAreRememberedAndNeverNagTwice(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	d.stay(t, d.vip, 22, 4, "1315", guests.StayInHouse)
	d.stay(t, d.siti, 21, 5, "1204", guests.StayInHouse)
	for i := 0; i < 3; i++ {
		d.log(t, d.dewi, d.siti, "1204", "towels", "Two extra bath towels")
	}
	b, err := d.s.WholeBoard(ctx, d.now)
	must(t, err)
	welcome, repeat := promptsOf(b, anticipation.KindWelcome), promptsOf(b, anticipation.KindRepeat)
	if len(welcome) != 1 || welcome[0].GuestID != d.vip.ID || len(repeat) != 1 || repeat[0].Subject != "Two extra bath towels" {
		t.Fatalf("prompts %+v", b.Prompts)
	}
	if len(b.VIPs) != 1 {
		t.Fatalf("VIPs in house %+v", b.VIPs)
	}

	err = d.s.ResolvePrompt(as(d.dewi), anticipation.Resolution{Key: welcome[0].Key, Kind: welcome[0].Kind, GuestID: d.vip.ID, Dismissed: true})
	if errs.AsFields(err).For(anticipation.FieldNote) == nil {
		t.Fatalf("a dismissal without a reason: %v", err)
	}
	must(t, d.s.ResolvePrompt(as(d.dewi), anticipation.Resolution{Key: welcome[0].Key, Kind: welcome[0].Kind, GuestID: d.vip.ID, Note: "Welcomed at the lift"}))
	err = d.s.ResolvePrompt(as(d.agus), anticipation.Resolution{Key: welcome[0].Key, Kind: welcome[0].Kind, GuestID: d.vip.ID, Note: "again"})
	if errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("a second answer to the same prompt: %v", err)
	}
	pref := &guests.Preference{GuestID: d.siti.ID, Category: guests.PrefAmenities, Text: repeat[0].Subject}
	must(t, d.s.ResolvePrompt(as(d.dewi), anticipation.Resolution{Key: repeat[0].Key, Kind: repeat[0].Kind, GuestID: d.siti.ID,
		Note: "Saved as a preference", Preference: pref}))

	b, _ = d.s.WholeBoard(ctx, d.now)
	if len(promptsOf(b, anticipation.KindWelcome))+len(promptsOf(b, anticipation.KindRepeat)) != 0 {
		t.Fatalf("handled prompts came back: %+v", b.Prompts)
	}
	p, err := d.s.FindGuestByID(ctx, d.siti.ID)
	must(t, err)
	if len(p.Preferences) != 1 || p.Preferences[0].RecordedBy != "Dewi Lestari" {
		t.Fatalf("the confirmed preference %+v", p.Preferences)
	}
	audit, err := d.s.ListAudit(auditor(), resourcesAuditFor(d.vip.ID))
	must(t, err)
	found := false
	for _, e := range audit {
		found = found || (e.Entity == "prompt" && e.ActorName == "Dewi Lestari" && e.Summary == "Welcomed at the lift")
	}
	if !found {
		t.Fatalf("the welcome is not in the audit log: %+v", audit)
	}
}

func resourcesAuditFor(guestID string) audit.Filter {
	return audit.Filter{GuestID: guestID}
}
