package handover

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/words"
)

// Line is one item of the report as data: a row of the CSV export, for a spreadsheet or
// another system. Codes stay in English; times carry their offset.
type Line struct {
	Section    string
	ID         string
	At         time.Time // logged, arrived, lent or written; the date of an occasion
	Due        time.Time // promised or next call-back; departure; due back
	Room       string
	Guest      string
	VIP        bool
	Department string   // name
	Category   string   // name, item code or occasion kind
	Status     string   // request or stay status, loyalty tier
	Priority   string   // request priority
	Flags      []string // overdue, new, escalated:N, not_satisfied, recovery, alert, pinned, qty:N, party:N, request:ID
	Text       string
	Who        string // owner, author or lender
}

// CSVHeader is the first row of the CSV export.
var CSVHeader = []string{"section", "id", "at", "due", "room", "guest", "vip", "department", "category",
	"status", "priority", "flags", "text", "who"}

// csvTime keeps milliseconds, as the database does, so a row reads back exactly.
const csvTime = "2006-01-02T15:04:05.000Z07:00"

// MsgBadCSV is the refusal of a file that is not a handover CSV export.
const MsgBadCSV = "This is not a handover CSV export: {{.Problem}}."

// Lines returns every listed item of the report as data, section by section.
func (r *Report) Lines() []Line {
	var out []Line
	for _, s := range []struct {
		code string
		sec  Section[RequestLine]
	}{{SectionOpen, r.Open}, {SectionEscalated, r.Escalated}, {SectionComplaints, r.Complaints}, {SectionCallBacks, r.CallBacks}} {
		for _, l := range s.sec.Items {
			out = append(out, requestLine(s.code, l))
		}
	}
	for _, g := range r.InHouse.Items {
		out = append(out, Line{Section: SectionInHouse, ID: g.GuestID, Due: g.Departure, Room: g.Room, Guest: g.Name,
			VIP: g.VIP, Status: string(g.Tier), Flags: alertFlag(g.Alerts), Text: alertData(g.Alerts, r.Now.Location())})
	}
	for _, a := range r.Arrivals.Items {
		out = append(out, Line{Section: SectionArrivals, ID: a.GuestID, At: a.Arrival, Due: a.Departure, Room: a.Room,
			Guest: a.Name, VIP: a.VIP, Status: string(a.Tier), Flags: append(alertFlag(a.Alerts), "party:"+strconv.Itoa(a.PartySize)),
			Text: alertData(a.Alerts, r.Now.Location())})
	}
	for _, o := range r.Occasions.Items {
		status := "in_house"
		if o.Arriving {
			status = "arriving"
		}
		at := time.Date(r.Next.Start.Year(), o.Month, o.Day, 0, 0, 0, 0, r.Next.Start.Location())
		out = append(out, Line{Section: SectionOccasions, ID: o.GuestID, At: at, Room: o.Room, Guest: o.Name,
			Category: string(o.Kind), Status: status, Text: o.Label})
	}
	for _, l := range r.Loans.Items {
		flags := []string{"qty:" + strconv.Itoa(l.Qty)}
		if l.Overdue {
			flags = append(flags, "overdue")
		}
		out = append(out, Line{Section: SectionLoans, ID: l.ID, At: l.LentAt, Due: l.DueBack, Room: l.Room,
			Category: l.ItemCode, Flags: flags, Text: l.ItemName, Who: l.LentBy})
	}
	for _, n := range r.Logbook.Items {
		var flags []string
		if n.Pinned {
			flags = append(flags, "pinned")
		}
		if n.RequestID != "" {
			flags = append(flags, "request:"+n.RequestID)
		}
		out = append(out, Line{Section: SectionLogbook, ID: n.ID, At: n.At, Room: n.Room, Guest: n.GuestName,
			Flags: flags, Text: n.Text, Who: n.Author})
	}
	return out
}

func requestLine(section string, l RequestLine) Line {
	var flags []string
	add := func(ok bool, f string) {
		if ok {
			flags = append(flags, f)
		}
	}
	add(l.Overdue, "overdue")
	add(l.New, "new")
	add(l.EscalationLevel > 0, "escalated:"+strconv.Itoa(l.EscalationLevel))
	add(l.Recovery, "not_satisfied")
	add(l.RecoveryOf != "", "recovery")
	return Line{Section: section, ID: l.ID, At: l.CreatedAt, Due: l.DueAt(), Room: l.Room, Guest: l.GuestName,
		VIP: l.GuestVIP, Department: l.DepartmentName, Category: l.CategoryName, Status: string(l.Status),
		Priority: string(l.Priority), Flags: flags, Text: words.RequestText(English.L, &l.Request), Who: l.OwnerName}
}

func alertFlag(as []guests.Alert) []string {
	if len(as) == 0 {
		return nil
	}
	return []string{"alert"}
}

// alertData is "allergy: peanuts; medical: diabetic" with the kinds' codes; the texts
// Frontdesk words are in English, like the codes, dates in loc.
func alertData(as []guests.Alert, loc *time.Location) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = string(a.Kind) + ": " + words.AlertText(English.L, a, loc)
	}
	return strings.Join(parts, "; ")
}

// WriteCSV writes the report's lines, with a header row, times in the report's zone.
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	loc := r.Now.Location()
	for _, l := range r.Lines() {
		rec := []string{l.Section, l.ID, fmtCSVTime(l.At, loc), fmtCSVTime(l.Due, loc), l.Room, l.Guest,
			strconv.FormatBool(l.VIP), l.Department, l.Category, l.Status, l.Priority, strings.Join(l.Flags, ";"), l.Text, l.Who}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func fmtCSVTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(csvTime)
}

// ReadCSV reads back a file WriteCSV wrote.
func ReadCSV(rd io.Reader) ([]Line, error) {
	cr := csv.NewReader(rd)
	head, err := cr.Read()
	if err != nil || !slices.Equal(head, CSVHeader) {
		return nil, badCSV("the first row is not the handover header")
	}
	var out []Line
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, badCSV(err.Error())
		}
		l, err := parseLine(rec)
		if err != nil {
			return nil, badCSV(fmt.Sprintf("row %d: %v", row, err))
		}
		out = append(out, l)
	}
}

func badCSV(problem string) error {
	return errs.New(errs.Invalid, MsgBadCSV, map[string]any{"Problem": problem})
}

func parseLine(rec []string) (Line, error) {
	l := Line{Section: rec[0], ID: rec[1], Room: rec[4], Guest: rec[5], Department: rec[7], Category: rec[8],
		Status: rec[9], Priority: rec[10], Text: rec[12], Who: rec[13]}
	if !slices.Contains(Sections, l.Section) {
		return l, fmt.Errorf("unknown section %q", l.Section)
	}
	var err error
	if l.VIP, err = strconv.ParseBool(rec[6]); err != nil {
		return l, err
	}
	if rec[11] != "" {
		l.Flags = strings.Split(rec[11], ";")
	}
	if l.At, err = parseCSVTime(rec[2]); err != nil {
		return l, err
	}
	l.Due, err = parseCSVTime(rec[3])
	return l, err
}

func parseCSVTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(csvTime, s)
}
