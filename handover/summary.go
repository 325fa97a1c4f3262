package handover

import "fmt"

// Figure is one headline number with what it counts.
type Figure struct {
	Value int
	Label string
	Alarm bool // a number that should be zero; Label says what it is, colour only repeats it
}

// Figures are the report's headline numbers, worded.
func (r *Report) Figures(lg Lang) []Figure {
	c := r.Counts
	return []Figure{
		{c.Open, lg.L("open requests"), false},
		{c.Overdue, lg.L("overdue"), c.Overdue > 0},
		{c.Escalated, lg.L("escalated"), c.Escalated > 0},
		{c.Complaints, lg.L("complaints open"), c.Complaints > 0},
		{c.CallBacks, lg.L("call-backs due"), false},
		{c.InHouse, lg.L("VIPs and alerts in house"), false},
		{c.Arrivals, lg.L("arrivals next shift"), false},
		{c.Loans, loansLabel(lg, c.LoansOverdue), c.LoansOverdue > 0},
	}
}

// loansLabel is "items on loan", saying how many are overdue when any are.
func loansLabel(lg Lang, overdue int) string {
	if overdue == 0 {
		return lg.L("items on loan")
	}
	return lg.L("items on loan, {{.N}} overdue", map[string]any{"N": overdue})
}

// Heading is the report's title line: "Handover · Evening shift, 23 Nov 2026, 15:00–23:00".
func (r *Report) Heading(lg Lang) string {
	return lg.L("Handover") + " · " + lg.ShiftTitle(r.Shift)
}

// Who is "Shift manager: Rina Kusuma · next: Night shift, Budi Santoso".
func (r *Report) Who(lg Lang) string {
	manager, next := r.Manager, r.NextManager
	if manager == "" {
		manager = lg.L("none on the roster")
	}
	if next == "" {
		next = lg.L("none on the roster")
	}
	return lg.L("Shift manager: {{.Name}}", map[string]any{"Name": manager}) + " · " +
		lg.L("next: {{.Shift}}, {{.Name}}", map[string]any{"Shift": lg.ShiftName(r.Next.Shift), "Name": next})
}

// AckLine says whether the incoming manager has taken the shift over.
func (r *Report) AckLine(lg Lang) string {
	if r.Ack == nil {
		return lg.L("Not yet acknowledged by the incoming manager.")
	}
	line := lg.L("Acknowledged by {{.Name}} at {{.Time}}.", map[string]any{"Name": r.Ack.ByName, "Time": lg.Clock(r.Ack.At, r.Now)})
	if r.Ack.Note != "" {
		line += " " + oneLine(r.Ack.Note, 200)
	}
	return line
}

// ChangeLines say what changed since the last acknowledged handover.
func (r *Report) ChangeLines(lg Lang) []string {
	ch := r.Changes
	if ch.Since == nil {
		return []string{lg.L("No earlier handover was acknowledged.")}
	}
	was, now := ch.Since.Counts, r.Counts
	arrow := func(label string, a, b int) string { return fmt.Sprintf("%s %d → %d", label, a, b) }
	return []string{
		lg.L("Since {{.Name}} took over from the {{.Shift}} at {{.Time}}:", map[string]any{"Name": ch.Since.ByName,
			"Shift": lg.ShiftName(ch.Since.Shift.Shift), "Time": lg.Clock(ch.Since.At, r.Now)}),
		joinParts(arrow(lg.L("open"), was.Open, now.Open), arrow(lg.L("overdue"), was.Overdue, now.Overdue),
			arrow(lg.L("escalated"), was.Escalated, now.Escalated), arrow(lg.L("complaints"), was.Complaints, now.Complaints),
			arrow(lg.L("call-backs"), was.CallBacks, now.CallBacks)),
		joinParts(lg.L("new requests: {{.N}}", map[string]any{"N": ch.NewRequests}),
			lg.L("closed: {{.N}}", map[string]any{"N": ch.Closed}),
			lg.L("escalated: {{.N}}", map[string]any{"N": ch.Escalated}),
			lg.L("new complaints: {{.N}}", map[string]any{"N": ch.NewComplaints})),
		joinParts(lg.L("guests not satisfied: {{.N}}", map[string]any{"N": ch.NotSatisfied}),
			lg.L("logbook notes: {{.N}}", map[string]any{"N": ch.Notes}),
			lg.L("items lent: {{.N}}, returned: {{.M}}", map[string]any{"N": ch.Lent, "M": ch.Returned})),
	}
}

// AgeHeaders are the column titles of the department table's age buckets.
func AgeHeaders(lg Lang) [4]string {
	return [4]string{lg.L("< 1 h"), lg.L("1–4 h"), lg.L("4–24 h"), lg.L("> 1 day")}
}
