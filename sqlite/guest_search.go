package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"frontdesk/guests"
)

// matchExpr turns search terms into an FTS5 query. Every term is quoted, so nothing a user
// types is read as query syntax. Each word is a prefix match, OR-ed with itself as a whole
// word so that bm25 ranks "Jose" above "Joseph" when staff type "jose".
func matchExpr(t guests.Terms) string {
	if t.Digits != "" {
		return `{phone loyalty room} : ` + quoteTerm(t.Digits) + `*`
	}
	parts := make([]string, len(t.Words))
	for i, w := range t.Words {
		parts[i] = "(" + quoteTerm(w) + " OR " + quoteTerm(w) + "*)"
	}
	return `{name email phone loyalty room} : (` + strings.Join(parts, " AND ") + `)`
}

func quoteTerm(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// searchSQL asks the index twice: once for in-house guests only (a small doclist to
// intersect with) and once for everyone; in-house hits go first, each group by rank.
const searchSQL = `
WITH inh AS (
    SELECT rowid AS seq, rank AS r, 0 AS grp FROM guest_fts WHERE guest_fts MATCH ?1 ORDER BY rank LIMIT ?3
), anyone AS (
    SELECT rowid AS seq, rank AS r, 1 AS grp FROM guest_fts WHERE guest_fts MATCH ?2 ORDER BY rank LIMIT ?3
), hits AS (
    SELECT seq, min(grp) AS grp, min(r) AS r FROM (SELECT * FROM inh UNION ALL SELECT * FROM anyone)
    GROUP BY seq ORDER BY grp, r LIMIT ?3
)
SELECT g.id, g.salutation, g.given_name, g.family_name, g.email, g.phone, coalesce(g.loyalty_number, ''),
       g.tier, g.vip, g.casino_tier,
       (SELECT count(*) FROM guest_alerts a WHERE a.guest_id = g.id),
       s.id, s.arrival, s.departure, s.room, s.status, s.party_size
FROM hits
JOIN guests g ON g.seq = hits.seq
LEFT JOIN stays s ON s.id = (
    SELECT id FROM stays WHERE guest_id = g.id AND status <> 'cancelled'
    ORDER BY CASE status WHEN 'in_house' THEN 0 WHEN 'expected' THEN 1 ELSE 2 END,
             CASE status WHEN 'expected' THEN arrival END ASC, arrival DESC
    LIMIT 1)
ORDER BY hits.grp, hits.r, g.family_name, g.given_name`

// SearchGuests returns a page of guests matching what staff typed: in-house guests first,
// then the best match.
func (s *Store) SearchGuests(ctx context.Context, q guests.Query) ([]guests.Match, error) {
	terms := guests.ParseTerms(q.Text)
	if terms.Empty() {
		return nil, nil
	}
	expr := matchExpr(terms)
	var out []guests.Match
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, searchSQL, []any{"(" + expr + ") AND inhouse : y", expr, q.PageSize()},
			func(r *sql.Rows) error {
				m, err := scanMatch(r)
				out = append(out, m)
				return err
			})
	})
	return out, err
}

func scanMatch(r *sql.Rows) (guests.Match, error) {
	var m guests.Match
	var stayID, arr, dep, room, status sql.NullString
	var party sql.NullInt64
	err := r.Scan(&m.ID, &m.Salutation, &m.GivenName, &m.FamilyName, &m.Email, &m.Phone, &m.LoyaltyNumber,
		&m.Tier, &m.VIP, &m.CasinoTier, &m.AlertCount, &stayID, &arr, &dep, &room, &status, &party)
	if err != nil || !stayID.Valid {
		return m, err
	}
	m.Stay = &guests.Stay{
		ID: stayID.String, GuestID: m.ID, Arrival: parseDate(arr.String), Departure: parseDate(dep.String),
		Room: room.String, Status: guests.StayStatus(status.String), PartySize: int(party.Int64),
	}
	m.InHouse = m.Stay.Status == guests.StayInHouse
	return m, nil
}
