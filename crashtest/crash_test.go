package crashtest

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"math/rand/v2"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"frontdesk/sqlite"
)

var (
	kills = flag.Int("crash.kills", 6, "how many times the crash test kills the writer (RELIABILITY.md: 300)")
	seed  = flag.Uint64("crash.seed", 0, "the crash test's random seed; 0 takes one from the clock")
	// sharedWrites is a multiple of writers, so each writer goroutine logs the same number.
	sharedWrites = flag.Int("crash.shared", 150, "requests each of three instances logs in the shared-file test")
)

func TestNoAcknowledgedRequestIsLostWhenFrontdeskIsKilled(t *testing.T) {
	p := newProperty(t)
	s := *seed
	if s == 0 {
		s = uint64(time.Now().UnixNano())
	}
	rng := rand.New(rand.NewPCG(s, 0x46445348))
	t.Logf("seed %d (rerun with -crash.seed=%d)", s, s)
	var acked []string
	duringStart := 0
	start := time.Now()
	for round := range *kills {
		w := p.startWriter(t, 0)
		early := killAtRandom(t, w, rng)
		if early {
			duringStart++
		}
		ids := w.drain()
		err := w.cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: the writer was not killed but ended with %v: %s", round, err, w.stderr.String())
		}
		if got := present(t, p.path, ids); got != len(ids) {
			t.Fatalf("round %d: %d of %d acknowledged requests are missing after the kill", round, len(ids)-got, len(ids))
		}
		acked = append(acked, ids...)
	}
	elapsed := time.Since(start)
	stored := verifyAfterCrashes(t, p.path, acked)
	t.Logf("%d kills (%d during start-up), %d acknowledged requests all present, %d stored (%d committed but killed before acknowledging), integrity ok, in %v (%.0f acknowledged writes/s)",
		*kills, duringStart, len(acked), stored, stored-len(acked), elapsed.Round(time.Millisecond), float64(len(acked))/elapsed.Seconds())
	if len(acked) < *kills {
		t.Errorf("only %d writes were acknowledged in %d rounds: the kills came too early to test anything", len(acked), *kills)
	}
}

// killAtRandom sends SIGKILL at a random moment: one time in five while the process is
// still opening the database, otherwise up to a quarter second into its writing. It
// reports whether the kill came during start-up.
func killAtRandom(t *testing.T, w *writer, rng *rand.Rand) bool {
	early := rng.IntN(5) == 0
	if early {
		time.Sleep(time.Duration(rng.Int64N(int64(40 * time.Millisecond))))
	} else {
		select {
		case <-w.ready:
		case <-time.After(30 * time.Second):
			t.Fatalf("the writer did not start: %s", w.stderr.String())
		}
		time.Sleep(time.Duration(rng.Int64N(int64(250 * time.Millisecond))))
	}
	must(t, w.cmd.Process.Signal(syscall.SIGKILL))
	return early
}

// verifyAfterCrashes checks the database the way the next start would find it: every
// acknowledged request is there, each stored request came with its first timeline event
// and its audit entry (a transaction is all or nothing), SQLite's integrity and foreign
// key checks pass, and Frontdesk opens it. It returns how many requests are stored.
func verifyAfterCrashes(t *testing.T, path string, acked []string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	must(t, err)
	defer db.Close()
	stored := map[string]bool{}
	rows, err := db.Query("SELECT id FROM requests")
	must(t, err)
	for rows.Next() {
		var id string
		must(t, rows.Scan(&id))
		stored[id] = true
	}
	must(t, rows.Err())
	for _, id := range acked {
		if !stored[id] {
			t.Fatalf("acknowledged request %s is missing", id)
		}
	}
	var halfDone, fkProblems int
	must(t, db.QueryRow(`SELECT count(*) FROM requests r
		WHERE (SELECT count(*) FROM request_events e WHERE e.request_id = r.id AND e.action = 'create') != 1
		   OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'request' AND a.entity_id = r.id)`).Scan(&halfDone))
	must(t, db.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&fkProblems))
	var integrity string
	must(t, db.QueryRow("PRAGMA integrity_check").Scan(&integrity))
	if halfDone != 0 || fkProblems != 0 || integrity != "ok" {
		t.Fatalf("after the crashes: %d half-written requests, %d foreign key problems, integrity %q", halfDone, fkProblems, integrity)
	}
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	must(t, err)
	must(t, s.Close())
	return len(stored)
}
