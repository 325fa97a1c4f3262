package handover

import (
	"fmt"
	"time"

	"frontdesk/requests"
	"frontdesk/words"
)

// The report's sections, in the order they print. The codes are stable: the CSV export
// carries them.
const (
	SectionOpen       = "open"
	SectionEscalated  = "escalated"
	SectionComplaints = "complaints"
	SectionCallBacks  = "call_backs"
	SectionInHouse    = "in_house"
	SectionArrivals   = "arrivals"
	SectionOccasions  = "occasions"
	SectionLoans      = "loans"
	SectionLogbook    = "logbook"
)

// Sections lists the section codes in print order.
var Sections = []string{SectionOpen, SectionEscalated, SectionComplaints, SectionCallBacks, SectionInHouse,
	SectionArrivals, SectionOccasions, SectionLoans, SectionLogbook}

// Entry is one item of a section, worded for people: the text, PDF and window
// renderings all print entries, so they say the same thing.
type Entry struct {
	ID     string // the request, guest, loan or note
	Mark   string // its state in a few words: "⚠ OVERDUE 25 min", "Due 15:30", "★ VIP"
	Title  string // where, who and what
	Detail string // the rest, one line
	Alarm  bool   // needs someone now; Mark says so in words, colour only repeats it
	New    bool   // since the last acknowledged handover
}

// Block is a section with its title and entries.
type Block struct {
	Section string
	Title   string
	Entries []Entry
	More    int    // entries left out (see SectionLimit)
	Empty   string // what to print when there are none
}

// Blocks words every section of the report.
func (r *Report) Blocks(lg Lang) []Block {
	reqs := func(s Section[RequestLine], f func(RequestLine) Entry) ([]Entry, int) {
		out := make([]Entry, len(s.Items))
		for i, l := range s.Items {
			out[i] = f(l)
		}
		return out, s.More()
	}
	var bs []Block
	add := func(section, title, empty string, entries []Entry, more int) {
		bs = append(bs, Block{Section: section, Title: title, Entries: entries, More: more, Empty: empty})
	}
	e, m := reqs(r.Open, r.openEntry(lg))
	add(SectionOpen, lg.L("Open requests, overdue first"), lg.L("No open requests."), e, m)
	e, m = reqs(r.Escalated, r.escalatedEntry(lg))
	add(SectionEscalated, lg.L("Escalations"), lg.L("No escalations."), e, m)
	e, m = reqs(r.Complaints, r.complaintEntry(lg))
	add(SectionComplaints, lg.L("Complaints and unhappy guests not yet recovered"), lg.L("No open complaints."), e, m)
	e, m = reqs(r.CallBacks, r.callBackEntry(lg))
	add(SectionCallBacks, lg.L("Waiting for a call-back to the guest"), lg.L("Nobody is waiting for a call-back."), e, m)
	add(SectionInHouse, lg.L("VIPs and alerts in house"), lg.L("No VIPs or alerts in house."), r.inHouseEntries(lg), r.InHouse.More())
	add(SectionArrivals, lg.L("Arrivals for the next shift"), lg.L("No arrivals expected."), r.arrivalEntries(lg), r.Arrivals.More())
	add(SectionOccasions, lg.L("Occasions for the next shift"), lg.L("No occasions."), r.occasionEntries(lg), r.Occasions.More())
	add(SectionLoans, lg.L("Items on loan"), lg.L("Nothing is out on loan."), r.loanEntries(lg), r.Loans.More())
	add(SectionLogbook, lg.L("Logbook"), lg.L("No logbook notes for this shift."), r.noteEntries(lg), r.Logbook.More())
	return bs
}

// requestTitle is "Room 1204 · Siti Rahayu ★ VIP — AC not cooling".
func requestTitle(lg Lang, l RequestLine) string {
	who := words.Typed(lg.L, l.GuestName)
	if l.GuestVIP && who != "" {
		who += " ★ " + lg.L("VIP")
	}
	where := ""
	if l.Room != "" {
		where = lg.L("Room {{.Room}}", map[string]any{"Room": l.Room})
	}
	return joinParts(where, who) + " — " + oneLine(words.RequestText(lg.L, &l.Request), 140)
}

// requestDetail is "Maintenance · Repair · owner Dewi Lestari · 1 h 20 min old · in progress · urgent".
func (r *Report) requestDetail(lg Lang, l RequestLine) string {
	prio := ""
	if l.Priority == requests.PriorityUrgent {
		prio = lg.L("urgent")
	} else if l.Priority == requests.PriorityHigh {
		prio = lg.L("high priority")
	}
	return joinParts(l.DepartmentName, l.CategoryName, lg.L("owner {{.Name}}", map[string]any{"Name": l.OwnerName}),
		lg.L("{{.Age}} old", map[string]any{"Age": lg.Duration(r.Now.Sub(l.CreatedAt))}), lg.status(l.Status), prio)
}

// dueMark is "⚠ OVERDUE 25 min", "☎ Call back" or "Due 15:30".
func (r *Report) dueMark(lg Lang, l RequestLine) string {
	switch {
	case l.Overdue:
		return "⚠ " + lg.L("OVERDUE {{.Late}}", map[string]any{"Late": lg.Duration(r.Now.Sub(l.PromisedAt))})
	case l.Status == requests.StatusDone:
		return "☎ " + lg.L("Call back")
	}
	return lg.L("Due {{.Time}}", map[string]any{"Time": lg.Clock(l.PromisedAt, r.Now)})
}

func (r *Report) openEntry(lg Lang) func(RequestLine) Entry {
	return func(l RequestLine) Entry {
		return Entry{ID: l.ID, Mark: r.dueMark(lg, l), Title: requestTitle(lg, l), Detail: r.requestDetail(lg, l), Alarm: l.Overdue, New: l.New}
	}
}

func (r *Report) escalatedEntry(lg Lang) func(RequestLine) Entry {
	return func(l RequestLine) Entry {
		to := l.EscalatedName
		if to == "" {
			to = lg.L(words.Of(words.EscalationTarget, l.EscalationTarget))
		}
		detail := joinParts(lg.L("to {{.Name}} at {{.Time}}", map[string]any{"Name": to, "Time": lg.Clock(l.EscalatedAt, r.Now)}),
			r.dueMark(lg, l), r.requestDetail(lg, l))
		return Entry{ID: l.ID, Mark: "⬆ " + lg.L("Level {{.Level}}", map[string]any{"Level": l.EscalationLevel}),
			Title: requestTitle(lg, l), Detail: detail, Alarm: true, New: l.New}
	}
}

func (r *Report) complaintEntry(lg Lang) func(RequestLine) Entry {
	return func(l RequestLine) Entry {
		mark := "⚠ " + lg.L("Complaint")
		switch {
		case l.RecoveryOf != "":
			mark = "⚠ " + lg.L("Service recovery")
		case l.Recovery:
			mark = "⚠ " + lg.L("Not satisfied {{.Score}}/5", map[string]any{"Score": l.Score})
		}
		return Entry{ID: l.ID, Mark: mark, Title: requestTitle(lg, l), Detail: joinParts(r.dueMark(lg, l), r.requestDetail(lg, l)), Alarm: true, New: l.New}
	}
}

func (r *Report) callBackEntry(lg Lang) func(RequestLine) Entry {
	return func(l RequestLine) Entry {
		mark, alarm := "☎ "+lg.L("Call back now"), true
		if !l.NextFollowUp.IsZero() && l.NextFollowUp.After(r.Now) {
			mark, alarm = "☎ "+lg.L("Try again {{.Time}}", map[string]any{"Time": lg.Clock(l.NextFollowUp, r.Now)}), false
		}
		unreached := ""
		if l.Outcome == requests.OutcomeUnreachable {
			unreached = lg.L("could not reach the guest")
		}
		detail := joinParts(lg.L("done {{.Time}}", map[string]any{"Time": lg.Clock(l.DoneAt, r.Now)}), unreached,
			l.DepartmentName, lg.L("owner {{.Name}}", map[string]any{"Name": l.OwnerName}))
		return Entry{ID: l.ID, Mark: mark, Title: requestTitle(lg, l), Detail: detail, Alarm: alarm, New: l.New}
	}
}

func (r *Report) inHouseEntries(lg Lang) []Entry {
	out := make([]Entry, len(r.InHouse.Items))
	for i, g := range r.InHouse.Items {
		mark := "★ " + lg.L("VIP")
		switch {
		case !g.VIP:
			mark = "⚠ " + lg.L("Alert")
		case len(g.Alerts) > 0:
			mark = "⚠ " + mark + " · " + lg.L("Alert")
		}
		out[i] = Entry{ID: g.GuestID, Mark: mark, Title: joinParts(lg.L("Room {{.Room}}", map[string]any{"Room": g.Room}), g.Name),
			Detail: joinParts(lg.standing(g.Tier, g.Casino), lg.alerts(g.Alerts, r.Now.Location()),
				lg.L("leaves {{.Date}}", map[string]any{"Date": lg.DayMonth(g.Departure)})),
			Alarm: len(g.Alerts) > 0}
	}
	return out
}

func (r *Report) arrivalEntries(lg Lang) []Entry {
	out := make([]Entry, len(r.Arrivals.Items))
	for i, a := range r.Arrivals.Items {
		mark := lg.L("Arriving")
		if a.VIP {
			mark = "★ " + lg.L("VIP")
		}
		room := lg.L("no room yet")
		if a.Room != "" {
			room = lg.L("Room {{.Room}}", map[string]any{"Room": a.Room})
		}
		nights := int(a.Departure.Sub(a.Arrival).Hours()+12) / 24
		out[i] = Entry{ID: a.GuestID, Mark: mark, Title: joinParts(a.Name, room),
			Detail: joinParts(lg.L("nights: {{.N}}, party: {{.P}}", map[string]any{"N": nights, "P": a.PartySize}),
				lg.standing(a.Tier, ""), lg.alerts(a.Alerts, r.Now.Location())),
			Alarm: len(a.Alerts) > 0}
	}
	return out
}

func (r *Report) occasionEntries(lg Lang) []Entry {
	out := make([]Entry, len(r.Occasions.Items))
	for i, o := range r.Occasions.Items {
		where := lg.L("in house")
		if o.Arriving {
			where = lg.L("arriving")
		}
		room := ""
		if o.Room != "" {
			room = lg.L("Room {{.Room}}", map[string]any{"Room": o.Room})
		}
		since := ""
		if o.Year != 0 {
			since = fmt.Sprint(o.Year)
		}
		out[i] = Entry{ID: o.GuestID, Mark: lg.occasionName(o.Occasion), Title: joinParts(o.Name, room),
			Detail: joinParts(fmt.Sprintf("%d %s", o.Day, lg.L(words.Months[o.Month-1])), since, where)}
	}
	return out
}

func (r *Report) loanEntries(lg Lang) []Entry {
	out := make([]Entry, len(r.Loans.Items))
	for i, l := range r.Loans.Items {
		mark := lg.L("Out")
		switch {
		case l.Overdue:
			mark = "⚠ " + lg.L("OVERDUE since {{.Date}}", map[string]any{"Date": lg.DayMonth(l.DueBack)})
		case !l.DueBack.IsZero():
			mark = lg.L("Due back {{.Date}}", map[string]any{"Date": lg.DayMonth(l.DueBack)})
		}
		out[i] = Entry{ID: l.ID, Mark: mark,
			Title:  joinParts(lg.L("Room {{.Room}}", map[string]any{"Room": l.Room}), fmt.Sprintf("%s ×%d", l.ItemName, l.Qty)),
			Detail: lg.L("lent by {{.Name}} {{.Time}}", map[string]any{"Name": l.LentBy, "Time": lg.Clock(l.LentAt, r.Now)}),
			Alarm:  l.Overdue, New: r.Changes.Since != nil && l.LentAt.After(r.Changes.Since.At)}
	}
	return out
}

func (r *Report) noteEntries(lg Lang) []Entry {
	out := make([]Entry, len(r.Logbook.Items))
	for i, n := range r.Logbook.Items {
		mark := lg.Clock(n.At, r.Now)
		if n.Pinned {
			mark = "★ " + lg.L("Pinned")
		}
		out[i] = Entry{ID: n.ID, Mark: mark, Title: words.Typed(lg.L, n.Text), Detail: NoteDetail(lg, n, r.Now),
			New: r.Changes.Since != nil && n.At.After(r.Changes.Since.At)}
	}
	return out
}

// NoteDetail is "Dewi Lestari · 14:35 · Room 1204 · Siti Rahayu · request: AC not cooling".
func NoteDetail(lg Lang, n Note, now time.Time) string {
	room, req := "", ""
	if n.Room != "" {
		room = lg.L("Room {{.Room}}", map[string]any{"Room": n.Room})
	}
	if n.Request != "" {
		req = lg.L("request: {{.Text}}", map[string]any{"Text": oneLine(n.Request, 60)})
	}
	return joinParts(n.Author, lg.Clock(n.At, now), room, n.GuestName, req)
}
