package property

import (
	"context"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"frontdesk/csvfile"

	"frontdesk/errs"
	"frontdesk/textcheck"
)

// RoomService keeps the property's rooms. Every method is one transaction.
type RoomService interface {
	// ListRooms returns a page of rooms by floor, then number as people count them
	// (201, 215, 1001).
	ListRooms(ctx context.Context, f RoomFilter) ([]Room, error)
	// CountRooms returns how many rooms match f, ignoring its Limit.
	CountRooms(ctx context.Context, f RoomFilter) (int, error)
	// SaveRoom creates or updates a room; managers only.
	SaveRoom(ctx context.Context, r *Room) error
	// ImportRooms reads a CSV room list (see ParseRoomsCSV); managers only. When the file
	// has any problem, or on a dry run, it stores nothing and reports what it would do;
	// otherwise it creates and updates every room in one transaction. Problems in the file
	// are in the report, not the error.
	ImportRooms(ctx context.Context, r io.Reader, dryRun bool) (RoomImportReport, error)
}

// RoomStatus is whether a room can be given to a guest.
type RoomStatus string

// Room statuses. The values are stored, so keep them stable.
const (
	RoomVacant     RoomStatus = "vacant"
	RoomOccupied   RoomStatus = "occupied"
	RoomOutOfOrder RoomStatus = "out_of_order"
)

// RoomStatuses lists the statuses in the order the UI offers them.
var RoomStatuses = []RoomStatus{RoomVacant, RoomOccupied, RoomOutOfOrder}

// RoomFeature is something about a room that matters when giving it to a guest.
type RoomFeature string

// Room features. The values are stored, so keep them stable.
const (
	FeatureAccessible RoomFeature = "accessible"
	FeatureConnecting RoomFeature = "connecting"
	FeatureSmoking    RoomFeature = "smoking"
)

// RoomFeatures lists every feature in the order the UI offers them.
var RoomFeatures = []RoomFeature{FeatureAccessible, FeatureConnecting, FeatureSmoking}

// Room is one of the property's rooms.
type Room struct {
	Number   string // upper-case, e.g. "1204" or "PH-2"
	Floor    int
	Type     string        // e.g. "Deluxe King"
	Features []RoomFeature // each once, sorted; nil when none
	Status   RoomStatus
}

// RoomFilter narrows the room list. Zero fields match all.
type RoomFilter struct {
	NumberPrefix string // e.g. "12" for 1201, 1202…; case does not matter
	Floor        *int
	Status       RoomStatus
	Feature      RoomFeature
	Limit        int // a page; 0 means 200, at most 1000
}

// Field names for the room form, besides FieldRoom (the number). The import names its
// columns differently; see ParseRoomsCSV.
const (
	FieldRoom     = "room"
	FieldFloor    = "floor"
	FieldType     = "type"
	FieldFeatures = "features"
	FieldStatus   = "status"
)

// Limits on a room.
const (
	MinFloor    = -5
	MaxFloor    = 200
	MaxRoomType = 40
)

// Messages about rooms. They are translation keys too: keep the texts stable.
const (
	MsgRoomNumberMissing = "Enter the room number."
	MsgFloorRange        = "Enter a floor from {{.Min}} to {{.Max}}."
	MsgUnknownFeature    = "Unknown room feature '{{.Value}}'; use accessible, connecting or smoking."
	MsgUnknownRoomStatus = "Unknown room status '{{.Value}}'; use vacant, occupied or out_of_order."
)

var roomNumberPattern = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{0,9}$`)

// Normalize cleans a room in place (number upper-cased; type tidied; features lower-cased,
// each once and sorted; no status means vacant) and returns every problem found.
func (r *Room) Normalize() errs.Fields {
	var fs errs.Fields
	r.Number = strings.ToUpper(strings.TrimSpace(r.Number))
	switch {
	case r.Number == "":
		fs.Add(FieldRoom, MsgRoomNumberMissing, nil)
	case !roomNumberPattern.MatchString(r.Number):
		// Same text as the stay and loan forms', so it shares their translation.
		fs.Add(FieldRoom, "Room may only contain letters, digits and '-' (at most 10).", nil)
	}
	if r.Floor < MinFloor || r.Floor > MaxFloor {
		fs.Add(FieldFloor, MsgFloorRange, map[string]any{"Min": MinFloor, "Max": MaxFloor})
	}
	r.normalizeType(&fs)
	r.normalizeFeatures(&fs)
	r.Status = RoomStatus(strings.Join(strings.FieldsFunc(strings.ToLower(string(r.Status)), isStatusSeparator), "_"))
	if r.Status == "" {
		r.Status = RoomVacant
	}
	if !slices.Contains(RoomStatuses, r.Status) {
		fs.Add(FieldStatus, MsgUnknownRoomStatus, map[string]any{"Value": string(r.Status)})
	}
	return fs
}

// isStatusSeparator lets "Out of order" and "out-of-order" mean out_of_order.
func isStatusSeparator(c rune) bool { return c == '_' || c == '-' || unicode.IsSpace(c) }

func (r *Room) normalizeType(fs *errs.Fields) {
	textcheck.Into(fs, FieldType, &r.Type, MaxRoomType, false)
}

func (r *Room) normalizeFeatures(fs *errs.Fields) {
	var out []RoomFeature
	for _, f := range r.Features {
		f = RoomFeature(strings.ToLower(strings.TrimSpace(string(f))))
		switch {
		case f == "" || slices.Contains(out, f):
		case slices.Contains(RoomFeatures, f):
			out = append(out, f)
		default:
			fs.Add(FieldFeatures, MsgUnknownFeature, map[string]any{"Value": string(f)})
		}
	}
	slices.Sort(out)
	r.Features = out
}

// FloorFromNumber tells the floor from a room number the way most hotels number rooms:
// the leading digits less the last two, so "1204" is on 12 and "815" on 8. It reports
// false when the number does not start with at least three digits.
func FloorFromNumber(number string) (int, bool) {
	digits := len(number) - len(strings.TrimLeft(number, "0123456789"))
	if digits < 3 {
		return 0, false
	}
	floor, err := strconv.Atoi(number[:digits-2])
	return floor, err == nil
}

// RoomImportReport is what an import did, or on a dry run or with problems, would do.
type RoomImportReport struct {
	Created, Updated int
	Problems         []csvfile.Problem // by row; when there are any, nothing was stored
}

// Messages about an imported room list. They are translation keys too: keep the texts
// stable.
const (
	MsgImportNoColumn     = "The first row must name the columns and include '{{.Column}}', e.g. number,floor,type,features,status."
	MsgImportColumnTwice  = "The column '{{.Column}}' appears more than once in the first row."
	MsgImportNoRooms      = "The file has no rooms below the first row."
	MsgImportTooManyRooms = "The file has more than {{.Max}} rooms; split it into smaller files."
	MsgImportNoFloor      = "Cannot tell the floor from room number {{.Number}}; fill in its floor."
	MsgImportRoomTwice    = "Room {{.Number}} is already in row {{.Row}} of this file."
)

// Limits of one room list: the rooms of the largest resort, with room to spare.
const (
	MaxImportRooms = 5000
	MaxImportBytes = 8 << 20
)

var importLimits = csvfile.Limits{MaxBytes: MaxImportBytes, MaxRecords: MaxImportRooms, TooMany: MsgImportTooManyRooms}

// The columns of an imported room list, as its first row names them.
const (
	ColumnNumber   = "number"
	ColumnFloor    = "floor"
	ColumnType     = "type"
	ColumnFeatures = "features"
	ColumnStatus   = "status"
)

var importColumns = []string{ColumnNumber, ColumnFloor, ColumnType, ColumnFeatures, ColumnStatus}

// columnOf names the import column of each room form field.
var columnOf = map[string]string{
	FieldRoom: ColumnNumber, FieldFloor: ColumnFloor, FieldType: ColumnType,
	FieldFeatures: ColumnFeatures, FieldStatus: ColumnStatus,
}

// ParseRoomsCSV reads a room list exported from a spreadsheet and returns the rooms of
// the rows without problems, normalised, and every problem found.
//
// The first row names the columns, in any order and any case: number (required), floor,
// type, features and status; other columns are ignored. Without a floor, or with a blank
// one, the floor is told from the number (1204 is on 12). Features are separated by ';',
// ',' or spaces. A blank status, or no status column, leaves Status empty: the import
// keeps the stored status of an existing room and makes a new one vacant. The file is
// read as csvfile reads every import (encodings, separators, quoting, blank rows). A room
// number that appears twice is a problem on its second row.
func ParseRoomsCSV(r io.Reader) ([]Room, []csvfile.Problem) {
	in := csvfile.Read(r, importLimits)
	p := roomParser{firstRow: map[string]int{}, problems: in.Problems}
	p.parse(in.Records)
	return p.rooms, p.problems
}

// roomParser turns the records of a room list into rooms.
type roomParser struct {
	row      int // spreadsheet row of the record being read
	columns  map[string]int
	firstRow map[string]int // room number -> the row it first appeared on
	rooms    []Room
	problems []csvfile.Problem
}

func (p *roomParser) add(column, tmpl string, args map[string]any) {
	p.problems = append(p.problems, csvfile.NewProblem(p.row, column, tmpl, args))
}

func (p *roomParser) parse(recs []csvfile.Record) {
	if len(recs) == 0 {
		if len(p.problems) == 0 {
			p.row = 1
			p.add("", MsgImportNoColumn, map[string]any{"Column": ColumnNumber})
		}
		return
	}
	p.row = recs[0].Row
	if !p.readHeader(recs[0].Cells) {
		return
	}
	for _, rec := range recs[1:] {
		p.row = rec.Row
		p.record(rec.Cells)
	}
	if len(recs) == 1 && len(p.problems) == 0 {
		p.row = recs[0].Row + 1
		p.add("", MsgImportNoRooms, nil)
	}
}

// readHeader finds the columns; it reports false when the file cannot be imported.
func (p *roomParser) readHeader(header []string) bool {
	p.columns = map[string]int{}
	ok := true
	for i, name := range header {
		name = strings.ToLower(strings.TrimSpace(name))
		if !slices.Contains(importColumns, name) {
			continue
		}
		if _, twice := p.columns[name]; twice {
			p.add("", MsgImportColumnTwice, map[string]any{"Column": name})
			ok = false
		}
		p.columns[name] = i
	}
	if _, found := p.columns[ColumnNumber]; !found {
		p.add("", MsgImportNoColumn, map[string]any{"Column": ColumnNumber})
		ok = false
	}
	return ok
}

// cell returns the trimmed value of a column, line breaks made spaces, or "" when the
// file or the row lacks it.
func (p *roomParser) cell(rec []string, column string) string {
	i, ok := p.columns[column]
	if !ok || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(rec[i], "\n", " "))
}

func (p *roomParser) record(rec []string) {
	status := p.cell(rec, ColumnStatus)
	room := Room{
		Number: strings.ToUpper(p.cell(rec, ColumnNumber)),
		Type:   p.cell(rec, ColumnType),
		Status: RoomStatus(status),
	}
	for _, f := range strings.FieldsFunc(p.cell(rec, ColumnFeatures), isFeatureSeparator) {
		room.Features = append(room.Features, RoomFeature(f))
	}
	badFloor, noFloor := false, false
	if cell := p.cell(rec, ColumnFloor); cell != "" {
		floor, err := strconv.Atoi(cell)
		room.Floor, badFloor = floor, err != nil
	} else {
		floor, ok := FloorFromNumber(room.Number)
		room.Floor, noFloor = floor, !ok
	}
	before := len(p.problems)
	fs := room.Normalize()
	for _, e := range fs {
		p.add(columnOf[e.Field], e.Template, e.Args)
	}
	if badFloor {
		p.add(ColumnFloor, MsgFloorRange, map[string]any{"Min": MinFloor, "Max": MaxFloor})
	}
	if noFloor && fs.For(FieldRoom) == nil {
		p.add(ColumnFloor, MsgImportNoFloor, map[string]any{"Number": room.Number})
	}
	if fs.For(FieldRoom) == nil {
		if first, seen := p.firstRow[room.Number]; seen {
			p.add(ColumnNumber, MsgImportRoomTwice, map[string]any{"Number": room.Number, "Row": first})
		} else {
			p.firstRow[room.Number] = p.row
		}
	}
	if len(p.problems) > before {
		return
	}
	if status == "" {
		room.Status = "" // keep the stored status; see ParseRoomsCSV
	}
	p.rooms = append(p.rooms, room)
}

func isFeatureSeparator(c rune) bool { return c == ';' || c == ',' || unicode.IsSpace(c) }
