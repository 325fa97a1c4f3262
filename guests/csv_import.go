package guests

import (
	"cmp"
	"io"
	"strconv"
	"strings"
	"time"

	"frontdesk/csvfile"
)

// ImportFile is a guest file read and checked, before anything is stored.
type ImportFile struct {
	Encoding  string
	DateOrder DateOrder
	Columns   []ColumnMapping
	Ignored   []string
	Rows      []ImportRow
	Problems  []csvfile.Problem // with the file as a whole: nothing can be imported
	Warnings  []csvfile.Problem // what may have been read wrongly (see csvfile.File)
}

// ImportRow is one row of the file: a normalised guest and the stay the row describes,
// or the row's problems.
type ImportRow struct {
	Row      int
	Guest    Guest
	Stay     *Stay     // nil when the row has no dates
	Birthday *Occasion // from a birth date column; nil without one
	Region   string    // the country the row's phone was read in
	Problems []csvfile.Problem
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
)

// ParseGuestsCSV reads a PMS export or spreadsheet of guests and checks every row.
//
// The first row names the columns, in English or Indonesian and in any case ("First
// name", "Nama Tamu", "E-mail Address", "Tanggal Datang", "No. Kamar"; see
// FieldForHeader); unknown columns are ignored and, where two columns mean the same, the
// first is used. A name column may hold "Family, Given" or "Given Family". The file may be
// UTF-8 with or without a byte-order mark, UTF-16 with one, or Windows-1252; separated by
// commas, semicolons or tabs; with quoted cells holding line breaks, and blank rows.
// A row with arrival and departure dates also describes a stay; without a status column
// the status is told from the dates and today. Unknown titles and languages are left
// blank; anything else wrong is a problem of that row. region is the property's country
// for phone numbers without a country code.
func ParseGuestsCSV(r io.Reader, region string, today time.Time) ImportFile {
	return ParseGuestsCSVAs(r, region, today, "")
}

// ParseGuestsCSVAs is ParseGuestsCSV with the file's encoding chosen by the user (one of
// csvfile.Encodings) instead of detected; empty detects it.
func ParseGuestsCSVAs(r io.Reader, region string, today time.Time, encoding string) ImportFile {
	lim := importLimits
	lim.Encoding = encoding
	in := csvfile.Read(r, lim)
	f := ImportFile{Encoding: in.Encoding, DateOrder: DayFirst, Problems: in.Problems, Warnings: in.Warnings}
	recs := in.Records
	if len(recs) == 0 {
		if len(f.Problems) == 0 {
			f.Problems = append(f.Problems, csvfile.NewProblem(1, "", MsgImportNoHeader, nil))
		}
		return f
	}
	p := newRowParser(recs[0], region, today)
	f.Columns, f.Ignored = p.mapping, p.ignored
	if !p.hasName() {
		f.Problems = append(f.Problems, csvfile.NewProblem(recs[0].Row, "", MsgImportNoName, nil))
		return f
	}
	if len(recs) == 1 && len(f.Problems) == 0 {
		f.Problems = append(f.Problems, csvfile.NewProblem(recs[0].Row+1, "", MsgImportNoRows, nil))
	}
	p.order = detectDateOrder(p.dateCells(recs[1:]))
	f.DateOrder = p.order
	for _, rec := range recs[1:] {
		f.Rows = append(f.Rows, p.parse(rec))
	}
	return f
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
	width   int // cells in the header
}

func newRowParser(header csvfile.Record, region string, today time.Time) *rowParser {
	p := &rowParser{columns: map[string]int{}, headers: map[string]string{}, region: region, today: today, width: len(header.Cells)}
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

func (p *rowParser) dateCells(recs []csvfile.Record) []string {
	var out []string
	for _, rec := range recs {
		out = append(out, p.cell(rec, ColArrival), p.cell(rec, ColDeparture), p.cell(rec, ColBirthDate))
	}
	return out
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
	row.Region = p.regionOf(rec)
	row.Guest = p.guest(rec, row.Region, add)
	for _, e := range row.Guest.Normalize(row.Region) {
		add(p.columnOf(rec, e.Field), e.Template, e.Args)
	}
	row.Birthday = p.birthday(rec, add)
	if p.cell(rec, ColArrival) != "" || p.cell(rec, ColDeparture) != "" {
		row.Stay = p.stay(rec, add)
	}
	return row
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
