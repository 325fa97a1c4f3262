package staff

import (
	"strings"
	"testing"
)

func TestStaffNameHasALimit(t *testing.T) {
	s := Staff{Name: strings.Repeat("x", 200), Role: RoleAgent}
	if s.Normalize().For(FieldName) == nil {
		t.Error("staff name has no limit")
	}
}
