package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"frontdesk/guests"
)

// matchExpr turns search terms into an FTS5 query. Every term is quoted, so nothing a user
// types is read as query syntax. Each word is a prefix match (OR-ed with itself as a whole
// word, which the prefix includes); digits are the start of a phone, loyalty or room
// number.
func matchExpr(t guests.Terms) string {
	if t.Digits != "" {
		expr := `{phone loyalty room} : ` + quoteTerm(t.Digits) + `*`
		if len(t.Digits) >= guests.MinSuffixDigits {
			expr += ` OR {phone} : ` + quoteTerm(guests.PhoneSuffixForm(t.Digits)) + `*`
		}
		return expr
	}
	return `{name email phone loyalty room} : (` + allWords(t.Words, func(q string) string { return q + " OR " + q + "*" }) + `)`
}

// wholeExpr matches the terms as whole words of the name, or as a whole room, loyalty
// or phone number: the guests whom what was typed names exactly.
func wholeExpr(t guests.Terms) string {
	if t.Digits != "" {
		return `{phone loyalty room} : ` + quoteTerm(t.Digits)
	}
	return `{name} : (` + allWords(t.Words, func(q string) string { return q }) + `)`
}

// allWords requires every word, each in any of its spellings (guests.WordVariants), each
// spelling quoted and written by term.
func allWords(words []string, term func(quoted string) string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		var alts []string
		for _, v := range guests.WordVariants(w) {
			alts = append(alts, term(quoteTerm(v)))
		}
		parts[i] = "(" + strings.Join(alts, " OR ") + ")"
	}
	return strings.Join(parts, " AND ")
}

func quoteTerm(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// searchSQL puts each match in a class: 0 in house and named exactly, 1 in house,
// 2 named exactly (whole words of the name, a whole number), 3 any other match. The
// page lists the classes in order, each by name.
//
// The classes replace ranking by bm25, which must read every match of every term to
// weigh it: a couple of letters match tens of thousands of a million profiles, and
// ranking them took 20–100 ms. Each class here is one walk of an index in profile order
// (oldest first: FTS5 skips through long lists well only forwards) that stops after a
// page (?3). The in-house classes ask guest_house_fts, which holds only the guests in
// house. When a class holds more than a page, the page shows its longest-standing
// profiles; typing one more letter narrows it.
const searchSQL = `
WITH hits AS (
    SELECT seq, min(grp) AS grp FROM (
        SELECT rowid AS seq, 0 AS grp FROM (SELECT rowid FROM guest_house_fts WHERE guest_house_fts MATCH ?1 ORDER BY rowid LIMIT ?3)
        UNION ALL
        SELECT rowid AS seq, 1 AS grp FROM (SELECT rowid FROM guest_house_fts WHERE guest_house_fts MATCH ?2 ORDER BY rowid LIMIT ?3)
        UNION ALL
        SELECT rowid AS seq, 2 AS grp FROM (SELECT rowid FROM guest_fts WHERE guest_fts MATCH ?1 ORDER BY rowid LIMIT ?3)
        UNION ALL
        SELECT rowid AS seq, 3 AS grp FROM (SELECT rowid FROM guest_fts WHERE guest_fts MATCH ?2 ORDER BY rowid LIMIT ?3)
    ) GROUP BY seq ORDER BY grp, seq LIMIT ?3
)
SELECT g.id, g.salutation, g.given_name, g.family_name, g.email, g.phone, coalesce(g.loyalty_number, ''),
       g.tier, g.vip, g.casino_tier,
       (SELECT count(*) FROM guest_alerts a WHERE a.guest_id = g.id),
       s.id, s.arrival, s.departure, s.room, s.status, s.party_size, s.version
FROM hits
JOIN guests g ON g.seq = hits.seq
LEFT JOIN stays s ON s.seq = (
    SELECT seq FROM stays WHERE guest_id = g.id AND status <> 'cancelled'
    ORDER BY CASE status WHEN 'in_house' THEN 0 WHEN 'expected' THEN 1 ELSE 2 END,
             CASE status WHEN 'expected' THEN arrival END ASC, arrival DESC
    LIMIT 1)
ORDER BY hits.grp, g.family_name, g.given_name, hits.seq`

// SearchGuests returns a page of guests matching what staff typed: in-house guests first,
// then the guests it names exactly, then the other matches (see searchSQL).
func (s *Store) SearchGuests(ctx context.Context, q guests.Query) ([]guests.Match, error) {
	terms := guests.ParseTerms(q.Text)
	if terms.Empty() {
		return nil, nil
	}
	args := []any{wholeExpr(terms), matchExpr(terms), q.PageSize()}
	var out []guests.Match
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, searchSQL, args, func(r *sql.Rows) error {
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
	var party, version sql.NullInt64
	err := r.Scan(&m.ID, &m.Salutation, &m.GivenName, &m.FamilyName, &m.Email, &m.Phone, &m.LoyaltyNumber,
		&m.Tier, &m.VIP, &m.CasinoTier, &m.AlertCount, &stayID, &arr, &dep, &room, &status, &party, &version)
	if err != nil || !stayID.Valid {
		return m, err
	}
	m.Stay = &guests.Stay{
		ID: stayID.String, GuestID: m.ID, Arrival: parseDate(arr.String), Departure: parseDate(dep.String),
		Room: room.String, Status: guests.StayStatus(status.String), PartySize: int(party.Int64), Version: int(version.Int64),
	}
	m.InHouse = m.Stay.Status == guests.StayInHouse
	return m, nil
}
