package app

import (
	"context"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"frontdesk/guests"
	"frontdesk/words"
)

// guestForm creates or edits a guest's core fields.
type guestForm struct {
	form                                 *form
	salutation, language, tier, casino   *widget.Select
	given, family, email, phone, loyalty *keyEntry
	notes                                *keyEntry
	vip                                  *widget.Check
	tierOf                               func(string) guests.Tier
	casinoOf                             func(string) guests.CasinoTier
	dialog                               *formDialog
}

func newGuestForm(g *guests.Guest, region string) *guestForm {
	gf := &guestForm{form: newForm()}
	gf.salutation = newSelect(guests.Salutations, nil)
	gf.salutation.SetSelected(g.Salutation)
	gf.given = entryWith(g.GivenName, "")
	gf.family = entryWith(g.FamilyName, "")
	gf.email = entryWith(g.Email, "name@example.com")
	gf.phone = entryWith(guests.FormatPhone(g.Phone, region), lang.L("e.g. 0812 3456 7890 or +44 20 7946 0958"))
	gf.loyalty = entryWith(g.LoyaltyNumber, "")
	gf.language = newSelect(languageOptions(), nil)
	if g.Language != "" {
		gf.language.SetSelected(guests.LanguageName(g.Language))
	}
	var tiers, casinos []string
	tiers, gf.tierOf = options(words.Tier, guests.Tiers)
	casinos, gf.casinoOf = options(words.Casino, guests.CasinoTiers)
	gf.tier = newSelect(tiers, nil)
	gf.tier.SetSelected(label(words.Tier, orTier(g.Tier)))
	gf.casino = newSelect(casinos, nil)
	gf.casino.SetSelected(label(words.Casino, orCasino(g.CasinoTier)))
	gf.vip = widget.NewCheck(lang.L("VIP"), nil)
	gf.vip.SetChecked(g.VIP)
	gf.notes = newMultiLineEntry()
	gf.notes.SetText(g.Notes)
	gf.notes.SetMinRowsVisible(3)
	gf.layout()
	return gf
}

func (gf *guestForm) layout() {
	f := gf.form
	f.add(guests.FieldSalutation, lang.L("Salutation"), gf.salutation)
	f.add(guests.FieldGivenName, lang.L("Given name"), gf.given)
	f.add(guests.FieldFamilyName, lang.L("Family name"), gf.family)
	f.add(guests.FieldEmail, lang.L("E-mail"), gf.email)
	f.add(guests.FieldPhone, lang.L("Phone"), gf.phone)
	f.add(guests.FieldLanguage, lang.L("Language"), gf.language)
	f.add(guests.FieldLoyalty, lang.L("Loyalty number"), gf.loyalty)
	f.add(guests.FieldTier, lang.L("Tier"), gf.tier)
	f.add("vip", "", gf.vip)
	f.add(guests.FieldCasinoTier, lang.L("Casino tier"), gf.casino)
	f.add(guests.FieldNotes, lang.L("Notes"), gf.notes)
}

// guest returns a guest with the form's values on top of base.
func (gf *guestForm) guest(base guests.Guest) guests.Guest {
	g := base
	g.Salutation = gf.salutation.Selected
	g.GivenName, g.FamilyName = gf.given.Text, gf.family.Text
	g.Email, g.Phone, g.LoyaltyNumber = gf.email.Text, gf.phone.Text, gf.loyalty.Text
	g.Language = languageCode(gf.language.Selected)
	g.Tier, g.CasinoTier = gf.tierOf(gf.tier.Selected), gf.casinoOf(gf.casino.Selected)
	g.VIP, g.Notes = gf.vip.Checked, gf.notes.Text
	return g
}

// editGuest opens the guest form; base is empty for a new guest. saved receives the
// stored guest's ID.
func (u *UI) editGuest(base guests.Guest, saved func(id string)) *guestForm {
	gf := newGuestForm(&base, u.svc.Guests.PhoneRegion())
	title, action := lang.L("Edit guest"), lang.L("Save")
	if base.ID == "" {
		title, action = lang.L("New guest"), lang.L("Create guest")
	}
	var id string
	gf.dialog = u.showForm(title, action, gf.form, func() func(context.Context) error {
		g := gf.guest(base)
		return func(ctx context.Context) error {
			var err error
			if g.ID == "" {
				err = u.svc.Guests.CreateGuest(ctx, &g)
			} else {
				err = u.svc.Guests.UpdateGuest(ctx, &g)
			}
			id = g.ID
			return err
		}
	}, func() { saved(id) })
	u.win.Canvas().Focus(gf.given)
	return gf
}

func entryWith(text, placeholder string) *keyEntry {
	e := newEntry()
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	return e
}

func languageOptions() []string {
	out := make([]string, len(guests.Languages))
	for i, l := range guests.Languages {
		out[i] = l.Name
	}
	return out
}

func languageCode(name string) string {
	for _, l := range guests.Languages {
		if l.Name == name {
			return l.Code
		}
	}
	return ""
}

func orTier(t guests.Tier) guests.Tier {
	if t == "" {
		return guests.TierNone
	}
	return t
}

func orCasino(t guests.CasinoTier) guests.CasinoTier {
	if t == "" {
		return guests.CasinoNone
	}
	return t
}
