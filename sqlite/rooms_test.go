package sqlite

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"frontdesk/audit"
	"frontdesk/csvfile"
	"frontdesk/demo"
	"frontdesk/errs"
	"frontdesk/property"
	"frontdesk/staff"
)

func saveRooms(t *testing.T, s *Store, rooms ...property.Room) {
	t.Helper()
	for i := range rooms {
		must(t, s.SaveRoom(manager(), &rooms[i]))
	}
}

func numbers(rooms []property.Room) string {
	var out []string
	for _, r := range rooms {
		out = append(out, r.Number)
	}
	return strings.Join(out, " ")
}

func listRooms(t *testing.T, s *Store, f property.RoomFilter) []property.Room {
	t.Helper()
	rooms, err := s.ListRooms(context.Background(), f)
	must(t, err)
	return rooms
}

func roomAudits(t *testing.T, s *Store) []audit.Entry {
	t.Helper()
	entries, err := s.ListAudit(auditor(), audit.Filter{})
	must(t, err)
	var out []audit.Entry
	for _, e := range entries {
		if e.Entity == "room" || e.Entity == "rooms" {
			out = append(out, e)
		}
	}
	return out
}

func TestSavedRoomsAreListedByFloorThenNumberAsPeopleCount(t *testing.T) {
	s := openTest(t)
	saveRooms(t, s,
		property.Room{Number: "1001", Floor: 2},
		property.Room{Number: "215", Floor: 2},
		property.Room{Number: " 201 ", Floor: 2, Type: " Deluxe  King ", Features: []property.RoomFeature{"smoking", "Accessible"}},
		property.Room{Number: "101", Floor: 1},
	)
	got := listRooms(t, s, property.RoomFilter{})
	if n := numbers(got); n != "101 201 215 1001" {
		t.Fatalf("order: %s", n)
	}
	want := property.Room{Number: "201", Floor: 2, Type: "Deluxe King", Status: property.RoomVacant,
		Features: []property.RoomFeature{property.FeatureAccessible, property.FeatureSmoking}}
	if !reflect.DeepEqual(got[1], want) {
		t.Fatalf("round trip: %+v, want %+v", got[1], want)
	}
	saveRooms(t, s, property.Room{Number: "201", Floor: 2, Type: "Deluxe Twin", Status: property.RoomOutOfOrder})
	got = listRooms(t, s, property.RoomFilter{NumberPrefix: "201"})
	if len(got) != 1 || got[0].Type != "Deluxe Twin" || got[0].Features != nil || got[0].Status != property.RoomOutOfOrder {
		t.Fatalf("after update: %+v", got)
	}
	if a := roomAudits(t, s); len(a) != 5 || a[0].EntityID != "201" || a[0].Action != "save" ||
		a[0].Summary != "floor 2, Deluxe Twin, Out of order" || a[0].Words == nil || a[0].ActorName != "Rina Manager" {
		t.Fatalf("audit: %+v", a)
	}
}

func TestRoomFiltersAndCountsComeFromTheDatabase(t *testing.T) {
	s := openTest(t)
	saveRooms(t, s,
		property.Room{Number: "1204", Floor: 12, Features: []property.RoomFeature{property.FeatureConnecting}},
		property.Room{Number: "1205", Floor: 12, Features: []property.RoomFeature{property.FeatureAccessible, property.FeatureConnecting}},
		property.Room{Number: "120", Floor: 1, Status: property.RoomOccupied},
		property.Room{Number: "815", Floor: 8, Features: []property.RoomFeature{property.FeatureSmoking}, Status: property.RoomOccupied},
		property.Room{Number: "PH-1", Floor: 14, Status: property.RoomOutOfOrder},
	)
	twelve := 12
	cases := []struct {
		name   string
		filter property.RoomFilter
		want   string
	}{
		{"all", property.RoomFilter{}, "120 815 1204 1205 PH-1"},
		{"number prefix, any case", property.RoomFilter{NumberPrefix: " ph"}, "PH-1"},
		{"number prefix matches from the start", property.RoomFilter{NumberPrefix: "120"}, "120 1204 1205"},
		{"floor", property.RoomFilter{Floor: &twelve}, "1204 1205"},
		{"status", property.RoomFilter{Status: property.RoomOccupied}, "120 815"},
		{"feature", property.RoomFilter{Feature: property.FeatureConnecting}, "1204 1205"},
		{"feature is a whole word", property.RoomFilter{Feature: "access"}, ""},
		{"filters combine", property.RoomFilter{Floor: &twelve, Feature: property.FeatureAccessible}, "1205"},
		{"nothing matches", property.RoomFilter{NumberPrefix: "9"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := numbers(listRooms(t, s, c.filter)); got != c.want {
				t.Fatalf("listed %q, want %q", got, c.want)
			}
			n, err := s.CountRooms(context.Background(), c.filter)
			must(t, err)
			if want := len(strings.Fields(c.want)); n != want {
				t.Fatalf("counted %d, want %d", n, want)
			}
		})
	}
	page := listRooms(t, s, property.RoomFilter{Limit: 2})
	if n, _ := s.CountRooms(context.Background(), property.RoomFilter{Limit: 2}); numbers(page) != "120 815" || n != 5 {
		t.Fatalf("page %s, count %d", numbers(page), n)
	}
}

func TestRoomsNeedAManagerAndValidInput(t *testing.T) {
	s := openTest(t)
	err := s.SaveRoom(deskAgent(), &property.Room{Number: "815", Floor: 8})
	if err == nil || err.Error() != staff.MsgManagerOnly {
		t.Fatalf("an agent saved a room: %v", err)
	}
	_, err = s.ImportRooms(deskAgent(), strings.NewReader("number\n815\n"), true)
	if err == nil || err.Error() != staff.MsgManagerOnly {
		t.Fatalf("an agent imported rooms: %v", err)
	}
	err = s.SaveRoom(manager(), &property.Room{Number: "8 15", Floor: 300})
	if fs := errs.AsFields(err); fs.For(property.FieldRoom) == nil || fs.For(property.FieldFloor) == nil {
		t.Fatalf("invalid room: %v", err)
	}
	if count(t, s, "rooms") != 0 || len(roomAudits(t, s)) != 0 {
		t.Fatal("a refused room was written")
	}
}

const roomFile = "number,floor,type,features,status\n815,8,Deluxe King,accessible,\n1204,12,Deluxe Twin,connecting;smoking,occupied\n201,,Premier Suite,,\n"

func TestImportDryRunReportsAndWritesNothing(t *testing.T) {
	s := openTest(t)
	saveRooms(t, s, property.Room{Number: "815", Floor: 8})
	audits := count(t, s, "audit_log")
	report, err := s.ImportRooms(manager(), strings.NewReader(roomFile), true)
	must(t, err)
	if report.Created != 2 || report.Updated != 1 || len(report.Problems) != 0 {
		t.Fatalf("report: %+v", report)
	}
	if count(t, s, "rooms") != 1 || count(t, s, "audit_log") != audits {
		t.Fatal("a dry run wrote")
	}
	if r := listRooms(t, s, property.RoomFilter{}); r[0].Type != "" {
		t.Fatalf("a dry run updated: %+v", r)
	}
}

func TestImportWithABadRowWritesNothingAndNamesTheRow(t *testing.T) {
	s := openTest(t)
	audits := count(t, s, "audit_log")
	file := roomFile + "\n1205,twelve,Deluxe King,,\n"
	report, err := s.ImportRooms(manager(), strings.NewReader(file), false)
	must(t, err)
	want := []csvfile.Problem{{Row: 6, Column: "floor", Message: "Enter a floor from -5 to 200.",
		Template: property.MsgFloorRange, Args: map[string]any{"Min": property.MinFloor, "Max": property.MaxFloor}}}
	if !reflect.DeepEqual(report.Problems, want) || report.Created != 3 || report.Updated != 0 {
		t.Fatalf("report: %+v", report)
	}
	if count(t, s, "rooms") != 0 || count(t, s, "audit_log") != audits {
		t.Fatal("an import with a problem wrote")
	}
}

func TestImportCreatesAndUpdatesAllAtOnceAndAuditsOnce(t *testing.T) {
	s := openTest(t)
	saveRooms(t, s,
		property.Room{Number: "815", Floor: 8, Type: "Standard", Status: property.RoomOccupied},
		property.Room{Number: "999", Floor: 9},
	)
	report, err := s.ImportRooms(manager(), strings.NewReader("\uFEFF"+roomFile), false)
	must(t, err)
	if report.Created != 2 || report.Updated != 1 || len(report.Problems) != 0 {
		t.Fatalf("report: %+v", report)
	}
	got := listRooms(t, s, property.RoomFilter{})
	want := []property.Room{
		{Number: "201", Floor: 2, Type: "Premier Suite", Status: property.RoomVacant},
		// a blank status keeps the stored one
		{Number: "815", Floor: 8, Type: "Deluxe King", Features: []property.RoomFeature{property.FeatureAccessible}, Status: property.RoomOccupied},
		{Number: "999", Floor: 9, Status: property.RoomVacant},
		{Number: "1204", Floor: 12, Type: "Deluxe Twin", Status: property.RoomOccupied,
			Features: []property.RoomFeature{property.FeatureConnecting, property.FeatureSmoking}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("stored:\n%+v\nwant\n%+v", got, want)
	}
	a := roomAudits(t, s)
	if len(a) != 3 || a[0].Entity != "rooms" || a[0].Action != "import" || a[0].Summary != "2 created, 1 updated" ||
		a[0].ActorName != "Rina Manager" || !a[0].At.Equal(testNow) {
		t.Fatalf("audit: %+v", a)
	}
}

func TestDemoRoomsAreValidUniqueAndStoreAsGenerated(t *testing.T) {
	rooms := demo.RoomList(testNow)
	if len(rooms) != 300 {
		t.Fatalf("%d demo rooms", len(rooms))
	}
	seen := map[string]bool{}
	outOfOrder := 0
	for _, r := range rooms {
		if seen[r.Number] {
			t.Fatalf("room %s twice", r.Number)
		}
		seen[r.Number] = true
		clean := r
		clean.Features = slices.Clone(r.Features)
		if fs := clean.Normalize(); len(fs) != 0 || !reflect.DeepEqual(clean, r) {
			t.Fatalf("room %+v: problems %v, normalised %+v", r, fs, clean)
		}
		if r.Status == property.RoomOutOfOrder {
			outOfOrder++
		}
	}
	if outOfOrder < 2 || outOfOrder > 5 {
		t.Fatalf("%d rooms out of order", outOfOrder)
	}
	for _, n := range demo.Rooms() {
		if !seen[n] {
			t.Fatalf("demo room %s has no record", n)
		}
	}
	s := openTest(t)
	saveRooms(t, s, rooms...)
	stored := listRooms(t, s, property.RoomFilter{Limit: 1000})
	if !reflect.DeepEqual(stored, rooms) {
		t.Fatal("the demo rooms come back from the store in another order or form")
	}
	for _, f := range property.RoomFeatures {
		if n, _ := s.CountRooms(context.Background(), property.RoomFilter{Feature: f}); n == 0 {
			t.Errorf("no demo room is %s", f)
		}
	}
}
