package app

import (
	"context"
	"io"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"frontdesk/property"
	"frontdesk/staff"
)

func TestRoomsListFiltersAndCountsFromTheDatabase(t *testing.T) {
	h := newHarness(t, nil)
	for n, floor := range map[string]int{"1201": 12, "1202": 12, "815": 8} {
		must(t, h.store.SaveRoom(managerCtx(), &property.Room{Number: n, Floor: floor, Status: property.RoomVacant}))
	}
	must(t, h.store.SaveRoom(managerCtx(), &property.Room{Number: "1203", Floor: 12, Status: property.RoomOutOfOrder}))
	v := h.ui.resources.rooms
	v.reload()
	h.settle(0)
	if len(v.rooms) != 4 || v.count.Text != "4 rooms" {
		t.Fatalf("all rooms: %d, %q", len(v.rooms), v.count.Text)
	}
	test.Type(v.prefix, "12")
	h.settle(0)
	if len(v.rooms) != 3 {
		t.Fatalf("prefix 12: %d rooms", len(v.rooms))
	}
	v.status.SetSelected("Out of order")
	h.settle(0)
	if len(v.rooms) != 1 || v.rooms[0].Number != "1203" || v.count.Text != "1 room" {
		t.Fatalf("out of order: %+v %q", v.rooms, v.count.Text)
	}
	if v.manage.Visible() {
		t.Error("an agent is offered room editing")
	}
}

func TestRoomImportChecksFirstAndStoresNothingOnProblems(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	v := h.ui.resources.rooms
	bad := "number,floor\n1201,12\n1202,abc\n"
	v.importRooms(io.NopCloser(strings.NewReader(bad)), true)
	h.settle(0)
	if n, _ := h.store.CountRooms(context.Background(), property.RoomFilter{}); n != 0 {
		t.Fatalf("%d rooms stored from a file with problems", n)
	}
	good := "number,floor,type\n1201,12,Deluxe King\n1202,12,Deluxe Twin\n"
	v.importRooms(io.NopCloser(strings.NewReader(good)), false)
	h.settle(0)
	if n, _ := h.store.CountRooms(context.Background(), property.RoomFilter{}); n != 2 {
		t.Fatalf("%d rooms after import", n)
	}
	if len(v.rooms) != 2 {
		t.Fatalf("the list was not refreshed: %d", len(v.rooms))
	}
}
