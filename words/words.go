// Package words names the values of the domain's enumerations in English, once, for the
// window and the handover report alike. Each name is also its translation key
// (app/translations): the window passes it through lang.L, the report through its Lang.
// A value added to an enumeration needs its name here; words_test fails until it has one.
package words

import (
	"fmt"

	"frontdesk/anticipation"
	"frontdesk/escalation"
	"frontdesk/guests"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
)

// Guests' values.
var (
	Tier = map[guests.Tier]string{
		guests.TierNone: "No tier", guests.TierSilver: "Silver", guests.TierGold: "Gold", guests.TierPlatinum: "Platinum",
	}
	Casino = map[guests.CasinoTier]string{
		guests.CasinoNone: "No casino tier", guests.CasinoGold: "Casino Gold",
		guests.CasinoPlatinum: "Casino Platinum", guests.CasinoBlack: "Casino Black",
	}
	Alert = map[guests.AlertKind]string{
		guests.AlertAllergy: "Allergy", guests.AlertAccessibility: "Accessibility", guests.AlertComplaint: "Complaint",
		guests.AlertMedical: "Medical", guests.AlertSecurity: "Security", guests.AlertOther: "Other alert",
	}
	Preference = map[guests.PreferenceCategory]string{
		guests.PrefRoom: "Room", guests.PrefBedding: "Bedding", guests.PrefFood: "Food & drink",
		guests.PrefAmenities: "Amenities", guests.PrefService: "Service", guests.PrefCasino: "Casino", guests.PrefOther: "General",
	}
	Occasion = guests.OccasionNames // the domain quotes them in tasks
	Stay     = map[guests.StayStatus]string{
		guests.StayExpected: "Expected", guests.StayInHouse: "In house", guests.StayDeparted: "Departed", guests.StayCancelled: "Cancelled",
	}
)

// Staff, property and escalation values.
var (
	Role = map[staff.Role]string{
		staff.RoleAgent: "Front-desk agent", staff.RoleConcierge: "Concierge", staff.RoleDepartment: "Department staff",
		staff.RoleShiftManager: "Shift manager", staff.RoleAdministrator: "Administrator",
	}
	RoomFeature = map[property.RoomFeature]string{
		property.FeatureAccessible: "accessible", property.FeatureConnecting: "connecting", property.FeatureSmoking: "smoking",
	}
	RoomStatus = map[property.RoomStatus]string{
		property.RoomVacant: "Vacant", property.RoomOccupied: "Occupied", property.RoomOutOfOrder: "Out of order",
	}
	Shift = map[property.Shift]string{
		property.ShiftMorning: "Morning", property.ShiftEvening: "Evening", property.ShiftNight: "Night",
	}
	EscalationClass = map[escalation.Class]string{
		escalation.ClassStandard: "Standard", escalation.ClassUrgent: "Urgent",
		escalation.ClassComplaint: "Complaint", escalation.ClassVIP: "VIP guest",
	}
	EscalationTarget = map[escalation.Target]string{
		escalation.TargetOwner: "Owner", escalation.TargetDepartmentOnDuty: "Department on duty",
		escalation.TargetShiftManager: "Shift manager", escalation.TargetManagement: "Management",
	}
)

// Requests' values.
var (
	Status = map[requests.Status]string{
		requests.StatusNew: "New", requests.StatusAcknowledged: "Acknowledged", requests.StatusInProgress: "In progress",
		requests.StatusDone: "Done, awaiting follow-up", requests.StatusClosed: "Closed", requests.StatusCancelled: "Cancelled",
		requests.StatusReopened: "Reopened",
	}
	Priority = map[requests.Priority]string{
		requests.PriorityNormal: "Normal", requests.PriorityHigh: "High", requests.PriorityUrgent: "Urgent",
	}
	// Action names the buttons that act on a request.
	Action = map[requests.ActionKind]string{
		requests.ActAcknowledge: "Acknowledge", requests.ActStart: "Start", requests.ActDone: "Mark done",
		requests.ActFollowUp: "Follow up with guest", requests.ActAssign: "Assign", requests.ActTransfer: "Transfer",
		requests.ActEscalate: "Escalate", requests.ActReopen: "Reopen", requests.ActCancel: "Cancel request",
		requests.ActClose: "Close without follow-up",
	}
	// Event describes the lines of a request's timeline; ActCreate is its first.
	Event = map[requests.ActionKind]string{
		requests.ActCreate: "Logged", requests.ActAcknowledge: "Acknowledged", requests.ActStart: "Started",
		requests.ActDone: "Marked done", requests.ActFollowUp: "Followed up", requests.ActAssign: "Assigned",
		requests.ActTransfer: "Transferred", requests.ActEscalate: "Escalated", requests.ActReopen: "Reopened",
		requests.ActCancel: "Cancelled", requests.ActClose: "Closed without follow-up",
	}
	Outcome = map[requests.Outcome]string{
		requests.OutcomeSatisfied: "Satisfied", requests.OutcomeNotSatisfied: "Not satisfied",
		requests.OutcomeUnreachable: "Could not reach the guest",
	}
	View = map[requests.View]string{
		requests.ViewOpen: "Open", requests.ViewAttention: "Attention", requests.ViewOverdue: "Overdue", requests.ViewDueSoon: "Due soon",
		requests.ViewFollowUp: "Follow-up", requests.ViewHistory: "History",
	}
)

// Today's prompts.
var (
	PromptKind = map[anticipation.PromptKind]string{
		anticipation.KindPrepare: "Prepare", anticipation.KindOccasion: "Occasion", anticipation.KindRepeat: "Habit",
		anticipation.KindRecovery: "Recovery", anticipation.KindWelcome: "Welcome",
	}
	// PromptAction names the button that acts on a prompt of each kind.
	PromptAction = map[anticipation.PromptKind]string{
		anticipation.KindPrepare: "Create tasks", anticipation.KindOccasion: "Create task", anticipation.KindRepeat: "Save preference",
		anticipation.KindRecovery: "Log touch-point", anticipation.KindWelcome: "Log welcome",
	}
)

// Calendar words, short.
var (
	Months   = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	Weekdays = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

// Of returns the English name of k in names, or k as written when it has none (a value
// stored by a newer Frontdesk).
func Of[K comparable](names map[K]string, k K) string {
	if n, ok := names[k]; ok {
		return n
	}
	return fmt.Sprint(k)
}

// Table is one of the name tables, for checks over all of them.
type Table struct {
	Name    string
	Missing []string // values of the enumeration without a name
	Extra   []string // names of values the enumeration does not have
	Names   []string // every name, translation keys all
}

// Tables checks every name table against the list of values its enumeration declares.
func Tables() []Table {
	return []Table{
		table("Tier", Tier, guests.Tiers),
		table("Casino", Casino, guests.CasinoTiers),
		table("Alert", Alert, guests.AlertKinds),
		table("Preference", Preference, guests.PreferenceCategories),
		table("Occasion", Occasion, guests.OccasionKinds),
		table("Stay", Stay, guests.StayStatuses),
		table("Role", Role, staff.Roles),
		table("RoomFeature", RoomFeature, property.RoomFeatures),
		table("RoomStatus", RoomStatus, property.RoomStatuses),
		table("Shift", Shift, property.Shifts),
		table("EscalationClass", EscalationClass, escalation.Classes),
		table("EscalationTarget", EscalationTarget, escalation.Targets),
		table("Status", Status, requests.Statuses),
		table("Priority", Priority, requests.Priorities),
		table("Action", Action, requests.Actions),
		table("Event", Event, append([]requests.ActionKind{requests.ActCreate}, requests.Actions...)),
		table("Outcome", Outcome, requests.Outcomes),
		table("View", View, requests.Views),
		table("PromptKind", PromptKind, anticipation.Kinds),
		table("PromptAction", PromptAction, anticipation.Kinds),
		{Name: "Months", Names: Months[:]},
		{Name: "Weekdays", Names: Weekdays[:]},
	}
}

func table[K comparable](name string, names map[K]string, values []K) Table {
	t := Table{Name: name}
	known := map[K]bool{}
	for _, v := range values {
		known[v] = true
		if _, ok := names[v]; !ok {
			t.Missing = append(t.Missing, fmt.Sprint(v))
		}
	}
	for k, n := range names {
		t.Names = append(t.Names, n)
		if !known[k] {
			t.Extra = append(t.Extra, fmt.Sprint(k))
		}
	}
	return t
}
