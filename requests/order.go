package requests

import (
	"slices"
	"time"
)

// NeedsAttention reports whether the department's promise is past or falls due within
// DueSoonWindow: the request is overdue or due soon. These lead every queue, and they
// are what the header counts as needing the person at the desk.
func (r *Request) NeedsAttention(now time.Time) bool { return r.Overdue(now) || r.DueSoon(now) }

// CompareAttention is the one order of open requests, what needs someone first; the
// queue, Today and the handover all list in it.
//
//  1. Overdue and due-soon requests, by promised time: the most late first, then the
//     one falling due next.
//  2. Everything else by when it next needs someone (DueAt): requests promised later,
//     and the ones the department has done that wait for the follow-up with the guest,
//     by when that call is due — at once, or at the next attempt after "could not
//     reach". A follow-up never sits between overdue requests: a late promise is a
//     guest waiting, a follow-up is a guest to be asked. A call due now comes before a
//     request promised in an hour; a call planned for tonight after it.
//
// Requests equal in both keep the order they came in (the store breaks ties by the
// order they were logged), so sort with slices.SortStableFunc. The store orders pages
// in SQL the same way (sqlite's attentionOrder; a test holds the two together).
func CompareAttention(a, b *Request, now time.Time) int {
	if an, bn := a.NeedsAttention(now), b.NeedsAttention(now); an != bn {
		if an {
			return -1
		}
		return 1
	}
	return a.DueAt().Compare(b.DueAt())
}

// SortByAttention puts rows in CompareAttention order at now, ties in the order given.
func SortByAttention(rows []Summary, now time.Time) {
	slices.SortStableFunc(rows, func(a, b Summary) int { return CompareAttention(&a.Request, &b.Request, now) })
}
