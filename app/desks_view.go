package app

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/desks"
)

// desksView lists the desks paired with the server, for administrators: a new desk is
// paired with a one-time code made here, and a lost or replaced PC is revoked.
type desksView struct {
	u       *UI
	content fyne.CanvasObject
	all     []desks.Desk
	list    *widget.List
	pair    *widget.Button
}

func newDesksView(u *UI) *desksView {
	v := &desksView{u: u}
	v.list = widget.NewList(func() int { return len(v.all) }, v.newRow, v.updateRow)
	v.pair = widget.NewButtonWithIcon(lang.L("Pair a new desk"), theme.ContentAddIcon(), v.newCode)
	v.pair.Importance = widget.HighImportance
	intro := subtle(lang.L("Every PC that works on this server is listed here. Revoke a desk that is lost, stolen or replaced: it is refused at once, and whoever was signed in there is signed out."))
	intro.Wrapping = fyne.TextWrapWord
	v.content = container.NewPadded(container.NewBorder(container.NewBorder(nil, nil, nil, v.pair, intro), nil, nil, nil, v.list))
	return v
}

func (v *desksView) reload() {
	background(v.u, v.u.svc.Desks.ListDesks, func(ds []desks.Desk, err error) {
		if err != nil {
			v.u.showError("list desks", err)
			return
		}
		v.all = ds
		v.list.Refresh()
	})
}

func (v *desksView) newRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	detail := widget.NewLabel("")
	revoke := widget.NewButtonWithIcon(lang.L("Revoke"), theme.CancelIcon(), nil)
	revoke.Importance = widget.DangerImportance
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(220, name.MinSize().Height), name), revoke, detail)
}

func (v *desksView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	d := v.all[id]
	row.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(d.Name)
	row.Objects[0].(*widget.Label).SetText(v.describe(d))
	revoke := row.Objects[2].(*widget.Button)
	revoke.OnTapped = func() { v.revoke(d) }
	revoke.Hidden = d.Revoked()
	revoke.Refresh()
}

// describe is "paired 23 Nov 09:30 by Wayan Sudarma · last call 14:02", or when it was
// revoked and by whom.
func (v *desksView) describe(d desks.Desk) string {
	now := v.u.now()
	parts := []string{lang.L("paired {{.Time}} by {{.Name}}", map[string]any{"Time": clockTime(d.PairedAt, now), "Name": d.PairedBy})}
	if !d.LastSeen.IsZero() {
		parts = append(parts, lang.L("last call {{.Time}}", map[string]any{"Time": clockTime(d.LastSeen, now)}))
	}
	if d.Revoked() {
		parts = append(parts, lang.L("revoked {{.Time}} by {{.Name}}", map[string]any{"Time": clockTime(d.RevokedAt, now), "Name": d.RevokedBy}))
	}
	return strings.Join(parts, " · ")
}

// pairingCode is a code made for a new desk and how long it is good.
type pairingCode struct {
	code    string
	expires time.Time
}

// newCode makes a one-time code and shows it with the server's fingerprint.
func (v *desksView) newCode() {
	v.pair.Disable()
	background(v.u, func(ctx context.Context) (pairingCode, error) {
		code, expires, err := v.u.svc.Desks.CreatePairingCode(ctx)
		return pairingCode{code, expires}, err
	}, func(p pairingCode, err error) {
		v.pair.Enable()
		if err != nil {
			v.u.showError("pairing code", err)
			return
		}
		code := widget.NewLabelWithStyle(p.code, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})
		code.SizeName = theme.SizeNameHeadingText
		how := widget.NewLabel(lang.L("At the new desk, choose \"Connect to a Frontdesk server\" and type the server's address ({{.Server}}) and this code before {{.Time}}. It works once.",
			map[string]any{"Server": "https://" + v.u.svc.Link.Server(), "Time": clockTime(p.expires, v.u.now())}))
		how.Wrapping = fyne.TextWrapWord
		fp := widget.NewLabelWithStyle(v.u.svc.Desks.Fingerprint(), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		fp.Wrapping = fyne.TextWrapBreak
		check := subtle(lang.L("The new desk then shows the server's certificate; it must be this one:"))
		check.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom(lang.L("Pairing code"), lang.L("Close"), container.NewVBox(code, how, check, fp), v.u.win)
		d.Resize(fyne.NewSize(560, 0))
		d.Show()
	})
}

// revoke asks, then refuses the desk from now on.
func (v *desksView) revoke(d desks.Desk) {
	newConfirm(lang.L("Revoke desk"), lang.L("Revoke \"{{.Name}}\"? It is refused from now on and whoever is signed in there is signed out. To use that PC again, pair it anew.", map[string]any{"Name": d.Name}),
		lang.L("Revoke"), func(ok bool) {
			if !ok {
				return
			}
			background(v.u, func(ctx context.Context) (struct{}, error) {
				return struct{}{}, v.u.svc.Desks.RevokeDesk(ctx, d.ID)
			}, func(_ struct{}, err error) {
				if err != nil {
					v.u.showError("revoke desk", err)
					return
				}
				v.reload()
			})
		}, v.u.win).Show()
}
