package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/csvfile"
	"frontdesk/guests"
	"frontdesk/staff"
)

// importView lets a manager bring guests and their stays in from the property-management
// system's CSV export, checked first (a dry run listing what would be created, merged and
// rejected), and export every guest to a spreadsheet.
type importView struct {
	u        *UI
	content  fyne.CanvasObject
	choose   *widget.Button
	export   *widget.Button
	stays    *widget.Check
	progress *widget.ProgressBar
	summary  *widget.Label
	columns  *widget.Label
	list     *widget.List
	lines    []guests.ImportLine
	confirm  *widget.Button // stores the checked file; shown only when it may be imported
	file     []byte         // the file last checked: imported on confirm, checked again when the encoding changes
	encoding *widget.Select // how to read the file: detected, or the user's choice
	name     string
}

// encodingAuto is the encoding choice that leaves it to detection.
const encodingAuto = "Detect automatically"

func newImportView(u *UI) *importView {
	v := &importView{u: u, progress: widget.NewProgressBar(), summary: widget.NewLabel(""), columns: subtle("")}
	v.summary.Wrapping = fyne.TextWrapWord
	v.columns.Wrapping = fyne.TextWrapWord
	v.choose = widget.NewButtonWithIcon(lang.L("Import guests from CSV…"), theme.UploadIcon(), v.chooseFile)
	v.export = widget.NewButtonWithIcon(lang.L("Export all guests…"), theme.DownloadIcon(), v.chooseExport)
	v.stays = widget.NewCheck(lang.L("One row per stay"), nil)
	v.confirm = widget.NewButtonWithIcon("", theme.ConfirmIcon(), v.importChecked)
	v.encoding = newSelect(append([]string{lang.L(encodingAuto)}, csvfile.Encodings...), func(string) { v.recheck() })
	v.encoding.SetSelectedIndex(0)
	v.confirm.Importance = widget.HighImportance
	v.confirm.Hide()
	v.progress.Hide()
	v.list = widget.NewList(func() int { return len(v.lines) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.ListItemID, o fyne.CanvasObject) { v.updateLine(v.lines[id], o.(*widget.Label)) })
	help := subtle(lang.L("Columns are found by their names, in English or Indonesian (Name, E-mail, Phone, Loyalty number, Arrival, Departure, Room…). The file is checked first; nothing is stored until you confirm, and then all of it or nothing."))
	help.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(v.choose, widget.NewLabel(lang.L("Encoding")), v.encoding, widget.NewSeparator(), v.export, v.stays)
	top := container.NewVBox(buttons, help, v.progress, v.summary, container.NewHBox(v.confirm), v.columns)
	v.content = container.NewPadded(container.NewBorder(top, nil, nil, nil, v.list))
	return v
}

// reload shows the buttons only to those who may use them.
func (v *importView) reload() {
	if v.u.actor.Role.Can(staff.PermTransferGuests) {
		v.choose.Enable()
		v.export.Enable()
		return
	}
	v.choose.Disable()
	v.export.Disable()
	v.summary.SetText(lang.L(staff.MsgManagerOnly))
}

func (v *importView) chooseFile() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			v.u.showError("choose file", err)
			return
		}
		if rc != nil {
			v.check(rc.URI().Name(), rc)
		}
	}, v.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt", ".tsv"}))
	fileWords(d, lang.L("Choose the guest file"), lang.L("Choose")).Show()
}

// check reads the file off the UI goroutine and runs a dry run on it.
func (v *importView) check(name string, rc io.ReadCloser) {
	v.name, v.file = name, nil
	v.start()
	v.run(func(ctx context.Context) ([]byte, error) {
		defer rc.Close()
		return io.ReadAll(io.LimitReader(rc, guests.MaxImportBytes+1))
	}, true)
}

// recheck checks the file last read again, as the newly chosen encoding reads it.
func (v *importView) recheck() {
	if v.file == nil {
		return
	}
	file := v.file
	v.start()
	v.run(func(context.Context) ([]byte, error) { return file, nil }, true)
}

// chosenEncoding is the encoding picked, or "" to detect it.
func (v *importView) chosenEncoding() string {
	if v.encoding.SelectedIndex() <= 0 {
		return ""
	}
	return v.encoding.Selected
}

// importChecked stores the file the dry run checked.
func (v *importView) importChecked() {
	data := v.file
	v.start()
	v.run(func(context.Context) ([]byte, error) { return data, nil }, false)
}

func (v *importView) start() {
	v.confirm.Hide()
	v.choose.Disable()
	v.lines = nil
	v.list.Refresh()
	v.columns.SetText("")
	v.summary.SetText(lang.L("Reading {{.File}}…", map[string]any{"File": v.name}))
	v.progress.SetValue(0)
	v.progress.Show()
}

type guestImportResult struct {
	report guests.ImportReport
	data   []byte
}

// run gets the file's bytes and imports them (a dry run first), showing progress.
func (v *importView) run(read func(context.Context) ([]byte, error), dryRun bool) {
	t := v.u.svc.Transfer
	ok := t != nil
	encoding := v.chosenEncoding()
	progress := func(done, total int) {
		v.u.do(func() { v.progress.SetValue(float64(done) / float64(max(total, 1))) })
	}
	background(v.u, func(ctx context.Context) (guestImportResult, error) {
		data, err := read(ctx)
		if err != nil || !ok {
			return guestImportResult{}, err
		}
		rep, err := t.ImportGuestsCSV(ctx, bytes.NewReader(data), guests.ImportOptions{DryRun: dryRun, Encoding: encoding, Progress: progress})
		return guestImportResult{rep, data}, err
	}, func(res guestImportResult, err error) {
		v.choose.Enable()
		v.progress.Hide()
		if err != nil {
			v.summary.SetText("")
			v.u.showError("import guests", err)
			return
		}
		if dryRun {
			v.file = res.data
		}
		v.show(res)
	})
}

// show fills the view with a report and, after a clean dry run, offers the import.
func (v *importView) show(res guestImportResult) {
	rep := res.report
	v.lines = rep.Lines
	v.list.Refresh()
	if len(rep.Problems) > 0 {
		msgs := []string{lang.L("Nothing was imported. The file cannot be used:")}
		for _, p := range rep.Problems {
			msgs = append(msgs, fmt.Sprintf("%s %d: %s", lang.L("Row"), p.Row, lang.L(p.Template, p.Args)))
		}
		v.summary.SetText(strings.Join(msgs, "\n"))
		return
	}
	counts := map[string]any{"Rows": rep.Rows, "Created": rep.Created, "Merged": rep.Merged, "Rejected": rep.Rejected, "Stays": rep.StaysAdded}
	if rep.DryRun {
		v.summary.SetText(lang.L("Checked {{.Rows}} rows: {{.Created}} new guests, {{.Merged}} rows merged into a known guest or an earlier row, {{.Rejected}} rejected, {{.Stays}} stays to add. Nothing is stored yet.", counts))
		if rep.Created+rep.Merged > 0 {
			v.confirm.SetText(lang.L("Import {{.Count}} rows now", map[string]any{"Count": rep.Created + rep.Merged}))
			v.confirm.Show()
		}
	} else {
		v.summary.SetText(lang.L("Imported: {{.Created}} new guests, {{.Merged}} rows merged, {{.Stays}} stays added; {{.Rejected}} rows rejected and not imported.", counts))
	}
	if rep.Birthdays > 0 {
		v.summary.SetText(v.summary.Text + "\n" + lang.L("Birthdays from birth dates: {{.Count}}.", map[string]any{"Count": rep.Birthdays}))
	}
	for _, w := range rep.Warnings {
		v.summary.SetText(v.summary.Text + "\n⚠ " + lang.L(w.Template, w.Args))
	}
	v.columns.SetText(columnsText(rep))
}

// columnsText says how the file was read: "UTF-8, dates day/month/year. Nama Tamu →
// name, Surel → email. Ignored: Rate Code".
func columnsText(rep guests.ImportReport) string {
	cols := make([]string, len(rep.Columns))
	for i, c := range rep.Columns {
		cols[i] = c.Header + " → " + c.Field
	}
	text := lang.L("Read as {{.Encoding}}, dates as {{.Order}}. Columns: {{.Columns}}.",
		map[string]any{"Encoding": rep.Encoding, "Order": lang.L(rep.DateOrder), "Columns": strings.Join(cols, ", ")})
	if len(rep.Ignored) > 0 {
		text += " " + lang.L("Ignored: {{.Columns}}.", map[string]any{"Columns": strings.Join(rep.Ignored, ", ")})
	}
	if rep.MaxCell > 0 {
		text += " " + lang.L("Values longer than {{.Max}} KB are not read.", map[string]any{"Max": rep.MaxCell >> 10})
	}
	return text
}

// updateLine is "Row 7 · Dan Wu · rejected: Email: E-mail 'x' is not a valid address."
func (v *importView) updateLine(l guests.ImportLine, label *widget.Label) {
	label.Importance = widget.MediumImportance
	var what string
	switch {
	case l.Outcome == guests.OutcomeMerged && l.InFile > 0:
		what = lang.L("merged into {{.Name}} from row {{.Row}}", map[string]any{"Name": l.Into, "Row": l.InFile})
	case l.Outcome == guests.OutcomeMerged:
		what = lang.L("merged into {{.Name}}, already in Frontdesk", map[string]any{"Name": l.Into})
	default:
		label.Importance = widget.DangerImportance
		reasons := make([]string, len(l.Problems))
		for i, p := range l.Problems {
			reasons[i] = lang.L(p.Template, p.Args)
			if p.Column != "" {
				reasons[i] = p.Column + ": " + reasons[i]
			}
		}
		what = lang.L("rejected") + ": " + strings.Join(reasons, "; ")
	}
	label.SetText(fmt.Sprintf("%s %d · %s · %s", lang.L("Row"), l.Row, l.Name, what))
}

func (v *importView) chooseExport() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			v.u.showError("choose file", err)
			return
		}
		if w != nil {
			v.exportTo(w)
		}
	}, v.u.win)
	d.SetFileName(exportFileName("guests", v.u.now(), ".csv"))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	fileWords(d, lang.L("Save the guest list"), lang.L("Save")).Show()
}

// exportTo writes every guest to w off the UI goroutine and closes it.
func (v *importView) exportTo(w fyne.URIWriteCloser) {
	t := v.u.svc.Transfer
	ok := t != nil
	withStays := v.stays.Checked
	v.export.Disable()
	background(v.u, func(ctx context.Context) (int, error) {
		n, err := 0, ownerOnly(w)
		if err == nil && ok {
			n, err = t.ExportGuestsCSV(ctx, w, withStays)
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		return n, err
	}, func(n int, err error) {
		v.export.Enable()
		if err != nil {
			v.u.showError("export guests", err)
			return
		}
		v.summary.SetText(lang.L("Exported {{.Count}} rows to {{.File}}; the file is readable by you only.",
			map[string]any{"Count": n, "File": w.URI().Name()}))
	})
}

// ownerOnly makes a file Frontdesk is about to write guest data into readable by its
// owner only, before anything is written: the save dialog creates files for everyone.
func ownerOnly(w fyne.URIWriteCloser) error {
	if w.URI().Scheme() != "file" {
		return nil
	}
	return os.Chmod(w.URI().Path(), 0o600)
}

// exportFileName is "guests-2026-11-23.csv" for the day it is made.
func exportFileName(prefix string, now time.Time, ext string) string {
	return prefix + "-" + now.Format("2006-01-02") + ext
}
