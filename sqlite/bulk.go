package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/requests"
)

// Bulk loading fills a new database with a resort's history — a million profiles and
// millions of requests — in minutes, for load tests and benchmarks. It is the one
// writer that is not a single transaction: each batch is its own transaction, written
// without waiting for the disk, with the secondary indexes and the search index left out
// until the end and then built in one pass each, which is several times faster than
// keeping them up to date row by row.

// BulkData is what a bulk load stores: profiles, then requests, each yielded in batches.
// Profiles and their parts come with their IDs; requests come with their IDs, their
// current state and their whole timeline (the names in a Detail's Summary are not read).
type BulkData struct {
	Guests   iter.Seq[[]guests.Profile]
	Requests iter.Seq[[]requests.Detail]
}

// BulkStage is what a bulk load is doing.
type BulkStage string

// The stages, in order.
const (
	StageGuests   BulkStage = "guests"
	StageRequests BulkStage = "requests"
	StageIndexes  BulkStage = "indexes"
	StageSearch   BulkStage = "search index"
	StageDone     BulkStage = "done"
)

// BulkProgress is reported after every batch and at every stage.
type BulkProgress struct {
	Stage    BulkStage
	Guests   int // profiles stored so far
	Requests int // requests stored so far
	Events   int // timeline events stored so far
}

// bulkTables are the tables a bulk load fills; their secondary indexes are built last.
var bulkTables = []bulkTable{guestRows, alertRows, preferenceRows, occasionRows, stayRows, requestRows, eventRows}

// bulkTriggers keep the search indexes, the request tally, the measures' roll-ups and the
// repeat problems in
// step row by row; the load fills them in one pass instead. The change log for the Today board (chg_*) is
// left empty: a Frontdesk reads every guest it has not read before anyway.
var bulkTriggers = []string{"guests_ai", "stays_ai", "stays_house_ai", "requests_tally_ai",
	"chg_preferences_ai", "chg_alerts_ai", "chg_occasions_ai", "chg_stays_ai", "chg_stays_au", "chg_requests_ai", "chg_requests_au",
	"measure_ai", "measure_au", "problems_ai"}

// bulkMarker names the settings row that holds the schema a bulk load took down while
// it runs, so an interrupted load is recognised.
const bulkMarker = "bulk_load_pending"

// BulkLoad stores data in a database that holds no guests and no requests yet, reporting
// progress (which may be nil) as it goes. It refuses a database with guests or requests.
// An interrupted load leaves a database that later loads refuse: delete the file and
// load again.
func (s *Store) BulkLoad(ctx context.Context, data BulkData, progress func(BulkProgress)) error {
	conn, err := s.writer.Conn(ctx)
	if err != nil {
		return mapErr(err)
	}
	defer conn.Close()
	b := &bulk{s: s, ctx: ctx, conn: conn, progress: progress, tally: map[tallyKey]int{}}
	if err := b.begin(); err != nil {
		return err
	}
	defer b.restorePragmas()
	if err := b.load(data); err != nil {
		return err
	}
	return b.finish()
}

type bulk struct {
	s        *Store
	ctx      context.Context
	conn     *sql.Conn
	progress func(BulkProgress)
	p        BulkProgress
	pragmas  map[string]string // connection settings to put back
	ddl      []string          // indexes and triggers taken down, to build again
	firstSeq int64             // the last guest seq before the load
	tally    map[tallyKey]int  // requests loaded per department, open or not
}

type tallyKey struct {
	department string
	open       bool
}

func (b *bulk) report(stage BulkStage) {
	b.p.Stage = stage
	if b.progress != nil {
		b.progress(b.p)
	}
}

// begin checks the database is empty, switches the connection to bulk settings and
// takes down the secondary indexes and the search triggers.
func (b *bulk) begin() error {
	var busy bool
	err := b.conn.QueryRowContext(b.ctx, `SELECT EXISTS (SELECT 1 FROM guests) OR EXISTS (SELECT 1 FROM requests)
		OR EXISTS (SELECT 1 FROM settings WHERE key = ?)`, bulkMarker).Scan(&busy)
	if err != nil {
		return mapErr(err)
	}
	if busy {
		return errs.New(errs.Conflict, "This database already holds guests or requests, or an earlier load into it was interrupted. Load into a new file.", nil)
	}
	if err := b.setPragmas(); err != nil {
		return err
	}
	keepHeap()
	return b.write(func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(b.ctx, "SELECT coalesce(max(seq), 0) FROM guests").Scan(&b.firstSeq); err != nil {
			return err
		}
		if err := b.takeDown(tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(b.ctx, "INSERT INTO settings (key, value) VALUES (?, ?)", bulkMarker, strings.Join(b.ddl, ";\n"))
		return err
	})
}

// takeDown drops the bulk tables' secondary indexes and the search triggers, keeping
// their definitions.
func (b *bulk) takeDown(tx *sql.Tx) error {
	args := []any{}
	for _, t := range bulkTables {
		args = append(args, t.name)
	}
	for _, t := range bulkTriggers {
		args = append(args, t)
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(bulkTables)), ",")
	tmarks := strings.TrimSuffix(strings.Repeat("?,", len(bulkTriggers)), ",")
	type object struct{ kind, name, sql string }
	var objs []object
	err := eachRow(b.ctx, tx, `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND
		((type = 'index' AND tbl_name IN (`+marks+`)) OR (type = 'trigger' AND name IN (`+tmarks+`))) ORDER BY type, name`,
		args, func(r *sql.Rows) error {
			var o object
			objs = append(objs, o)
			return r.Scan(&objs[len(objs)-1].kind, &objs[len(objs)-1].name, &objs[len(objs)-1].sql)
		})
	if err != nil {
		return err
	}
	for _, o := range objs {
		if _, err := tx.ExecContext(b.ctx, fmt.Sprintf("DROP %s %q", strings.ToUpper(o.kind), o.name)); err != nil {
			return err
		}
		b.ddl = append(b.ddl, o.sql)
	}
	return nil
}

// bulkPragmas are the connection settings of a bulk load: no waiting for the disk on
// commit (the file is new; a crash means loading it again), no foreign-key lookups per
// row (the generator's references are checked by the tests), and a large page cache for
// the unique ID indexes.
var bulkPragmas = map[string]string{"synchronous": "OFF", "foreign_keys": "OFF", "cache_size": "-1048576", "temp_store": "2", "wal_autocheckpoint": "16384"}

func (b *bulk) setPragmas() error {
	b.pragmas = map[string]string{}
	for name, value := range bulkPragmas {
		var old string
		if err := b.conn.QueryRowContext(b.ctx, "PRAGMA "+name).Scan(&old); err != nil {
			return mapErr(err)
		}
		b.pragmas[name] = old
		if _, err := b.conn.ExecContext(b.ctx, "PRAGMA "+name+" = "+value); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// restorePragmas puts the connection's settings back: it returns to the writer pool.
func (b *bulk) restorePragmas() {
	for name, value := range b.pragmas {
		b.conn.ExecContext(context.WithoutCancel(b.ctx), "PRAGMA "+name+" = "+value)
	}
}

// write runs fn in one transaction on the bulk connection.
func (b *bulk) write(fn func(tx *sql.Tx) error) error {
	tx, err := b.conn.BeginTx(b.ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return mapErr(err)
	}
	return mapErr(tx.Commit())
}

// load stores every batch of profiles, then every batch of requests, one transaction
// per batch.
func (b *bulk) load(data BulkData) error {
	b.report(StageGuests)
	if data.Guests != nil {
		for batch := range data.Guests {
			if err := b.write(func(tx *sql.Tx) error { return b.profiles(tx, batch) }); err != nil {
				return err
			}
			b.report(StageGuests)
		}
	}
	b.report(StageRequests)
	if data.Requests != nil {
		for batch := range data.Requests {
			if err := b.write(func(tx *sql.Tx) error { return b.requests(tx, batch) }); err != nil {
				return err
			}
			b.report(StageRequests)
		}
	}
	return nil
}

// finish builds the indexes again, fills the search index in one pass, brings back the
// triggers and records the load in the audit log.
func (b *bulk) finish() error {
	b.report(StageIndexes)
	var indexes, triggers []string
	for _, ddl := range b.ddl {
		if strings.HasPrefix(strings.ToUpper(ddl), "CREATE TRIGGER") {
			triggers = append(triggers, ddl)
		} else {
			indexes = append(indexes, ddl)
		}
	}
	for _, ddl := range indexes {
		if _, err := b.conn.ExecContext(b.ctx, ddl); err != nil {
			return mapErr(fmt.Errorf("bulk load: %s: %w", ddl, err))
		}
	}
	b.report(StageSearch)
	err := b.write(func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(b.ctx, fillSearchSQL, b.firstSeq); err != nil {
			return err
		}
		if _, err := tx.ExecContext(b.ctx, fillHouseSQL, b.firstSeq); err != nil {
			return err
		}
		for k, n := range b.tally {
			if _, err := tx.ExecContext(b.ctx, `INSERT INTO request_tally (department, open, n) VALUES (?, ?, ?)
				ON CONFLICT (department, open) DO UPDATE SET n = n + excluded.n`, k.department, k.open, n); err != nil {
				return err
			}
		}
		for _, ddl := range triggers {
			if _, err := tx.ExecContext(b.ctx, ddl); err != nil {
				return err
			}
		}
		if err := rebuildMeasures(b.ctx, tx); err != nil {
			return err
		}
		if err := rebuildProblems(b.ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(b.ctx, "DELETE FROM settings WHERE key = ?", bulkMarker); err != nil {
			return err
		}
		return b.s.audit(b.ctx, tx, change{entity: "import", entityID: newID(), action: "create",
			words: summaryOf("bulk load: {{.Guests}} guest profiles, {{.Requests}} requests", map[string]any{"Guests": b.p.Guests, "Requests": b.p.Requests})})
	})
	if err != nil {
		return err
	}
	// One segment per column instead of hundreds: every search reads one b-tree.
	for _, fts := range []string{"guest_fts", "guest_house_fts"} {
		if _, err := b.conn.ExecContext(b.ctx, "INSERT INTO "+fts+" ("+fts+") VALUES ('optimize')"); err != nil {
			return mapErr(err)
		}
	}
	if _, err := b.conn.ExecContext(b.ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return mapErr(err)
	}
	b.report(StageDone)
	return nil
}

// fillSearchSQL indexes the loaded guests as the triggers would have, rooms in house
// included.
const fillSearchSQL = `INSERT INTO guest_fts (rowid, name, email, phone, loyalty, room, inhouse)
SELECT g.seq, g.given_name || ' ' || g.family_name, g.email, g.phone_search, coalesce(g.loyalty_number, ''),
       coalesce(h.rooms, ''), CASE WHEN h.rooms IS NULL THEN '' ELSE 'y' END
FROM guests g
LEFT JOIN (SELECT guest_id, group_concat(room, ' ') AS rooms FROM stays WHERE status = 'in_house' GROUP BY guest_id) h
       ON h.guest_id = g.id
WHERE g.seq > ?`

// fillHouseSQL indexes the loaded guests in house in guest_house_fts.
const fillHouseSQL = `INSERT INTO guest_house_fts (rowid, name, email, phone, loyalty, room)
SELECT seq, name, email, phone, loyalty, room FROM guest_house_rows
WHERE id IN (SELECT guest_id FROM stays WHERE status = 'in_house') AND seq > ?`
