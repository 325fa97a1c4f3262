package sqlite

import (
	"context"
	"database/sql"

	"frontdesk/anticipation"
	"frontdesk/errs"
	"frontdesk/requests"
)

// UndoPrompt takes back a one-click action on a prompt, in one transaction: the tasks it
// logged are cancelled with anticipation.MsgUndone (they stay in the guest's history),
// the preference it saved is removed, and the prompt is no longer handled, so the board
// offers it again.
func (s *Store) UndoPrompt(ctx context.Context, key string) error {
	actor, err := requestActor(ctx)
	if err != nil {
		return err
	}
	now := s.now()
	return s.write(ctx, func(tx *sql.Tx) error {
		h, stayID, err := loadHandledPrompt(ctx, tx, key)
		if err != nil {
			return err
		}
		if err := anticipation.CheckUndo(h, actor.ID, now); err != nil {
			return err
		}
		for _, r := range h.Requests {
			if _, err := applyAction(ctx, tx, r, requests.Action{Kind: requests.ActCancel, Undo: true}, now, actor); err != nil {
				return err
			}
		}
		for _, q := range []struct {
			sql string
			arg string
		}{
			{"DELETE FROM prep_tasks WHERE stay_id = ?", stayID},
			{"DELETE FROM guest_preferences WHERE id = ?", h.PreferenceID},
			{"DELETE FROM prompt_actions WHERE key = ?", key},
		} {
			if q.arg == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, q.sql, q.arg); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, change{entity: "prompt", entityID: key, action: "undo", words: summaryOf(anticipation.MsgUndone, nil)})
	})
}

// loadHandledPrompt reads a handled prompt with the tasks it logged and the stay it prepared.
func loadHandledPrompt(ctx context.Context, tx *sql.Tx, key string) (anticipation.Handled, string, error) {
	var h anticipation.Handled
	var at string
	var stayID, requestID, preferenceID sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT actor_id, actor_name, at, stay_id, request_id, preference_id
		FROM prompt_actions WHERE key = ?`, key).Scan(&h.ActorID, &h.ActorName, &at, &stayID, &requestID, &preferenceID)
	if err == sql.ErrNoRows {
		return h, "", errs.New(errs.NotFound, anticipation.MsgUndoGone, nil)
	}
	if err != nil {
		return h, "", err
	}
	h.At, h.PreferenceID = parseTime(at), preferenceID.String
	var ids []string
	if requestID.Valid {
		ids = append(ids, requestID.String)
	}
	if stayID.Valid {
		err = eachRow(ctx, tx, "SELECT request_id FROM prep_tasks WHERE stay_id = ?", []any{stayID.String}, func(r *sql.Rows) error {
			var id string
			err := r.Scan(&id)
			ids = append(ids, id)
			return err
		})
		if err != nil {
			return h, "", err
		}
	}
	for _, id := range ids {
		r, err := loadRequest(ctx, tx, id)
		if err != nil {
			return h, "", err
		}
		h.Requests = append(h.Requests, r)
	}
	return h, stayID.String, nil
}
