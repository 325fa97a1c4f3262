package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"frontdesk/handover"
)

// The triggers of migration 0026 count 30 days: the handover's rule must say the same.
func TestProblemsCountTheHandoversRepeatWindow(t *testing.T) {
	if handover.RepeatWindow != 30*24*time.Hour {
		t.Fatalf("repeat window %v: change migration 0026's triggers with it", handover.RepeatWindow)
	}
}

// problemRows is every problem with its count, as text.
func problemRows(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	ctx := context.Background()
	must(t, s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, "SELECT request_id, room, category, created_at, n FROM problems ORDER BY request_id", nil,
			func(rows *sql.Rows) error {
				var id, room, cat, at string
				var n int
				err := rows.Scan(&id, &room, &cat, &at, &n)
				out = append(out, fmt.Sprint(id, room, cat, at, n))
				return err
			})
	}))
	return out
}

// assertProblemsAsDefined checks the problems the triggers keep against the ones built
// from the requests, and the repeat problems of several periods against the definition.
func assertProblemsAsDefined(t *testing.T, d *desk, step string) {
	t.Helper()
	kept := problemRows(t, d.s)
	if len(kept) == 0 {
		t.Fatalf("%s: no problems kept", step)
	}
	ctx := context.Background()
	for _, days := range []int{1, 7, 14, 30, 90} {
		p := handover.LastDays(testNow, days)
		var got, want []handover.Repeat
		must(t, d.s.read(ctx, func(tx *sql.Tx) (err error) {
			names := map[string]string{}
			if got, err = repeatProblems(ctx, tx, p, names); err != nil {
				return err
			}
			want, err = repeatProblemsFrom(ctx, tx, p, names)
			return err
		}))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s, %d days:\nkept       %+v\ndefinition %+v", step, days, got, want)
		}
		if days == 30 && step == "as logged" && len(want) == 0 {
			t.Fatalf("the history has no repeat problems to compare")
		}
	}
	must(t, d.s.write(ctx, func(tx *sql.Tx) error { return rebuildProblems(ctx, tx) }))
	if built := problemRows(t, d.s); !reflect.DeepEqual(kept, built) {
		t.Fatalf("%s: problems kept by the triggers differ from the ones counted from the requests:\nkept  %v\nbuilt %v", step, kept, built)
	}
}

// Whatever changes a request — a desk, an import, or another program on the file moving
// it to another room, category, kind or time, making it a recovery, or a category moving
// out of maintenance — the problems stay counted as the definition counts
// them.
func TestRepeatProblemsStayCountedThroughEveryChange(t *testing.T) {
	for seed := range uint64(3) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 26))
			d := newDesk(t)
			ids := randomHistory(t, d, rng)
			d.now = testNow
			assertProblemsAsDefined(t, d, "as logged")
			pick := func() string { return ids[rng.IntN(len(ids))] }
			steps := []struct{ name, sql string }{
				{"moved to another room", "UPDATE requests SET room = '1315' WHERE id IN (?, ?, ?)"},
				{"another category", "UPDATE requests SET category = 'maintenance' WHERE id IN (?, ?, ?)"},
				{"made a complaint", "UPDATE requests SET kind = 'complaint' WHERE id IN (?, ?, ?)"},
				{"moved in time", "UPDATE requests SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '-29 days') WHERE id IN (?, ?, ?)"},
				{"made a recovery", "UPDATE requests SET recovery_of = id WHERE id IN (?, ?, ?)"},
				{"a request left untouched", "UPDATE requests SET room = room, category = category WHERE id IN (?, ?, ?)"},
				{"category out of maintenance", "UPDATE categories SET department = 'housekeeping' WHERE code = 'maintenance' AND ? <> ? AND ? <> ''"},
				{"and back", "UPDATE categories SET department = 'maintenance' WHERE code = 'maintenance' AND ? <> ? AND ? <> ''"},
			}
			for _, st := range steps {
				if _, err := d.s.writer.Exec(st.sql, pick(), pick(), pick()); err != nil {
					t.Fatalf("%s: %v", st.name, err)
				}
				assertProblemsAsDefined(t, d, st.name)
			}
		})
	}
}
