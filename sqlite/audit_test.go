package sqlite

import (
	"context"
	"testing"

	"frontdesk/audit"
	"frontdesk/guests"
	"frontdesk/staff"
)

func TestEveryGuestChangeIsAttributedInTheAuditLog(t *testing.T) {
	s := openTest(t)
	dewi := staff.WithActor(context.Background(), staff.Actor{ID: "s-1", Name: "Dewi Lestari"})
	agus := staff.WithActor(context.Background(), staff.Actor{ID: "s-2", Name: "Agus Pratama"})
	g := &guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}
	must(t, s.CreateGuest(dewi, g))
	pr := &guests.Preference{GuestID: g.ID, Category: guests.PrefBedding, Text: "Feather-free pillows"}
	must(t, s.AddPreference(agus, pr))
	must(t, s.RemoveItem(agus, guests.ItemPreference, g.ID, pr.ID))
	if err := s.CreateGuest(dewi, &guests.Guest{FamilyName: "Bad", Email: "x@"}); err == nil {
		t.Fatal("invalid guest accepted")
	}

	all, err := s.ListAudit(auditor(), audit.Filter{GuestID: g.ID})
	must(t, err)
	if len(all) != 3 {
		t.Fatalf("want 3 entries for the guest, got %+v", all)
	}
	if all[2].ActorName != "Dewi Lestari" || all[2].Action != "create" || all[2].Entity != "guest" || all[2].ActorID != "s-1" {
		t.Errorf("oldest entry: %+v", all[2])
	}
	if all[0].Action != "remove" || all[0].Entity != "preference" {
		t.Errorf("newest entry: %+v", all[0])
	}
	byAgus, err := s.ListAudit(auditor(), audit.Filter{ActorName: "Agus Pratama"})
	must(t, err)
	if len(byAgus) != 2 {
		t.Fatalf("Agus made 2 changes, log shows %d", len(byAgus))
	}
	if count(t, s, "audit_log WHERE entity = 'guest'") != 1 {
		t.Fatal("a refused change left an audit entry")
	}
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	s := openTest(t)
	must(t, s.CreateGuest(context.Background(), &guests.Guest{FamilyName: "Lee"}))
	if _, err := s.writer.Exec("UPDATE audit_log SET actor_name = 'someone else'"); err == nil {
		t.Error("an audit entry was rewritten")
	}
	if _, err := s.writer.Exec("DELETE FROM audit_log"); err == nil {
		t.Error("an audit entry was deleted")
	}
}
