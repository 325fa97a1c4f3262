package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"frontdesk/guests"
	"frontdesk/handover"
)

// loadInHouse reads the VIPs and the guests with alerts in house, VIPs first, by room.
// The page is picked from the in-house index and the two small indexes that say who is
// a VIP or has an alert; only its rows are read from the guests and stays tables.
func loadInHouse(ctx context.Context, tx *sql.Tx, r *handover.Report) error {
	// The total comes with the page (a window count): thousands of guests are in house
	// at a resort, and reading them twice doubled the section's time.
	err := eachRow(ctx, tx, `WITH here AS MATERIALIZED (
			SELECT st.rowid AS sid, st.guest_id, st.room,
				EXISTS (SELECT 1 FROM guests v INDEXED BY guests_vip WHERE v.id = st.guest_id AND v.vip = 1) AS vip
			FROM stays st INDEXED BY stays_in_house_room WHERE st.status = 'in_house'
		), listed AS MATERIALIZED (
			SELECT sid, guest_id, room, vip, count(*) OVER () AS total FROM here
			WHERE vip OR EXISTS (SELECT 1 FROM guest_alerts a WHERE a.guest_id = here.guest_id)
			ORDER BY vip DESC, room, guest_id LIMIT ?
		)
		SELECT g.id, TRIM(g.given_name || ' ' || g.family_name), g.vip, g.tier, g.casino_tier, l.room, s.departure, l.total
		FROM listed l JOIN guests g ON g.id = l.guest_id JOIN stays s ON s.rowid = l.sid
		ORDER BY l.vip DESC, l.room, l.guest_id`, []any{handover.SectionLimit},
		func(rows *sql.Rows) error {
			var l handover.GuestLine
			var dep string
			err := rows.Scan(&l.GuestID, &l.Name, &l.VIP, &l.Tier, &l.Casino, &l.Room, &dep, &r.InHouse.Total)
			l.Departure = parseDate(dep)
			r.InHouse.Items = append(r.InHouse.Items, l)
			return err
		})
	if err != nil {
		return err
	}
	ids := make([]string, len(r.InHouse.Items))
	for i, l := range r.InHouse.Items {
		ids[i] = l.GuestID
	}
	alerts, err := alertsOf(ctx, tx, ids)
	for i := range r.InHouse.Items {
		r.InHouse.Items[i].Alerts = alerts[r.InHouse.Items[i].GuestID]
	}
	return err
}

// alertsOf reads the alerts of the guests, oldest first, by guest.
func alertsOf(ctx context.Context, tx *sql.Tx, ids []string) (map[string][]guests.Alert, error) {
	out := map[string][]guests.Alert{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	q := `SELECT id, guest_id, kind, text, created_by, created_at, score FROM guest_alerts
		WHERE guest_id IN (?` + strings.Repeat(", ?", len(ids)-1) + `) ORDER BY created_at, seq`
	err := eachRow(ctx, tx, q, args, func(rows *sql.Rows) error {
		var a guests.Alert
		var at string
		err := rows.Scan(&a.ID, &a.GuestID, &a.Kind, &a.Text, &a.CreatedBy, &at, &a.Score)
		a.CreatedAt = parseTime(at)
		out[a.GuestID] = append(out[a.GuestID], a)
		return err
	})
	return out, err
}

// loadArrivals reads the guests expected on the next shift's date, VIPs first.
func loadArrivals(ctx context.Context, tx *sql.Tx, r *handover.Report) error {
	date := fmtDate(r.Next.Start)
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM stays WHERE status = 'expected' AND arrival = ?", date).
		Scan(&r.Arrivals.Total); err != nil {
		return err
	}
	err := eachRow(ctx, tx, `SELECT g.id, TRIM(g.given_name || ' ' || g.family_name), g.vip, g.tier, st.room,
		st.arrival, st.departure, st.party_size
		FROM stays st JOIN guests g ON g.id = st.guest_id
		WHERE st.status = 'expected' AND st.arrival = ?
		ORDER BY g.vip DESC, g.family_name, g.given_name, g.seq LIMIT ?`, []any{date, handover.SectionLimit},
		func(rows *sql.Rows) error {
			var l handover.ArrivalLine
			var arr, dep string
			err := rows.Scan(&l.GuestID, &l.Name, &l.VIP, &l.Tier, &l.Room, &arr, &dep, &l.PartySize)
			l.Arrival, l.Departure = parseDate(arr), parseDate(dep)
			r.Arrivals.Items = append(r.Arrivals.Items, l)
			return err
		})
	if err != nil {
		return err
	}
	ids := make([]string, len(r.Arrivals.Items))
	for i, l := range r.Arrivals.Items {
		ids[i] = l.GuestID
	}
	alerts, err := alertsOf(ctx, tx, ids)
	for i := range r.Arrivals.Items {
		r.Arrivals.Items[i].Alerts = alerts[r.Arrivals.Items[i].GuestID]
	}
	return err
}

// loadShiftOccasions reads the occasions on the next shift's date of guests in house or
// arriving that day.
func loadShiftOccasions(ctx context.Context, tx *sql.Tx, r *handover.Report) error {
	day := r.Next.Start
	const from = ` FROM guest_occasions o
		JOIN guests g ON g.id = o.guest_id
		JOIN stays st ON st.guest_id = o.guest_id AND (st.status = 'in_house' OR (st.status = 'expected' AND st.arrival = ?))
		WHERE o.month = ? AND o.day = ?`
	args := []any{fmtDate(day), int(day.Month()), day.Day()}
	return eachRow(ctx, tx, `SELECT o.id, o.guest_id, o.kind, o.label, o.month, o.day, o.year,
		TRIM(g.given_name || ' ' || g.family_name), st.room, st.status = 'expected', count(*) OVER ()`+from+`
		ORDER BY g.family_name, g.given_name, o.seq LIMIT ?`, append(args, handover.SectionLimit),
		func(rows *sql.Rows) error {
			var l handover.OccasionLine
			err := rows.Scan(&l.ID, &l.GuestID, &l.Kind, &l.Label, &l.Month, &l.Day, &l.Year, &l.Name, &l.Room, &l.Arriving,
				&r.Occasions.Total)
			r.Occasions.Items = append(r.Occasions.Items, l)
			return err
		})
}

// loadLoanSection reads the items out, overdue first, then by when they are due back.
func loadLoanSection(ctx context.Context, tx *sql.Tx, r *handover.Report) error {
	now := fmtTime(r.Now)
	err := tx.QueryRowContext(ctx, `SELECT count(*), COALESCE(sum(due_back <> '' AND due_back < ?), 0)
		FROM loans WHERE returned_at = ''`, now).Scan(&r.Loans.Total, &r.Counts.LoansOverdue)
	if err != nil {
		return err
	}
	return eachRow(ctx, tx, `SELECT l.id, l.item, l.room, COALESCE(l.guest_id, ''), l.qty, l.lent_by, l.lent_at,
		l.due_back, l.returned_at, i.name
		FROM loans l JOIN items i ON i.code = l.item WHERE l.returned_at = ''
		ORDER BY (l.due_back <> '' AND l.due_back < ?) DESC, l.due_back = '', l.due_back, l.room, l.seq LIMIT ?`,
		[]any{now, handover.SectionLimit}, func(rows *sql.Rows) error {
			var l handover.LoanLine
			if err := scanLoan(withExtra{rows, []any{&l.ItemName}}, &l.Loan); err != nil {
				return err
			}
			l.Overdue = !l.DueBack.IsZero() && l.DueBack.Before(r.Now)
			r.Loans.Items = append(r.Loans.Items, l)
			return nil
		})
}

// withExtra lets a scan function read a row that carries more columns after its own.
type withExtra struct {
	row   scanner
	extra []any
}

// Scan reads the row into dest followed by the extra destinations.
func (w withExtra) Scan(dest ...any) error { return w.row.Scan(append(dest, w.extra...)...) }
