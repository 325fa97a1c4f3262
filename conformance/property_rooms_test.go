package conformance

import (
	"strings"
	"testing"

	"frontdesk/errs"
	"frontdesk/property"
	"frontdesk/staff"
)

func TestRoomsAreSavedListedAndCountedByFloor(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleShiftManager)
		room := property.Room{Number: " 1204 ", Floor: 12, Type: "Deluxe King",
			Features: []property.RoomFeature{"smoking", "Accessible", "smoking"}}
		if err := d.svc.Rooms.SaveRoom(ctx, &room); err != nil {
			t.Fatal(err)
		}
		want := property.Room{Number: "1204", Floor: 12, Type: "Deluxe King",
			Features: []property.RoomFeature{property.FeatureAccessible, property.FeatureSmoking}, Status: property.RoomVacant}
		sameValue(t, "saved room", room, want)
		lobby := property.Room{Number: "g01", Floor: 0, Status: "Out of order"}
		if err := d.svc.Rooms.SaveRoom(ctx, &lobby); err != nil {
			t.Fatal(err)
		}
		wantLobby := property.Room{Number: "G01", Floor: 0, Status: property.RoomOutOfOrder}
		sameValue(t, "saved room on floor 0", lobby, wantLobby)

		// Floor 0 is a floor, not "any floor".
		ground, twelve := 0, 12
		for _, c := range []struct {
			f    property.RoomFilter
			want []property.Room
		}{
			{property.RoomFilter{}, []property.Room{wantLobby, want}},
			{property.RoomFilter{Floor: &ground}, []property.Room{wantLobby}},
			{property.RoomFilter{Floor: &twelve}, []property.Room{want}},
			{property.RoomFilter{Feature: property.FeatureSmoking}, []property.Room{want}},
			{property.RoomFilter{Status: property.RoomOutOfOrder}, []property.Room{wantLobby}},
			{property.RoomFilter{NumberPrefix: "12"}, []property.Room{want}},
			{property.RoomFilter{Limit: 1}, []property.Room{wantLobby}},
		} {
			rooms, err := d.svc.Rooms.ListRooms(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			sameValue(t, "rooms", rooms, c.want)
			n, err := d.svc.Rooms.CountRooms(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			if c.f.Limit == 0 && n != len(c.want) {
				t.Errorf("counted %d rooms for %+v, want %d", n, c.f, len(c.want))
			}
		}
	})
}

func TestRoomListIsCheckedThenImported(t *testing.T) {
	const file = "number,floor,type,features,status\n1205,12,Deluxe Twin,accessible;connecting,vacant\n1204,,Deluxe King,,\n"
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAdministrator)
		room := property.Room{Number: "1204", Floor: 12, Status: property.RoomOccupied}
		if err := d.svc.Rooms.SaveRoom(ctx, &room); err != nil {
			t.Fatal(err)
		}
		rep, err := d.svc.Rooms.ImportRooms(ctx, strings.NewReader(file), true)
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "check", rep, property.RoomImportReport{Created: 1, Updated: 1})
		if n, _ := d.svc.Rooms.CountRooms(ctx, property.RoomFilter{}); n != 1 {
			t.Errorf("the check stored rooms: %d", n)
		}
		if rep, err = d.svc.Rooms.ImportRooms(ctx, strings.NewReader(file), false); err != nil {
			t.Fatal(err)
		}
		sameValue(t, "import", rep, property.RoomImportReport{Created: 1, Updated: 1})
		rooms, err := d.svc.Rooms.ListRooms(ctx, property.RoomFilter{})
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "imported rooms", rooms, []property.Room{
			{Number: "1204", Floor: 12, Type: "Deluxe King", Status: property.RoomOccupied},
			{Number: "1205", Floor: 12, Type: "Deluxe Twin", Features: []property.RoomFeature{property.FeatureAccessible, property.FeatureConnecting}, Status: property.RoomVacant},
		})
	})
}

func TestRoomRefusalsAndProblemsInTheFile(t *testing.T) {
	reports := bySide[property.RoomImportReport]{}
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAgent)
		room := property.Room{Number: "1204", Floor: 12}
		err := d.svc.Rooms.SaveRoom(ctx, &room)
		wantProblem(t, err, errs.Invalid, "", staff.MsgManagerOnly)
		_, err = d.svc.Rooms.ImportRooms(ctx, strings.NewReader("number\n1204\n"), true)
		wantProblem(t, err, errs.Invalid, "", staff.MsgManagerOnly)

		ctx = d.signIn(t, staff.RoleShiftManager)
		bad := property.Room{Number: "1204", Floor: 500, Features: []property.RoomFeature{"balcony"}}
		err = d.svc.Rooms.SaveRoom(ctx, &bad)
		e := wantProblem(t, err, errs.Invalid, property.FieldFloor, property.MsgFloorRange)
		sameValue(t, "floor problem's values", e.Args, map[string]any{"Min": property.MinFloor, "Max": property.MaxFloor})
		e = wantProblem(t, err, errs.Invalid, property.FieldFeatures, property.MsgUnknownFeature)
		sameValue(t, "feature problem's values", e.Args, map[string]any{"Value": "balcony"})

		rep, err := d.svc.Rooms.ImportRooms(ctx, strings.NewReader("number,floor,status\nA1,,vacant\n1204,12,dirty\n"), false)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Problems) != 2 {
			t.Errorf("problems: %+v", rep.Problems)
		}
		if n, _ := d.svc.Rooms.CountRooms(ctx, property.RoomFilter{}); n != 0 {
			t.Errorf("a file with problems stored %d rooms", n)
		}
		reports[d.name] = rep
	})
	reports.same(t, "report of a file with problems")
}
