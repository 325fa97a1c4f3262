package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteTable prints rows as one aligned table. Search rows add the naive LIKE scan's
// and the bare engine's p95 and how the store compares with each.
func WriteTable(w io.Writer, rows []Row) error {
	var local, through []Row
	for _, r := range rows {
		if r.Through != "" {
			through = append(through, r)
		} else {
			local = append(local, r)
		}
	}
	if err := writeLocal(w, local); err != nil || len(through) == 0 {
		return err
	}
	return writeThrough(w, through)
}

// writeThrough prints the rows measured through the server with the local p95 beside and
// what the API adds to it.
func writeThrough(w io.Writer, rows []Row) error {
	width := len("through the server")
	for _, r := range rows {
		width = max(width, len([]rune(r.Operation)))
	}
	head := fmt.Sprintf("%-*s %6s %9s %9s %9s %11s %11s", width, "through the server", "n", "p50 ms", "p95 ms", "max ms", "local p95", "API adds")
	fmt.Fprintf(w, "\n%s\n%s\n", head, strings.Repeat("-", len([]rune(head))))
	for _, r := range rows {
		line := fmt.Sprintf("%s%s %6d %9s %9s %9s", r.Operation, strings.Repeat(" ", width-len([]rune(r.Operation))),
			r.N, ms(r.P50), ms(r.P95), ms(r.Max))
		if r.LocalP95 != nil {
			line += fmt.Sprintf(" %11s %11s", ms(*r.LocalP95), ms(r.P95-*r.LocalP95))
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// writeLocal prints the rows measured on the store.
func writeLocal(w io.Writer, rows []Row) error {
	width := len("operation")
	for _, r := range rows {
		width = max(width, len([]rune(r.Operation)))
	}
	head := fmt.Sprintf("%-*s %6s %9s %9s %9s %11s %11s %11s %11s", width, "operation", "n", "p50 ms", "p95 ms",
		"max ms", "naive p95", "engine p95", "naive/store", "store/eng.")
	if _, err := fmt.Fprintln(w, head); err != nil {
		return err
	}
	fmt.Fprintln(w, strings.Repeat("-", len([]rune(head))))
	for _, r := range rows {
		line := fmt.Sprintf("%s%s %6d %9s %9s %9s", r.Operation, strings.Repeat(" ", width-len([]rune(r.Operation))),
			r.N, ms(r.P50), ms(r.P95), ms(r.Max))
		if r.NaiveP95 != nil && r.EngineP95 != nil {
			line += fmt.Sprintf(" %11s %11s %11s %11s", ms(*r.NaiveP95), ms(*r.EngineP95), ratio(*r.NaiveP95, r.P95), ratio(r.P95, *r.EngineP95))
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSON prints rows as a JSON list.
func WriteJSON(w io.Writer, rows []Row) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}

// ms shows a duration in milliseconds with precision that fits its size.
func ms(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

func ratio(a, b float64) string {
	if b <= 0 {
		return "–"
	}
	r := a / b
	if r >= 10 {
		return fmt.Sprintf("%.0f×", r)
	}
	return fmt.Sprintf("%.1f×", r)
}
