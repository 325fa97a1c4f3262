package sqlite

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"time"
)

// denseMinutes is how many minutes a histogram counts in a slice; longer (and negative)
// times, rare, are counted in a map. Two days covers nearly every acknowledgement and
// resolution, and the map keeps a year-long outlier from costing a year of slots.
const denseMinutes = 2 * 24 * 60

// measureHist counts times to the minute: how many requests took each whole number of
// minutes. It is exact (no minute is merged with another), so the median and the 90th
// percentile it gives are the ones the raw times, rounded to the minute, give.
//
// Stored as a BLOB of (minute, count) pairs in minute order, each minute as a signed
// varint difference from the one before (the first from 0) and each count as an
// unsigned varint: a day of one category's times is a few dozen bytes.
type measureHist struct {
	dense []int       // count per minute 0…len-1
	other map[int]int // minutes below 0 or from denseMinutes on
}

// add counts n more (or fewer, when negative) requests that took minute minutes.
func (h *measureHist) add(minute, n int) {
	if minute < 0 || minute >= denseMinutes {
		if h.other == nil {
			h.other = map[int]int{}
		}
		h.other[minute] += n
		return
	}
	if minute >= len(h.dense) {
		h.dense = slices.Grow(h.dense, minute+1-len(h.dense))[:minute+1]
	}
	h.dense[minute] += n
}

// merge adds a stored histogram, times sign.
func (h *measureHist) merge(b []byte, sign int) error {
	minute := 0
	for len(b) > 0 {
		d, k := binary.Varint(b)
		if k <= 0 {
			return errBadHist
		}
		n, j := binary.Uvarint(b[k:])
		if j <= 0 {
			return errBadHist
		}
		minute += int(d)
		h.add(minute, sign*int(n))
		b = b[k+j:]
	}
	return nil
}

// mergeHist adds u's counts.
func (h *measureHist) mergeHist(u *measureHist) {
	for m, n := range u.dense {
		if n != 0 {
			h.add(m, n)
		}
	}
	for m, n := range u.other {
		h.add(m, n)
	}
}

var errBadHist = errors.New("measure roll-up: damaged histogram")

// bin is a minute and its count.
type bin struct{ minute, n int }

// bins are the minutes with a positive count, in order.
func (h *measureHist) bins() []bin {
	var out []bin
	var low, high []int
	for m, n := range h.other {
		if n > 0 && m < 0 {
			low = append(low, m)
		} else if n > 0 {
			high = append(high, m)
		}
	}
	slices.Sort(low)
	slices.Sort(high)
	for _, m := range low {
		out = append(out, bin{m, h.other[m]})
	}
	for m, n := range h.dense {
		if n > 0 {
			out = append(out, bin{m, n})
		}
	}
	for _, m := range high {
		out = append(out, bin{m, h.other[m]})
	}
	return out
}

// blob is the stored form.
func (h *measureHist) blob() []byte {
	out := []byte{}
	prev := 0
	for _, b := range h.bins() {
		out = binary.AppendVarint(out, int64(b.minute-prev))
		out = binary.AppendUvarint(out, uint64(b.n))
		prev = b.minute
	}
	return out
}

// quantiles are the count and the p-quantiles of the times, interpolated as SQLite's
// percentile_cont does over the same times in milliseconds (handover.Quantile), so
// that the figures equal the raw computation's to the nanosecond.
func (h *measureHist) quantiles(ps ...float64) (int, []time.Duration) {
	bins := h.bins()
	n := 0
	for _, b := range bins {
		n += b.n
	}
	out := make([]time.Duration, len(ps))
	if n == 0 {
		return 0, out
	}
	for i, p := range ps {
		ix := p * float64(n-1)
		i1 := int(ix)
		i2 := i1 + 1
		if ix == float64(i1) || i1 == n-1 {
			i2 = i1
		}
		v1, v2 := float64(rankOf(bins, i1)*60000), float64(rankOf(bins, i2)*60000)
		vx := v1 + (v2-v1)*(ix-float64(i1))
		out[i] = time.Duration(math.Round(vx * float64(time.Millisecond)))
	}
	return n, out
}

// rankOf is the minute of the rank-th smallest time (from 0).
func rankOf(bins []bin, rank int) int {
	for _, b := range bins {
		if rank < b.n {
			return b.minute
		}
		rank -= b.n
	}
	return bins[len(bins)-1].minute
}
