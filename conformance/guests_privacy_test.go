package conformance

import (
	"context"
	"testing"

	"frontdesk/backup"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

type donePair struct{ Done, Total int }

func TestGuestDataIsExportedWithEverythingAboutThem(t *testing.T) {
	exports := bySide[guests.DataExport]{}
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleShiftManager)
		me := staff.ActorFrom(ctx).Name
		g := newGuest(t, d, ctx, "Lena", "Vogel")
		alert := guests.Alert{GuestID: g.ID, Kind: guests.AlertMedical, Text: "Diabetic"}
		st := guests.Stay{GuestID: g.ID, Arrival: calendarDay(2026, 10, 1), Departure: calendarDay(2026, 10, 4), Room: "815",
			Status: guests.StayDeparted, PartySize: 1}
		if err := d.svc.Guests.AddAlert(ctx, &alert); err != nil {
			t.Fatal(err)
		}
		if err := d.svc.Guests.AddStay(ctx, &st); err != nil {
			t.Fatal(err)
		}
		x, err := d.svc.Privacy.ExportGuestData(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if x.Format != guests.DataExportFormat || !x.ExportedAt.Equal(d.now) || x.ExportedBy != me {
			t.Errorf("export %q at %v by %q", x.Format, x.ExportedAt, x.ExportedBy)
		}
		sameValue(t, "exported guest", x.Guest, g)
		sameValue(t, "exported alerts", x.Alerts, []guests.Alert{alert})
		sameValue(t, "exported stays", x.Stays, []guests.Stay{st})
		if len(x.Changes) < 3 {
			t.Errorf("%d changes exported, want the guest, the alert and the stay: %+v", len(x.Changes), x.Changes)
		}
		// IDs differ from one database to the other; the rest must not.
		x.Guest.ID, x.Alerts[0].ID, x.Alerts[0].GuestID, x.Stays[0].ID, x.Stays[0].GuestID = "", "", "", "", ""
		exports[d.name] = *x
	})
	exports.same(t, "guest data export")
}

func TestErasureIsPlannedAndReachesTheBackups(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleShiftManager)
		g := newGuest(t, d, ctx, "Tomás", "Ruiz")
		plan, err := d.svc.Privacy.PlanErasure(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if plan.Backups != 0 || plan.BackupDir != backup.DirFor(d.store.Path()) {
			t.Errorf("plan before any backup: %+v", plan)
		}
		// The server's scheduled backup, taken here by hand: the file is the one the
		// services work on.
		if _, _, err := backup.Take(context.Background(), d.store, d.store.Path(), backup.KindManual, d.now, 3); err != nil {
			t.Fatal(err)
		}
		after, err := d.svc.Privacy.PlanErasure(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := plan
		want.Backups = 1
		sameValue(t, "plan with a backup", after, want)

		if err := d.svc.Privacy.EraseGuest(ctx, g.ID); err != nil {
			t.Fatal(err)
		}
		p, err := d.svc.Guests.FindGuestByID(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !p.IsErased() {
			t.Errorf("the erased guest is still %q %q", p.GivenName, p.FamilyName)
		}
		var calls []donePair
		res, err := d.svc.Privacy.EraseGuestFromBackups(ctx, g.ID, func(done, total int) {
			calls = append(calls, donePair{done, total})
		})
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "backup erasure", res, guests.BackupErasure{Erased: 1, Checked: 1})
		sameValue(t, "progress", calls, []donePair{{1, 1}})
		if res, err = d.svc.Privacy.EraseGuestFromBackups(ctx, g.ID, nil); err != nil || res.Erased != 0 || res.Checked != 1 {
			t.Errorf("second erasure from the backups: %+v, %v", res, err)
		}
		if after, err = d.svc.Privacy.PlanErasure(ctx, g.ID); err != nil || after.Backups != 0 {
			t.Errorf("plan after erasing the backups: %+v, %v", after, err)
		}
	})
}

func TestErasureRefusals(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAgent)
		g := newGuest(t, d, ctx, "Priya", "Nair")
		st := guests.Stay{GuestID: g.ID, Arrival: calendarDay(2026, 11, 23), Departure: calendarDay(2026, 11, 25), Room: "301",
			Status: guests.StayInHouse, PartySize: 1}
		if err := d.svc.Guests.AddStay(ctx, &st); err != nil {
			t.Fatal(err)
		}
		_, err := d.svc.Privacy.ExportGuestData(ctx, g.ID)
		wantProblem(t, err, errs.Invalid, "", staff.MsgManagerOnly)
		_, err = d.svc.Privacy.EraseGuestFromBackups(ctx, g.ID, nil)
		wantProblem(t, err, errs.Invalid, "", staff.MsgManagerOnly)

		ctx = d.signIn(t, staff.RoleShiftManager)
		err = d.svc.Privacy.EraseGuest(ctx, g.ID)
		e := wantProblem(t, err, errs.Conflict, "", guests.MsgEraseWhileStaying)
		sameValue(t, "refusal's values", e.Args, map[string]any{"Name": "Priya Nair"})
	})
}
