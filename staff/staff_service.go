package staff

import "context"

// Service keeps who works here and signs them in. Every method is one transaction.
type Service interface {
	// CountStaff says whether the first-run step (creating the administrator) is due.
	CountStaff(ctx context.Context) (int, error)
	// CreateFirstAdministrator creates the first account of a fresh database; it is
	// refused once anyone exists.
	CreateFirstAdministrator(ctx context.Context, s *Staff, pin string) error
	// CreateStaff adds a member of staff with a PIN; managers only.
	CreateStaff(ctx context.Context, s *Staff, pin string) error
	// UpdateStaff changes name, role, departments and the active flag; managers only.
	UpdateStaff(ctx context.Context, s *Staff) error
	// ResetStaffPIN sets a new PIN and lifts any lock; managers only.
	ResetStaffPIN(ctx context.Context, staffID, pin string) error
	// ListStaff returns a page of staff, by name.
	ListStaff(ctx context.Context, f Filter) ([]Staff, error)
	// SignIn checks a PIN, keeping the lock-out count in the database, and returns the
	// actor to attribute changes to.
	SignIn(ctx context.Context, staffID, pin string) (Actor, error)
}

// Filter narrows the staff list. Zero fields match all.
type Filter struct {
	NamePrefix string
	ActiveOnly bool
	Limit      int // 0 means 200
}
