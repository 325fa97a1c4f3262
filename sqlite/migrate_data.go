package sqlite

import (
	"context"
	"database/sql"
)

// dataSteps are the parts of migrations that SQL cannot do, by migration version: each
// runs after its migration's SQL, in the same transaction.
var dataSteps = map[int]func(context.Context, *sql.Tx) error{
	12: addPhoneSuffixes,
}

// addPhoneSuffixes rewrites every stored phone's search forms (0012); the triggers carry
// them into the search indexes.
func addPhoneSuffixes(ctx context.Context, tx *sql.Tx) error {
	type phone struct {
		seq  int64
		e164 string
	}
	var all []phone
	err := eachRow(ctx, tx, "SELECT seq, phone FROM guests WHERE phone <> ''", nil, func(r *sql.Rows) error {
		var p phone
		err := r.Scan(&p.seq, &p.e164)
		all = append(all, p)
		return err
	})
	if err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, "UPDATE guests SET phone_search = ? WHERE seq = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, p := range all {
		if _, err := stmt.ExecContext(ctx, phoneSearch(p.e164), p.seq); err != nil {
			return err
		}
	}
	return nil
}
