package handover

import (
	"fmt"
	"time"

	"frontdesk/guests"
	"frontdesk/loans"
	"frontdesk/property"
	"frontdesk/requests"
)

var (
	testNow = time.Date(2026, 11, 23, 14, 50, 0, 0, time.UTC)
	morning = ShiftRef{Day: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), Shift: property.ShiftMorning,
		Start: time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)}
	evening = ShiftRef{Day: morning.Day, Shift: property.ShiftEvening, Start: morning.End,
		End: time.Date(2026, 11, 23, 23, 0, 0, 0, time.UTC)}
)

func clock(h, m int) time.Time { return time.Date(2026, 11, 23, h, m, 0, 0, time.UTC) }

func summary(id, room, guest, category, text string, created, promised time.Time, status requests.Status) requests.Summary {
	return requests.Summary{Request: requests.Request{ID: id, Room: room, Category: category, Department: "housekeeping",
		Description: text, Priority: requests.PriorityNormal, Kind: requests.KindRequest, Status: status, CreatedAt: created,
		PromisedAt: promised}, GuestName: guest, CategoryName: category, DepartmentName: "Housekeeping", OwnerName: "Dewi Lestari"}
}

// fixtureReport is a morning handover with something in every section, guest names in
// Latin, Chinese and Cyrillic script.
func fixtureReport() *Report {
	overdue := RequestLine{Summary: summary("r1", "1204", "Siti Rahayu", "Extra towels", "Two bath towels", clock(13, 0), clock(13, 15), requests.StatusAcknowledged), Overdue: true}
	ac := RequestLine{Summary: summary("r2", "1315", "王小明", "Maintenance", "AC not cooling\nguest is in the room", clock(14, 0), clock(14, 15), requests.StatusInProgress), Overdue: true, New: true}
	ac.GuestVIP, ac.Priority, ac.DepartmentName = true, requests.PriorityUrgent, "Maintenance"
	ac.EscalationLevel, ac.EscalatedName, ac.EscalatedAt = 3, "Rina Kusuma", clock(14, 25)
	unhappy := RequestLine{Summary: summary("r3", "1410", "Иван Петров", "Service recovery", "Guest not satisfied (2/5) with: Hand towels", clock(14, 10), clock(14, 25), requests.StatusNew), Overdue: true}
	unhappy.RecoveryOf, unhappy.Kind = "r0", requests.KindComplaint
	call := RequestLine{Summary: summary("r4", "1204", "Siti Rahayu", "Amenities", "Baby shampoo", clock(12, 0), clock(12, 20), requests.StatusDone)}
	call.DoneAt, call.NextFollowUp, call.Outcome = clock(12, 15), clock(15, 30), requests.OutcomeUnreachable
	r := &Report{Now: testNow, Shift: morning, Next: evening, Manager: "Rina Kusuma", NextManager: "Budi Santoso",
		Departments: []DepartmentLoad{{Code: "housekeeping", Name: "Housekeeping", Open: 3, Overdue: 2, Ages: [4]int{2, 1, 0, 0}},
			{Code: "maintenance", Name: "Maintenance", Open: 1, Overdue: 1, Ages: [4]int{1, 0, 0, 0}}},
		Open:       Section[RequestLine]{Items: []RequestLine{overdue, ac, unhappy, call}, Total: 4},
		Escalated:  Section[RequestLine]{Items: []RequestLine{ac}, Total: 1},
		Complaints: Section[RequestLine]{Items: []RequestLine{unhappy}, Total: 1},
		CallBacks:  Section[RequestLine]{Items: []RequestLine{call}, Total: 1},
		InHouse: Section[GuestLine]{Items: []GuestLine{{GuestID: "g1", Name: "王小明", VIP: true, Tier: guests.TierPlatinum,
			Casino: guests.CasinoBlack, Room: "1315", Departure: morning.Day.AddDate(0, 0, 2),
			Alerts: []guests.Alert{{Kind: guests.AlertAllergy, Text: "Shellfish"}}}}, Total: 3},
		Arrivals: Section[ArrivalLine]{Items: []ArrivalLine{{GuestID: "g2", Name: "Maria Santos", Tier: guests.TierGold,
			Arrival: morning.Day, Departure: morning.Day.AddDate(0, 0, 3), PartySize: 3}}, Total: 1},
		Occasions: Section[OccasionLine]{Items: []OccasionLine{{Occasion: guests.Occasion{ID: "o1", GuestID: "g2",
			Kind: guests.OccasionBirthday, Month: 11, Day: 23}, Name: "Maria Santos", Arriving: true}}, Total: 1},
		Loans: Section[LoanLine]{Items: []LoanLine{{Loan: loans.Loan{ID: "l1", ItemCode: "crib", Room: "1204", Qty: 1,
			LentBy: "Dewi Lestari", LentAt: clock(8, 0), DueBack: clock(12, 0).AddDate(0, 0, -1)}, ItemName: "Crib", Overdue: true}}, Total: 1},
		Logbook: Section[Note]{Items: []Note{
			{ID: "n1", At: clock(6, 0).AddDate(0, 0, -2), Author: "Rina Kusuma", Text: "Pool closed until Friday", Pinned: true},
			{ID: "n2", At: clock(9, 5), Author: "Dewi Lestari", Text: "Late check-out for 1315\nagreed with the duty manager", Room: "1315"}}, Total: 2},
	}
	r.Counts = Counts{Open: 4, Overdue: 3, Escalated: 1, Complaints: 1, CallBacks: 1, InHouse: 3, Arrivals: 1, Loans: 1, LoansOverdue: 1, Notes: 2}
	since := &Ack{ID: "a0", Shift: ShiftRef{Shift: property.ShiftNight}, ByName: "Rina Kusuma", At: clock(7, 4),
		Counts: Counts{Open: 2, Overdue: 1}}
	r.Changes = Changes{Since: since, NewRequests: 9, Closed: 7, Escalated: 1, NewComplaints: 1, NotSatisfied: 1, Notes: 1, Lent: 1}
	return r
}

// longReport is the fixture with n more open requests, to fill several pages.
func longReport(n int) *Report {
	r := fixtureReport()
	for i := range n {
		l := RequestLine{Summary: summary(fmt.Sprintf("x%03d", i), fmt.Sprint(1000+i), "Guest", "Towels", "Towels",
			clock(8, 0), clock(16, 0), requests.StatusNew)}
		r.Open.Items = append(r.Open.Items, l)
	}
	r.Open.Total = len(r.Open.Items) + 50
	return r
}
