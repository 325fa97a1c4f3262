package app

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"frontdesk/guests"
	"frontdesk/handover"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// handoverHarness is a desk with a shift manager and an agent, a guest in room 1204 and
// one open maintenance request, signed in as the manager.
func handoverHarness(t *testing.T) (h *harness, rina, dewi staff.Actor, req *requests.Request) {
	h = newBareHarness(t, nil)
	h.ui.svc.Handover = h.store
	rina = h.staff("Rina Kusuma", staff.RoleShiftManager)
	dewi = h.staff("Dewi Lestari", staff.RoleAgent)
	must(t, h.store.SaveRoom(managerCtx(), &property.Room{Number: "1204", Floor: 12}))
	siti := h.addGuest(guests.Guest{GivenName: "Siti", FamilyName: "Rahayu"}, "1204")
	req = &requests.Request{GuestID: siti, Room: "1204", Category: "maintenance", Description: "Shower drains slowly"}
	must(t, h.store.CreateRequest(staff.WithActor(context.Background(), dewi), req, time.Time{}))
	h.ui.actor = rina
	return h, rina, dewi, req
}

func TestHandoverScreenShowsTheShiftsReport(t *testing.T) {
	h, _, _, req := handoverHarness(t)
	s := newHandoverScreen(h.ui)
	s.reload()
	h.settle(0)
	if !strings.HasPrefix(s.title.Text, "Handover · ") || !strings.Contains(s.who.Text, "Shift manager:") ||
		!strings.Contains(s.ack.Text, "Not yet acknowledged") {
		t.Fatalf("header %q / %q / %q", s.title.Text, s.who.Text, s.ack.Text)
	}
	if _, ok := findDeep(s.figures, func(c *canvas.Text) bool { return c.Text == "1" }); !ok || s.report.Counts.Open != 1 {
		t.Errorf("the open count is not on a tile: %+v", s.report.Counts)
	}
	var found *reportRow
	for i := range s.rows {
		if e := s.rows[i].entry; e != nil && e.ID == req.ID {
			found = &s.rows[i]
			break
		}
	}
	if found == nil {
		t.Fatalf("the open request is not listed: %+v", s.rows)
	}
	row := newEntryRow()
	row.set(*found)
	if !strings.Contains(row.title.Text, "Room 1204 · Siti Rahayu — Shower drains slowly") || !strings.HasPrefix(row.mark.Text, "Due ") {
		t.Errorf("the row shows %q %q", row.mark.Text, row.title.Text)
	}
}

func TestLogbookNoteIsWrittenFromTheHandoverScreen(t *testing.T) {
	h, _, _, _ := handoverHarness(t)
	s := newHandoverScreen(h.ui)
	s.reload()
	h.settle(0)
	test.Tap(s.logbook.add)
	h.settle(0)
	if !s.logbook.problem.Visible() || s.logbook.problem.Text != "Write the note first." {
		t.Fatalf("an empty note: %q", s.logbook.problem.Text)
	}
	test.Type(s.logbook.text, "Plumber booked for 14:00")
	test.Type(s.logbook.room, "1204")
	s.logbook.pin.SetChecked(true)
	test.Tap(s.logbook.add)
	h.settle(0)
	notes := s.logbook.notes
	if len(notes) != 1 || notes[0].Text != "Plumber booked for 14:00" || notes[0].Room != "1204" || !notes[0].Pinned ||
		s.logbook.text.Text != "" || s.logbook.problem.Visible() {
		t.Fatalf("logbook %+v, box %q", notes, s.logbook.text.Text)
	}
	h.win.SetContent(s.content)
	test.Tap(button(t, s.logbook.list, "Unpin"))
	h.settle(0)
	if len(s.logbook.notes) != 1 || s.logbook.notes[0].Pinned {
		t.Errorf("after unpin: %+v", s.logbook.notes)
	}
}

func TestIncomingManagerAcknowledgesFromTheHandoverScreen(t *testing.T) {
	h, _, _, _ := handoverHarness(t)
	s := newHandoverScreen(h.ui)
	s.reload()
	h.settle(0)
	if !s.ackButton.Visible() || s.ackButton.Disabled() {
		t.Fatal("the manager is not offered the acknowledgement")
	}
	test.Tap(s.ackButton)
	test.Tap(button(t, h.topDialog(), "Acknowledge"))
	h.settle(0)
	if s.report.Ack == nil || !strings.HasPrefix(s.ack.Text, "Acknowledged by Rina Kusuma at ") || !s.ackButton.Disabled() {
		t.Fatalf("after acknowledging: %q, button disabled %v", s.ack.Text, s.ackButton.Disabled())
	}
}

func TestAgentIsNotOfferedTheAcknowledgement(t *testing.T) {
	h, _, dewi, _ := handoverHarness(t)
	h.ui.actor = dewi
	s := newHandoverScreen(h.ui)
	s.reload()
	h.settle(0)
	if s.ackButton.Visible() {
		t.Error("an agent sees the acknowledge button")
	}
}

// sink collects an export.
type sink struct{ bytes.Buffer }

func (*sink) Close() error { return nil }

func TestHandoverExportsCSVAndPDF(t *testing.T) {
	h, _, _, req := handoverHarness(t)
	s := newHandoverScreen(h.ui)
	s.reload()
	h.settle(0)
	var csvOut, pdfOut sink
	if h.ui.saved.box == nil { // the line is built with the main screens
		h.ui.savedLineObject()
	}
	s.export(exportFormats[1], s.report, &csvOut, "/reports/handover.csv")
	s.export(exportFormats[0], s.report, &pdfOut, "/reports/handover.pdf")
	h.settle(0)
	if !h.ui.saved.box.Visible() || !strings.HasSuffix(h.ui.saved.text.Text, "Handover report saved to /reports/handover.pdf") {
		t.Errorf("no word that the report was saved, and where: %q", h.ui.saved.text.Text)
	}
	lines, err := handover.ReadCSV(&csvOut)
	must(t, err)
	if len(lines) == 0 || lines[0].ID != req.ID {
		t.Errorf("CSV lines %+v", lines)
	}
	if !bytes.HasPrefix(pdfOut.Bytes(), []byte("%PDF-")) {
		t.Error("the PDF export is not a PDF")
	}
	if name := exportFormats[0].fileName(s.report); !strings.HasPrefix(name, "handover-") || !strings.HasSuffix(name, ".pdf") {
		t.Errorf("file name %q", name)
	}
}

func TestInsightsShowTheMeasuresOfThePeriod(t *testing.T) {
	h, _, dewi, req := handoverHarness(t)
	_, err := h.store.Act(staff.WithActor(context.Background(), dewi), req.ID, requests.Action{Kind: requests.ActDone})
	must(t, err)
	s := newInsightsScreen(h.ui)
	s.reload()
	h.settle(0)
	if s.measures == nil || s.measures.Total.Requests != 1 || s.preset.Selected != "Last 30 days" {
		t.Fatalf("measures %+v, period %q", s.measures, s.preset.Selected)
	}
	for _, want := range []string{"1", "100%"} {
		if _, ok := findDeep(s.figures, func(c *canvas.Text) bool { return c.Text == want }); !ok {
			t.Errorf("no tile shows %q", want)
		}
	}
	if len(s.depts.rows) != 1 || s.depts.rows[0].Code != standards.DeptMaintenance {
		t.Errorf("departments %+v", s.depts.rows)
	}
	if len(s.deptOn.bars) != 1 || s.deptOn.bars[0].text != "100% (1 of 1)" || s.deptOn.bars[0].alarm {
		t.Errorf("on-time chart %+v", s.deptOn.bars)
	}
	if got := measureColumns[6].cell(s.depts.rows[0]); got != "100% (1 of 1)" {
		t.Errorf("on-time cell %q", got)
	}
}

func TestHandoverAndInsightsJoinTheNavigation(t *testing.T) {
	h, rina, dewi, _ := handoverHarness(t)
	titles := func() []string {
		var out []string
		for _, it := range h.ui.tabs.Items {
			out = append(out, it.Text)
		}
		return out
	}
	h.ui.showMain(dewi)
	h.settle(0)
	if got := strings.Join(titles(), ","); !strings.Contains(got, "Handover") || strings.Contains(got, "Insights") {
		t.Errorf("an agent's tabs: %s", got)
	}
	h.ui.showMain(rina)
	h.settle(0)
	if got := strings.Join(titles(), ","); !strings.HasSuffix(got, "Handover,Insights") {
		t.Errorf("a manager's tabs: %s", got)
	}
	h.ui.tabs.SelectIndex(len(h.ui.tabs.Items) - 2)
	h.settle(0)
	if _, ok := findDeep(h.ui.tabs.Selected().Content, func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "Handover · ") }); !ok {
		t.Error("the Handover tab does not load its report when shown")
	}
}
