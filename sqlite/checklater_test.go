package sqlite

import (
	"context"
	"testing"
)

// The window's start-up path opens without the quick check (it grows with the file) and
// runs it afterwards: damage found then is reported as damage, so recovery is offered.
func TestCheckLaterOpensAtOnceAndQuickCheckFindsDamage(t *testing.T) {
	path := closedDatabase(t, t.TempDir())
	s, err := Open(context.Background(), path, Options{CheckLater: true})
	must(t, err)
	must(t, s.QuickCheck(context.Background()))
	must(t, s.Close())

	scribble(t, path)
	s, err = Open(context.Background(), path, Options{CheckLater: true})
	if err != nil {
		if !IsDamaged(err) {
			t.Fatalf("damage met while opening is not reported as damage: %v", err)
		}
		return
	}
	defer s.Close()
	if err := s.QuickCheck(context.Background()); !IsDamaged(err) {
		t.Fatalf("the background check did not report the damage: %v", err)
	}
}
