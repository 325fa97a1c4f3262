package sqlite

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"strings"

	"frontdesk/guests"
)

// Baselines for the benchmark (frontdesk bench): the same guest search as a naive
// implementation would run it, and as the bare full-text query without anything the
// store adds (in-house first, the current stay, alert counts), so the store's figures can
// be read against both. Nothing in the application calls them.

// naiveSearchSQL is what a first implementation writes: every typed word somewhere in
// the guest's text, alphabetical, a page at a time. It reads the whole table.
const naiveSearchSQL = `SELECT id FROM guests
WHERE %s
ORDER BY family_name, given_name LIMIT ?`

// NaiveGuestSearch runs text as LIKE '%word%' over the guests table and returns how many
// guests the page holds.
func (s *Store) NaiveGuestSearch(ctx context.Context, text string) (int, error) {
	terms := guests.ParseTerms(text)
	if terms.Empty() {
		return 0, nil
	}
	hay := `(given_name || ' ' || family_name || ' ' || email || ' ' || coalesce(loyalty_number, '')) LIKE ? ESCAPE '\'`
	words := terms.Words
	if terms.Digits != "" {
		words = []string{terms.Digits}
		hay = `(phone_search LIKE ?1 ESCAPE '\' OR coalesce(loyalty_number, '') LIKE ?1 ESCAPE '\'
			OR id IN (SELECT guest_id FROM stays WHERE status = 'in_house' AND room LIKE ?1 ESCAPE '\'))`
	}
	conds := make([]string, len(words))
	args := make([]any, 0, len(words)+1)
	for i, w := range words {
		conds[i] = hay
		args = append(args, "%"+likeEscaper.Replace(w)+"%")
	}
	args = append(args, guests.DefaultSearchLimit)
	return s.countRows(ctx, strings.Replace(naiveSearchSQL, "%s", strings.Join(conds, " AND "), 1), args)
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// EngineGuestSearch runs the store's widest full-text query for text on its own (every
// match in profile order, a page) and returns how many guests the page holds.
func (s *Store) EngineGuestSearch(ctx context.Context, text string) (int, error) {
	terms := guests.ParseTerms(text)
	if terms.Empty() {
		return 0, nil
	}
	return s.countRows(ctx, `SELECT rowid FROM guest_fts WHERE guest_fts MATCH ? ORDER BY rowid LIMIT ?`,
		[]any{matchExpr(terms), guests.DefaultSearchLimit})
}

func (s *Store) countRows(ctx context.Context, q string, args []any) (int, error) {
	n := 0
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, q, args, func(*sql.Rows) error { n++; return nil })
	})
	return n, err
}

// SampleGuests returns up to n guests drawn at random (the same ones for the same seed),
// for benchmarks to search for and open.
func (s *Store) SampleGuests(ctx context.Context, n int, seed uint64) ([]guests.Guest, error) {
	var out []guests.Guest
	err := s.read(ctx, func(tx *sql.Tx) error {
		var lo, hi int64
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(min(seq), 0), coalesce(max(seq), 0) FROM guests").Scan(&lo, &hi); err != nil || hi == 0 {
			return err
		}
		r := rand.New(rand.NewPCG(seed, 0x62656e6368))
		for range n * 2 {
			if len(out) == n {
				break
			}
			var g guests.Guest
			err := scanGuest(tx.QueryRowContext(ctx, "SELECT "+guestColumns+" FROM guests WHERE seq >= ? ORDER BY seq LIMIT 1", lo+r.Int64N(hi-lo+1)), &g)
			if err != nil {
				return err
			}
			out = append(out, g)
		}
		return nil
	})
	return out, err
}

// InHouseRooms returns up to n rooms with a guest in house, from the lowest number.
func (s *Store) InHouseRooms(ctx context.Context, n int) ([]string, error) {
	var out []string
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, "SELECT DISTINCT room FROM stays WHERE status = 'in_house' ORDER BY room LIMIT ?", []any{n},
			func(r *sql.Rows) error {
				var room string
				err := r.Scan(&room)
				out = append(out, room)
				return err
			})
	})
	return out, err
}

// BusiestQueue returns the department with the most open requests and how many it has.
func (s *Store) BusiestQueue(ctx context.Context) (string, int, error) {
	var dept string
	var n int
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT department, count(*) AS n FROM requests WHERE open = 1
			GROUP BY department ORDER BY n DESC LIMIT 1`).Scan(&dept, &n)
		if err == sql.ErrNoRows {
			return nil
		}
		return err
	})
	return dept, n, err
}
