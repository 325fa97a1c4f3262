package app

import (
	"context"
	"encoding/json"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/guests"
	"frontdesk/staff"
)

// privacyButtons are a manager's answers to a guest who asks what the hotel holds about
// them (a JSON file) or asks to be forgotten; empty for everyone else and for a profile
// already erased. erased runs after an erasure, to show the profile again.
func (u *UI) privacyButtons(p *guests.Profile, erased func()) fyne.CanvasObject {
	box := container.NewHBox()
	if u.svc.Privacy == nil || !u.actor.Role.Can(staff.PermGuestPrivacy) || p.IsErased() {
		return box
	}
	g := p.Guest
	export := widget.NewButtonWithIcon(lang.L("Guest's data"), theme.DownloadIcon(), func() { u.chooseDataExport(g) })
	erase := widget.NewButtonWithIcon(lang.L("Erase…"), theme.DeleteIcon(), func() { u.confirmErase(g, erased) })
	erase.Importance = widget.DangerImportance
	box.Add(export)
	box.Add(erase)
	return box
}

func (u *UI) chooseDataExport(g guests.Guest) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError("choose file", err)
			return
		}
		if w != nil {
			u.exportGuestData(g, w)
		}
	}, u.win)
	d.SetFileName(exportFileName("guest-data-"+fileSafe(g.FullName()), u.now(), ".json"))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	fileWords(d, lang.L("Save the guest's data"), lang.L("Save")).Show()
}

// fileSafe keeps letters and digits of a name for a file name: "Ana Silva" → "Ana-Silva".
func fileSafe(name string) string {
	out := strings.Map(func(r rune) rune {
		if r == ' ' || r == '/' || r == '\\' || r == '.' || r < ' ' {
			return '-'
		}
		return r
	}, name)
	return strings.Trim(out, "-")
}

// exportGuestData writes everything held about the guest to w as JSON, off the UI
// goroutine, and closes w.
func (u *UI) exportGuestData(g guests.Guest, w fyne.URIWriteCloser) {
	svc := u.svc.Privacy
	background(u, func(ctx context.Context) (struct{}, error) {
		err := ownerOnly(w)
		if err == nil {
			var d *guests.DataExport
			if d, err = svc.ExportGuestData(ctx, g.ID); err == nil {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				err = enc.Encode(d)
			}
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		return struct{}{}, err
	}, func(_ struct{}, err error) {
		if err != nil {
			u.showError("export guest data", err)
			return
		}
		dialog.ShowInformation(lang.L("Guest's data saved"), lang.L("Everything Frontdesk holds about {{.Name}} is in {{.File}}, readable by you only. The export is recorded in the audit log.",
			map[string]any{"Name": g.FullName(), "File": w.URI().Name()}), u.win)
	})
}
