package resources

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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

// RowProblem is what is wrong with one row of an imported file.
type RowProblem struct {
	Row      int            // as a spreadsheet numbers it: the header is row 1
	Column   string         // the column concerned, e.g. "floor"; empty for the whole row
	Message  string         // in English, ready to show
	Template string         // the template of Message, which is also its translation key
	Args     map[string]any // the values for Template
}

func rowProblem(row int, column, tmpl string, args map[string]any) RowProblem {
	return RowProblem{Row: row, Column: column, Message: errs.Render(tmpl, args), Template: tmpl, Args: args}
}

// RoomImportReport is what an import did, or on a dry run or with problems, would do.
type RoomImportReport struct {
	Created, Updated int
	Problems         []RowProblem // by row; when there are any, nothing was stored
}

// Messages about an imported room list. They are translation keys too: keep the texts
// stable.
const (
	MsgImportNoColumn     = "The first row must name the columns and include '{{.Column}}', e.g. number,floor,type,features,status."
	MsgImportColumnTwice  = "The column '{{.Column}}' appears more than once in the first row."
	MsgImportNoRooms      = "The file has no rooms below the first row."
	MsgImportTooManyRooms = "The file has more than {{.Max}} rooms; split it into smaller files."
	MsgImportUnreadable   = "The file cannot be read from this row on: a quotation mark is missing or misplaced."
	MsgImportReadFailed   = "The file could not be read to the end; nothing was imported. Try again."
	MsgImportNotUTF8      = "This row is not UTF-8 text; save the file as 'CSV UTF-8' and import it again."
	MsgImportNoFloor      = "Cannot tell the floor from room number {{.Number}}; fill in its floor."
	MsgImportRoomTwice    = "Room {{.Number}} is already in row {{.Row}} of this file."
)

// MaxImportRooms is the most rooms one file may hold.
const MaxImportRooms = 5000

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
// UTF-8, with or without a byte-order mark, separated by commas (or by semicolons or tabs
// when the first row is); blank rows are skipped; quoted cells may hold commas and line
// breaks. A room number that appears twice is a problem on its second row.
func ParseRoomsCSV(r io.Reader) ([]Room, []RowProblem) {
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\uFEFF")) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.Comma = guessDelimiter(br)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	p := roomParser{cr: cr, firstRow: map[string]int{}}
	p.parse()
	return p.rooms, p.problems
}

// guessDelimiter picks whichever of comma, semicolon and tab the first line uses most
// outside quotes: a spreadsheet set to a language that writes 1,5 for one and a half
// separates with semicolons.
func guessDelimiter(br *bufio.Reader) rune {
	head, _ := br.Peek(4096)
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(head) {
		if c == '"' {
			quoted = !quoted
		}
		if c == '\n' && !quoted {
			break
		}
		if !quoted {
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// roomParser walks the records of a room list, keeping the spreadsheet row numbers.
type roomParser struct {
	cr       *csv.Reader
	row      int // spreadsheet row of the last record read
	endLine  int // file line on which the last record ended
	columns  map[string]int
	firstRow map[string]int // room number -> the row it first appeared on
	rooms    []Room
	problems []RowProblem
}

func (p *roomParser) add(column, tmpl string, args map[string]any) {
	p.problems = append(p.problems, rowProblem(p.row, column, tmpl, args))
}

// next reads a record that is not blank, or returns nil at the end of the file or when
// the rest cannot be read (a problem then says so).
func (p *roomParser) next() []string {
	for {
		rec, err := p.cr.Read()
		if err == io.EOF {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p.row += max(pe.StartLine-p.endLine, 1)
			p.add("", MsgImportUnreadable, nil)
			return nil
		}
		if err != nil { // the reader failed, not the file's content
			p.row++
			p.add("", MsgImportReadFailed, nil)
			return nil
		}
		start, _ := p.cr.FieldPos(0)
		last, _ := p.cr.FieldPos(len(rec) - 1)
		p.row += start - p.endLine
		p.endLine = last + strings.Count(rec[len(rec)-1], "\n")
		if slices.ContainsFunc(rec, func(c string) bool { return strings.TrimSpace(c) != "" }) {
			return rec
		}
	}
}

func (p *roomParser) parse() {
	header := p.next()
	if header == nil {
		if len(p.problems) == 0 {
			p.row = max(p.row, 1)
			p.add("", MsgImportNoColumn, map[string]any{"Column": ColumnNumber})
		}
		return
	}
	if !p.readHeader(header) {
		return
	}
	headerRow, data := p.row, 0
	for rec := p.next(); rec != nil; rec = p.next() {
		if data++; data > MaxImportRooms {
			p.add("", MsgImportTooManyRooms, map[string]any{"Max": MaxImportRooms})
			return
		}
		p.record(rec)
	}
	if data == 0 && len(p.problems) == 0 {
		p.row = headerRow + 1
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
	for _, c := range rec {
		if !utf8.ValidString(c) {
			p.add("", MsgImportNotUTF8, nil)
			return
		}
	}
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
