package privatedir

import (
	"os"

	"golang.org/x/sys/windows"
)

// LocalData is %LOCALAPPDATA%, the user's data on this PC (else the user's configuration
// folder): what Frontdesk keeps there — the database, a desk's pairing — belongs to this
// PC, and %APPDATA% would roam with a domain profile to every PC the user signs in to.
func LocalData() string {
	if d := os.Getenv("LOCALAPPDATA"); d != "" {
		return d
	}
	if d, err := os.UserConfigDir(); err == nil {
		return d
	}
	return "."
}

// Make creates dir, and any missing parent, and makes it owner-only. File
// modes mean little on Windows, so dir gets an access list of its own instead: full
// control for the current user, nothing inherited from the parent folder, and passed on
// to every file and folder created in it (the database, its -wal and -shm files, the
// backups folder, a desk's desk.json).
func Make(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return ownerOnly(dir)
}

// ownerOnly replaces the access list of path with one entry: full control, inherited by
// its contents, for the user this process runs as.
func ownerOnly(path string) error {
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return err
	}
	acl, err := windows.ACLFromEntries([]windows.EXPLICIT_ACCESS{{
		AccessPermissions: windows.GENERIC_ALL,
		AccessMode:        windows.GRANT_ACCESS,
		Inheritance:       windows.SUB_CONTAINERS_AND_OBJECTS_INHERIT,
		Trustee: windows.TRUSTEE{
			TrusteeForm:  windows.TRUSTEE_IS_SID,
			TrusteeType:  windows.TRUSTEE_IS_USER,
			TrusteeValue: windows.TrusteeValueFromSID(user.User.Sid),
		},
	}}, nil)
	if err != nil {
		return err
	}
	return windows.SetNamedSecurityInfo(path, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, acl, nil)
}
