package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/guests"
	"frontdesk/staff"
	"frontdesk/words"
)

// maxStaysShown keeps a long-standing guest's profile readable; older stays are counted.
const maxStaysShown = 15

// profileView shows one guest's profile: alerts first and in red, then stay, preferences,
// occasions, contact and history. It owns the quick "add preference" row.
type profileView struct {
	u        *UI
	body     *fyne.Container
	scroll   *container.Scroll
	profile  *guests.Profile
	prefText *keyEntry
	prefCat  *widget.Select
	prefOf   func(string) guests.PreferenceCategory
	reload   func()
}

func newProfileView(u *UI, reload func()) *profileView {
	pv := &profileView{u: u, body: container.NewVBox(), reload: reload}
	pv.scroll = container.NewVScroll(container.NewPadded(pv.body))
	pv.showEmpty()
	return pv
}

func (pv *profileView) showEmpty() {
	pv.profile = nil
	hint := widget.NewLabel(lang.L("Type a name, room, phone, e-mail or loyalty number to find a guest."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Alignment = fyne.TextAlignCenter
	pv.body.Objects = []fyne.CanvasObject{container.NewPadded(hint)}
	pv.body.Refresh()
}

// show replaces the view with profile p.
func (pv *profileView) show(p *guests.Profile) {
	pv.profile = p
	if p.IsErased() {
		pv.showErased(p)
		return
	}
	objs := []fyne.CanvasObject{pv.header(p)}
	if len(p.Alerts) > 0 {
		objs = append(objs, pv.alerts(p))
	}
	objs = append(objs, pv.requests(p), pv.preferences(p), pv.occasions(p), pv.contact(p), pv.stays(p))
	if p.Notes != "" {
		notes := widget.NewLabel(p.Notes)
		notes.Wrapping = fyne.TextWrapWord
		objs = append(objs, widget.NewCard("", lang.L("Notes"), notes))
	}
	if privacy := pv.u.privacyButtons(p, pv.afterErasure); len(privacy.(*fyne.Container).Objects) > 0 {
		objs = append(objs, widget.NewCard("", lang.L("The guest's data"), privacy))
	}
	pv.body.Objects = objs
	pv.body.Refresh()
	pv.scroll.ScrollToTop()
}

// afterErasure shows the erased profile and searches again, so the old name leaves the
// results list too.
func (pv *profileView) afterErasure() {
	pv.reload()
	if g := pv.u.guests; g != nil {
		g.onSearchChanged(g.search.Text)
	}
}

// showErased shows what is left of an erased profile: nothing to edit or add to, only
// the fact, so no one rebuilds a profile the guest asked to be forgotten.
func (pv *profileView) showErased(p *guests.Profile) {
	note := widget.NewLabel(lang.L("This guest's data was erased at their request. Nothing can be added to this profile; a returning guest gets a new one."))
	note.Wrapping = fyne.TextWrapWord
	pv.body.Objects = []fyne.CanvasObject{heading(words.Typed(lang.L, p.DisplayName())), note}
	pv.body.Refresh()
	pv.scroll.ScrollToTop()
}

func (pv *profileView) header(p *guests.Profile) fyne.CanvasObject {
	name := canvas.NewText(p.DisplayName(), theme.Color(theme.ColorNameForeground))
	name.TextSize = theme.TextHeadingSize()
	name.TextStyle = fyne.TextStyle{Bold: true}
	badges := container.NewHBox()
	if text, col := tierBadge(p.Tier); text != "" {
		badges.Add(newBadge(text, col))
	}
	if p.VIP {
		badges.Add(newBadge(lang.L("VIP"), colVIP))
	}
	if text, col := casinoBadge(p.CasinoTier); text != "" {
		badges.Add(newBadge(text, col))
	}
	edit := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() {
		pv.u.editGuest(p.Guest, func(string) { pv.reload() })
	})
	actions := container.NewHBox(edit)
	if pv.u.actor.Role.Can(staff.PermBrowseAudit) {
		actions.Add(widget.NewButtonWithIcon(lang.L("History"), theme.HistoryIcon(), func() { pv.u.showGuestHistory(p.Guest) }))
	}
	top := container.NewBorder(nil, nil, nil, actions, container.NewHBox(name, container.NewCenter(badges)))
	return container.NewVBox(top, subtle(pv.summary(p)))
}

// summary is the line an agent greets by: stay state and history.
func (pv *profileView) summary(p *guests.Profile) string {
	visits := p.PastStays()
	state := lang.L("First stay")
	if visits > 0 {
		state = lang.N("{{.Count}} previous stay", visits, map[string]any{"Count": visits})
	}
	if cs := p.CurrentStay(); cs != nil {
		return fmt.Sprintf("%s %s · %s · %s", lang.L("In house, room"), cs.Room, stayRange(cs), state)
	}
	return state
}

func (pv *profileView) alerts(p *guests.Profile) fyne.CanvasObject {
	rows := container.NewVBox()
	for _, a := range p.Alerts {
		what := words.AlertText(lang.L, a, pv.u.zone())
		text := widget.NewLabelWithStyle(label(words.Alert, a.Kind)+": "+what, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		text.Importance = widget.DangerImportance
		text.Wrapping = fyne.TextWrapWord
		rows.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon())),
			pv.removeButton(guests.ItemAlert, a.ID, what), text))
	}
	bg := canvas.NewRectangle(colAlertBg)
	bg.CornerRadius = 6
	bg.StrokeColor = colAlert
	bg.StrokeWidth = 1
	return container.NewStack(bg, container.NewPadded(rows))
}

func (pv *profileView) preferences(p *guests.Profile) fyne.CanvasObject {
	rows := container.NewVBox()
	for _, pr := range p.Preferences {
		text := widget.NewLabel(pr.Text)
		text.Wrapping = fyne.TextWrapWord
		cat := widget.NewLabelWithStyle(label(words.Preference, pr.Category), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		who := subtle(fmt.Sprintf("%s, %s", pr.RecordedBy, shortDate(pr.RecordedAt)))
		rows.Add(container.NewBorder(nil, nil, cat, container.NewHBox(who, pv.removeButton(guests.ItemPreference, pr.ID, pr.Text)), text))
	}
	if len(p.Preferences) == 0 {
		rows.Add(subtle(lang.L("No preferences recorded yet.")))
	}
	rows.Add(pv.quickPreference(p.ID))
	return widget.NewCard("", lang.L("Preferences"), rows)
}

// quickPreference is the one-line "add preference" row: pick a category, type, Enter.
func (pv *profileView) quickPreference(guestID string) fyne.CanvasObject {
	var cats []string
	cats, pv.prefOf = options(words.Preference, guests.PreferenceCategories)
	pv.prefCat = newSelect(cats, nil)
	pv.prefCat.SetSelected(cats[0])
	pv.prefText = newEntry()
	pv.prefText.SetPlaceHolder(lang.L("Add a preference, e.g. feather-free pillows — Enter to save"))
	add := widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), func() { pv.addPreference(guestID) })
	pv.prefText.OnSubmitted = func(string) { pv.addPreference(guestID) }
	return container.NewBorder(nil, nil, pv.prefCat, add, pv.prefText)
}

func (pv *profileView) addPreference(guestID string) {
	pr := &guests.Preference{GuestID: guestID, Category: pv.prefOf(pv.prefCat.Selected), Text: pv.prefText.Text}
	background(pv.u, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, pv.u.svc.Guests.AddPreference(ctx, pr)
	}, func(_ struct{}, err error) {
		if err != nil {
			pv.u.showError("add preference", err)
			return
		}
		pv.reload()
	})
}

func (pv *profileView) occasions(p *guests.Profile) fyne.CanvasObject {
	rows := container.NewVBox()
	for _, o := range p.Occasions {
		rows.Add(container.NewBorder(nil, nil, nil, pv.removeButton(guests.ItemOccasion, o.ID, occasionText(o)), widget.NewLabel(occasionText(o))))
	}
	buttons := container.NewHBox(
		widget.NewButtonWithIcon(lang.L("Occasion"), theme.ContentAddIcon(), func() { pv.u.addOccasion(p.ID, pv.reload) }),
		widget.NewButtonWithIcon(lang.L("Alert"), theme.ContentAddIcon(), func() { pv.u.addAlert(p.ID, pv.reload) }),
	)
	if len(p.Occasions) == 0 {
		rows.Add(subtle(lang.L("No occasions recorded.")))
	}
	rows.Add(buttons)
	return widget.NewCard("", lang.L("Occasions and alerts"), rows)
}

func (pv *profileView) contact(p *guests.Profile) fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	addRow := func(name, value string) {
		if value == "" {
			value = "—"
		}
		grid.Add(subtle(name))
		grid.Add(widget.NewLabel(value))
	}
	addRow(lang.L("E-mail"), p.Email)
	addRow(lang.L("Phone"), guests.FormatPhone(p.Phone, pv.u.svc.Guests.PhoneRegion()))
	addRow(lang.L("Language"), guests.LanguageName(p.Language))
	addRow(lang.L("Loyalty number"), p.LoyaltyNumber)
	return widget.NewCard("", lang.L("Contact"), grid)
}

func (pv *profileView) stays(p *guests.Profile) fyne.CanvasObject {
	rows := container.NewVBox()
	for i, s := range p.Stays {
		if i == maxStaysShown {
			rows.Add(subtle(lang.L("and {{.Count}} earlier stays", map[string]any{"Count": len(p.Stays) - maxStaysShown})))
			break
		}
		rows.Add(pv.stayRow(s))
	}
	if len(p.Stays) == 0 {
		rows.Add(subtle(lang.L("No stays recorded.")))
	}
	rows.Add(container.NewHBox(widget.NewButtonWithIcon(lang.L("Stay"), theme.ContentAddIcon(), func() {
		pv.u.editStay(guests.Stay{GuestID: p.ID, PartySize: 1}, pv.reload)
	})))
	return widget.NewCard("", lang.L("Stays"), rows)
}

func (pv *profileView) stayRow(s guests.Stay) fyne.CanvasObject {
	room := s.Room
	if room == "" {
		room = lang.L("no room yet")
	}
	text := fmt.Sprintf("%s · %s %s · %s · %s", stayRange(&s), lang.L("Room"), room, label(words.Stay, s.Status),
		lang.N("{{.Count}} guest", s.PartySize, map[string]any{"Count": s.PartySize}))
	l := widget.NewLabel(text)
	if s.Status == guests.StayInHouse {
		l.TextStyle = fyne.TextStyle{Bold: true}
	}
	edit := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() { pv.u.editStay(s, pv.reload) })
	edit.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, edit, l)
}

// removeButton deletes a profile item after asking.
func (pv *profileView) removeButton(kind guests.ItemKind, id, what string) *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() {
		guestID := pv.profile.ID
		dlg := newConfirm(lang.L("Remove?"), lang.L("Remove “{{.What}}” from this profile?", map[string]any{"What": what}),
			lang.L("Remove"), func(ok bool) {
				if ok {
					pv.remove(kind, guestID, id)
				}
			}, pv.u.win)
		dlg.SetConfirmImportance(widget.DangerImportance)
		dlg.Show()
	})
	b.Importance = widget.LowImportance
	return b
}

func (pv *profileView) remove(kind guests.ItemKind, guestID, id string) {
	background(pv.u, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, pv.u.svc.Guests.RemoveItem(ctx, kind, guestID, id)
	}, func(_ struct{}, err error) {
		if err != nil {
			pv.u.showError("remove", err)
		}
		pv.reload()
	})
}
