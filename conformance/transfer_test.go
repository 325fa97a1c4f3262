package conformance

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

// guestFile is a PMS export of three guests; the third has an e-mail address that is
// not one, and the second is the first again (same e-mail).
const guestFile = "First Name,Last Name,Email,Mobile,Arrival,Departure,Room\r\n" +
	"Dewi,Lestari,dewi@example.com,0812 1111 2222,2026-11-23,2026-11-26,1204\r\n" +
	"Dewi,Lestari,DEWI@example.com,,,,\r\n" +
	"Budi,Santoso,budi@,,,,\r\n"

// atEnd is r read to its end, as a file the import dialog already looked at.
func atEnd(t *testing.T, s string) io.ReadSeeker {
	t.Helper()
	r := strings.NewReader(s)
	if _, err := io.Copy(io.Discard, r); err != nil {
		t.Fatal(err)
	}
	return r
}

// timeless is a report without the times it took, which differ from run to run.
func timeless(rep guests.ImportReport) guests.ImportReport {
	rep.Checked, rep.Stored = 0, 0
	return rep
}

func TestGuestFileIsCheckedThenImportedWithProgress(t *testing.T) {
	checks, imports := bySide[guests.ImportReport]{}, bySide[guests.ImportReport]{}
	progress := bySide[[]donePair]{}
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleShiftManager)
		var calls []donePair
		opt := guests.ImportOptions{DryRun: true, Progress: func(done, total int) { calls = append(calls, donePair{done, total}) }}
		rep, err := d.svc.Transfer.ImportGuestsCSV(ctx, atEnd(t, guestFile), opt)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.DryRun || rep.Rows != 3 || rep.Created != 1 || rep.Merged != 1 || rep.Rejected != 1 || rep.StaysAdded != 1 {
			t.Errorf("check: %+v", rep)
		}
		sameValue(t, "progress of the check", calls, []donePair{{1, 3}, {2, 3}, {3, 3}})
		checks[d.name] = timeless(rep)
		if ms, _ := d.svc.Guests.SearchGuests(ctx, guests.Query{Text: "Lestari"}); len(ms) != 0 {
			t.Errorf("the check stored %d guests", len(ms))
		}

		calls = nil
		opt.DryRun = false
		if rep, err = d.svc.Transfer.ImportGuestsCSV(ctx, strings.NewReader(guestFile), opt); err != nil {
			t.Fatal(err)
		}
		if rep.DryRun || rep.Created != 1 || rep.Merged != 1 || rep.Rejected != 1 {
			t.Errorf("import: %+v", rep)
		}
		if n := len(calls); n == 0 || calls[n-1].Done != calls[n-1].Total {
			t.Errorf("progress of the import: %v", calls)
		}
		imports[d.name], progress[d.name] = timeless(rep), calls
		ms, err := d.svc.Guests.SearchGuests(ctx, guests.Query{Text: "Lestari"})
		if err != nil || len(ms) != 1 || ms[0].Email != "dewi@example.com" || ms[0].Phone != "+6281211112222" || ms[0].Stay == nil {
			t.Errorf("imported guest: %+v, %v", ms, err)
		}
	})
	checks.same(t, "check report")
	imports.same(t, "import report")
	progress.same(t, "progress of the import")
}

func TestUnreadableGuestFileIsReportedNotRefused(t *testing.T) {
	reports := bySide[guests.ImportReport]{}
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleAdministrator)
		rep, err := d.svc.Transfer.ImportGuestsCSV(ctx, strings.NewReader("Room,Arrival\r\n1204,2026-11-23\r\n"), guests.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Problems) == 0 || rep.Created != 0 {
			t.Errorf("a file without names: %+v", rep)
		}
		reports[d.name] = timeless(rep)
	})
	reports.same(t, "report of a file without names")
}

func TestGuestsAreExportedInChunksAndRead(t *testing.T) {
	files := bySide[[]byte]{}
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleShiftManager)
		// Enough guests for a file of several chunks (64 KB each) on the way.
		var in strings.Builder
		in.WriteString("given_name,family_name,email,notes\n")
		const many = 1500
		for i := range many {
			fmt.Fprintf(&in, "Guest%04d,Family %d,guest%04d@example.com,Quiet room please — note %d\n", i, i%7, i, i)
		}
		rep, err := d.svc.Transfer.ImportGuestsCSV(ctx, strings.NewReader(in.String()), guests.ImportOptions{})
		if err != nil || rep.Created != many {
			t.Fatalf("import: %+v, %v", rep, err)
		}
		var out bytes.Buffer
		n, err := d.svc.Transfer.ExportGuestsCSV(ctx, &out, false)
		if err != nil {
			t.Fatal(err)
		}
		if n != many {
			t.Errorf("%d rows exported, want %d", n, many)
		}
		if out.Len() < 2*64<<10 {
			t.Errorf("the export is only %d bytes", out.Len())
		}
		if lines := bytes.Count(out.Bytes(), []byte("\r\n")); lines != many+1 {
			t.Errorf("%d lines, want a header and %d rows", lines, many)
		}
		files[d.name] = out.Bytes()

		// What was exported reads back: every row is someone already stored.
		back, err := d.svc.Transfer.ImportGuestsCSV(ctx, bytes.NewReader(out.Bytes()), guests.ImportOptions{DryRun: true})
		if err != nil || back.Merged != many || back.Created != 0 {
			t.Errorf("the export read back: %+v, %v", back, err)
		}

		var withStays bytes.Buffer
		if n, err = d.svc.Transfer.ExportGuestsCSV(ctx, &withStays, true); err != nil || n != many {
			t.Errorf("export with stays: %d rows, %v", n, err)
		}
		if !bytes.Contains(withStays.Bytes(), []byte("stay_status")) {
			t.Error("the export with stays has no stay columns")
		}
	})
	files.same(t, "exported file")
}

// fullDisk takes room bytes, then fails as a disk that filled up.
type fullDisk struct{ room int }

var errDiskFull = errors.New("no space left on device")

func (w *fullDisk) Write(p []byte) (int, error) {
	if len(p) > w.room {
		n := w.room
		w.room = 0
		return n, errDiskFull
	}
	w.room -= len(p)
	return len(p), nil
}

func TestGuestExportFailsWithTheFilesWriteError(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleShiftManager)
		var in strings.Builder
		in.WriteString("given_name,family_name\n")
		for i := range 3000 {
			fmt.Fprintf(&in, "Guest%04d,Family\n", i)
		}
		if _, err := d.svc.Transfer.ImportGuestsCSV(ctx, strings.NewReader(in.String()), guests.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		_, err := d.svc.Transfer.ExportGuestsCSV(ctx, &fullDisk{room: 10 << 10}, false)
		if !errors.Is(err, errDiskFull) {
			t.Errorf("export to a full disk: %v", err)
		}
	})
}

func TestGuestTransferIsForManagers(t *testing.T) {
	eachDesk(t, func(t *testing.T, d *desk) {
		ctx := d.signIn(t, staff.RoleConcierge)
		_, err := d.svc.Transfer.ImportGuestsCSV(ctx, strings.NewReader(guestFile), guests.ImportOptions{DryRun: true})
		wantProblem(t, err, errs.Invalid, "", staff.MsgManagerOnly)
		var out bytes.Buffer
		_, err = d.svc.Transfer.ExportGuestsCSV(ctx, &out, false)
		wantProblem(t, err, errs.Invalid, "", staff.MsgManagerOnly)
		if out.Len() != 0 {
			t.Errorf("a refused export wrote %d bytes", out.Len())
		}
	})
}
