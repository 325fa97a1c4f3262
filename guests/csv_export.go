package guests

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// exportHeader is the header ExportGuestsCSV writes: field names ParseGuestsCSV reads.
var exportHeader = []string{ColSalutation, ColGivenName, ColFamilyName, ColEmail, ColPhone, ColLanguage, ColLoyalty,
	ColTier, ColVIP, ColCasinoTier, ColNotes}

var stayHeader = []string{ColArrival, ColDeparture, ColRoom, ColStayStatus, ColPartySize}

// CSVWriter writes guests as CSV for a spreadsheet: UTF-8 with a byte-order mark so
// Excel shows every script, CRLF line ends, and cells that a spreadsheet would run as
// a formula (=, +, -, @ first) prefixed with an apostrophe.
type CSVWriter struct {
	w         *csv.Writer
	withStays bool
	rows      int
}

// NewCSVWriter starts a guest file on w with its header; withStays adds the stay columns.
func NewCSVWriter(w io.Writer, withStays bool) (*CSVWriter, error) {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return nil, err
	}
	cw := &CSVWriter{w: csv.NewWriter(w), withStays: withStays}
	cw.w.UseCRLF = true
	header := exportHeader
	if withStays {
		header = append(append([]string{}, exportHeader...), stayHeader...)
	}
	return cw, cw.w.Write(header)
}

// Write adds one guest; with stays it writes the guest once per stay (st may be nil for
// a guest without stays), which ParseGuestsCSV merges back into one guest.
func (cw *CSVWriter) Write(g *Guest, st *Stay) error {
	vip := ""
	if g.VIP {
		vip = "yes"
	}
	row := []string{g.Salutation, g.GivenName, g.FamilyName, g.Email, g.Phone, g.Language, g.LoyaltyNumber,
		string(g.Tier), vip, string(g.CasinoTier), g.Notes}
	if cw.withStays {
		if st != nil {
			row = append(row, st.Arrival.Format("2006-01-02"), st.Departure.Format("2006-01-02"), st.Room,
				string(st.Status), strconv.Itoa(st.PartySize))
		} else {
			row = append(row, "", "", "", "", "")
		}
	}
	for i, c := range row {
		row[i] = defuseFormula(c)
	}
	cw.rows++
	return cw.w.Write(row)
}

// Rows is how many rows were written below the header.
func (cw *CSVWriter) Rows() int { return cw.rows }

// Flush writes what is buffered and reports any error writing.
func (cw *CSVWriter) Flush() error {
	cw.w.Flush()
	return cw.w.Error()
}

// defuseFormula keeps a spreadsheet from running a cell as a formula (CSV injection): a
// guest who gives their name as =HYPERLINK(…) must not reach the manager's Excel as one.
// Phone numbers in E.164 start with '+' and are left as they are.
func defuseFormula(c string) string {
	if c == "" || strings.HasPrefix(c, "+") && strings.Trim(c[1:], "0123456789") == "" {
		return c
	}
	if strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}
