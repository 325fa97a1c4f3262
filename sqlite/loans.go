package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/loans"
	"frontdesk/staff"
)

var _ loans.Service = (*Store)(nil)

const loanColumns = "id, item, room, COALESCE(guest_id, ''), qty, lent_by, lent_at, due_back, returned_at"

func scanLoan(r scanner, l *loans.Loan) error {
	var lent, due, returned string
	err := r.Scan(&l.ID, &l.ItemCode, &l.Room, &l.GuestID, &l.Qty, &l.LentBy, &lent, &due, &returned)
	l.LentAt = parseTime(lent)
	if due != "" {
		l.DueBack = parseTime(due)
	}
	if returned != "" {
		l.ReturnedAt = parseTime(returned)
	}
	return err
}

// fmtOptionalTime stores the zero time as an empty string.
func fmtOptionalTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmtTime(t)
}

// fmtOptionalDate is a calendar date, or "" for none.
func fmtOptionalDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmtDate(t)
}

// ListItems returns every item with how many are out and left, by name.
func (s *Store) ListItems(ctx context.Context) ([]loans.ItemStock, error) {
	var out []loans.ItemStock
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		out, err = itemStock(ctx, tx)
		return err
	})
	return out, err
}

// itemStock is every item with how many are out and left, by name, read in tx.
func itemStock(ctx context.Context, tx *sql.Tx) ([]loans.ItemStock, error) {
	var out []loans.ItemStock
	err := eachRow(ctx, tx, `SELECT i.code, i.name, i.total, COALESCE(SUM(l.qty), 0)
		FROM items i LEFT JOIN loans l ON l.item = i.code AND l.returned_at = ''
		GROUP BY i.code ORDER BY i.name, i.code`, nil, func(r *sql.Rows) error {
		var st loans.ItemStock
		err := r.Scan(&st.Code, &st.Name, &st.Total, &st.Out)
		st.Available = st.Total - st.Out
		out = append(out, st)
		return err
	})
	return out, err
}

// SaveItem creates or updates an item; managers only. A total below what is out is refused.
func (s *Store) SaveItem(ctx context.Context, it *loans.Item) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermEditRooms); err != nil {
		return err
	}
	if err := it.Normalize().Err(); err != nil {
		return err
	}
	c := change{entity: "item", entityID: it.Code, action: "save",
		words: summaryOf("{{.Name}}, {{.Total}} in total", map[string]any{"Name": it.Name, "Total": it.Total})}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		open, err := openLoans(ctx, tx, it.Code)
		if err != nil {
			return err
		}
		out := 0
		for _, l := range open {
			out += l.Qty
		}
		if it.Total < out {
			return errs.FieldError(loans.FieldTotal, "{{.Out}} are lent out now (rooms {{.Rooms}}), so the total cannot be less than {{.Out}}.",
				map[string]any{"Out": out, "Rooms": roomsOf(open)})
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO items (code, name, total) VALUES (?, ?, ?)
			ON CONFLICT (code) DO UPDATE SET name = excluded.name, total = excluded.total`, it.Code, it.Name, it.Total)
		return err
	})
}

// Lend records a loan after checking, in the same transaction, that enough is left.
func (s *Store) Lend(ctx context.Context, l *loans.Loan) error {
	actor := staff.ActorFrom(ctx)
	if err := actor.Role.Check(staff.PermLendItems); err != nil {
		return err
	}
	if err := l.Normalize().Err(); err != nil {
		return err
	}
	l.ID, l.LentBy, l.LentAt, l.ReturnedAt = newID(), actor.Name, s.now().UTC(), time.Time{}
	c := change{entity: "loan", entityID: l.ID, guestID: l.GuestID, action: "lend",
		summary: fmt.Sprintf("%d × %s to room %s", l.Qty, l.ItemCode, l.Room)}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		var item loans.Item
		err := tx.QueryRowContext(ctx, "SELECT code, name, total FROM items WHERE code = ?", l.ItemCode).
			Scan(&item.Code, &item.Name, &item.Total)
		if err == sql.ErrNoRows {
			return errs.FieldError(loans.FieldItem, "Choose one of the options in the list.", nil)
		}
		if err != nil {
			return err
		}
		if l.GuestID != "" {
			if err := guestExists(ctx, tx, l.GuestID); err != nil {
				return err
			}
		}
		out, err := openLoans(ctx, tx, item.Code)
		if err != nil {
			return err
		}
		if err := loans.CheckLend(item, out, l.Qty); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO loans (id, item, room, guest_id, qty, lent_by, lent_at, due_back)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, l.ID, l.ItemCode, l.Room, sql.NullString{String: l.GuestID, Valid: l.GuestID != ""},
			l.Qty, l.LentBy, fmtTime(l.LentAt), fmtOptionalTime(l.DueBack))
		return err
	})
}

// ReturnLoan records that a loan came back.
func (s *Store) ReturnLoan(ctx context.Context, loanID string) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermLendItems); err != nil {
		return err
	}
	c := change{entity: "loan", entityID: loanID, action: "return", words: summaryOf("returned", nil)}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		var returned string
		err := tx.QueryRowContext(ctx, "SELECT returned_at FROM loans WHERE id = ?", loanID).Scan(&returned)
		if err == sql.ErrNoRows {
			return errs.New(errs.NotFound, "This loan is not on record; refresh the list.", nil)
		}
		if err != nil {
			return err
		}
		if returned != "" {
			return errs.New(errs.Conflict, "Already returned at {{.Time}}.",
				map[string]any{"Time": parseTime(returned).In(s.now().Location()).Format("2006-01-02 15:04")})
		}
		_, err = tx.ExecContext(ctx, "UPDATE loans SET returned_at = ? WHERE id = ?", fmtTime(s.now()), loanID)
		return err
	})
}

// ListLoans returns a page of loans: overdue first, then the rest still out by due time
// (no due time last), then those returned, newest first.
func (s *Store) ListLoans(ctx context.Context, f loans.Filter) ([]loans.Loan, error) {
	now := fmtTime(s.now())
	var where []string
	var args []any
	add := func(cond string, v ...any) { where = append(where, cond); args = append(args, v...) }
	if code := strings.TrimSpace(f.ItemCode); code != "" {
		add("item = ?", code)
	}
	if room := strings.ToUpper(strings.TrimSpace(f.Room)); room != "" {
		add("room = ?", room)
	}
	if f.OutOnly || f.OverdueOnly {
		add("returned_at = ''")
	}
	if f.OverdueOnly {
		add("due_back <> '' AND due_back < ?", now)
	}
	q := "SELECT " + loanColumns + " FROM loans"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += ` ORDER BY (returned_at = '' AND due_back <> '' AND due_back < ?) DESC, returned_at = '' DESC,
		CASE WHEN returned_at = '' THEN due_back = '' END, CASE WHEN returned_at = '' THEN due_back END,
		returned_at DESC, lent_at, seq LIMIT ?`
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, now, min(limit, 500))
	var out []loans.Loan
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, q, args, func(r *sql.Rows) error {
			var l loans.Loan
			err := scanLoan(r, &l)
			out = append(out, l)
			return err
		})
	})
	return out, err
}

// openLoans returns the loans of item not yet returned.
func openLoans(ctx context.Context, tx *sql.Tx, item string) ([]loans.Loan, error) {
	var out []loans.Loan
	err := eachRow(ctx, tx, "SELECT "+loanColumns+" FROM loans WHERE item = ? AND returned_at = ''", []any{item},
		func(r *sql.Rows) error {
			var l loans.Loan
			err := scanLoan(r, &l)
			out = append(out, l)
			return err
		})
	return out, err
}

// roomsOf lists the rooms of loans, sorted, each once.
func roomsOf(open []loans.Loan) string {
	seen := map[string]bool{}
	var rooms []string
	for _, l := range open {
		if !seen[l.Room] {
			seen[l.Room] = true
			rooms = append(rooms, l.Room)
		}
	}
	slices.Sort(rooms)
	return strings.Join(rooms, ", ")
}
