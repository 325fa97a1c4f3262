package guests

import "frontdesk/csvfile"

// Messages about an imported guest file as a whole. They are translation keys too: keep
// the texts stable. The file's encoding, separators and quoting are csvfile's.
const (
	MsgImportNoHeader = "The first row must name the columns, e.g. Name, E-mail, Phone, Arrival, Departure, Room."
	MsgImportNoName   = "No column holds the guest's name: name the column 'Name', or 'First name' and 'Last name'."
	MsgImportNoRows   = "The file has no guests below the first row."
	MsgImportTooMany  = "The file has more than {{.Max}} rows; split it into smaller files."
)

// Limits on one import: a PMS export for a large resort is split by the property.
const (
	MaxImportRows  = 100000
	MaxImportBytes = 64 << 20
)

// importLimits bound a guest file.
var importLimits = csvfile.Limits{MaxBytes: MaxImportBytes, MaxRecords: MaxImportRows, TooMany: MsgImportTooMany}
