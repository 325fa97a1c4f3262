package loans

import (
	"sort"
	"strings"
	"time"

	"frontdesk/errs"
)

// Item is a kind of loanable thing (cribs, rollaway beds, chargers…) and how many the
// property owns.
type Item struct {
	Code  string
	Name  string
	Total int
}

// Loan is some of an item lent to a room until the guest departs.
type Loan struct {
	ID         string
	ItemCode   string
	Room       string
	GuestID    string
	Qty        int
	LentBy     string
	LentAt     time.Time
	DueBack    time.Time // the guest's departure
	ReturnedAt time.Time // zero while out
}

// Out reports whether the loan has not come back.
func (l *Loan) Out() bool { return l.ReturnedAt.IsZero() }

// Available is how many of item are left, given the loans of it.
func Available(item Item, loans []Loan) int {
	n := item.Total
	for _, l := range loans {
		if l.ItemCode == item.Code && l.Out() {
			n -= l.Qty
		}
	}
	return n
}

// CheckLend refuses to promise what the property does not have, saying how many are out
// and to which rooms.
func CheckLend(item Item, loans []Loan, qty int) error {
	if qty < 1 {
		return errs.FieldError("qty", "Lend at least one.", nil)
	}
	left := Available(item, loans)
	if qty <= left {
		return nil
	}
	return errs.New(errs.Conflict, "Only {{.Left}} of {{.Total}} {{.Item}} left; the others are out to rooms {{.Rooms}}.",
		map[string]any{"Left": max(left, 0), "Total": item.Total, "Item": item.Name, "Rooms": roomsOut(item, loans)})
}

func roomsOut(item Item, loans []Loan) string {
	seen := map[string]bool{}
	var rooms []string
	for _, l := range loans {
		if l.ItemCode == item.Code && l.Out() && !seen[l.Room] {
			seen[l.Room] = true
			rooms = append(rooms, l.Room)
		}
	}
	sort.Strings(rooms)
	return strings.Join(rooms, ", ")
}

// Overdue returns the loans still out after their due time, oldest first.
func Overdue(loans []Loan, now time.Time) []Loan {
	var out []Loan
	for _, l := range loans {
		if l.Out() && !l.DueBack.IsZero() && l.DueBack.Before(now) {
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].DueBack.Before(out[j].DueBack) })
	return out
}
