package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"frontdesk/handover"
)

// handoverBenchStore is a seeded database: FRONTDESK_BENCH_DB names one made with
// `frontdesk seed` (years of history at resort scale), else a small one is generated.
func handoverBenchStore(b *testing.B) (*Store, time.Time) {
	b.Helper()
	if path := os.Getenv("FRONTDESK_BENCH_DB"); path != "" {
		s, err := Open(context.Background(), path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s, time.Now()
	}
	return seedStore(b, filepath.Join(b.TempDir(), "bench.db"), 2000, 50000).s, testNow
}

func BenchmarkHandoverReport(b *testing.B) {
	s, _ := handoverBenchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Report(ctx, time.Time{}, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMeasures(b *testing.B) {
	s, now := handoverBenchStore(b)
	ctx := context.Background()
	for _, days := range []int{7, 30, 90, 365} {
		b.Run(time.Duration(days*24*int(time.Hour)).String(), func(b *testing.B) {
			p := handover.LastDays(now, days)
			for b.Loop() {
				if _, err := s.Measures(ctx, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkToday gathers the Today board: every guest in house or arriving with their
// profile and history, and the rules applied.
func BenchmarkToday(b *testing.B) {
	s, now := handoverBenchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.WholeBoard(ctx, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTodayFirst gathers the first board after the application opens: a store
// opened afresh, so every guest on the board is read and analysed.
func BenchmarkTodayFirst(b *testing.B) {
	s, now := handoverBenchStore(b)
	ctx := context.Background()
	for b.Loop() {
		fresh, err := Open(ctx, s.Path(), Options{CheckLater: true})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := fresh.WholeBoard(ctx, now); err != nil {
			b.Fatal(err)
		}
		fresh.Close()
	}
}
