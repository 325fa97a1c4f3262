package app

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"frontdesk/scale"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// The Guests screen at scale, measured through the screen itself: a name typed one
// letter at a time into the search box, each keystroke timed until its results are in
// the list (the search runs off the UI goroutine; results of earlier keystrokes that
// answer late are dropped), and the profile of the first match opened each time.
//
// FRONTDESK_BENCH_DB names a database filled by `frontdesk seed` (BENCHMARKS.md uses the
// 1,000,000-guest one); without it a 20,000-guest database is seeded in a temp folder.
// Reported: keystroke-to-list p50/p95 and the resident set after the run.
func BenchmarkGuestsScreenKeystrokes(b *testing.B) {
	path := os.Getenv("FRONTDESK_BENCH_DB")
	if path == "" {
		path = seedTemp(b, 20000)
	}
	store, err := sqlite.Open(context.Background(), path, sqlite.Options{CheckLater: true})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	sample, err := store.SampleGuests(context.Background(), 500, 7)
	if err != nil || len(sample) == 0 {
		b.Fatalf("no guests to search for: %v", err)
	}
	h := &harness{}
	harnessOn(b, h, store, nil)
	h.ui.showMain(staff.Actor{Name: "Bench Agent", Role: staff.RoleAgent})
	s := h.ui.guests
	var lat []time.Duration
	opened := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g := sample[i%len(sample)]
		name := strings.ToLower(g.FamilyName)
		if name == "" {
			name = strings.ToLower(g.GivenName)
		}
		s.search.SetText("")
		for _, r := range []rune(name)[:min(4, len([]rune(name)))] {
			start := time.Now()
			test.Type(s.search, string(r))
			h.settle(0)
			lat = append(lat, time.Since(start))
		}
		if len(s.results) > 0 {
			s.onSelected(0)
			h.settle(0)
			opened++
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms/keystroke")
		b.ReportMetric(float64(lat[(len(lat)*95+99)/100-1].Microseconds())/1000, "p95-ms/keystroke")
	}
	b.ReportMetric(float64(opened), "profiles-opened")
	if rss := residentMB(); rss > 0 {
		b.ReportMetric(rss, "rss-MB")
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.Sys)/(1<<20), "go-sys-MB")
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "go-heap-MB")
}

// seedTemp fills a temp-dir database with n synthetic guests (and five requests each).
func seedTemp(b *testing.B, n int) string {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "scale.db")
	store, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	gen := scale.New(scale.Config{Guests: n, Requests: 5 * n, Seed: 1, Now: time.Now()})
	prop, err := scale.Setup(ctx, store, gen)
	if err != nil {
		b.Fatal(err)
	}
	data := sqlite.BulkData{Guests: gen.Guests(5000), Requests: gen.Requests(prop, 10000)}
	if err := store.BulkLoad(ctx, data, func(sqlite.BulkProgress) {}); err != nil {
		b.Fatal(err)
	}
	return path
}

// residentMB is this process's resident set from /proc (0 where there is none).
func residentMB() float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
