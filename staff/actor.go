// Package resources holds what the property serves with: for now, who is acting at the
// desk. Every change Frontdesk stores is attributed to the actor carried in the context.
package staff

import "context"

// Actor is the member of staff a change is attributed to.
type Actor struct {
	ID   string // staff ID; empty for the desk account used before anyone signs in
	Name string
	Role Role // what the actor may do; empty before anyone signs in
	// Departments are the codes of the departments the actor works in, as signed in:
	// department staff land on their department's queue.
	Departments []string
}

// HomeDepartment is the department whose queue department staff start on: the first
// they work in. Other roles start on every department's.
func (a Actor) HomeDepartment() string {
	if a.Role != RoleDepartment || len(a.Departments) == 0 {
		return ""
	}
	return a.Departments[0]
}

type actorKey struct{}

// WithActor returns a context that attributes changes to a.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor carried by ctx, or a generic "Front desk" actor.
func ActorFrom(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok && a.Name != "" {
		return a
	}
	return Actor{Name: "Front desk"}
}
