package sqlite

import (
	"bytes"
	"fmt"
	"testing"

	"frontdesk/guests"
)

// pmsRows is a PMS export of n rows, one per stay: every fourth row is a returning guest
// (matched by e-mail), the rest are new.
func pmsRows(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Guest Name,Email,Mobile,Membership No,Arrival,Departure,Room,Status\n")
	for i := range n {
		g := i
		if i%4 == 3 {
			g = i - 3
		}
		fmt.Fprintf(&b, "\"Guest%d, Ana\",guest%d@example.com,+62812%07d,FD%06d,%02d/10/2026,%02d/10/2026,%d,Checked Out\n",
			g, g, g, g, 1+i%4*5, 3+i%4*5, 100+i%300)
	}
	return b.Bytes()
}

// BenchmarkImportGuestsCSV measures a real 10,000-row import, which holds the writer for
// its whole transaction: other desks' writes wait this long.
func BenchmarkImportGuestsCSV(b *testing.B) {
	data := pmsRows(10000)
	for b.Loop() {
		b.StopTimer()
		s := benchStore(b, 1000)
		b.StartTimer()
		rep, err := s.ImportGuestsCSV(manager(), bytes.NewReader(data), guests.ImportOptions{})
		if err != nil || rep.Created != 7500 || rep.Merged != 2500 {
			b.Fatalf("%+v %v", rep, err)
		}
	}
}

// BenchmarkEraseGuest measures an erasure in a database of 20,000 guests, secure deletes
// and the checkpoint included.
func BenchmarkEraseGuest(b *testing.B) {
	s := benchStore(b, 20000)
	rows, err := s.reader.Query("SELECT id FROM guests WHERE id NOT IN (SELECT guest_id FROM stays) ORDER BY seq")
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	i := 0
	for b.Loop() {
		if err := s.EraseGuest(manager(), ids[i%len(ids)]); err != nil && i < len(ids) {
			b.Fatal(err)
		}
		i++
	}
}
