package property

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"frontdesk/csvfile"
)

func TestRoomNormalizeCleansAndChecksEveryField(t *testing.T) {
	cases := []struct {
		name  string
		room  Room
		want  Room   // when field is empty
		field string // the field with a problem, if any
	}{
		{"number upper-cased and trimmed, status defaults to vacant",
			Room{Number: " 12a ", Floor: 12, Type: "  Deluxe   King "},
			Room{Number: "12A", Floor: 12, Type: "Deluxe King", Status: RoomVacant}, ""},
		{"features lower-cased, each once, sorted",
			Room{Number: "1210", Floor: 12, Features: []RoomFeature{"Smoking", "connecting", " smoking", ""}},
			Room{Number: "1210", Floor: 12, Features: []RoomFeature{FeatureConnecting, FeatureSmoking}, Status: RoomVacant}, ""},
		{"status written as people say it",
			Room{Number: "PH-2", Floor: 14, Status: "Out of order"},
			Room{Number: "PH-2", Floor: 14, Status: RoomOutOfOrder}, ""},
		{"basement and ground floors", Room{Number: "B1-01", Floor: -5}, Room{Number: "B1-01", Floor: -5, Status: RoomVacant}, ""},
		{"no number", Room{Number: "  ", Floor: 3}, Room{}, FieldRoom},
		{"space in the number", Room{Number: "8 15", Floor: 8}, Room{}, FieldRoom},
		{"number too long", Room{Number: "12345678901", Floor: 8}, Room{}, FieldRoom},
		{"number starting with a dash", Room{Number: "-815", Floor: 8}, Room{}, FieldRoom},
		{"floor too low", Room{Number: "815", Floor: MinFloor - 1}, Room{}, FieldFloor},
		{"floor too high", Room{Number: "815", Floor: MaxFloor + 1}, Room{}, FieldFloor},
		{"type too long", Room{Number: "815", Floor: 8, Type: strings.Repeat("x", MaxRoomType+1)}, Room{}, FieldType},
		{"type with a control character", Room{Number: "815", Floor: 8, Type: "Deluxe\aKing"}, Room{}, FieldType},
		{"unknown feature", Room{Number: "815", Floor: 8, Features: []RoomFeature{"balcony"}}, Room{}, FieldFeatures},
		{"unknown status", Room{Number: "815", Floor: 8, Status: "dirty"}, Room{}, FieldStatus},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := c.room.Normalize()
			if c.field == "" {
				if len(fs) != 0 || !reflect.DeepEqual(c.room, c.want) {
					t.Fatalf("got %+v, problems %v; want %+v", c.room, fs, c.want)
				}
				return
			}
			if len(fs) != 1 || fs.For(c.field) == nil {
				t.Fatalf("problems %v, want one for %s", fs, c.field)
			}
		})
	}
}

func TestRoomNumberMessageSharesTheOtherFormsText(t *testing.T) {
	r := Room{Number: "8/15", Floor: 8}
	if e := r.Normalize().For(FieldRoom); e == nil || e.Error() != "Room may only contain letters, digits and '-' (at most 10)." {
		t.Fatalf("got %v", e)
	}
	r = Room{Number: "815", Floor: 300}
	if e := r.Normalize().For(FieldFloor); e == nil || e.Error() != "Enter a floor from -5 to 200." {
		t.Fatalf("got %v", e)
	}
}

func TestFloorFromNumber(t *testing.T) {
	cases := []struct {
		number string
		floor  int
		ok     bool
	}{
		{"1204", 12, true}, {"815", 8, true}, {"201", 2, true}, {"0815", 8, true}, {"1204A", 12, true},
		{"12", 0, false}, {"PH-2", 0, false}, {"B101", 0, false}, {"", 0, false},
	}
	for _, c := range cases {
		if floor, ok := FloorFromNumber(c.number); floor != c.floor || ok != c.ok {
			t.Errorf("%q: got %d %v, want %d %v", c.number, floor, ok, c.floor, c.ok)
		}
	}
}

// problemRows gives each problem as "row column: message" for easy comparison.
func problemRows(ps []csvfile.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, strings.TrimSpace(fmt.Sprint(p.Row, " ", p.Column))+": "+p.Message)
	}
	return out
}

func TestParseRoomsCSVReadsWhatSpreadsheetsWrite(t *testing.T) {
	cases := []struct {
		name string
		file string
		want []Room
	}{
		{"plain",
			"number,floor,type,features,status\n815,8,Deluxe King,accessible,vacant\n1204,12,Deluxe Twin,,occupied\n",
			[]Room{
				{Number: "815", Floor: 8, Type: "Deluxe King", Features: []RoomFeature{FeatureAccessible}, Status: RoomVacant},
				{Number: "1204", Floor: 12, Type: "Deluxe Twin", Status: RoomOccupied},
			}},
		{"byte-order mark and Windows line ends",
			"\uFEFFnumber,type\r\n815,Deluxe King\r\n",
			[]Room{{Number: "815", Floor: 8, Type: "Deluxe King"}}},
		{"columns in another order and case, unknown columns ignored",
			"Type , NOTES, Status,Number\nDeluxe King,ocean view,Out of order,1204\n",
			[]Room{{Number: "1204", Floor: 12, Type: "Deluxe King", Status: RoomOutOfOrder}}},
		{"floor told from the number when the column is missing",
			"number\n1204\n815\n",
			[]Room{{Number: "1204", Floor: 12}, {Number: "815", Floor: 8}}},
		{"floor told from the number when the cell is blank",
			"number,floor\n1204,\nb-1,-1\n",
			[]Room{{Number: "1204", Floor: 12}, {Number: "B-1", Floor: -1}}},
		{"quoted cells with commas and line breaks",
			"number,type,features\n815,\"Deluxe King,\r\ngarden\",\"accessible,\nconnecting\"\n",
			[]Room{{Number: "815", Floor: 8, Type: "Deluxe King, garden", Features: []RoomFeature{FeatureAccessible, FeatureConnecting}}}},
		{"blank rows skipped",
			"\nnumber,floor\n\n815,8\n,\n   \n1204,12\n\n",
			[]Room{{Number: "815", Floor: 8}, {Number: "1204", Floor: 12}}},
		{"features separated by semicolons, commas or spaces",
			"number,features\n815,smoking;accessible\n816,\"connecting, smoking\"\n817,Accessible  Smoking accessible\n",
			[]Room{
				{Number: "815", Floor: 8, Features: []RoomFeature{FeatureAccessible, FeatureSmoking}},
				{Number: "816", Floor: 8, Features: []RoomFeature{FeatureConnecting, FeatureSmoking}},
				{Number: "817", Floor: 8, Features: []RoomFeature{FeatureAccessible, FeatureSmoking}},
			}},
		{"semicolon-separated file from a spreadsheet in Indonesian",
			"number;type;features\n815;Deluxe King;accessible,connecting\n",
			[]Room{{Number: "815", Floor: 8, Type: "Deluxe King", Features: []RoomFeature{FeatureAccessible, FeatureConnecting}}}},
		{"tab-separated", "number\tfloor\n815\t8\n", []Room{{Number: "815", Floor: 8}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, problems := ParseRoomsCSV(strings.NewReader(c.file))
			if len(problems) != 0 || !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %+v, problems %v\nwant %+v", got, problemRows(problems), c.want)
			}
		})
	}
}

func TestParseRoomsCSVLeavesABlankStatusForTheStoreToKeep(t *testing.T) {
	got, problems := ParseRoomsCSV(strings.NewReader("number,status\n815,\n816,occupied\n"))
	if len(problems) != 0 || len(got) != 2 || got[0].Status != "" || got[1].Status != RoomOccupied {
		t.Fatalf("got %+v, %v", got, problemRows(problems))
	}
}

func TestParseRoomsCSVReportsEachProblemByItsSpreadsheetRow(t *testing.T) {
	cases := []struct {
		name  string
		file  string
		rooms int
		want  []string
	}{
		{"missing number column names the column",
			"room,floor\n815,8\n", 0,
			[]string{"1: The first row must name the columns and include 'number', e.g. number,floor,type,features,status."}},
		{"empty file", "", 0,
			[]string{"1: The first row must name the columns and include 'number', e.g. number,floor,type,features,status."}},
		{"a column named twice", "number,Number\n815,816\n", 0,
			[]string{"1: The column 'number' appears more than once in the first row."}},
		{"header only", "number,floor\n", 0, []string{"2: The file has no rooms below the first row."}},
		{"bad floor", "number,floor\n815,8\n816,eight\n817,999\n", 1, []string{
			"3 floor: Enter a floor from -5 to 200.",
			"4 floor: Enter a floor from -5 to 200.",
		}},
		{"floor that cannot be told from the number", "Type , NOTES, Status,Number\nSuite,ocean view,Out of order,ph-2\n", 0,
			[]string{"2 floor: Cannot tell the floor from room number PH-2; fill in its floor."}},
		{"duplicate number on its second row, case ignored", "number\n1201a\n815\n1201A\n", 2,
			[]string{"4 number: Room 1201A is already in row 2 of this file."}},
		{"rows counted as a spreadsheet shows them: multi-line cells and blank rows",
			"number,type\n815,\"Deluxe\nKing\"\n\n8 16,Twin\n", 1,
			[]string{"4 number: Room may only contain letters, digits and '-' (at most 10)."}},
		{"every problem of a row", "number,floor,features,status\n,3,balcony,dirty\n", 0, []string{
			"2 number: Enter the room number.",
			"2 features: Unknown room feature 'balcony'; use accessible, connecting or smoking.",
			"2 status: Unknown room status 'dirty'; use vacant, occupied or out_of_order.",
		}},
		{"stray quote stops the reading there", "number,type\n815,King\n816,\"Twin\n817,Suite\n", 1,
			[]string{"3: The file cannot be read from this row on: a quotation mark is missing or misplaced."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rooms, problems := ParseRoomsCSV(strings.NewReader(c.file))
			if got := problemRows(problems); !reflect.DeepEqual(got, c.want) || len(rooms) != c.rooms {
				t.Fatalf("%d rooms, problems:\n%s\nwant %d rooms, problems:\n%s", len(rooms), strings.Join(got, "\n"), c.rooms, strings.Join(c.want, "\n"))
			}
		})
	}
}

type failingReader struct{ data string }

func (r *failingReader) Read(b []byte) (int, error) {
	if r.data == "" {
		return 0, errors.New("disk unplugged")
	}
	n := copy(b, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestParseRoomsCSVReportsAFileThatCannotBeReadToTheEnd(t *testing.T) {
	rooms, problems := ParseRoomsCSV(&failingReader{"number\n815\n816"})
	want := []string{"1: The file could not be read to the end; nothing was imported. Try again."}
	if got := problemRows(problems); !reflect.DeepEqual(got, want) || len(rooms) != 0 {
		t.Fatalf("%d rooms, problems %v", len(rooms), got)
	}
}

func TestParseRoomsCSVRefusesAnOverlongFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("number,floor\n")
	for i := range MaxImportRooms + 1 {
		fmt.Fprintf(&b, "R%d,1\n", i)
	}
	_, problems := ParseRoomsCSV(strings.NewReader(b.String()))
	want := []string{fmt.Sprintf("%d: The file has more than %d rooms; split it into smaller files.", MaxImportRooms+2, MaxImportRooms)}
	if got := problemRows(problems); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v", got)
	}
}

// A room list saved by Excel as "Unicode text" (UTF-16, tabs) or by an older spreadsheet
// in Windows-1252 is read as the same guest file would be.
func TestParseRoomsCSVReadsEveryEncodingTheGuestImportReads(t *testing.T) {
	utf16 := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
	excel, err := utf16.String("number\ttype\n815\tSuite Café\n816\tTwin\n")
	if err != nil {
		t.Fatal(err)
	}
	for name, file := range map[string]string{
		"UTF-16 with tabs": excel,
		"Windows-1252":     "number;type\n815;Suite Caf\xe9\n816;Twin\n",
		"UTF-8 with BOM":   "\uFEFFnumber,type\n815,Suite Café\n816,Twin\n",
	} {
		rooms, problems := ParseRoomsCSV(strings.NewReader(file))
		if len(problems) != 0 || len(rooms) != 2 || rooms[0].Number != "815" || rooms[0].Type != "Suite Café" || rooms[1].Type != "Twin" {
			t.Errorf("%s: %+v %v", name, rooms, problemRows(problems))
		}
	}
}
