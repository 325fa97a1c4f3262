package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"frontdesk/audit"
	"frontdesk/guests"
	"frontdesk/staff"
)

func TestManagerSeesWhoChangedWhatToday(t *testing.T) {
	h := newHarness(t, nil)
	h.addGuest(guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}, "")
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	v := h.ui.resources.audit
	v.reload()
	h.settle(0)
	found := false
	for _, e := range v.entries {
		if e.Entity == "guest" && strings.Contains(auditLine(e, time.UTC), "Siti Rahayu") {
			found = true
		}
	}
	if !found {
		t.Fatalf("today's guest creation not listed: %+v", v.entries)
	}
	test.Type(v.person, "Nobody Here")
	h.settle(0)
	if len(v.entries) != 0 {
		t.Fatalf("filter by person kept %d entries", len(v.entries))
	}
}

func TestAgentsCannotBrowseTheAuditLog(t *testing.T) {
	h := newHarness(t, nil)
	v := h.ui.resources.audit
	v.reload()
	h.settle(0)
	if len(v.entries) != 0 || v.status.Text != staff.MsgManagerOnly {
		t.Fatalf("agent view: %d entries, %q", len(v.entries), v.status.Text)
	}
}

func TestManagerSeesAGuestsChangeHistory(t *testing.T) {
	h := newHarness(t, nil)
	id := h.addGuest(guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}, "1204")
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	h.ui.showGuestHistory(guests.Guest{ID: id, GivenName: "Siti", FamilyName: "Rahayu"})
	h.settle(0)
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no history dialog")
	}
	l := findLabelDeep(top, "Guest profile created")
	if l == nil || !strings.Contains(l.Text, "Stay created") || !strings.Contains(l.Text, "room 1204 In house") {
		t.Fatalf("history does not list the guest's changes: %+v", l)
	}
}

// What the log says happened, and the summaries Frontdesk words itself, read in the
// desk's language; what people typed, and entries from before the words were kept, read
// as stored.
func TestTheAuditLogReadsInTheDesksLanguage(t *testing.T) {
	test.NewTempApp(t)
	SetLanguage("id")
	defer SetLanguage("en")
	at := time.Date(2026, 11, 23, 6, 5, 0, 0, time.UTC)
	cases := []struct {
		entry audit.Entry
		want  string
	}{
		{audit.Entry{At: at, ActorName: "Rina", Entity: "staff", Action: "create", Summary: "Dewi (agent)",
			Words: &audit.Words{Parts: []audit.Part{{Key: "{{.Name}} ({{.Role}})", Args: map[string]any{"Name": "Dewi", "Role": "agent"}}}}},
			"14:05 · Rina · Staf dibuat · Dewi (Petugas front desk)"},
		{audit.Entry{At: at, ActorName: "Rina", Entity: "escalation", Action: "save", Summary: "1 owner +0 min; 2 management +5 min",
			Words: &audit.Words{Sep: "; ", Parts: []audit.Part{
				{Key: "{{.Level}} {{.Target}} +{{.Min}} min", Args: map[string]any{"Level": 1.0, "Target": "owner", "Min": 0.0}},
				{Key: "{{.Level}} {{.Target}} +{{.Min}} min", Args: map[string]any{"Level": 2.0, "Target": "management", "Min": 5.0}}}}},
			"14:05 · Rina · Aturan eskalasi disimpan · 1 Penanggung jawab +0 menit; 2 Manajemen +5 menit"},
		{audit.Entry{At: at, ActorName: "Dewi", Entity: "preference", Action: "create", Summary: "Feather-free pillows"},
			"14:05 · Dewi · Preferensi dibuat · Feather-free pillows"},
		{audit.Entry{At: at, ActorName: "Dewi", Entity: "loan", Action: "return", Summary: "returned"},
			"14:05 · Dewi · Peminjaman dikembalikan · returned"},
	}
	for _, c := range cases {
		if got := auditLine(c.entry, testZone); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}
