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
	"golang.org/x/text/unicode/norm"

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

// eraseDialog asks a manager to type the guest's name before erasing, so a profile is
// never erased by a slip of the mouse.
type eraseDialog struct {
	dlg   *dialog.CustomDialog
	name  *keyEntry
	erase *widget.Button
}

func (u *UI) confirmErase(g guests.Guest, erased func()) *eraseDialog {
	ed := &eraseDialog{name: newEntry()}
	want := g.FullName()
	ed.name.SetPlaceHolder(want)
	explain := widget.NewLabel(lang.L("Erasing removes {{.Name}}'s name, contact details, loyalty number, notes, alerts, preferences and occasions, and the text of their requests and logbook notes. Stays and request times stay, without the name, for the hotel's figures. This cannot be undone.",
		map[string]any{"Name": want}))
	explain.Wrapping = fyne.TextWrapWord
	prompt := widget.NewLabel(lang.L("Type the guest's name to confirm: {{.Name}}", map[string]any{"Name": want}))
	prompt.TextStyle = fyne.TextStyle{Bold: true}
	cancel := widget.NewButton(lang.L("Cancel"), func() { ed.dlg.Hide() })
	ed.erase = widget.NewButtonWithIcon(lang.L("Erase"), theme.DeleteIcon(), func() { u.erase(ed, g, erased) })
	ed.erase.Importance = widget.DangerImportance
	ed.erase.Disable()
	ed.name.OnChanged = func(s string) {
		if sameName(s, want) {
			ed.erase.Enable()
		} else {
			ed.erase.Disable()
		}
	}
	ed.dlg = dialog.NewCustomWithoutButtons(lang.L("Erase this guest's data?"), container.NewVBox(explain, prompt, ed.name), u.win)
	ed.dlg.SetButtons([]fyne.CanvasObject{cancel, ed.erase})
	ed.dlg.Resize(fyne.NewSize(560, 300))
	ed.dlg.Show()
	u.win.Canvas().Focus(ed.name)
	return ed
}

// sameName compares a typed name with the guest's, ignoring case and extra spaces.
func sameName(typed, want string) bool {
	clean := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " ")) }
	return want != "" && clean(typed) == clean(want)
}

func (u *UI) erase(ed *eraseDialog, g guests.Guest, erased func()) {
	svc := u.svc.Privacy
	ed.erase.Disable()
	background(u, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, svc.EraseGuest(ctx, g.ID)
	}, func(_ struct{}, err error) {
		ed.dlg.Hide()
		if err != nil {
			u.showError("erase guest", err)
			return
		}
		dialog.ShowInformation(lang.L("Guest's data erased"), lang.L("{{.Name}}'s data was erased. The erasure is recorded in the audit log.",
			map[string]any{"Name": g.FullName()}), u.win)
		if erased != nil {
			erased()
		}
	})
}
