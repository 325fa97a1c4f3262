package sqlite

import (
	"context"
	"database/sql"
	"io"
	"strings"

	"frontdesk/audit"
	"frontdesk/property"
	"frontdesk/staff"
	"frontdesk/words"
)

var _ property.RoomService = (*Store)(nil)

const roomColumns = "number, floor, type, features, status"

func scanRoom(r scanner, room *property.Room) error {
	var features, status string
	err := r.Scan(&room.Number, &room.Floor, &room.Type, &features, &status)
	room.Features = nil
	for _, f := range strings.Fields(features) {
		room.Features = append(room.Features, property.RoomFeature(f))
	}
	room.Status = property.RoomStatus(status)
	return err
}

// roomWhere turns a filter into a WHERE clause (empty when it matches all) and its arguments.
func roomWhere(f property.RoomFilter) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, v ...any) { where = append(where, cond); args = append(args, v...) }
	if prefix := strings.ToUpper(strings.TrimSpace(f.NumberPrefix)); prefix != "" {
		add("substr(number, 1, length(?)) = ?", prefix, prefix)
	}
	if f.Floor != nil {
		add("floor = ?", *f.Floor)
	}
	if f.Status != "" {
		add("status = ?", string(f.Status))
	}
	if f.Feature != "" {
		add("instr(' ' || features || ' ', ?) > 0", " "+string(f.Feature)+" ")
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// ListRooms returns a page of rooms by floor, then number as people count them: a shorter
// number first, so 201, 215, 1001.
func (s *Store) ListRooms(ctx context.Context, f property.RoomFilter) ([]property.Room, error) {
	where, args := roomWhere(f)
	limit := f.Limit
	if limit <= 0 {
		limit = 200
	}
	args = append(args, min(limit, 1000))
	var out []property.Room
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, "SELECT "+roomColumns+" FROM rooms"+where+" ORDER BY floor, length(number), number LIMIT ?", args,
			func(r *sql.Rows) error {
				var room property.Room
				err := scanRoom(r, &room)
				out = append(out, room)
				return err
			})
	})
	return out, err
}

// CountRooms returns how many rooms match f, ignoring its Limit.
func (s *Store) CountRooms(ctx context.Context, f property.RoomFilter) (int, error) {
	where, args := roomWhere(f)
	var n int
	err := s.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM rooms"+where, args...).Scan(&n)
	})
	return n, err
}

// SaveRoom creates or updates a room; managers only.
func (s *Store) SaveRoom(ctx context.Context, r *property.Room) error {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermEditRooms); err != nil {
		return err
	}
	if err := r.Normalize().Err(); err != nil {
		return err
	}
	c := change{entity: "room", entityID: r.Number, action: "save", words: roomSummary(r)}
	return s.writeAudited(ctx, c, func(tx *sql.Tx) error {
		return upsertRoom(ctx, tx, r)
	})
}

// roomSummary describes a room for the audit log, e.g. "floor 12, Deluxe King, accessible, Vacant".
func roomSummary(r *property.Room) *audit.Words {
	w := &audit.Words{Sep: ", ", Parts: []audit.Part{said("floor {{.Floor}}", map[string]any{"Floor": r.Floor})}}
	if r.Type != "" {
		w.Parts = append(w.Parts, typed(r.Type))
	}
	for _, f := range r.Features {
		w.Parts = append(w.Parts, said(words.Of(words.RoomFeature, f), nil))
	}
	w.Parts = append(w.Parts, said(words.Of(words.RoomStatus, r.Status), nil))
	return w
}

// featuresText is how features are stored: space-separated.
func featuresText(fs []property.RoomFeature) string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f)
	}
	return strings.Join(out, " ")
}

// upsertRoom creates or replaces a room. An empty status (an import that leaves it
// blank) keeps the stored one, and makes a new room vacant.
func upsertRoom(ctx context.Context, tx *sql.Tx, r *property.Room) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO rooms (number, floor, type, features, status)
		VALUES (?1, ?2, ?3, ?4, COALESCE(NULLIF(?5, ''), 'vacant'))
		ON CONFLICT (number) DO UPDATE SET floor = excluded.floor, type = excluded.type, features = excluded.features,
			status = CASE WHEN ?5 = '' THEN status ELSE excluded.status END`,
		r.Number, r.Floor, r.Type, featuresText(r.Features), string(r.Status))
	return err
}

// ImportRooms reads a CSV room list; managers only. With any problem in the file, or on
// a dry run, it stores nothing and reports how many rooms it would create and update;
// otherwise it stores every room and one audit entry in one transaction.
func (s *Store) ImportRooms(ctx context.Context, r io.Reader, dryRun bool) (property.RoomImportReport, error) {
	if err := staff.ActorFrom(ctx).Role.Check(staff.PermEditRooms); err != nil {
		return property.RoomImportReport{}, err
	}
	rooms, problems := property.ParseRoomsCSV(r)
	report := property.RoomImportReport{Problems: problems}
	count := func(ctx context.Context, tx *sql.Tx) error {
		stored, err := roomNumbers(ctx, tx)
		for _, room := range rooms {
			if stored[room.Number] {
				report.Updated++
			} else {
				report.Created++
			}
		}
		return err
	}
	if len(problems) > 0 || dryRun {
		err := s.read(ctx, func(tx *sql.Tx) error { return count(ctx, tx) })
		return report, err
	}
	// Not writeAudited: the summary counts what is stored when the transaction runs, so
	// the entry is written at the end of the same transaction, as writeAudited would.
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := count(ctx, tx); err != nil {
			return err
		}
		for i := range rooms {
			if err := upsertRoom(ctx, tx, &rooms[i]); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, change{entity: "rooms", entityID: newID(), action: "import",
			words: summaryOf("{{.Created}} created, {{.Updated}} updated", map[string]any{"Created": report.Created, "Updated": report.Updated})})
	})
	if err != nil {
		return property.RoomImportReport{}, err
	}
	return report, nil
}

// roomNumbers returns the number of every stored room.
func roomNumbers(ctx context.Context, tx *sql.Tx) (map[string]bool, error) {
	out := map[string]bool{}
	err := eachRow(ctx, tx, "SELECT number FROM rooms", nil, func(r *sql.Rows) error {
		var n string
		err := r.Scan(&n)
		out[n] = true
		return err
	})
	return out, err
}
