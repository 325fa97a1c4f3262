package conformance

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

// wantProblem fails the test unless err has code and carries template: for field, or
// as the error itself when field is empty. It returns the problem, to check its values.
func wantProblem(t *testing.T, err error, code errs.Code, field, template string) *errs.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("want %s %q, got no error", code, template)
	}
	if got := errs.CodeOf(err); got != code {
		t.Fatalf("want code %s, got %s (%v)", code, got, err)
	}
	var e *errs.Error
	if field != "" {
		if e = errs.AsFields(err).For(field); e == nil {
			t.Fatalf("want a problem with %s, got %v", field, err)
		}
	} else if !errors.As(err, &e) {
		t.Fatalf("want a typed error %q, got %v", template, err)
	}
	if e.Template != template {
		t.Fatalf("want %q, got %q (%v)", template, e.Template, err)
	}
	return e
}

// bySide keeps a value each desk produced, to compare the local one with the server's
// once both have run.
type bySide[T any] map[string]T

// same fails unless both desks produced the same value.
func (b bySide[T]) same(t *testing.T, what string) {
	t.Helper()
	local, ok1 := b["local"]
	remote, ok2 := b["server"]
	if !ok1 || !ok2 {
		t.Fatalf("%s: only %v ran", what, reflect.ValueOf(b).MapKeys())
	}
	sameValue(t, what+" (server against local)", remote, local)
}

// calendarDay is a date as stays hold it: midnight UTC.
func calendarDay(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// newGuest creates a guest with a name and nothing else, for tests about something else.
func newGuest(t *testing.T, d *desk, ctx context.Context, given, family string) guests.Guest {
	t.Helper()
	g := guests.Guest{GivenName: given, FamilyName: family}
	if err := d.svc.Guests.CreateGuest(ctx, &g); err != nil {
		t.Fatalf("create guest: %v", err)
	}
	return g
}

func TestGuestIsCreatedNormalisedAndComesBackAsStored(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAgent)
		g := guests.Guest{Salutation: "Ibu", GivenName: " Siti ", FamilyName: "Rahayu", Email: "Siti.Rahayu@Example.COM",
			Phone: "0812 3456 7890", Language: "id", LoyaltyNumber: "gx 12345", Tier: guests.TierGold, VIP: true,
			Notes: "Prefers a high floor."}
		if err := d.svc.Guests.CreateGuest(ctx, &g); err != nil {
			t.Fatal(err)
		}
		if g.ID == "" {
			t.Fatal("the created guest has no ID")
		}
		want := guests.Guest{ID: g.ID, Salutation: "Ibu", GivenName: "Siti", FamilyName: "Rahayu",
			Email: "siti.rahayu@example.com", Phone: "+6281234567890", Language: "id", LoyaltyNumber: "GX12345",
			Tier: guests.TierGold, VIP: true, CasinoTier: guests.CasinoNone, Notes: "Prefers a high floor.",
			CreatedAt: d.now, UpdatedAt: d.now, Version: 1}
		sameValue(t, "created guest", g, want)

		g.Email, g.CasinoTier, g.VIP = "siti@example.org", guests.CasinoGold, false
		if err := d.svc.Guests.UpdateGuest(ctx, &g); err != nil {
			t.Fatal(err)
		}
		want.Email, want.CasinoTier, want.VIP, want.Version = "siti@example.org", guests.CasinoGold, false, 2
		sameValue(t, "updated guest", g, want)

		p, err := d.svc.Guests.FindGuestByID(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "found guest", p.Guest, want)
		stored, err := d.store.FindGuestByID(context.Background(), g.ID)
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "found profile against the file", *p, *stored)
	})
}

func TestProfilePartsAreAttributedAndRemoved(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAgent)
		me := staff.ActorFrom(ctx).Name
		g := newGuest(t, d, ctx, "Kenji", "Sato")

		pref := guests.Preference{GuestID: g.ID, Category: guests.PrefBedding, Text: " Feather-free pillows "}
		if err := d.svc.Guests.AddPreference(ctx, &pref); err != nil {
			t.Fatal(err)
		}
		sameValue(t, "preference", pref, guests.Preference{ID: pref.ID, GuestID: g.ID, Category: guests.PrefBedding,
			Text: "Feather-free pillows", RecordedBy: me, RecordedAt: d.now})
		alert := guests.Alert{GuestID: g.ID, Kind: guests.AlertAllergy, Text: "Peanut allergy"}
		if err := d.svc.Guests.AddAlert(ctx, &alert); err != nil {
			t.Fatal(err)
		}
		sameValue(t, "alert", alert, guests.Alert{ID: alert.ID, GuestID: g.ID, Kind: guests.AlertAllergy,
			Text: "Peanut allergy", CreatedBy: me, CreatedAt: d.now})
		occ := guests.Occasion{GuestID: g.ID, Kind: guests.OccasionCustom, Label: "Graduation", Month: time.March, Day: 14, Year: 2001}
		if err := d.svc.Guests.AddOccasion(ctx, &occ); err != nil {
			t.Fatal(err)
		}
		sameValue(t, "occasion", occ, guests.Occasion{ID: occ.ID, GuestID: g.ID, Kind: guests.OccasionCustom,
			Label: "Graduation", Month: time.March, Day: 14, Year: 2001})
		for what, id := range map[string]string{"preference": pref.ID, "alert": alert.ID, "occasion": occ.ID} {
			if id == "" {
				t.Errorf("the %s came back without its ID", what)
			}
		}

		p, err := d.svc.Guests.FindGuestByID(ctx, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "profile", *p, guests.Profile{Guest: g, Alerts: []guests.Alert{alert},
			Preferences: []guests.Preference{pref}, Occasions: []guests.Occasion{occ}})

		if err := d.svc.Guests.RemoveItem(ctx, guests.ItemAlert, g.ID, alert.ID); err != nil {
			t.Fatal(err)
		}
		err = d.svc.Guests.RemoveItem(ctx, guests.ItemAlert, g.ID, alert.ID)
		wantProblem(t, err, errs.NotFound, "", "Already removed at another desk.")
		if p, err = d.svc.Guests.FindGuestByID(ctx, g.ID); err != nil {
			t.Fatal(err)
		}
		if len(p.Alerts) != 0 || len(p.Preferences) != 1 || len(p.Occasions) != 1 {
			t.Errorf("after removing the alert: %d alerts, %d preferences, %d occasions", len(p.Alerts), len(p.Preferences), len(p.Occasions))
		}
	})
}

func TestStaysAreAddedUpdatedAndFoundInSearch(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAgent)
		g := newGuest(t, d, ctx, "Ana", "Lima")
		st := guests.Stay{GuestID: g.ID, Arrival: calendarDay(2026, 11, 23), Departure: calendarDay(2026, 11, 26), Room: " 1204 ",
			Status: guests.StayInHouse, PartySize: 2}
		if err := d.svc.Guests.AddStay(ctx, &st); err != nil {
			t.Fatal(err)
		}
		want := guests.Stay{ID: st.ID, GuestID: g.ID, Arrival: calendarDay(2026, 11, 23), Departure: calendarDay(2026, 11, 26),
			Room: "1204", Status: guests.StayInHouse, PartySize: 2, Version: 1}
		if st.ID == "" {
			t.Fatal("the stay came back without its ID")
		}
		sameValue(t, "added stay", st, want)

		st.Departure, st.Room = calendarDay(2026, 11, 27), "ph-2"
		if err := d.svc.Guests.UpdateStay(ctx, &st); err != nil {
			t.Fatal(err)
		}
		want.Departure, want.Room, want.Version = calendarDay(2026, 11, 27), "PH-2", 2
		sameValue(t, "updated stay", st, want)

		ms, err := d.svc.Guests.SearchGuests(ctx, guests.Query{Text: "Lima"})
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "matches", ms, []guests.Match{{ID: g.ID, GivenName: "Ana", FamilyName: "Lima", Tier: guests.TierNone,
			CasinoTier: guests.CasinoNone, InHouse: true, Stay: &want}})
		if ms, err = d.svc.Guests.SearchGuests(ctx, guests.Query{Text: "nobody-here"}); err != nil || len(ms) != 0 {
			t.Errorf("search for no one: %v, %v", ms, err)
		}
		if got := d.svc.Guests.PhoneRegion(); got != "ID" {
			t.Errorf("phone region %q, want ID", got)
		}
	})
}

func TestGuestRefusalsCarryTheirFieldAndTemplate(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAgent)
		bad := guests.Guest{Salutation: "Sir", FamilyName: "Okafor", Email: "okafor@", Phone: "12"}
		err := d.svc.Guests.CreateGuest(ctx, &bad)
		wantProblem(t, err, errs.Invalid, guests.FieldSalutation, guests.MsgChoose)
		e := wantProblem(t, err, errs.Invalid, guests.FieldEmail, "E-mail '{{.Value}}' is not a valid address.")
		sameValue(t, "e-mail problem's values", e.Args, map[string]any{"Value": "okafor@"})
		e = wantProblem(t, err, errs.Invalid, guests.FieldPhone,
			"Phone '{{.Value}}' is not a valid number. Numbers from abroad need their country code, e.g. +44.")
		sameValue(t, "phone problem's values", e.Args, map[string]any{"Value": "12"})
		if n := len(errs.AsFields(err)); n != 3 {
			t.Errorf("%d problems, want 3: %v", n, err)
		}

		first := guests.Guest{GivenName: "Amara", FamilyName: "Okafor", LoyaltyNumber: "AB1234"}
		if err := d.svc.Guests.CreateGuest(ctx, &first); err != nil {
			t.Fatal(err)
		}
		second := guests.Guest{GivenName: "Chidi", FamilyName: "Okafor", LoyaltyNumber: "ab1234"}
		err = d.svc.Guests.CreateGuest(ctx, &second)
		e = wantProblem(t, err, errs.Conflict, guests.FieldLoyalty, "Loyalty number {{.Number}} already belongs to {{.Name}}.")
		sameValue(t, "conflict's values", e.Args, map[string]any{"Number": "AB1234", "Name": "Amara Okafor"})

		_, err = d.svc.Guests.FindGuestByID(ctx, "no-such-guest")
		wantProblem(t, err, errs.NotFound, "", "This guest's profile no longer exists.")

		st := guests.Stay{GuestID: first.ID, Arrival: calendarDay(2026, 11, 25), Departure: calendarDay(2026, 11, 24), PartySize: 1}
		err = d.svc.Guests.AddStay(ctx, &st)
		wantProblem(t, err, errs.Invalid, guests.FieldDeparture, "Departure must be after arrival.")

		err = d.svc.Guests.RemoveItem(ctx, guests.ItemKind("stay"), first.ID, "x")
		wantProblem(t, err, errs.Invalid, "", "Unknown kind of profile item.")
	})
}
