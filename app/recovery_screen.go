package app

import (
	"context"
	"errors"
	"log"
	"os"
	"os/exec"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/backup"
	"frontdesk/errs"
)

// Recovery is what the start-up screen needs when the database could not be opened.
type Recovery struct {
	Path    string          // the database file
	Err     error           // why it could not be opened
	Damaged bool            // the file is damaged: offer the latest good backup
	Files   backup.Restorer // checks and restores backups
	// Reopen starts Frontdesk again on the restored file; nil starts this program anew
	// with the same arguments.
	Reopen func() error
}

// recoveryScreen explains why Frontdesk cannot start, in words for the desk and details
// for IT, and for a damaged file offers to put the latest good backup in its place.
type recoveryScreen struct {
	u       *UI
	r       Recovery
	latest  backup.File
	status  *widget.Label
	restore *widget.Button
}

// ShowRecovery fills win with the recovery screen for r. The original file is never
// changed: a restore keeps it under a new name.
func ShowRecovery(win fyne.Window, r Recovery) {
	log.Printf("open %s: %v", r.Path, r.Err)
	newUI(win, Services{}).showRecovery(r)
}

func (u *UI) showRecovery(r Recovery) *recoveryScreen {
	if r.Reopen == nil {
		r.Reopen = restartProgram
	}
	s := &recoveryScreen{u: u, r: r, status: widget.NewLabel("")}
	s.status.Wrapping = fyne.TextWrapWord
	s.restore = widget.NewButtonWithIcon(lang.L("Restore this backup"), theme.HistoryIcon(), s.confirm)
	s.restore.Importance = widget.HighImportance
	s.restore.Hide()
	quit := widget.NewButton(lang.L("Quit"), func() { fyne.CurrentApp().Quit() })
	what := widget.NewLabel(message(r.Err))
	what.Wrapping = fyne.TextWrapWord
	what.TextStyle.Bold = true
	body := container.NewVBox(what, widget.NewSeparator(), heading(lang.L("For IT")), s.details(), widget.NewSeparator())
	if r.Damaged {
		body.Add(s.status)
		s.status.SetText(lang.L("Looking for the latest good backup…"))
		s.findBackup()
	}
	buttons := container.NewHBox(layout.NewSpacer(), quit, s.restore)
	card := widget.NewCard(lang.L("Frontdesk cannot open its database"), "", container.NewBorder(nil, buttons, nil, nil, body))
	u.win.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(680, 440), card)))
	return s
}

// details names the file and SQLite's own words, which IT can search for.
func (s *recoveryScreen) details() fyne.CanvasObject {
	cause := s.r.Err
	var e *errs.Error
	if errors.As(cause, &e) && e.Cause != nil {
		cause = e.Cause
	}
	text := lang.L("Database file: {{.Path}}", map[string]any{"Path": s.r.Path}) + "\n" +
		lang.L("Backups: {{.Dir}}", map[string]any{"Dir": backup.DirFor(s.r.Path)}) + "\n" + cause.Error()
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	l.Wrapping = fyne.TextWrapBreak
	l.Selectable = true
	return l
}

// findBackup checks the backups newest first, off the UI goroutine (a full integrity
// check reads every page), and offers the first good one.
func (s *recoveryScreen) findBackup() {
	type found struct {
		file backup.File
		info backup.Info
	}
	background(s.u, func(ctx context.Context) (found, error) {
		f, info, err := backup.LatestGood(ctx, s.r.Files, s.r.Path)
		return found{f, info}, err
	}, func(f found, err error) {
		if err != nil {
			s.status.SetText(message(err) + " " + lang.L("Ask IT to restore a backup, or to move the damaged file away so Frontdesk can start with an empty database."))
			return
		}
		s.latest = f.file
		s.status.SetText(lang.L("Latest good backup: {{.When}} (guests: {{.Guests}}, requests: {{.Requests}}). Changes made after it are not in it.",
			map[string]any{"When": backupTime(f.file), "Guests": f.info.Guests, "Requests": f.info.Requests}))
		s.restore.Show()
	})
}

// backupTime says when a backup was taken, in local time.
func backupTime(f backup.File) string {
	t := f.Taken.Local()
	return shortDate(t) + " " + t.Format("15:04")
}

func (s *recoveryScreen) confirm() {
	dlg := newConfirm(lang.L("Restore the backup?"),
		lang.L("Frontdesk will use the backup of {{.When}}. The damaged file is kept beside it, unchanged, for IT.", map[string]any{"When": backupTime(s.latest)}),
		lang.L("Restore"), func(ok bool) {
			if ok {
				s.doRestore()
			}
		}, s.u.win)
	dlg.SetConfirmImportance(widget.DangerImportance)
	dlg.Show()
}

func (s *recoveryScreen) doRestore() {
	s.restore.Disable()
	s.status.SetText(lang.L("Restoring…"))
	background(s.u, func(ctx context.Context) (string, error) {
		return s.r.Files.Restore(ctx, s.latest.Path, s.r.Path)
	}, func(kept string, err error) {
		if err != nil {
			s.restore.Enable()
			s.status.SetText(message(err))
			return
		}
		log.Printf("restored %s into %s; the damaged file is kept as %s", s.latest.Path, s.r.Path, kept)
		s.status.SetText(lang.L("Restored. The damaged file is kept as {{.Path}}. Frontdesk is starting again…", map[string]any{"Path": kept}))
		if err := s.r.Reopen(); err != nil {
			s.status.SetText(lang.L("Restored. Start Frontdesk again to continue."))
			logErr("start again", err)
		}
	})
}

// restartProgram starts this program again with the same arguments and ends this one.
// It exits at once, with success: the fault that stopped this start is resolved, and
// nothing is open here but this window.
func restartProgram() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	os.Exit(0)
	return nil
}
