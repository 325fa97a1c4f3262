package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/words"
)

// addAlert asks for an alert staff must see and stores it.
func (u *UI) addAlert(guestID string, done func()) {
	kinds, kindOf := options(words.Alert, guests.AlertKinds)
	kind := newSelect(kinds, nil)
	kind.SetSelected(kinds[0])
	text := entryWith("", lang.L("e.g. peanut allergy, uses a wheelchair"))
	f := newForm()
	f.add(guests.FieldKind, lang.L("Kind"), kind)
	f.add(guests.FieldText, lang.L("What staff must know"), text)
	u.showForm(lang.L("New alert"), lang.L("Add alert"), f, func() func(context.Context) error {
		a := guests.Alert{GuestID: guestID, Kind: kindOf(kind.Selected), Text: text.Text}
		return func(ctx context.Context) error { return u.svc.Guests.AddAlert(ctx, &a) }
	}, done)
	u.win.Canvas().Focus(text)
}

// addOccasion asks for a yearly occasion and stores it.
func (u *UI) addOccasion(guestID string, done func()) {
	kinds, kindOf := options(words.Occasion, guests.OccasionKinds)
	kind := newSelect(kinds, nil)
	kind.SetSelected(kinds[0])
	name := entryWith("", lang.L("only needed for other occasions"))
	date := entryWith("", lang.L("day and month, e.g. 29/02"))
	year := entryWith("", lang.L("optional, e.g. 1985"))
	f := newForm()
	f.add(guests.FieldKind, lang.L("Occasion"), kind)
	f.add(guests.FieldLabel, lang.L("Name"), name)
	f.add(guests.FieldDate, lang.L("Date"), date)
	f.add(guests.FieldYear, lang.L("Year"), year)
	u.showForm(lang.L("New occasion"), lang.L("Add occasion"), f, func() func(context.Context) error {
		o := guests.Occasion{GuestID: guestID, Kind: kindOf(kind.Selected), Label: name.Text}
		if err := parseDayMonth(date.Text, &o); err != nil {
			return fail(err)
		}
		if err := parseYear(year.Text, &o.Year); err != nil {
			return fail(err)
		}
		return func(ctx context.Context) error { return u.svc.Guests.AddOccasion(ctx, &o) }
	}, done)
	u.win.Canvas().Focus(date)
}

// parseDayMonth reads "29/02", "29-2" or "29.02" into an occasion's day and month.
func parseDayMonth(s string, o *guests.Occasion) error {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ' ' })
	if len(parts) == 2 {
		d, err1 := strconv.Atoi(parts[0])
		m, err2 := strconv.Atoi(parts[1])
		if err1 == nil && err2 == nil {
			o.Day, o.Month = d, time.Month(m)
			return nil
		}
	}
	return errs.Fields{errs.FieldError(guests.FieldDate, "Type the day and month as DD/MM, e.g. 29/02.", nil)}
}

func parseYear(s string, year *int) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	y, err := strconv.Atoi(s)
	if err != nil {
		return errs.Fields{errs.FieldError(guests.FieldYear, "Year must be between 1900 and 2100, or left empty.", nil)}
	}
	*year = y
	return nil
}

// editStay asks for a stay's dates, room, status and party; base.ID is empty for a new stay.
func (u *UI) editStay(base guests.Stay, done func()) {
	statuses, statusOf := options(words.Stay, guests.StayStatuses)
	status := newSelect(statuses, nil)
	status.SetSelected(label(words.Stay, orStatus(base.Status)))
	arrival := entryWith(dateText(base.Arrival), lang.L("DD/MM/YYYY"))
	departure := entryWith(dateText(base.Departure), lang.L("DD/MM/YYYY"))
	room := entryWith(base.Room, lang.L("empty until assigned"))
	party := entryWith(strconv.Itoa(max(base.PartySize, 1)), "")
	f := newForm()
	f.add(guests.FieldArrival, lang.L("Arrival"), arrival)
	f.add(guests.FieldDeparture, lang.L("Departure"), departure)
	f.add(guests.FieldRoom, lang.L("Room"), room)
	f.add(guests.FieldStatus, lang.L("Status"), status)
	f.add(guests.FieldPartySize, lang.L("Guests in party"), party)
	title, action := lang.L("Edit stay"), lang.L("Save")
	if base.ID == "" {
		title, action = lang.L("New stay"), lang.L("Add stay")
	}
	u.showForm(title, action, f, func() func(context.Context) error {
		s := base
		var fs errs.Fields
		s.Arrival = parseDateField(&fs, guests.FieldArrival, arrival.Text)
		s.Departure = parseDateField(&fs, guests.FieldDeparture, departure.Text)
		s.Room, s.Status = room.Text, statusOf(status.Selected)
		if n, err := strconv.Atoi(strings.TrimSpace(party.Text)); err == nil {
			s.PartySize = n
		}
		if len(fs) > 0 {
			return fail(fs)
		}
		return func(ctx context.Context) error {
			if s.ID == "" {
				return u.svc.Guests.AddStay(ctx, &s)
			}
			return u.svc.Guests.UpdateStay(ctx, &s)
		}
	}, done)
	u.win.Canvas().Focus(arrival)
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}

// parseDateField reads DD/MM/YYYY; an empty text is left to the domain's "enter the date".
func parseDateField(fs *errs.Fields, field, s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{"02/01/2006", "2/1/2006", "02-01-2006", "2006-01-02", "02.01.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	fs.Add(field, "Type the date as DD/MM/YYYY, e.g. 24/11/2026.", nil)
	return time.Time{}
}

func orStatus(s guests.StayStatus) guests.StayStatus {
	if s == "" {
		return guests.StayExpected
	}
	return s
}
