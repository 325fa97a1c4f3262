package sqlite

import (
	"context"
	"slices"
	"testing"
	"time"

	"frontdesk/errs"
	"frontdesk/handover"
)

func TestLogbookNoteIsCheckedAndReadBackWithItsLinks(t *testing.T) {
	d := newDesk(t)
	r := d.log(t, d.dewi, d.siti, "1204", "maintenance", "Shower drains slowly")
	cases := []struct {
		name  string
		note  handover.Note
		field string
	}{
		{"empty", handover.Note{Text: "  \n "}, handover.FieldText},
		{"control character", handover.Note{Text: "a\x07b"}, handover.FieldText},
		{"unknown room", handover.Note{Text: "x", Room: "9999"}, handover.FieldRoom},
		{"unknown guest", handover.Note{Text: "x", GuestID: "nobody"}, handover.FieldGuest},
		{"unknown request", handover.Note{Text: "x", RequestID: "nothing"}, handover.FieldRequest},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := c.note
			err := d.s.AddNote(as(d.dewi), &n)
			if fs := errs.AsFields(err); len(fs) == 0 || fs[0].Field != c.field {
				t.Fatalf("got %v, want a problem beside %s", err, c.field)
			}
		})
	}
	if err := d.s.AddNote(context.Background(), &handover.Note{Text: "x"}); errs.CodeOf(err) != errs.Invalid {
		t.Errorf("a note without anyone signed in: %v", err)
	}
	n := &handover.Note{Text: " Plumber booked for 14:00\n\tcall the guest first ", Room: "1204", GuestID: d.siti.ID, RequestID: r.ID}
	must(t, d.s.AddNote(as(d.dewi), n))
	got, err := d.s.ListNotes(context.Background(), handover.NoteFilter{From: testNow.Add(-time.Second), To: testNow.Add(time.Second)})
	must(t, err)
	if len(got) != 1 || got[0].Text != "Plumber booked for 14:00\n\tcall the guest first" || got[0].Author != "Dewi Lestari" ||
		got[0].GuestName != "Siti Rahayu" || got[0].Request != "Shower drains slowly" || got[0].Room != "1204" || !got[0].At.Equal(testNow) {
		t.Fatalf("read back %+v", got)
	}
	if _, err := d.s.writer.Exec("UPDATE logbook SET text = 'changed'"); err == nil {
		t.Error("a note's text was edited")
	}
	if _, err := d.s.writer.Exec("DELETE FROM logbook"); err == nil {
		t.Error("a note was deleted")
	}
}

func TestOnlyTheAuthorOrAManagerPinsANote(t *testing.T) {
	d := newDesk(t)
	old := &handover.Note{Text: "Lift 2 out of order until Friday"}
	d.now = testNow.AddDate(0, 0, -3)
	must(t, d.s.AddNote(as(d.dewi), old))
	d.now = testNow
	recent := &handover.Note{Text: "VIP in 1315 prefers no calls before 10"}
	must(t, d.s.AddNote(as(d.dewi), recent))
	if _, err := d.s.SetPinned(as(d.agus), old.ID, true); errs.CodeOf(err) != errs.Invalid {
		t.Errorf("another agent pinned Dewi's note: %v", err)
	}
	n, err := d.s.SetPinned(as(d.rina), old.ID, true)
	must(t, err)
	if !n.Pinned || n.PinnedBy != "Rina Kusuma" || !n.PinnedAt.Equal(testNow) {
		t.Fatalf("pinned %+v", n)
	}
	shift := handover.NoteFilter{From: testNow.Add(-time.Second), To: testNow.Add(time.Second), Pinned: true}
	list, err := d.s.ListNotes(context.Background(), shift)
	must(t, err)
	if got := ids(list, func(n handover.Note) string { return n.ID }); !slices.Equal(got, []string{old.ID, recent.ID}) {
		t.Errorf("the shift's notes = %v, want the pinned one first", got)
	}
	if _, err := d.s.SetPinned(as(d.dewi), old.ID, false); err != nil {
		t.Errorf("the author unpins: %v", err)
	}
	list, err = d.s.ListNotes(context.Background(), shift)
	must(t, err)
	if len(list) != 1 || list[0].ID != recent.ID {
		t.Errorf("after unpinning, the shift shows %+v", list)
	}
	if _, err := d.s.SetPinned(as(d.rina), "no-such-note", true); errs.CodeOf(err) != errs.NotFound {
		t.Errorf("pin a missing note: %v", err)
	}
}
