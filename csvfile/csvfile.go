// Package csvfile reads the spreadsheet files Frontdesk imports (guest exports from a
// property-management system, room lists): whatever encoding and separator a
// spreadsheet or PMS wrote, with every record numbered as the spreadsheet shows it, and
// every problem tied to its row. The guest and room importers both read through it, so
// a file that one of them accepts the other reads the same way.
package csvfile

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
)

// Problem is what is wrong with one row of an imported file.
type Problem struct {
	Row      int            // as a spreadsheet numbers it: the header is row 1
	Column   string         // the column concerned, e.g. "floor"; empty for the whole row
	Message  string         // in English, ready to show
	Template string         // the template of Message, which is also its translation key
	Args     map[string]any // the values for Template
}

// NewProblem builds the problem of row with its message rendered from tmpl and args.
func NewProblem(row int, column, tmpl string, args map[string]any) Problem {
	return Problem{Row: row, Column: column, Message: errs.Render(tmpl, args), Template: tmpl, Args: args}
}

// Encodings a file may come in, as import reports name them.
const (
	EncodingUTF8        = "UTF-8"
	EncodingUTF8BOM     = "UTF-8 with BOM"
	EncodingUTF16       = "UTF-16"
	EncodingWindows1252 = "Windows-1252"
	EncodingWindows1250 = "Windows-1250"
	EncodingWindows1251 = "Windows-1251"
	EncodingISO88592    = "ISO-8859-2"
)

// Encodings lists what a user may choose when detection guessed wrong: Western,
// Central European and Cyrillic exports of older PMS and Excel.
var Encodings = []string{EncodingUTF8, EncodingUTF16, EncodingWindows1252, EncodingWindows1250, EncodingWindows1251, EncodingISO88592}

var charmaps = map[string]*charmap.Charmap{
	EncodingWindows1252: charmap.Windows1252, EncodingWindows1250: charmap.Windows1250,
	EncodingWindows1251: charmap.Windows1251, EncodingISO88592: charmap.ISO8859_2,
}

// Messages about a file as a whole. They are translation keys too: keep the texts stable.
const (
	MsgUnreadable = "The file cannot be read from this row on: a quotation mark is missing or misplaced."
	MsgReadFailed = "The file could not be read to the end; nothing was imported. Try again."
	MsgTooBig     = "The file is larger than {{.Max}} MB; split it into smaller files."
	MsgBadChoice  = "The file cannot be read as {{.Encoding}}; choose another encoding."

	// Warnings: the file can be read, but its names may have come out wrong.
	MsgGuessed = "The file is not UTF-8 text, so it was read as {{.Encoding}}. If names look wrong (e.g. row {{.Row}}: '{{.Sample}}'), choose the file's encoding and check again."
	MsgGarbled = "Some text looks garbled (row {{.Row}}: '{{.Sample}}'): the file may have been saved in one encoding and read in another. Choose the file's encoding and check again."
)

// Limits bound one file. TooMany is the message (with {{.Max}}) for a file with more
// than MaxRecords records below its header, in the importer's own words ("rooms",
// "rows").
type Limits struct {
	MaxBytes   int
	MaxRecords int
	TooMany    string
	// Encoding reads the file as one of Encodings; empty detects it.
	Encoding string
}

// Record is one non-blank row of the file and the spreadsheet row it starts on.
type Record struct {
	Row   int
	Cells []string
}

// File is what Read found: the encoding it decoded, the records (the header first), and
// the problem that stopped the reading, if one did. Records read before a problem are
// kept, so an importer can still name the columns it saw.
type File struct {
	Encoding string
	Records  []Record
	Problems []Problem
	// Warnings say what may have been read wrongly (the encoding guessed, garbled text),
	// for the user to look at before anything is stored.
	Warnings []Problem
}

// Read reads a whole file within lim: UTF-8 with or without a byte-order mark, UTF-16
// with one (Excel's "Unicode text"), otherwise Windows-1252 (older PMS and Excel in
// Western locales); separated by commas, semicolons or tabs, whichever the first line
// uses most; quoted cells may hold separators and line breaks; blank rows are skipped but
// counted, as a spreadsheet counts them.
func Read(r io.Reader, lim Limits) File {
	data, err := io.ReadAll(io.LimitReader(r, int64(lim.MaxBytes)+1))
	if err != nil {
		return File{Problems: []Problem{NewProblem(1, "", MsgReadFailed, nil)}}
	}
	if len(data) > lim.MaxBytes {
		return File{Problems: []Problem{NewProblem(1, "", MsgTooBig, map[string]any{"Max": lim.MaxBytes >> 20})}}
	}
	text, encoding, err := decodeAs(data, lim.Encoding)
	if err != nil {
		return File{Problems: []Problem{NewProblem(1, "", MsgBadChoice, map[string]any{"Encoding": lim.Encoding})}}
	}
	recs, problems := records(text, lim)
	f := File{Encoding: encoding, Records: recs, Problems: problems}
	if lim.Encoding == "" {
		f.Warnings = warnings(f)
	}
	return f
}

// decodeAs decodes data as encoding, or detects it when encoding is empty.
func decodeAs(data []byte, encoding string) (string, string, error) {
	switch encoding {
	case "":
		text, enc := Decode(data)
		return text, enc, nil
	case EncodingUTF8, EncodingUTF8BOM:
		data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
		if !utf8.Valid(data) {
			return "", "", errors.New("not UTF-8")
		}
		return string(data), EncodingUTF8, nil
	case EncodingUTF16:
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		return string(out), EncodingUTF16, err
	}
	cm, ok := charmaps[encoding]
	if !ok {
		return "", "", errors.New("unknown encoding")
	}
	out, err := cm.NewDecoder().Bytes(data)
	return string(out), encoding, err
}

// warnings looks at the first cells that may have been decoded wrongly: any non-ASCII
// text when Windows-1252 was a guess, and text with the marks of a double conversion
// (UTF-8 read as Windows-1252: "Ã¤", "Ã©"; a byte-order mark read as text: "ÿþ", "ï»¿")
// whatever the encoding.
func warnings(f File) []Problem {
	for _, rec := range f.Records {
		for _, c := range rec.Cells {
			if sample, ok := garbled(c); ok {
				return []Problem{NewProblem(rec.Row, "", MsgGarbled, map[string]any{"Row": rec.Row, "Sample": sample})}
			}
		}
	}
	if f.Encoding != EncodingWindows1252 {
		return nil
	}
	for _, rec := range f.Records {
		for _, c := range rec.Cells {
			if strings.IndexFunc(c, func(r rune) bool { return r > 0x7F }) >= 0 {
				return []Problem{NewProblem(rec.Row, "", MsgGuessed, map[string]any{"Encoding": f.Encoding, "Row": rec.Row, "Sample": c})}
			}
		}
	}
	return nil
}

// garbled reports whether a cell bears the marks of text converted twice, and the cell.
func garbled(cell string) (string, bool) {
	for _, mark := range []string{"ÿþ", "þÿ", "ï»¿", "\uFFFD"} {
		if strings.Contains(cell, mark) {
			return cell, true
		}
	}
	rs := []rune(cell)
	for i := 0; i+1 < len(rs); i++ {
		// Ã or Â then a character from U+0080–U+00BF: the second byte of a two-byte UTF-8
		// letter shown as Windows-1252 or Latin-1 ("Mã¼ller" is not a name; "MÃ¼ller" is
		// Müller read wrongly).
		if (rs[i] == 'Ã' || rs[i] == 'Â') && (rs[i+1] >= 0x80 && rs[i+1] <= 0xBF || strings.ContainsRune("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", rs[i+1])) {
			return cell, true
		}
	}
	return "", false
}

// Decode turns the bytes of a file into text and names the encoding it read. Windows-1252
// is the fallback because every byte sequence decodes as it, so "Müller" saved in Latin
// script never arrives garbled or refused.
func Decode(data []byte) (text, encoding string) {
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

// Separator picks whichever of comma, semicolon and tab the first line uses most outside
// quotes: spreadsheets set to languages that write 1,5 for one and a half separate with
// semicolons.
func Separator(text string) rune {
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

// records reads every non-blank record with the spreadsheet row it is on: the header is
// row 1, blank lines count as rows, and a quoted cell with line breaks stays in one row.
func records(text string, lim Limits) ([]Record, []Problem) {
	sep := Separator(text)
	if BackslashEscaped(text, sep) {
		return escapedRecords(text, sep, lim)
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var out []Record
	row, endLine := 0, 0 // the row of the last record and the file line it ended on
	for {
		cells, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return out, []Problem{NewProblem(row+max(pe.StartLine-endLine, 1), "", MsgUnreadable, nil)}
		}
		if err != nil {
			return out, []Problem{NewProblem(row+1, "", MsgUnreadable, nil)}
		}
		start, _ := cr.FieldPos(0)
		last, _ := cr.FieldPos(len(cells) - 1)
		row += start - endLine
		endLine = last + strings.Count(cells[len(cells)-1], "\n")
		if !slices.ContainsFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" }) {
			continue
		}
		if len(out) > lim.MaxRecords { // the header and MaxRecords records
			return out, []Problem{NewProblem(row, "", lim.TooMany, map[string]any{"Max": lim.MaxRecords})}
		}
		out = append(out, Record{Row: row, Cells: cells})
	}
}

// BackslashEscaped reports whether a file is in the dialect some continental PMS write:
// no quoting, and a separator, line break or backslash inside a value written after a
// backslash ("Zimmer mit Balkon\; ruhig"). A backslash right before the separator
// means nothing else in a quoted file, so one is enough to tell.
func BackslashEscaped(text string, sep rune) bool {
	return strings.Contains(text, "\\"+string(sep))
}

// escapedRecords reads a backslash-escaped file as records does a quoted one.
func escapedRecords(text string, sep rune, lim Limits) ([]Record, []Problem) {
	var out []Record
	var cells []string
	var cell strings.Builder
	row, start := 1, 1 // the line being read, and the line the record started on
	escaped := false
	tooMany := func() []Problem {
		return []Problem{NewProblem(start, "", lim.TooMany, map[string]any{"Max": lim.MaxRecords})}
	}
	flush := func() bool {
		cells = append(cells, cell.String())
		cell.Reset()
		if slices.ContainsFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" }) {
			if len(out) > lim.MaxRecords {
				return false
			}
			trimmed := make([]string, len(cells))
			for i, c := range cells {
				trimmed[i] = strings.TrimLeft(c, " ")
			}
			out = append(out, Record{Row: start, Cells: trimmed})
		}
		cells = nil
		return true
	}
	for _, c := range strings.ReplaceAll(text, "\r\n", "\n") {
		switch {
		case escaped:
			escaped = false
			if c == 'n' {
				c = '\n'
			}
			if c == '\n' {
				row++
			}
			cell.WriteRune(c)
		case c == '\\':
			escaped = true
		case c == sep:
			cells = append(cells, cell.String())
			cell.Reset()
		case c == '\n':
			if !flush() {
				return out, tooMany()
			}
			row++
			start = row
		default:
			cell.WriteRune(c)
		}
	}
	if (cell.Len() > 0 || len(cells) > 0) && !flush() {
		return out, tooMany()
	}
	return out, nil
}
