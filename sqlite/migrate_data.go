package sqlite

import (
	"context"
	"database/sql"
	"regexp"
	"strings"
	"time"

	"frontdesk/guests"
	"frontdesk/standards"
)

// dataSteps are the parts of migrations that SQL cannot do, by migration version: each
// runs after its migration's SQL, in the same transaction.
var dataSteps = map[int]func(context.Context, *sql.Tx) error{
	12: addPhoneSuffixes,
	14: addCategoryWords,
	17: readOccasionTasks,
	20: func(ctx context.Context, tx *sql.Tx) error { return addVersion(ctx, tx, "guests") },
	22: func(ctx context.Context, tx *sql.Tx) error { return addVersion(ctx, tx, "stays") },
	25: rebuildMeasures,
	26: rebuildProblems,
}

// addVersion adds a version column to table (guests 0020, stays 0022) unless it is there
// already (a test's file that simulates an older Frontdesk writing with today's
// statements has it).
func addVersion(ctx context.Context, tx *sql.Tx, table string) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM pragma_table_info(?) WHERE name = 'version'", table).Scan(&n); err != nil || n > 0 {
		return err
	}
	_, err := tx.ExecContext(ctx, "ALTER TABLE "+table+" ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
	return err
}

// oldOccasionTask is how an occasion task was worded before 0017: "Birthday 25 Nov: cake
// and a card".
var oldOccasionTask = regexp.MustCompile(`^(.+) ([0-9]{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec): cake and a card$`)

// readOccasionTasks reads the occasion tasks logged before 0017 into their facts: the
// occasion's kind and date, and its name (0017). The year is the one that puts the date
// nearest the day the task was logged (they are logged on the day or the day before).
func readOccasionTasks(ctx context.Context, tx *sql.Tx) error {
	type task struct {
		id, created, title string
		on                 time.Time
	}
	var tasks []task
	err := eachRow(ctx, tx, `SELECT id, created_at, description FROM requests
		WHERE occasion = '' AND category = 'other' AND description LIKE '%: cake and a card'`, nil, func(r *sql.Rows) error {
		var t task
		var desc string
		if err := r.Scan(&t.id, &t.created, &desc); err != nil {
			return err
		}
		m := oldOccasionTask.FindStringSubmatch(desc)
		if m == nil {
			return nil
		}
		on, err := time.Parse("2 Jan 2006", m[2]+" "+m[3]+" "+parseTime(t.created).Format("2006"))
		if err != nil {
			return nil
		}
		t.title, t.on = m[1], nearestYear(on, parseTime(t.created))
		tasks = append(tasks, t)
		return nil
	})
	if err != nil {
		return err
	}
	for _, t := range tasks {
		kind := guests.OccasionCustom
		for k, name := range guests.OccasionNames {
			if name == t.title {
				kind = k
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE requests SET description = ?, occasion = ?, occasion_on = ? WHERE id = ?",
			t.title, kind, fmtDate(t.on), t.id); err != nil {
			return err
		}
	}
	return nil
}

// nearestYear is the date of on's day and month, a year before, the same year or a year
// after, that is nearest to t.
func nearestYear(on, t time.Time) time.Time {
	best := on
	for _, years := range []int{-1, 1} {
		if c := on.AddDate(years, 0, 0); c.Sub(t).Abs() < best.Sub(t).Abs() {
			best = c
		}
	}
	return best
}

// addCategoryWords gives the default categories of an existing property the search
// words a new property starts with (0014).
func addCategoryWords(ctx context.Context, tx *sql.Tx) error {
	for _, c := range standards.DefaultCategories() {
		if _, err := tx.ExecContext(ctx, "UPDATE categories SET words = ? WHERE code = ? AND words = ''",
			strings.Join(c.Words, ", "), c.Code); err != nil {
			return err
		}
	}
	return nil
}

// addPhoneSuffixes rewrites every stored phone's search forms (0012). Through the
// triggers on guests, each row would rewrite its entries in both search indexes one at a
// time (2½ minutes at a million guests), so the triggers come down, phone_search is
// rewritten, the search indexes are made again and filled in one pass each, as a bulk
// load does, and the triggers go back up.
func addPhoneSuffixes(ctx context.Context, tx *sql.Tx) error {
	triggers, err := dropTriggers(ctx, tx, "guests")
	if err != nil {
		return err
	}
	if err := rewritePhoneSearch(ctx, tx); err != nil {
		return err
	}
	for _, fts := range []string{"guest_fts", "guest_house_fts"} {
		if err := remakeFTS(ctx, tx, fts); err != nil {
			return err
		}
	}
	for _, q := range []string{fillSearchSQL, fillHouseSQL} {
		if _, err := tx.ExecContext(ctx, q, 0); err != nil {
			return err
		}
	}
	for _, ddl := range triggers {
		if _, err := tx.ExecContext(ctx, ddl); err != nil {
			return err
		}
	}
	return nil
}

// dropTriggers drops the triggers on table and returns their definitions.
func dropTriggers(ctx context.Context, tx *sql.Tx, table string) ([]string, error) {
	var names, ddl []string
	err := eachRow(ctx, tx, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", []any{table},
		func(r *sql.Rows) error {
			var name, def string
			err := r.Scan(&name, &def)
			names, ddl = append(names, name), append(ddl, def)
			return err
		})
	for _, n := range names {
		if err == nil {
			_, err = tx.ExecContext(ctx, `DROP TRIGGER "`+n+`"`)
		}
	}
	return ddl, err
}

// rewritePhoneSearch rewrites phone_search a page of guests at a time, so a resort's
// million phones are never all in memory.
func rewritePhoneSearch(ctx context.Context, tx *sql.Tx) error {
	const page = 10000
	stmt, err := tx.PrepareContext(ctx, "UPDATE guests SET phone_search = ? WHERE seq = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	type phone struct {
		seq  int64
		e164 string
	}
	for after := int64(0); ; {
		var batch []phone
		err := eachRow(ctx, tx, "SELECT seq, phone FROM guests WHERE seq > ? AND phone <> '' ORDER BY seq LIMIT ?",
			[]any{after, page}, func(r *sql.Rows) error {
				var p phone
				err := r.Scan(&p.seq, &p.e164)
				batch = append(batch, p)
				return err
			})
		if err != nil || len(batch) == 0 {
			return err
		}
		for _, p := range batch {
			if _, err := stmt.ExecContext(ctx, phoneSearch(p.e164), p.seq); err != nil {
				return err
			}
		}
		after = batch[len(batch)-1].seq
	}
}

// remakeFTS drops an FTS5 table and makes it again, empty, with its definition and its
// settings (ranking, secure-delete): emptying it row by row would cost as much as the
// updates it replaces.
func remakeFTS(ctx context.Context, tx *sql.Tx, table string) error {
	var ddl string
	if err := tx.QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table).Scan(&ddl); err != nil {
		return err
	}
	var settings [][2]any
	err := eachRow(ctx, tx, "SELECT k, v FROM "+table+"_config WHERE k <> 'version'", nil, func(r *sql.Rows) error {
		var kv [2]any
		err := r.Scan(&kv[0], &kv[1])
		settings = append(settings, kv)
		return err
	})
	if err != nil {
		return err
	}
	for _, q := range []string{"DROP TABLE " + table, ddl} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	for _, kv := range settings {
		if _, err := tx.ExecContext(ctx, "INSERT INTO "+table+"("+table+", rank) VALUES (?, ?)", kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}
