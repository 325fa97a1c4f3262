package loans

import (
	"context"
	"regexp"
	"strings"

	"frontdesk/errs"
	"frontdesk/standards"
)

// Service keeps the loanable items and what is lent to which room. Every method is
// one transaction.
type Service interface {
	// ListItems returns every item with how many are out and how many are left, by name.
	ListItems(ctx context.Context) ([]ItemStock, error)
	// SaveItem creates or updates an item; managers only. The total may not drop below
	// what is out.
	SaveItem(ctx context.Context, it *Item) error
	// Lend records a loan to a room if enough of the item is left; it sets the loan's ID,
	// LentBy and LentAt. The check and the loan are one transaction, so two desks cannot
	// both lend the last one.
	Lend(ctx context.Context, l *Loan) error
	// ReturnLoan records that a loan came back; returning it twice is a Conflict.
	ReturnLoan(ctx context.Context, loanID string) error
	// ListLoans returns a page of loans: overdue first, then the rest still out by due
	// time, then those returned, newest first.
	ListLoans(ctx context.Context, f Filter) ([]Loan, error)
}

// ItemStock is an item with how many of it are out and how many are left to lend.
type ItemStock struct {
	Item
	Out, Available int
}

// Filter narrows the loan list. Zero fields match all.
type Filter struct {
	ItemCode    string
	Room        string
	OutOnly     bool // only loans not yet returned
	OverdueOnly bool // only loans not returned whose due time has passed
	Limit       int  // a page; 0 means 100, at most 500
}

// Field names for item and loan forms, besides FieldCode and FieldName.
const (
	FieldItem  = "item"
	FieldRoom  = "room"
	FieldQty   = "qty"
	FieldTotal = "total"
)

// MaxItemTotal is the most of one item a property may own.
const MaxItemTotal = 10000

var loanRoomPattern = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{0,9}$`)

// Normalize cleans an item (code, name) and returns every problem found.
func (it *Item) Normalize() errs.Fields {
	var fs errs.Fields
	it.Code = strings.TrimSpace(it.Code)
	standards.CheckCodeAndName(&fs, it.Code, &it.Name)
	if it.Total < 0 || it.Total > MaxItemTotal {
		fs.Add(FieldTotal, "Enter a number from 0 to {{.Max}}.", map[string]any{"Max": MaxItemTotal})
	}
	return fs
}

// Normalize cleans a loan before lending (room upper-cased, spaces trimmed) and returns
// every problem found. Whether the item exists and enough is left is checked by the store.
func (l *Loan) Normalize() errs.Fields {
	var fs errs.Fields
	l.ItemCode = strings.TrimSpace(l.ItemCode)
	l.GuestID = strings.TrimSpace(l.GuestID)
	l.Room = strings.ToUpper(strings.TrimSpace(l.Room))
	if l.ItemCode == "" {
		fs.Add(FieldItem, "Choose one of the options in the list.", nil)
	}
	switch {
	case l.Room == "":
		fs.Add(FieldRoom, "Enter the room the item goes to.", nil)
	case !loanRoomPattern.MatchString(l.Room):
		// Same text as the stay form's, so it shares its translation.
		fs.Add(FieldRoom, "Room may only contain letters, digits and '-' (at most 10).", nil)
	}
	switch {
	case l.Qty < 1:
		fs.Add(FieldQty, "Lend at least one.", nil)
	case l.Qty > MaxItemTotal:
		fs.Add(FieldQty, "Lend at most {{.Max}} at a time.", map[string]any{"Max": MaxItemTotal})
	}
	return fs
}
