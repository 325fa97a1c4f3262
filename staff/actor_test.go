package staff

import (
	"context"
	"testing"
)

func TestActorTravelsInTheContext(t *testing.T) {
	if got := ActorFrom(context.Background()).Name; got != "Front desk" {
		t.Fatalf("default actor = %q", got)
	}
	ctx := WithActor(context.Background(), Actor{ID: "s1", Name: "Dewi Lestari"})
	if got := ActorFrom(ctx); got.Name != "Dewi Lestari" || got.ID != "s1" {
		t.Fatalf("got %+v", got)
	}
}

func TestDepartmentStaffStartOnTheirFirstDepartment(t *testing.T) {
	for _, c := range []struct {
		actor Actor
		want  string
	}{
		{Actor{Role: RoleDepartment, Departments: []string{"housekeeping", "spa"}}, "housekeeping"},
		{Actor{Role: RoleDepartment}, ""},
		{Actor{Role: RoleAgent, Departments: []string{"front_desk"}}, ""},
		{Actor{Role: RoleShiftManager, Departments: []string{"management"}}, ""},
	} {
		if got := c.actor.HomeDepartment(); got != c.want {
			t.Errorf("%s in %v starts on %q, want %q", c.actor.Role, c.actor.Departments, got, c.want)
		}
	}
}
