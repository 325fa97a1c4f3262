package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"frontdesk/guests"
)

// eraseDialog asks a manager to type the guest's name before erasing, so a profile is
// never erased by a slip of the mouse. It says what else the erasure involves — the
// database's one-time compaction, the backups that still hold the guest and how long,
// files exported earlier — offers to erase the guest from the kept backups too, and
// stays until the erasure is done or says why a copy remains.
type eraseDialog struct {
	u       *UI
	g       guests.Guest
	erased  func() // shows the profile again once its rows are erased
	shown   bool   // erased has run
	plan    guests.ErasurePlan
	dlg     *dialog.CustomDialog
	name    *keyEntry
	erase   *widget.Button
	cancel  *widget.Button
	outlook *widget.Label // the compaction and the backups, once looked into
	backups *widget.Check // also erase the guest from the kept backups
	status  *widget.Label // what is happening now
	working *widget.ProgressBarInfinite
	bar     *widget.ProgressBar // backups done
}

func (u *UI) confirmErase(g guests.Guest, erased func()) *eraseDialog {
	ed := &eraseDialog{u: u, g: g, erased: erased, name: newEntry(), status: widget.NewLabel(""),
		outlook: widget.NewLabel(lang.L("Looking into the backups…")), backups: widget.NewCheck("", nil),
		working: widget.NewProgressBarInfinite(), bar: widget.NewProgressBar()}
	want := g.FullName()
	ed.name.SetPlaceHolder(want)
	explain := widget.NewLabel(lang.L("Erasing removes {{.Name}}'s name, contact details, loyalty number, notes, alerts, preferences and occasions, and the text of their requests and logbook notes. Stays and request times stay, without the name, for the hotel's figures. This cannot be undone.",
		map[string]any{"Name": want}))
	for _, l := range []*widget.Label{explain, ed.outlook, ed.status} {
		l.Wrapping = fyne.TextWrapWord
	}
	prompt := widget.NewLabel(lang.L("Type the guest's name to confirm: {{.Name}}", map[string]any{"Name": want}))
	prompt.TextStyle = fyne.TextStyle{Bold: true}
	ed.cancel = widget.NewButton(lang.L("Cancel"), func() { ed.dlg.Hide() })
	ed.name.onEscape = func() {
		if !ed.cancel.Disabled() {
			ed.dlg.Hide()
		}
	}
	ed.erase = widget.NewButtonWithIcon(lang.L("Erase"), theme.DeleteIcon(), ed.start)
	ed.erase.Importance = widget.DangerImportance
	ed.erase.Disable()
	ed.name.OnChanged = func(s string) {
		if sameName(s, want) {
			ed.erase.Enable()
		} else {
			ed.erase.Disable()
		}
	}
	ed.backups.Hide()
	ed.working.Hide()
	ed.bar.Hide()
	body := container.NewVBox(explain, ed.outlook, ed.backups, prompt, ed.name, ed.status, ed.working, ed.bar)
	ed.dlg = dialog.NewCustomWithoutButtons(lang.L("Erase this guest's data?"), body, u.win)
	ed.dlg.SetButtons([]fyne.CanvasObject{ed.cancel, ed.erase})
	ed.dlg.Resize(fyne.NewSize(600, 420))
	ed.dlg.Show()
	u.win.Canvas().Focus(ed.name)
	ed.loadPlan()
	return ed
}

// sameName compares a typed name with the guest's, ignoring case and extra spaces.
func sameName(typed, want string) bool {
	clean := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " ")) }
	return want != "" && clean(typed) == clean(want)
}

// loadPlan looks into the database and its backups in the background.
func (ed *eraseDialog) loadPlan() {
	svc, id := ed.u.svc.Privacy, ed.g.ID
	background(ed.u, func(ctx context.Context) (guests.ErasurePlan, error) {
		return svc.PlanErasure(ctx, id)
	}, ed.showPlan)
}

func (ed *eraseDialog) showPlan(p guests.ErasurePlan, err error) {
	if err != nil {
		logErr("plan erasure", err)
		ed.outlook.SetText(lang.L("Frontdesk could not look into the backups; those made before now may still hold this guest's data until they are replaced."))
		return
	}
	ed.plan = p
	ed.outlook.SetText(outlookText(p, ed.g.FullName()))
	if p.Backups > 0 {
		ed.backups.Text = lang.L("Also erase {{.Name}} from these backups (each is rewritten and checked; this takes a while)", map[string]any{"Name": ed.g.FullName()})
		ed.backups.Show()
		ed.backups.Refresh()
	}
}

// outlookText says what the erasure involves beyond the guest's rows.
func outlookText(p guests.ErasurePlan, name string) string {
	args := map[string]any{"Name": name, "Count": p.Backups, "Days": p.KeepBackups, "Keep": p.KeepBackups, "Dir": p.BackupDir}
	var parts []string
	if p.Compaction {
		parts = append(parts, lang.L("The first erasure also compacts the whole database once, removing earlier versions of changed data: on a large database this takes several minutes, during which other desks cannot save. IT can run it ahead at a quiet hour with 'frontdesk compact'."))
	}
	if p.Backups == 0 {
		parts = append(parts, lang.L("No kept backup holds {{.Name}}'s data. Files exported earlier are beyond Frontdesk's reach.", args))
		return strings.Join(parts, "\n\n")
	}
	parts = append(parts, lang.N("{{.Count}} backup made before now holds {{.Name}}'s data.", p.Backups, args)+" "+
		lang.L("The schedule replaces kept backups within {{.Days}} days (it keeps {{.Keep}} daily and {{.Keep}} shift-change backups in {{.Dir}}); backups made with 'frontdesk backup' stay until {{.Keep}} newer ones are made. Files exported earlier are beyond Frontdesk's reach.", args))
	return strings.Join(parts, "\n\n")
}

// start erases the guest's rows (and, on a file not yet compacted, compacts it) in the
// background; erasing again after a copy remained only removes the copy.
func (ed *eraseDialog) start() {
	ed.name.Disable()
	ed.erase.Disable()
	ed.backups.Disable()
	ed.cancel.Disable()
	if ed.plan.Compaction {
		ed.status.SetText(lang.L("Erasing, then compacting the database once; this may take several minutes. Keep Frontdesk open."))
	} else {
		ed.status.SetText(lang.L("Erasing…"))
	}
	ed.working.Show()
	ed.working.Start()
	svc, id := ed.u.svc.Privacy, ed.g.ID
	background(ed.u, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, svc.EraseGuest(ctx, id)
	}, func(_ struct{}, err error) { ed.afterErase(err) })
}

func (ed *eraseDialog) afterErase(err error) {
	ed.working.Stop()
	ed.working.Hide()
	switch {
	case errors.Is(err, guests.ErrCopyInLog):
		ed.rowsErased()
		ed.status.SetText(message(err))
		ed.erase.SetText(lang.L("Try again"))
		ed.erase.Enable()
		ed.cancel.SetText(lang.L("Close"))
		ed.cancel.Enable()
	case err != nil:
		ed.dlg.Hide()
		ed.u.showError("erase guest", err)
	case ed.backups.Checked:
		ed.rowsErased()
		ed.eraseBackups()
	default:
		ed.finish(guests.BackupErasure{}, nil)
	}
}

// rowsErased shows the profile again, once.
func (ed *eraseDialog) rowsErased() {
	if !ed.shown && ed.erased != nil {
		ed.erased()
	}
	ed.shown = true
}

// eraseBackups erases the guest from the kept backups, one file at a time, with a bar.
func (ed *eraseDialog) eraseBackups() {
	ed.status.SetText(lang.L("Erasing {{.Name}} from the backups…", map[string]any{"Name": ed.g.FullName()}))
	ed.bar.SetValue(0)
	ed.bar.Show()
	progress := func(done, total int) {
		ed.u.do(func() { ed.bar.SetValue(float64(done) / float64(max(total, 1))) })
	}
	svc, id := ed.u.svc.Privacy, ed.g.ID
	background(ed.u, func(ctx context.Context) (guests.BackupErasure, error) {
		return svc.EraseGuestFromBackups(ctx, id, progress)
	}, ed.finish)
}

// finish closes the dialog and says what was erased, and what still holds the guest.
func (ed *eraseDialog) finish(res guests.BackupErasure, err error) {
	ed.dlg.Hide()
	ed.rowsErased()
	if err != nil {
		ed.u.showError("erase guest from backups", err)
		return
	}
	args := map[string]any{"Name": ed.g.FullName(), "Count": res.Erased, "Days": ed.plan.KeepBackups}
	msg := lang.L("{{.Name}}'s data was erased. The erasure is recorded in the audit log.", args)
	switch {
	case res.Erased > 0:
		msg = lang.N("{{.Name}}'s data was erased, here and from {{.Count}} backup. The erasure is recorded in the audit log.", res.Erased, args)
	case ed.plan.Backups > 0:
		msg += "\n\n" + lang.L("Backups made before now keep it until the schedule replaces them, within {{.Days}} days.", args)
	}
	dialog.ShowInformation(lang.L("Guest's data erased"), msg, ed.u.win)
}
