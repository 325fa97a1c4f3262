package app

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"frontdesk/handover"
)

// exportFormat is one way to save the handover report.
type exportFormat struct {
	ext   string
	name  string // the button's English label, a translation key
	write func(io.Writer, *handover.Report) error
}

// label is the format's button text.
func (f exportFormat) label() string { return lang.L(f.name) }

// exportFormats are PDF for printing, CSV for a spreadsheet and plain text for a mail.
var exportFormats = []exportFormat{
	{"pdf", "PDF", func(w io.Writer, r *handover.Report) error {
		return handover.WritePDF(w, r, uiLang(), handover.SystemFonts())
	}},
	{"csv", "CSV", handover.WriteCSV},
	{"txt", "Text", func(w io.Writer, r *handover.Report) error { return handover.WriteText(w, r, uiLang()) }},
}

// fileName is "handover-2026-11-23-morning.pdf".
func (f exportFormat) fileName(r *handover.Report) string {
	return fmt.Sprintf("handover-%s-%s.%s", r.Shift.Day.Format("2006-01-02"), r.Shift.Shift, f.ext)
}

// saveAs asks where to save the shown report, then writes it there.
func (s *handoverScreen) saveAs(f exportFormat) {
	if s.report == nil {
		return
	}
	r := s.report
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.u.showError("choose file", err)
			return
		}
		if w != nil {
			s.export(f, r, w, w.URI().Path())
		}
	}, s.u.win)
	d.SetFileName(f.fileName(r))
	d.SetFilter(storage.NewExtensionFileFilter([]string{"." + f.ext}))
	fileWords(d, lang.L("Save the handover report"), lang.L("Save")).Show()
}

// export renders the report off the UI goroutine and writes it to w, which it closes.
func (s *handoverScreen) export(f exportFormat, r *handover.Report, w io.WriteCloser, path string) {
	background(s.u, func(context.Context) (int, error) {
		var b bytes.Buffer
		err := f.write(&b, r)
		if err == nil {
			_, err = w.Write(b.Bytes())
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		return b.Len(), err
	}, func(_ int, err error) {
		if err != nil {
			s.u.showError("export handover", err)
			return
		}
		s.u.confirm(lang.L("Handover report saved to {{.Path}}", map[string]any{"Path": path}))
	})
}
