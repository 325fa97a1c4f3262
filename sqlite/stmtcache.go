package sqlite

import (
	"context"
	"database/sql"
)

// execer runs statements in a transaction: a *sql.Tx, or a stmtCache over one.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// stmtCache prepares each statement once within a transaction. A bulk write (an import
// of a hundred thousand rows) would otherwise compile every INSERT, with the triggers it
// fires, once per row: a fifth of the import's time.
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newStmtCache(tx *sql.Tx) *stmtCache {
	return &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}}
}

// ExecContext runs query with args, prepared on its first use.
func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, ok := c.stmts[query]
	if !ok {
		var err error
		if st, err = c.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		c.stmts[query] = st
	}
	return st.ExecContext(ctx, args...)
}

// QueryRowContext reads one row; reads are rare in a bulk write, so they are not kept.
func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return c.tx.QueryRowContext(ctx, query, args...)
}

// Close releases the prepared statements; the transaction stays open.
func (c *stmtCache) Close() {
	for _, st := range c.stmts {
		st.Close()
	}
}
