package csvfile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Source is a file opened for reading record by record, as many times as an importer
// needs (a first pass to learn the file, a second to import it), without holding it in
// memory: its size, encoding, separator and dialect are known from Open.
type Source struct {
	r        io.ReadSeeker
	lim      Limits
	encoding string
	sep      rune
	escaped  bool // the backslash dialect (see BackslashEscaped)
	warnings []Problem
}

// Open reads a file once to learn it: no larger than lim.MaxBytes; UTF-8 with or without
// a byte-order mark, UTF-16 with one (Excel's "Unicode text"), otherwise Windows-1252
// (older PMS and Excel in Western locales), or the encoding lim names; separated by
// commas, semicolons or tabs, whichever the first line uses most; quoted, or escaped
// with backslashes. A problem means the file cannot be read at all.
func Open(r io.ReadSeeker, lim Limits) (*Source, []Problem) {
	if lim.MaxCell <= 0 {
		lim.MaxCell = DefaultMaxCell
	}
	raw, err := scanRaw(r, lim.MaxBytes)
	switch {
	case err != nil:
		return nil, []Problem{NewProblem(1, "", MsgReadFailed, nil)}
	case raw.size > int64(lim.MaxBytes):
		return nil, []Problem{NewProblem(1, "", MsgTooBig, map[string]any{"Max": lim.MaxBytes >> 20})}
	}
	s := &Source{r: r, lim: lim, encoding: raw.detected()}
	if lim.Encoding != "" {
		if !raw.readableAs(lim.Encoding) {
			return nil, []Problem{NewProblem(1, "", MsgBadChoice, map[string]any{"Encoding": lim.Encoding})}
		}
		s.encoding = lim.Encoding
		if lim.Encoding == EncodingUTF8 && raw.bom == EncodingUTF8BOM {
			s.encoding = EncodingUTF8BOM
		}
	}
	if err := s.learnDialect(); err != nil {
		return nil, []Problem{NewProblem(1, "", MsgReadFailed, nil)}
	}
	return s, nil
}

// Encoding is the encoding the file is read in.
func (s *Source) Encoding() string { return s.encoding }

// Warnings are what the last Each found that may have been read wrongly (see File);
// none when the user chose the encoding.
func (s *Source) Warnings() []Problem { return s.warnings }

// rawFacts are what the bytes of a file tell before decoding.
type rawFacts struct {
	size  int64
	bom   string // EncodingUTF8BOM, EncodingUTF16 or empty
	utf8  bool   // valid UTF-8 after any byte-order mark
	first []byte // the first bytes, to tell the byte-order mark
}

// scanRaw reads the file's bytes once, up to one past max, a chunk at a time.
func scanRaw(r io.ReadSeeker, max int) (rawFacts, error) {
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return rawFacts{}, err
	}
	f := rawFacts{utf8: true}
	buf := make([]byte, 64<<10+utf8.UTFMax)
	carry := 0 // bytes of a character cut at the end of the last chunk
	for f.size <= int64(max) {
		n, err := r.Read(buf[carry : carry+64<<10])
		chunk := buf[:carry+n]
		if f.size == 0 && n > 0 {
			f.first = append([]byte(nil), chunk[:min(n, 3)]...)
			chunk = bytes.TrimPrefix(chunk, []byte("\xEF\xBB\xBF"))
		}
		f.size += int64(n)
		tail := f.checkUTF8(chunk)
		carry = copy(buf, chunk[len(chunk)-tail:])
		if err == io.EOF {
			f.utf8 = f.utf8 && carry == 0
			break
		}
		if err != nil {
			return f, err
		}
	}
	f.bom = bomOf(f.first)
	return f, nil
}

// checkUTF8 checks a chunk but for a character cut at its end, and returns the length
// of that character's bytes, to be checked with the next chunk.
func (f *rawFacts) checkUTF8(data []byte) int {
	cut := len(data)
	for i := 1; i <= utf8.UTFMax && i <= len(data); i++ {
		if utf8.RuneStart(data[len(data)-i]) {
			if !utf8.FullRune(data[len(data)-i:]) {
				cut = len(data) - i
			}
			break
		}
	}
	f.utf8 = f.utf8 && utf8.Valid(data[:cut])
	return len(data) - cut
}

func bomOf(first []byte) string {
	switch s := string(first); {
	case strings.HasPrefix(s, "\xEF\xBB\xBF"):
		return EncodingUTF8BOM
	case strings.HasPrefix(s, "\xFF\xFE"), strings.HasPrefix(s, "\xFE\xFF"):
		return EncodingUTF16
	}
	return ""
}

// detected is the encoding the bytes say: a byte-order mark, else valid UTF-8, else
// Windows-1252, as every byte decodes as it, so "Müller" saved in Latin script never
// arrives refused.
func (f rawFacts) detected() string {
	switch {
	case f.bom != "":
		return f.bom
	case f.utf8:
		return EncodingUTF8
	}
	return EncodingWindows1252
}

// readableAs reports whether the file can be decoded as a chosen encoding.
func (f rawFacts) readableAs(encoding string) bool {
	switch encoding {
	case EncodingUTF8, EncodingUTF8BOM:
		return f.utf8
	case EncodingUTF16:
		return true
	}
	_, ok := charmaps[encoding]
	return ok
}

// text opens the file's text from its start, decoded.
func (s *Source) text() (*bufio.Reader, error) {
	if _, err := s.r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	var r io.Reader = s.r
	switch s.encoding {
	case EncodingUTF8BOM:
		if _, err := io.CopyN(io.Discard, r, 3); err != nil && err != io.EOF {
			return nil, err
		}
	case EncodingUTF8:
	case EncodingUTF16:
		r = transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
	default:
		r = charmaps[s.encoding].NewDecoder().Reader(r)
	}
	return bufio.NewReaderSize(r, 64<<10), nil
}

// learnDialect reads the separator from the first line and tells the dialect from the
// whole text (see BackslashEscaped).
func (s *Source) learnDialect() error {
	text, err := s.text()
	if err != nil {
		return err
	}
	head, err := text.Peek(64 << 10)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return err
	}
	s.sep = Separator(string(head))
	s.escaped, err = backslashEscaped(text, s.sep)
	return err
}

// backslashEscaped reads text to its end, or to the first separator written after a
// backslash (see BackslashEscaped).
func backslashEscaped(text io.RuneReader, sep rune) (bool, error) {
	var prev rune
	for {
		c, _, err := text.ReadRune()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if prev == '\\' && c == sep {
			return true, nil
		}
		prev = c
	}
}

// Each reads the file from its start and calls fn with every non-blank record, the
// header first, numbered as a spreadsheet numbers its rows (the header is row 1, blank
// lines count, a quoted cell with line breaks stays in one row). It returns the problem
// that stopped the reading, if one did (records before it were passed to fn), and the
// error fn returned, which stops it too.
func (s *Source) Each(fn func(Record) error) ([]Problem, error) {
	text, err := s.text()
	if err != nil {
		return []Problem{NewProblem(1, "", MsgReadFailed, nil)}, nil
	}
	w := warner{guessed: s.lim.Encoding == "" && s.encoding == EncodingWindows1252}
	count := 0
	each := func(rec Record) error {
		if count > s.lim.MaxRecords { // the header and MaxRecords records
			return tooMany{NewProblem(rec.Row, "", s.lim.TooMany, map[string]any{"Max": s.lim.MaxRecords})}
		}
		count++
		if s.lim.Encoding == "" {
			w.look(rec)
		}
		return fn(rec)
	}
	if s.escaped {
		err = escapedEach(text, s.sep, s.lim.MaxCell, each)
	} else {
		err = quotedEach(text, s.sep, s.lim.MaxCell, each)
	}
	s.warnings = w.found()
	var stop tooMany
	var bad unreadable
	switch {
	case errors.As(err, &stop):
		return []Problem{stop.p}, nil
	case errors.As(err, &bad):
		return []Problem{NewProblem(bad.row, "", MsgUnreadable, nil)}, nil
	case errors.Is(err, errDecode):
		return []Problem{NewProblem(1, "", MsgReadFailed, nil)}, nil
	}
	return nil, err
}

// tooMany stops the reading at the first record over the limit.
type tooMany struct{ p Problem }

func (e tooMany) Error() string { return e.p.Message }

// unreadable stops the reading where the quoting breaks.
type unreadable struct{ row int }

func (e unreadable) Error() string { return MsgUnreadable }

var errDecode = errors.New("the file could not be decoded")

// warner keeps the first cell that may have been decoded wrongly: any non-ASCII text
// when Windows-1252 was a guess, and text with the marks of a double conversion
// (UTF-8 read as Windows-1252: "Ã¤", "Ã©"; a byte-order mark read as text: "ÿþ", "ï»¿")
// whatever the encoding. A garbled cell is the stronger warning.
type warner struct {
	guessed         bool
	garbled, nonASC *Problem
}

func (w *warner) look(rec Record) {
	for _, c := range rec.Cells {
		if w.garbled == nil {
			if sample, ok := garbled(c); ok {
				p := NewProblem(rec.Row, "", MsgGarbled, map[string]any{"Row": rec.Row, "Sample": sample})
				w.garbled = &p
			}
		}
		if w.guessed && w.nonASC == nil && strings.IndexFunc(c, func(r rune) bool { return r > 0x7F }) >= 0 {
			p := NewProblem(rec.Row, "", MsgGuessed, map[string]any{"Encoding": EncodingWindows1252, "Row": rec.Row, "Sample": c})
			w.nonASC = &p
		}
	}
}

func (w *warner) found() []Problem {
	switch {
	case w.garbled != nil:
		return []Problem{*w.garbled}
	case w.nonASC != nil:
		return []Problem{*w.nonASC}
	}
	return nil
}

// quotedEach reads the quoted dialect through encoding/csv, with every cell bounded by
// a cellGuard.
func quotedEach(text *bufio.Reader, sep rune, maxCell int, fn func(Record) error) error {
	cr := csv.NewReader(&cellGuard{src: text, sep: sep, max: maxCell})
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	row, endLine := 0, 0 // the row of the last record and the file line it ended on
	for {
		cells, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return unreadable{row + max(pe.StartLine-endLine, 1)}
		}
		if err != nil {
			return unreadable{row + 1}
		}
		start, _ := cr.FieldPos(0)
		last, _ := cr.FieldPos(len(cells) - 1)
		row += start - endLine
		endLine = last + strings.Count(cells[len(cells)-1], "\n")
		if blank(cells) {
			continue
		}
		if err := fn(Record{Row: row, Cells: cells, Long: cutCells(cells)}); err != nil {
			return err
		}
	}
}

func blank(cells []string) bool {
	return !slices.ContainsFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" })
}

// cutCells takes the guard's marks out of cells and lists the cells that had one.
func cutCells(cells []string) []int {
	var long []int
	for i, c := range cells {
		if strings.ContainsRune(c, cutMark) {
			cells[i] = strings.ReplaceAll(c, string(cutMark), "")
			long = append(long, i)
		}
	}
	return long
}

// cutMark is where a cellGuard cut a cell: a noncharacter, which no text holds.
const cutMark = '\uFFFF'

// cellGuard passes text to encoding/csv with every cell cut at max bytes, so a cell that
// runs on (a quote never closed) never reaches memory whole. Quotes, separators and
// line breaks always pass, so records and their rows stay where they are; the first
// character dropped from a cell becomes a cutMark.
type cellGuard struct {
	src    *bufio.Reader
	sep    rune
	max    int
	quoted bool // inside quotes: separators and line breaks are text
	n      int  // bytes of the current cell
	cut    bool
	err    error
	// pending is what did not fit into the last Read's buffer.
	pending []byte
}

func (g *cellGuard) Read(p []byte) (int, error) {
	n := copy(p, g.pending)
	g.pending = g.pending[n:]
	var enc [2 * utf8.UTFMax]byte
	for n < len(p) && g.err == nil {
		var c rune
		var size int
		if c, size, g.err = g.src.ReadRune(); g.err != nil {
			break
		}
		k := g.put(enc[:], c, size)
		copied := copy(p[n:], enc[:k])
		g.pending = append(g.pending[:0], enc[copied:k]...)
		n += copied
	}
	if n > 0 {
		return n, nil
	}
	if g.err != nil && g.err != io.EOF {
		return 0, errDecode
	}
	return 0, g.err
}

// put writes what c becomes into p and returns its length.
func (g *cellGuard) put(p []byte, c rune, size int) int {
	switch {
	case c == '"':
		g.quoted = !g.quoted
	case !g.quoted && (c == g.sep || c == '\n'):
		g.n, g.cut = 0, false
	case c == '\n' || c == '\r':
	default:
		g.n += size
		if g.n > g.max {
			if g.cut {
				return 0
			}
			g.cut = true
			c = cutMark
		}
	}
	return utf8.EncodeRune(p, c)
}

// escapedEach reads the backslash dialect: no quoting, and a separator, line break or
// backslash inside a value written after a backslash ("Zimmer mit Balkon\; ruhig").
func escapedEach(text *bufio.Reader, sep rune, maxCell int, fn func(Record) error) error {
	e := escapedRecord{row: 1, start: 1, max: maxCell}
	for {
		c, _, err := text.ReadRune()
		if err == io.EOF {
			break
		}
		if err != nil {
			return errDecode
		}
		if c == '\r' { // CRLF is a line break, inside a value too
			if next, _, err := text.ReadRune(); err == nil && next == '\n' {
				c = '\n'
			} else if err == nil {
				_ = text.UnreadRune()
			}
		}
		if err := e.read(c, sep, fn); err != nil {
			return err
		}
	}
	if e.cell.Len() > 0 || len(e.cells) > 0 {
		return e.flush(fn)
	}
	return nil
}

// escapedRecord is the record an escapedEach is reading.
type escapedRecord struct {
	cells      []string
	long       []int
	cell       strings.Builder
	cut        bool
	row, start int // the line being read, and the line the record started on
	escaped    bool
	max        int
}

func (e *escapedRecord) read(c, sep rune, fn func(Record) error) error {
	switch {
	case e.escaped:
		e.escaped = false
		if c == 'n' {
			c = '\n'
		}
		if c == '\n' {
			e.row++
		}
		e.write(c)
	case c == '\\':
		e.escaped = true
	case c == sep:
		e.endCell()
	case c == '\n':
		if err := e.flush(fn); err != nil {
			return err
		}
		e.row++
		e.start = e.row
	default:
		e.write(c)
	}
	return nil
}

func (e *escapedRecord) write(c rune) {
	if e.cell.Len()+utf8.RuneLen(c) > e.max {
		e.cut = true
		return
	}
	e.cell.WriteRune(c)
}

func (e *escapedRecord) endCell() {
	if e.cut {
		e.long = append(e.long, len(e.cells))
	}
	e.cells = append(e.cells, strings.TrimLeft(e.cell.String(), " "))
	e.cell.Reset()
	e.cut = false
}

func (e *escapedRecord) flush(fn func(Record) error) error {
	e.endCell()
	cells, long := e.cells, e.long
	e.cells, e.long = nil, nil
	if blank(cells) {
		return nil
	}
	return fn(Record{Row: e.start, Cells: cells, Long: long})
}
