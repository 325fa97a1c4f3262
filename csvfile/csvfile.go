// Package csvfile reads the spreadsheet files Frontdesk imports (guest exports from a
// property-management system, room lists): whatever encoding and separator a
// spreadsheet or PMS wrote, with every record numbered as the spreadsheet shows it, and
// every problem tied to its row. The guest and room importers both read through it, so
// a file that one of them accepts the other reads the same way.
package csvfile

import (
	"bytes"
	"io"
	"strings"

	"golang.org/x/text/encoding/charmap"

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
	// MaxCell is the longest value a cell may hold, in bytes (DefaultMaxCell when 0):
	// what is longer is cut there, not read into memory, and the record says so (Long).
	MaxCell int
	// Encoding reads the file as one of Encodings; empty detects it.
	Encoding string
}

// DefaultMaxCell bounds a cell when Limits does not: no name, note or address a guest
// file holds comes near it, and a file with a runaway cell (a missing closing quote in
// a 60 MB export) is read in bounded memory.
const DefaultMaxCell = 32 << 10

// Record is one non-blank row of the file and the spreadsheet row it starts on.
type Record struct {
	Row   int
	Cells []string
	// Long lists the cells cut at Limits.MaxCell: the row's values are not all there.
	Long []int
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

// Read reads a whole file held in memory within lim (see Open and Source.Each): the room
// importer's files are small, and tests read through it.
func Read(r io.Reader, lim Limits) File {
	data, err := io.ReadAll(io.LimitReader(r, int64(lim.MaxBytes)+1))
	if err != nil {
		return File{Problems: []Problem{NewProblem(1, "", MsgReadFailed, nil)}}
	}
	src, problems := Open(bytes.NewReader(data), lim)
	if len(problems) > 0 {
		return File{Problems: problems}
	}
	f := File{Encoding: src.Encoding()}
	f.Problems, _ = src.Each(func(rec Record) error {
		f.Records = append(f.Records, rec)
		return nil
	})
	f.Warnings = src.Warnings()
	return f
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

// BackslashEscaped reports whether a file is in the dialect some continental PMS write:
// no quoting, and a separator, line break or backslash inside a value written after a
// backslash ("Zimmer mit Balkon\; ruhig"). A backslash right before the separator
// means nothing else in a quoted file, so one is enough to tell.
func BackslashEscaped(text string, sep rune) bool {
	escaped, _ := backslashEscaped(strings.NewReader(text), sep)
	return escaped
}
