package staff

import (
	"slices"
	"strings"
	"time"

	"frontdesk/errs"
	"frontdesk/textcheck"
)

// Role is what a member of staff does at the property; it decides what they may change.
type Role string

// The roles Frontdesk knows. The values are stored, so keep them stable.
const (
	RoleAgent         Role = "agent"
	RoleConcierge     Role = "concierge"
	RoleDepartment    Role = "department_staff"
	RoleShiftManager  Role = "shift_manager"
	RoleAdministrator Role = "administrator"
)

// Roles lists every role in the order the UI offers them.
var Roles = []Role{RoleAgent, RoleConcierge, RoleDepartment, RoleShiftManager, RoleAdministrator}

// Permission names one thing a role may or may not do.
type Permission string

// The permissions Frontdesk checks. The values may appear in logs, so keep them stable.
const (
	PermEditStandards        Permission = "edit_standards"
	PermEditStaff            Permission = "edit_staff"
	PermEditDepartments      Permission = "edit_departments"
	PermEditRooms            Permission = "edit_rooms"
	PermCloseWithoutFollowUp Permission = "close_without_follow_up"
	PermBrowseAudit          Permission = "browse_audit"
	PermResetPIN             Permission = "reset_pin"
	PermLendItems            Permission = "lend_items"
	PermLogRequests          Permission = "log_requests"
	PermTransferGuests       Permission = "transfer_guests" // import and export guest files
	PermGuestPrivacy         Permission = "guest_privacy"   // export or erase one guest's data
)

// Permissions lists every permission; a permission not listed here is refused to
// everyone, so a misspelt check fails closed rather than open.
var Permissions = []Permission{
	PermEditStandards, PermEditStaff, PermEditDepartments, PermEditRooms,
	PermCloseWithoutFollowUp, PermBrowseAudit, PermResetPIN, PermLendItems, PermLogRequests,
	PermTransferGuests, PermGuestPrivacy,
}

// staffPermissions holds what each role below manager may do; managers may do everything.
var staffPermissions = map[Role][]Permission{
	RoleAgent:      {PermLendItems, PermLogRequests},
	RoleConcierge:  {PermLendItems, PermLogRequests},
	RoleDepartment: {PermLogRequests},
}

// MsgManagerOnly is the message for a refused permission. It is a translation key too:
// keep the text stable.
const MsgManagerOnly = "Only a shift manager or an administrator may do this."

// IsManager reports whether r is a shift manager or an administrator.
func (r Role) IsManager() bool {
	return r == RoleShiftManager || r == RoleAdministrator
}

// Can reports whether r may do p. Unknown roles and unknown permissions get nothing.
func (r Role) Can(p Permission) bool {
	if !slices.Contains(Permissions, p) {
		return false
	}
	if r.IsManager() {
		return true
	}
	return slices.Contains(staffPermissions[r], p)
}

// MsgNotYourRole is the message for a permission that some non-manager roles have.
const MsgNotYourRole = "Your role may not do this; ask a colleague at the front desk or a manager."

// Check returns nil when r may do p, else an Invalid error to show the member of staff:
// for what only managers may do it says so, otherwise it points to a colleague.
func (r Role) Check(p Permission) error {
	if r.Can(p) {
		return nil
	}
	for _, perms := range staffPermissions {
		if slices.Contains(perms, p) {
			return errs.New(errs.Invalid, MsgNotYourRole, nil)
		}
	}
	return errs.New(errs.Invalid, MsgManagerOnly, nil)
}

// Field names used in staff validation errors; the UI places each message beside its field.
const (
	FieldName        = "name"
	FieldRole        = "role"
	FieldPIN         = "pin"
	FieldDepartments = "departments"
)

// MaxStaffName is the longest staff name accepted, in characters.
const MaxStaffName = 100

// Staff is a member of staff who signs in at the desk with a personal PIN.
type Staff struct {
	ID          string
	Name        string
	Role        Role
	Departments []string // department codes, e.g. "housekeeping"
	Active      bool     // switched-off staff keep their history but cannot sign in
	PINHash     string   `wire:"-"` // argon2id PHC string from HashPIN; never the PIN itself
	FailedPINs  int      // wrong PINs since the last success or lock
	LockedUntil time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Normalize cleans the staff record in place (name, department codes) and returns every
// problem found.
func (s *Staff) Normalize() errs.Fields {
	var fs errs.Fields
	s.normalizeName(&fs)
	if !slices.Contains(Roles, s.Role) {
		// Same text as the other forms' choice lists, so it shares their translation.
		fs.Add(FieldRole, "Choose one of the options in the list.", nil)
	}
	s.Departments = normalizeDepartmentCodes(s.Departments)
	return fs
}

func (s *Staff) normalizeName(fs *errs.Fields) {
	if textcheck.Into(fs, FieldName, &s.Name, MaxStaffName, false) && s.Name == "" {
		fs.Add(FieldName, "Enter the name colleagues know this person by.", nil)
	}
}

// normalizeDepartmentCodes trims and lower-cases codes, drops blanks and repeats, and
// keeps the first-seen order so the form shows them as they were picked.
func normalizeDepartmentCodes(codes []string) []string {
	out := make([]string, 0, len(codes))
	for _, c := range codes {
		c = strings.ToLower(strings.TrimSpace(c))
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}
