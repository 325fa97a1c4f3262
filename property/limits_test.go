package property

import (
	"strings"
	"testing"
)

func TestRoomTypeHasALimit(t *testing.T) {
	r := Room{Number: "1204", Floor: 12, Type: strings.Repeat("x", 200)}
	if r.Normalize().For(FieldType) == nil {
		t.Error("room type has no limit")
	}
}
