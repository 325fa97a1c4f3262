package guests

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"
	"strings"
	"time"

	"frontdesk/csvfile"
	"frontdesk/errs"
)

// ImportFile is a guest file opened and checked as a whole (OpenImport): its encoding,
// columns, date order and number of rows, before any row is read for import (EachRow).
// ParseGuestsCSV also holds its rows, read into Rows.
type ImportFile struct {
	Encoding  string
	DateOrder DateOrder
	Columns   []ColumnMapping
	Ignored   []string
	Count     int // rows below the header (blank ones not counted)
	Rows      []ImportRow
	Problems  []csvfile.Problem // with the file as a whole: nothing can be imported
	Warnings  []csvfile.Problem // what may have been read wrongly (see csvfile.File)
	MaxCell   int               // the longest value read, in bytes; a row with a longer one is rejected

	src    *csvfile.Source
	parser *rowParser
}

// ImportRow is one row of the file: a normalised guest and the stay the row describes,
// or the row's problems.
type ImportRow struct {
	Row      int
	Guest    Guest
	Stay     *Stay     // nil when the row has no dates
	Birthday *Occasion // from a birth date column; nil without one
	Region   string    // the country the row's phone was read in
	// Fingerprint identifies a row that names its guest by nothing but a name (no
	// loyalty number, e-mail or phone): the same row imported again is the same guest.
	// Empty for other rows, which their keys identify.
	Fingerprint string
	Problems    []csvfile.Problem
}

// Messages about one row of an imported guest file. They are translation keys too: keep
// the texts stable.
const (
	MsgImportNotDate    = "'{{.Value}}' is not a date; write dates as DD/MM/YYYY or YYYY-MM-DD."
	MsgImportBadTier    = "Unknown tier '{{.Value}}'; use none, silver, gold or platinum."
	MsgImportBadCasino  = "Unknown casino tier '{{.Value}}'; use none, gold, platinum or black."
	MsgImportBadStatus  = "Unknown stay status '{{.Value}}'; use expected, in house, departed or cancelled."
	MsgImportBadNumber  = "'{{.Value}}' is not a whole number."
	MsgImportOtherGuest = "Matches two different guests: {{.First}} and {{.Second}}. Fix the file or merge them in Frontdesk first."
	MsgImportBirthAhead = "Birth date '{{.Value}}' is in the future."
	MsgImportMoreCells  = "This row has {{.Cells}} values but the first row names {{.Columns}} columns: a separator inside a value needs quotes around the value."
	MsgImportLongCell   = "This value is longer than {{.Max}} KB, so it was not read: a quotation mark may be missing before it."
)

// ParseGuestsCSV reads a PMS export or spreadsheet of guests held in memory and checks
// every row (see OpenImport), keeping them all in Rows.
func ParseGuestsCSV(r io.Reader, region string, today time.Time) ImportFile {
	return ParseGuestsCSVAs(r, region, today, "")
}

// ParseGuestsCSVAs is ParseGuestsCSV with the file's encoding chosen by the user (one of
// csvfile.Encodings) instead of detected; empty detects it.
func ParseGuestsCSVAs(r io.Reader, region string, today time.Time, encoding string) ImportFile {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return ImportFile{DateOrder: DayFirst, Problems: []csvfile.Problem{csvfile.NewProblem(1, "", csvfile.MsgReadFailed, nil)}}
	}
	f := OpenImport(bytes.NewReader(data), region, today, encoding)
	if len(f.Problems) == 0 {
		_ = f.EachRow(func(row ImportRow) error {
			f.Rows = append(f.Rows, row)
			return nil
		})
	}
	return *f
}

// OpenImport reads a PMS export or spreadsheet of guests once, to learn it before any
// row is imported: its encoding and separators (see csvfile.Open), its columns, how its
// dates are written, how many rows it has, and any problem that stops it all. The rows
// themselves are read, one at a time, by EachRow, so a file is never held in memory.
//
// The first row names the columns, in English or Indonesian and in any case ("First
// name", "Nama Tamu", "E-mail Address", "Tanggal Datang", "No. Kamar"; see
// FieldForHeader); unknown columns are ignored and, where two columns mean the same, the
// first is used. A name column may hold "Family, Given" or "Given Family". A row with
// arrival and departure dates also describes a stay; without a status column the status
// is told from the dates and today. Unknown titles and languages are left blank;
// anything else wrong is a problem of that row. region is the property's country for
// phone numbers when a row does not say where its guest is from.
func OpenImport(r io.ReadSeeker, region string, today time.Time, encoding string) *ImportFile {
	lim := importLimits
	lim.Encoding = encoding
	f := &ImportFile{DateOrder: DayFirst, MaxCell: csvfile.DefaultMaxCell}
	src, problems := csvfile.Open(r, lim)
	if len(problems) > 0 {
		f.Problems = problems
		return f
	}
	f.src, f.Encoding = src, src.Encoding()
	var votes dateVotes
	var header csvfile.Record
	f.Problems, _ = src.Each(func(rec csvfile.Record) error {
		if f.parser == nil {
			header, f.parser = rec, newRowParser(rec, region, today)
			return nil
		}
		f.Count++
		for _, c := range []string{ColArrival, ColDeparture, ColBirthDate} {
			votes.add(f.parser.cell(rec, c))
		}
		return nil
	})
	f.Warnings = src.Warnings()
	f.DateOrder = votes.order()
	f.check(header)
	return f
}

// check finds what stops the file as a whole: no header, no name column, no rows.
func (f *ImportFile) check(header csvfile.Record) {
	switch {
	case f.parser == nil:
		if len(f.Problems) == 0 {
			f.Problems = append(f.Problems, csvfile.NewProblem(1, "", MsgImportNoHeader, nil))
		}
		return
	case !f.parser.hasName():
		f.Problems = append(f.Problems, csvfile.NewProblem(header.Row, "", MsgImportNoName, nil))
	case f.Count == 0 && len(f.Problems) == 0:
		f.Problems = append(f.Problems, csvfile.NewProblem(header.Row+1, "", MsgImportNoRows, nil))
	}
	f.Columns, f.Ignored = f.parser.mapping, f.parser.ignored
	f.parser.order = f.DateOrder
}

// EachRow reads the file again and calls fn with every row below the header, checked;
// fn's error stops the reading and is returned. Only a file without Problems has rows.
func (f *ImportFile) EachRow(fn func(ImportRow) error) error {
	if len(f.Problems) > 0 {
		return nil
	}
	header := true
	problems, err := f.src.Each(func(rec csvfile.Record) error {
		if header {
			header = false
			return nil
		}
		return fn(f.parser.parse(rec))
	})
	if err == nil && len(problems) > 0 { // the file changed since it was opened
		return errs.New(errs.Invalid, problems[0].Template, problems[0].Args)
	}
	return err
}

// rowParser turns records into guests using the columns the header named.
type rowParser struct {
	columns map[string]int    // field -> cell index
	headers map[string]string // field -> the header as the file writes it
	mapping []ColumnMapping
	ignored []string
	region  string
	today   time.Time
	order   DateOrder
	width   int      // cells in the header
	header  []string // the header's cells, to name a column by its place
}

func newRowParser(header csvfile.Record, region string, today time.Time) *rowParser {
	p := &rowParser{columns: map[string]int{}, headers: map[string]string{}, region: region, today: today,
		width: len(header.Cells), header: header.Cells}
	for i, h := range header.Cells {
		h = strings.TrimSpace(h)
		field := FieldForHeader(h)
		if _, taken := p.columns[field]; field == "" || taken {
			if h != "" {
				p.ignored = append(p.ignored, h)
			}
			continue
		}
		p.columns[field], p.headers[field] = i, h
		p.mapping = append(p.mapping, ColumnMapping{Header: h, Field: field})
	}
	return p
}

func (p *rowParser) hasName() bool {
	for _, c := range []string{ColFullName, ColGivenName, ColFamilyName} {
		if _, ok := p.columns[c]; ok {
			return true
		}
	}
	return false
}

// cell returns a column's value, trimmed; line breaks become spaces except in notes.
func (p *rowParser) cell(rec csvfile.Record, field string) string {
	i, ok := p.columns[field]
	if !ok || i >= len(rec.Cells) {
		return ""
	}
	v := strings.TrimSpace(rec.Cells[i])
	if len(v) > 1 && v[0] == '\'' && strings.ContainsRune("=+-@", rune(v[1])) {
		v = v[1:] // the apostrophe CSVWriter puts before what a spreadsheet would run
	}
	if field != ColNotes {
		v = strings.Join(strings.Fields(v), " ")
	}
	return v
}

func (p *rowParser) parse(rec csvfile.Record) ImportRow {
	row := ImportRow{Row: rec.Row}
	add := func(field, tmpl string, args map[string]any) {
		row.Problems = append(row.Problems, csvfile.NewProblem(rec.Row, p.headers[field], tmpl, args))
	}
	if n := filledWidth(rec.Cells); n > p.width {
		// the columns have shifted: any other message about this row would mislead
		add("", MsgImportMoreCells, map[string]any{"Cells": n, "Columns": p.width})
		return row
	}
	if len(rec.Long) > 0 { // a value cut short would be stored wrong
		row.Guest = p.guest(rec, p.region, func(string, string, map[string]any) {}) // for the report's name
		column := ""
		if i := rec.Long[0]; i < len(p.header) {
			column = strings.TrimSpace(p.header[i])
		}
		row.Problems = append(row.Problems, csvfile.NewProblem(rec.Row, column, MsgImportLongCell, map[string]any{"Max": csvfile.DefaultMaxCell >> 10}))
		return row
	}
	row.Region = p.regionOf(rec)
	row.Guest = p.guest(rec, row.Region, add)
	for _, e := range row.Guest.Normalize(row.Region) {
		add(p.columnOf(rec, e.Field), e.Template, e.Args)
	}
	row.Birthday = p.birthday(rec, add)
	if len(MatchKeys(&row.Guest)) == 0 {
		row.Fingerprint = fingerprint(rec.Cells)
	}
	if p.cell(rec, ColArrival) != "" || p.cell(rec, ColDeparture) != "" {
		row.Stay = p.stay(rec, add)
	}
	return row
}

// fingerprint is a digest of a row's cells, trimmed, so the same row in a file saved
// again (other line endings, trailing blanks) has the same one.
func fingerprint(cells []string) string {
	h := sha256.New()
	for _, c := range cells[:filledWidth(cells)] {
		h.Write([]byte(strings.TrimSpace(c)))
		h.Write([]byte{0x1f})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// filledWidth is the number of cells up to the last one that holds something.
func filledWidth(cells []string) int {
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	return n
}

// columnOf names the column a guest or stay field of rec was read from.
func (p *rowParser) columnOf(rec csvfile.Record, field string) string {
	switch field {
	case FieldPhone:
		if p.cell(rec, ColPhone) == "" && p.cell(rec, ColMobile) != "" {
			return ColMobile
		}
		return ColPhone
	case FieldGivenName, FieldFamilyName:
		col := map[string]string{FieldGivenName: ColGivenName, FieldFamilyName: ColFamilyName}[field]
		if _, ok := p.columns[col]; ok {
			return col
		}
		return ColFullName
	case FieldStatus:
		return ColStayStatus
	}
	return map[string]string{
		FieldSalutation: ColSalutation, FieldEmail: ColEmail, FieldPhone: ColPhone, FieldLanguage: ColLanguage,
		FieldLoyalty: ColLoyalty, FieldTier: ColTier, FieldCasinoTier: ColCasinoTier, FieldNotes: ColNotes,
		FieldArrival: ColArrival, FieldDeparture: ColDeparture, FieldRoom: ColRoom, FieldPartySize: ColPartySize,
	}[field]
}

type addFunc func(field, tmpl string, args map[string]any)

func (p *rowParser) guest(rec csvfile.Record, region string, add addFunc) Guest {
	g := Guest{
		Salutation:    salutationOf[headerKey(p.cell(rec, ColSalutation))],
		GivenName:     p.cell(rec, ColGivenName),
		FamilyName:    p.cell(rec, ColFamilyName),
		Email:         p.cell(rec, ColEmail),
		Phone:         p.phone(cmp.Or(p.cell(rec, ColPhone), p.cell(rec, ColMobile)), region),
		Language:      languageOf[headerKey(p.cell(rec, ColLanguage))],
		LoyaltyNumber: p.cell(rec, ColLoyalty),
		VIP:           vipValue(p.cell(rec, ColVIP)),
		Notes:         p.cell(rec, ColNotes),
	}
	if g.GivenName == "" && g.FamilyName == "" {
		g.GivenName, g.FamilyName = splitFullName(p.cell(rec, ColFullName))
	}
	var ok bool
	if v := p.cell(rec, ColTier); v != "" {
		if g.Tier, ok = tierOf[headerKey(v)]; !ok {
			add(ColTier, MsgImportBadTier, map[string]any{"Value": v})
		}
	}
	if v := p.cell(rec, ColCasinoTier); v != "" {
		if g.CasinoTier, ok = casinoOf[headerKey(v)]; !ok {
			add(ColCasinoTier, MsgImportBadCasino, map[string]any{"Value": v})
		}
	}
	return g // an unknown tier is left empty, which Normalize makes none
}

// phone reads a phone cell in the row's region. A spreadsheet that took the number for
// a number drops its '+' (6281234567890): digits that are not a number of the region
// are tried as an international number.
func (p *rowParser) phone(v, region string) string {
	if v == "" || strings.HasPrefix(v, "0") || strings.HasPrefix(v, "+") {
		return v
	}
	if _, ok := NormalizePhone(v, region); ok {
		return v
	}
	if e164, ok := NormalizePhone("+"+v, region); ok {
		return e164
	}
	return v
}

// regionOf is the country whose numbering plan the row's phone is read in: the country
// column, else the nationality, else the country an address ends with ("…, London,
// United Kingdom"), else the property's.
func (p *rowParser) regionOf(rec csvfile.Record) string {
	for _, v := range []string{p.cell(rec, ColCountry), p.cell(rec, ColNationality), lastAddressPart(p.cell(rec, ColAddress))} {
		if r, ok := RegionOf(v); ok && v != "" {
			return r
		}
	}
	return p.region
}

// lastAddressPart is what follows an address's last comma: where addresses name a
// country, it is there.
func lastAddressPart(address string) string {
	if i := strings.LastIndexAny(address, ",\n"); i >= 0 {
		return strings.TrimSpace(address[i+1:])
	}
	return ""
}

// birthday reads the birth date column as a birthday occasion (29 February stays 29
// February). A date in the future, or one that is not a date, is a problem of the row.
func (p *rowParser) birthday(rec csvfile.Record, add addFunc) *Occasion {
	v := p.cell(rec, ColBirthDate)
	if v == "" {
		return nil
	}
	d, ok := ParseImportDate(v, p.order)
	if !ok {
		add(ColBirthDate, MsgImportNotDate, map[string]any{"Value": v})
		return nil
	}
	if d.After(p.today) {
		add(ColBirthDate, MsgImportBirthAhead, map[string]any{"Value": v})
		return nil
	}
	o := &Occasion{Kind: OccasionBirthday, Month: d.Month(), Day: d.Day(), Year: d.Year()}
	for _, e := range o.Normalize() {
		add(ColBirthDate, e.Template, e.Args)
		return nil
	}
	return o
}

func (p *rowParser) stay(rec csvfile.Record, add addFunc) *Stay {
	st := &Stay{Room: p.cell(rec, ColRoom)}
	notDate := map[string]bool{}
	for _, d := range []struct {
		column string
		field  string
		dst    *time.Time
	}{{ColArrival, FieldArrival, &st.Arrival}, {ColDeparture, FieldDeparture, &st.Departure}} {
		v := p.cell(rec, d.column)
		if v == "" {
			continue
		}
		var ok bool
		if *d.dst, ok = ParseImportDate(v, p.order); !ok {
			add(d.column, MsgImportNotDate, map[string]any{"Value": v})
			notDate[d.field] = true
		}
	}
	st.Status = p.stayStatus(rec, st, add)
	st.PartySize = p.count(rec, ColPartySize, 1, add) + p.count(rec, ColChildren, 0, add)
	for _, e := range st.Normalize() {
		if !notDate[e.Field] { // "enter the date" after "not a date" says nothing new
			add(p.columnOf(rec, e.Field), e.Template, e.Args)
		}
	}
	return st
}

// stayStatus reads the status column; without one, a stay that has ended is departed, one
// running today with a room is in house, and the rest are expected.
func (p *rowParser) stayStatus(rec csvfile.Record, st *Stay, add addFunc) StayStatus {
	if v := p.cell(rec, ColStayStatus); v != "" {
		s, ok := stayStatusOf[headerKey(v)]
		if !ok {
			add(ColStayStatus, MsgImportBadStatus, map[string]any{"Value": v})
			return StayExpected
		}
		return s
	}
	today := time.Date(p.today.Year(), p.today.Month(), p.today.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case !st.Departure.IsZero() && !st.Departure.After(today):
		return StayDeparted
	case !st.Arrival.After(today) && st.Room != "":
		return StayInHouse
	}
	return StayExpected
}

// count reads a whole number of people; blank is def.
func (p *rowParser) count(rec csvfile.Record, field string, def int, add addFunc) int {
	v := p.cell(rec, field)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(v, ".0"), ",0"))
	if err != nil || n < 0 {
		add(field, MsgImportBadNumber, map[string]any{"Value": v})
		return def
	}
	return n
}
