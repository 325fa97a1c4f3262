package handover

import (
	"math"
	"time"

	"frontdesk/errs"
)

// Repeat problems: the same problem category in the same room RepeatCount times within
// RepeatWindow. Problems are complaints and the maintenance department's categories.
const (
	RepeatCount  = 3
	RepeatWindow = 30 * 24 * time.Hour
)

// MaxPeriod is the longest period measured at once.
const MaxPeriod = 3 * 366 * 24 * time.Hour

// MsgBadPeriod is the refusal of a period that ends before it starts or is too long.
const MsgBadPeriod = "Choose a period that ends after it starts and lasts at most three years."

// Period is [From, To) of request creation times.
type Period struct {
	From, To time.Time
}

// Check refuses an empty, reversed or over-long period.
func (p Period) Check() error {
	if !p.To.After(p.From) || p.To.Sub(p.From) > MaxPeriod {
		return errs.New(errs.Invalid, MsgBadPeriod, nil)
	}
	return nil
}

// LastDays is the period of the n days up to and including today's date at now.
func LastDays(now time.Time, n int) Period {
	y, m, d := now.Date()
	end := time.Date(y, m, d+1, 0, 0, 0, 0, now.Location())
	return Period{From: end.AddDate(0, 0, -n), To: end}
}

// Measures are the service measures of a period, overall, per department and per
// category, with repeat problems per room and the weekly trend.
type Measures struct {
	Period       Period
	Total        Row
	ByDepartment []Row // most requests first
	ByCategory   []Row
	Repeats      []Repeat // most occurrences first
	Weeks        []Week   // oldest first
}

// Row is the measures of one group of requests created in the period.
type Row struct {
	Code, Name string // department or category; empty for the total
	Requests   int
	Ack        Times // creation to first acknowledgement
	Resolve    Times // creation to done by the department
	OnTime     Share // done by the promised time, of those done or already past their promise
	ClosedLoop Share // closed with a guest follow-up, of those closed
	Scored     int   // follow-ups with a score
	ScoreSum   int
	Complaints int
	Recoveries int // guests not satisfied, so service recovery started
	Recovered  int // of those, closed with the guest satisfied in the end
}

// Satisfaction is the average follow-up score, 0 when nobody gave one.
func (r Row) Satisfaction() float64 {
	if r.Scored == 0 {
		return 0
	}
	return float64(r.ScoreSum) / float64(r.Scored)
}

// Times are the median and 90th percentile of a duration over N requests, interpolated
// between the two nearest values as Quantile defines.
type Times struct {
	N           int
	Median, P90 time.Duration
}

// Share is Of out of Base.
type Share struct {
	Of, Base int
}

// Percent is the share in percent, 0 when the base is empty.
func (s Share) Percent() float64 {
	if s.Base == 0 {
		return 0
	}
	return 100 * float64(s.Of) / float64(s.Base)
}

// Repeat is a room where the same problem came back RepeatCount times or more within
// RepeatWindow.
type Repeat struct {
	Room         string
	Category     string
	CategoryName string
	Count        int // the most occurrences within one window
	Last         time.Time
}

// Week is one calendar week (Monday to Sunday, local dates) of the trend.
type Week struct {
	Start      time.Time // Monday, midnight local
	Requests   int
	OnTime     Share
	ClosedLoop Share
	Scored     int
	ScoreSum   int
	Complaints int
}

// Satisfaction is the week's average follow-up score, 0 when nobody gave one.
func (w Week) Satisfaction() float64 {
	if w.Scored == 0 {
		return 0
	}
	return float64(w.ScoreSum) / float64(w.Scored)
}

// Quantile is the p-quantile (0 ≤ p ≤ 1) of sorted values, interpolated linearly between
// the two values around position p×(n−1) (as spreadsheets' PERCENTILE.INC and SQL's
// percentile_cont do). The store computes the same in SQL; this is its definition.
func Quantile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	pos := p * float64(len(sorted)-1)
	lo := int(pos)
	hi := min(lo+1, len(sorted)-1)
	v := float64(sorted[lo]) + float64(sorted[hi]-sorted[lo])*(pos-float64(lo))
	return time.Duration(math.Round(v))
}
