package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"frontdesk/audit"
	"frontdesk/escalation"
	"frontdesk/guests"
	"frontdesk/property"
	"frontdesk/staff"
	"frontdesk/words"
)

// auditEntities name what an audit entry is about, by the code the log keeps.
var auditEntities = map[string]string{
	"guest": "Guest profile", "guests": "Guests", "preference": "Preference", "alert": "Alert", "occasion": "Occasion",
	"stay": "Stay", "item": "Item to lend", "loan": "Loan", "logbook": "Logbook note", "request": "Request",
	"room": "Room", "rooms": "Room list", "roster": "Roster", "shift_times": "Shift times", "staff": "Member of staff",
	"standards": "Service standards", "department": "Department", "category": "Category", "prompt": "Prompt",
	"escalation": "Escalation rules", "import": "Import", "handover": "Handover",
}

// auditActions say what happened, by the code the log keeps; a request's steps are its
// actions.
var auditActions = map[string]string{
	"create": "created", "update": "changed", "save": "saved", "remove": "removed", "import": "imported",
	"export": "exported", "data export": "data exported", "erase": "erased", "lend": "handed out", "return": "returned",
	"write": "written", "pin": "pinned", "unpin": "unpinned", "set": "set", "acknowledge": "acknowledged",
	"done": "acted on", "dismissed": "dismissed", "undo": "undone", "reset_pin": "PIN reset", "sign_in": "signed in",
	"sign_in_refused": "sign-in refused", "start": "started", "follow_up": "followed up", "transfer": "transferred",
	"reopen": "reopened", "cancel": "cancelled", "close": "closed without follow-up", "escalate": "escalated",
	"assign": "assigned",
}

// auditLine is, in the property's zone, "14:05 · Dewi Lestari · Preference created ·
// Feather-free pillows", in the reader's language.
func auditLine(e audit.Entry, zone *time.Location) string {
	parts := []string{e.At.In(zone).Format("15:04"), e.ActorName, auditWhat(e)}
	if s := auditSummary(e); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, " · ")
}

// auditWhat is "Preference created"; a code without a name shows as the log keeps it.
func auditWhat(e audit.Entry) string {
	name := func(names map[string]string, code string) string {
		if n, ok := names[code]; ok {
			return lang.L(n)
		}
		return code
	}
	return lang.L("{{.What}} {{.Done}}", map[string]any{"What": name(auditEntities, e.Entity), "Done": name(auditActions, e.Action)})
}

// auditSummary is the entry's summary: in Frontdesk's words, rendered in the reader's
// language, or as typed. An erased guest's summaries are empty.
func auditSummary(e audit.Entry) string {
	if e.Words == nil || e.Summary == "" {
		return e.Summary
	}
	return e.Words.Render(func(key string, args map[string]any) string {
		if args == nil {
			return lang.L(key)
		}
		return lang.L(key, auditArgs(args))
	})
}

// auditValues name the codes an audit summary's facts hold, by the fact's name.
var auditValues = map[string]func(string) string{
	"Role":   func(v string) string { return label(words.Role, staff.Role(v)) },
	"Stay":   func(v string) string { return label(words.Stay, guests.StayStatus(v)) },
	"Shift":  func(v string) string { return label(words.Shift, property.Shift(v)) },
	"Target": func(v string) string { return label(words.EscalationTarget, escalation.Target(v)) },
}

// auditArgs are a summary's facts with their codes named in the reader's language.
func auditArgs(args map[string]any) map[string]any {
	out := make(map[string]any, len(args))
	for k, v := range args {
		out[k] = v
		if s, ok := v.(string); ok && auditValues[k] != nil {
			out[k] = auditValues[k](s)
		}
	}
	return out
}
