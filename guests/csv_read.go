package guests

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"frontdesk/errs"
	"frontdesk/resources"
)

// Encodings a PMS export may come in, as the report names them.
const (
	EncodingUTF8        = "UTF-8"
	EncodingUTF8BOM     = "UTF-8 with BOM"
	EncodingUTF16       = "UTF-16"
	EncodingWindows1252 = "Windows-1252"
)

// decodeText turns the bytes of an export into text: UTF-8 with or without a byte-order
// mark, UTF-16 with one (Excel's "Unicode text"), and otherwise Windows-1252, which is
// what older PMS and Excel in Western locales write and which any byte sequence decodes
// as, so "Müller" saved in Latin script never arrives garbled or refused.
func decodeText(data []byte) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return string(data[3:]), EncodingUTF8BOM
	case bytes.HasPrefix(data, []byte("\xFF\xFE")), bytes.HasPrefix(data, []byte("\xFE\xFF")):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if out, err := dec.Bytes(data); err == nil {
			return string(out), EncodingUTF16
		}
	case utf8.Valid(data):
		return string(data), EncodingUTF8
	}
	out, _ := charmap.Windows1252.NewDecoder().Bytes(data) // never fails: every byte maps
	return string(out), EncodingWindows1252
}

// guessComma picks whichever of comma, semicolon and tab the first line uses most
// outside quotes: spreadsheets set to languages that write 1,5 separate with semicolons.
func guessComma(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range text {
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

// record is one row of the file with the spreadsheet row it starts on.
type record struct {
	row   int
	cells []string
}

// Messages about an imported guest file as a whole. They are translation keys too: keep
// the texts stable.
const (
	MsgImportUnreadable = "The file cannot be read from this row on: a quotation mark is missing or misplaced."
	MsgImportNoHeader   = "The first row must name the columns, e.g. Name, E-mail, Phone, Arrival, Departure, Room."
	MsgImportNoName     = "No column holds the guest's name: name the column 'Name', or 'First name' and 'Last name'."
	MsgImportNoRows     = "The file has no guests below the first row."
	MsgImportTooMany    = "The file has more than {{.Max}} rows; split it into smaller files."
	MsgImportTooBig     = "The file is larger than {{.Max}} MB; split it into smaller files."
)

// Limits on one import: a PMS export for a large resort is split by the property.
const (
	MaxImportRows  = 100000
	MaxImportBytes = 64 << 20
)

// readRecords reads every non-blank record with the spreadsheet row it is on: the header
// is row 1, blank lines count as rows, and a quoted cell with line breaks stays in one
// row, as a spreadsheet shows the file.
func readRecords(text string) ([]record, []resources.RowProblem) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = guessComma(text)
	cr.FieldsPerRecord = -1
	var out []record
	row, endLine := 0, 0 // the row of the last record and the file line it ended on
	for {
		cells, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return out, []resources.RowProblem{rowProblem(row+max(pe.StartLine-endLine, 1), "", MsgImportUnreadable, nil)}
		}
		if err != nil {
			return out, []resources.RowProblem{rowProblem(row+1, "", MsgImportUnreadable, nil)}
		}
		start, _ := cr.FieldPos(0)
		last, _ := cr.FieldPos(len(cells) - 1)
		row += start - endLine
		endLine = last + strings.Count(cells[len(cells)-1], "\n")
		if !slices.ContainsFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" }) {
			continue
		}
		if len(out) > MaxImportRows { // the header and MaxImportRows guests
			return out, []resources.RowProblem{rowProblem(row, "", MsgImportTooMany, map[string]any{"Max": MaxImportRows})}
		}
		out = append(out, record{row: row, cells: cells})
	}
}

// rowProblem builds a problem for row in the shape the room import uses, so the UI shows
// both alike.
func rowProblem(row int, column, tmpl string, args map[string]any) resources.RowProblem {
	return resources.RowProblem{Row: row, Column: column, Template: tmpl, Args: args, Message: errs.Render(tmpl, args)}
}
