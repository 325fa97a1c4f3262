package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"frontdesk/guests"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
)

// BenchmarkCreateRequestCommit measures what the full sync on every commit costs: the
// shipped synchronous=FULL against NORMAL, which may lose the last commits on a power
// cut. RELIABILITY.md keeps the figures.
func BenchmarkCreateRequestCommit(b *testing.B) {
	for _, sync := range []string{"FULL", "NORMAL"} {
		b.Run("synchronous="+sync, func(b *testing.B) {
			s, ctx, r := requestBench(b)
			if _, err := s.writer.Exec("PRAGMA synchronous = " + sync); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				req := r
				if err := s.CreateRequest(ctx, &req, time.Time{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBackup measures an online backup with its integrity check, per guest held.
func BenchmarkBackup(b *testing.B) {
	s := benchStore(b, 20000)
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		if _, err := s.Backup(context.Background(), filepath.Join(dir, time.Duration(i).String()+".db")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenQuickCheck measures opening a database of 20,000 guests, start-up
// integrity check included.
func BenchmarkOpenQuickCheck(b *testing.B) {
	path := benchStore(b, 20000).Path()
	for b.Loop() {
		s, err := Open(context.Background(), path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// requestBench is a store with an agent, a room and a guest, the actor's context and
// a request to log.
func requestBench(b *testing.B) (*Store, context.Context, requests.Request) {
	b.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	admin := &staff.Staff{Name: "Wayan Sudarma"}
	g := &guests.Guest{FamilyName: "Rahayu"}
	boss := staff.WithActor(ctx, staff.Actor{Name: "Wayan Sudarma", Role: staff.RoleAdministrator})
	for _, err := range []error{
		s.CreateFirstAdministrator(ctx, admin, "1357"),
		s.SaveRoom(boss, &property.Room{Number: "1204", Floor: 12}),
		s.CreateGuest(ctx, g),
	} {
		if err != nil {
			b.Fatal(err)
		}
	}
	actor := staff.WithActor(ctx, staff.Actor{ID: admin.ID, Name: admin.Name, Role: admin.Role})
	return s, actor, requests.Request{GuestID: g.ID, Room: "1204", Category: "towels", Description: "Two towels"}
}
