package app

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"frontdesk/anticipation"
	"frontdesk/requests"
	"frontdesk/words"
)

// Attention colours: each always comes with a word and a symbol, never colour alone.
var (
	colOverdue  = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	colDueSoon  = color.NRGBA{R: 0xb2, G: 0x5e, B: 0x00, A: 0xff}
	colFollowUp = color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff}
	colOnTrack  = color.NRGBA{R: 0x45, G: 0x5a, B: 0x64, A: 0xff}
	colClosed   = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
)

// badgeWidth is the column of attention badges in request lists: wide enough for the
// longest, "⚠ Terlambat 23 jam 59 menit".
const badgeWidth = 185

// attention is the badge a request carries in queues: what it needs and how urgently.
func attention(r *requests.Request, now time.Time) (string, color.Color) {
	switch {
	case r.Status == requests.StatusClosed:
		return lang.L("✓ Closed"), colClosed
	case r.Status == requests.StatusCancelled:
		return lang.L("Cancelled"), colOnTrack
	case r.Overdue(now):
		return lang.L("⚠ Overdue {{.Late}}", map[string]any{"Late": minutes(now.Sub(r.PromisedAt))}), colOverdue
	case r.DueSoon(now):
		return lang.L("⏱ Due in {{.Left}}", map[string]any{"Left": minutes(r.PromisedAt.Sub(now))}), colDueSoon
	case r.Status == requests.StatusDone:
		return lang.L("☎ Follow up"), colFollowUp
	}
	return lang.L("Due {{.Time}}", map[string]any{"Time": clockTime(r.PromisedAt, now)}), colOnTrack
}

// minutes is a short duration in the reader's language: "12 min", "2 h 5 min", "3 d".
func minutes(d time.Duration) string { return uiLang().Duration(d) }

// requestText is what a request is about, in the reader's language (words.RequestText).
func requestText(r *requests.Request) string { return words.RequestText(lang.L, r) }

// clockTime is "14:35" today, "Tue 14:35" within a week, else "23 Nov 14:35", in the
// property's time (now's zone).
func clockTime(t, now time.Time) string {
	t = t.In(now.Location())
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	switch {
	case y1 == y2 && m1 == m2 && d1 == d2:
		return t.Format("15:04")
	case t.Sub(now) < 6*24*time.Hour && now.Sub(t) < 6*24*time.Hour:
		return lang.L(words.Weekdays[t.Weekday()]) + " " + t.Format("15:04")
	}
	return dayMonth(t.Month(), t.Day()) + " " + t.Format("15:04")
}

// whereFrom is "Room 1204 · Siti Rahayu", or whichever of the two is known.
func whereFrom(s *requests.Summary) string {
	guest := words.Typed(lang.L, s.GuestName)
	switch {
	case s.Room != "" && guest != "":
		return lang.L("Room {{.Room}}", map[string]any{"Room": s.Room}) + " · " + guest
	case s.Room != "":
		return lang.L("Room {{.Room}}", map[string]any{"Room": s.Room})
	}
	return guest
}

// scoreText is "4/5" with stars for quick reading.
func scoreText(score int) string {
	if score <= 0 {
		return ""
	}
	stars := ""
	for i := 0; i < 5; i++ {
		if i < score {
			stars += "★"
		} else {
			stars += "☆"
		}
	}
	return fmt.Sprintf("%s %d/5", stars, score)
}

// eventNote is a timeline note for people: an escalation reads "Level 3: Shift manager,
// Rina Kusuma", then its note; a transfer "Housekeeping → Maintenance", its note, and who
// tells the guest.
func eventNote(e requests.Event) string {
	switch {
	case e.Undo:
		return lang.L(anticipation.MsgUndone)
	case e.Action == requests.ActTransfer:
		return transferNote(e)
	case e.Action != requests.ActEscalate:
		return e.Note
	}
	step := e.Escalation
	if step.Level == 0 {
		return e.Note
	}
	text := lang.L("Level {{.Level}}: {{.To}}", map[string]any{"Level": step.Level, "To": label(words.EscalationTarget, step.Target)})
	for _, more := range []string{step.ToName, e.Note} {
		if more != "" {
			text += ", " + more
		}
	}
	return text
}

// transferNote is "Housekeeping → Maintenance & engineering · AC, not cleaning · the owner
// lets the guest know"; a transfer from before the departments were kept has them in its
// note.
func transferNote(e requests.Event) string {
	var parts []string
	if e.ToDepartment != "" {
		parts = append(parts, e.FromDepartmentName+" → "+e.ToDepartmentName)
	}
	if e.Note != "" {
		parts = append(parts, e.Note)
	}
	return strings.Join(append(parts, lang.L("the owner lets the guest know")), " · ")
}
