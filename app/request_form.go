package app

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"frontdesk/guests"
	"frontdesk/requests"
	"frontdesk/standards"
	"frontdesk/words"
)

// requestForm is the quick "new request" dialog: room (or the guest it was opened for),
// category by type-ahead, what the guest asked, and the promise to tell them, computed
// as the category is chosen. Room, Tab, category, Tab, description, Enter logs it.
type requestForm struct {
	u          *UI
	guestID    string
	fixedGuest bool // opened from a profile: the room does not change the guest
	guest      *widget.Label
	room       *keyEntry
	category   *widget.SelectEntry
	department *widget.Select
	desc       *keyEntry
	priority   *widget.Select
	complaint  *widget.Check
	guestTime  *keyEntry
	promise    *widget.Label
	dialog     *formDialog

	cats              []standards.Category
	depts             []standards.Department
	chosen            *standards.Category
	priorityOf        func(string) requests.Priority
	quoteSeq, roomSeq int
}

// newRequest opens the quick-add dialog, for guest g when known, else for room (may be
// empty). done runs with the new request after it is saved.
func (u *UI) newRequest(g *guests.Guest, room string, done func(*requests.Request)) {
	if u.svc.Requests == nil || u.actor.ID == "" {
		return
	}
	background(u, loadStandards(u.svc.Standards), func(d standardsData, err error) {
		if err != nil {
			u.showError("load service standards", err)
			return
		}
		rf := &requestForm{u: u, cats: d.cats, depts: d.depts}
		rf.build(g, room)
		rf.show(done)
	})
}

func (rf *requestForm) build(g *guests.Guest, room string) {
	rf.guest = widget.NewLabel(lang.L("No profile: the request is for the room"))
	rf.guest.Importance = widget.LowImportance
	if g != nil {
		rf.guestID, rf.fixedGuest = g.ID, true
		rf.guest.SetText(g.DisplayName())
		rf.guest.Importance = widget.MediumImportance
	}
	rf.room = entryWith(room, lang.L("e.g. 1204"))
	rf.room.OnChanged = func(string) { rf.lookUpRoom() }
	rf.category = widget.NewSelectEntry(rf.categoryNames(""))
	rf.category.PlaceHolder = lang.L("type to find: towels, taxi, AC…")
	rf.category.OnChanged = rf.onCategoryTyped
	names := make([]string, len(rf.depts))
	for i, d := range rf.depts {
		names[i] = d.Name
	}
	rf.department = newSelect(names, func(string) { rf.quote() })
	rf.desc = entryWith("", lang.L("what the guest asked for (the category name if left empty)"))
	prios, prioOf := options(words.Priority, requests.Priorities)
	rf.priority, rf.priorityOf = newSelect(prios, nil), prioOf
	rf.priority.SetSelected(prios[0])
	rf.complaint = widget.NewCheck(lang.L("The guest is complaining"), nil)
	rf.guestTime = entryWith("", lang.L("HH:MM, the time the guest asked for"))
	rf.guestTime.OnChanged = func(string) { rf.quote() }
	rf.guestTime.Disable()
	rf.promise = widget.NewLabel(lang.L("Choose a category to see the promise."))
	rf.promise.Wrapping = fyne.TextWrapWord
}

func (rf *requestForm) show(done func(*requests.Request)) {
	f := newForm()
	f.add(requests.FieldGuest, lang.L("Guest"), rf.guest)
	f.add(requests.FieldRoom, lang.L("Room"), rf.room)
	f.add(requests.FieldCategory, lang.L("Category"), rf.category)
	f.add(requests.FieldDescription, lang.L("Request"), rf.desc)
	f.add(requests.FieldDepartment, lang.L("Department"), rf.department)
	f.add(requests.FieldPriority, lang.L("Priority"), rf.priority)
	f.add(requests.FieldKind, "", rf.complaint)
	f.add(requests.FieldPromised, lang.L("Guest's time"), rf.guestTime)
	f.add("promise", lang.L("Promise"), rf.promise)
	f.entries = append(f.entries, &rf.category.Entry)
	var saved requests.Request
	rf.dialog = rf.u.showForm(lang.L("New request"), lang.L("Log request"), f, func() func(context.Context) error {
		r, guestTime, err := rf.request()
		if err != nil {
			return fail(err)
		}
		return func(ctx context.Context) error {
			err := rf.u.svc.Requests.CreateRequest(ctx, &r, guestTime)
			saved = r
			return err
		}
	}, func() {
		if done != nil {
			done(&saved)
		}
	})
	if rf.guestID != "" {
		rf.u.win.Canvas().Focus(rf.category)
	} else {
		rf.u.win.Canvas().Focus(rf.room)
	}
	if rf.room.Text != "" {
		rf.lookUpRoom()
	}
}

// categoryNames lists the category names matching typed text, best first.
func (rf *requestForm) categoryNames(typed string) []string {
	var out []string
	for _, c := range rf.matches(typed) {
		out = append(out, c.Name)
	}
	return out
}

// matches returns the categories the typed text can mean: by name, code or search word
// (standards.MatchCategories); all of them when it is empty.
func (rf *requestForm) matches(typed string) []standards.Category {
	return standards.MatchCategories(rf.cats, typed)
}

func (rf *requestForm) onCategoryTyped(text string) {
	found := rf.matches(text)
	rf.category.SetOptions(rf.categoryNames(text))
	var chosen *standards.Category
	for i := range found {
		if strings.EqualFold(found[i].Name, strings.TrimSpace(text)) {
			chosen = &found[i]
		}
	}
	if chosen == nil && len(found) == 1 && strings.TrimSpace(text) != "" {
		chosen = &found[0]
	}
	rf.choose(chosen)
}

// choose sets the category and with it the department and whether the guest names a time.
func (rf *requestForm) choose(c *standards.Category) {
	if c != nil && rf.chosen != nil && c.Code == rf.chosen.Code {
		return
	}
	rf.chosen = c
	if c == nil {
		rf.department.ClearSelected() // never the department of a category no longer typed
		rf.promise.SetText(lang.L("Choose a category to see the promise."))
		return
	}
	for _, d := range rf.depts {
		if d.Code == c.Department {
			rf.department.SetSelected(d.Name) // quotes
		}
	}
	if c.GuestNamesTime {
		rf.guestTime.Enable()
	} else {
		rf.guestTime.SetText("")
		rf.guestTime.Disable()
	}
	if c.Complaint {
		rf.complaint.SetChecked(true)
	}
	rf.quote()
}

func (rf *requestForm) departmentCode() string {
	for _, d := range rf.depts {
		if d.Name == rf.department.Selected {
			return d.Code
		}
	}
	return ""
}

// quote asks for the promise to tell the guest; older answers are dropped.
func (rf *requestForm) quote() {
	if rf.chosen == nil {
		return
	}
	rf.quoteSeq++
	seq, cat, dept, guestID, chosen := rf.quoteSeq, rf.chosen.Code, rf.departmentCode(), rf.guestID, rf.chosen.Name
	guestTime, ok := parseGuestTime(rf.guestTime.Text, rf.u.now())
	if rf.chosen.GuestNamesTime && !ok {
		rf.promise.SetText(lang.L("Enter the time the guest asked for."))
		return
	}
	background(rf.u, func(ctx context.Context) (standards.Promise, error) {
		return rf.u.svc.Requests.Quote(ctx, cat, dept, guestID, guestTime)
	}, func(p standards.Promise, err error) {
		if seq != rf.quoteSeq {
			return
		}
		rf.promise.SetText(chosen + " · " + quotedPromise(p, err, rf.u.now()))
	})
}

// quotedPromise is what the agent tells the guest: "By 14:35 (in 15 min)".
func quotedPromise(p standards.Promise, err error, now time.Time) string {
	if err != nil {
		return message(err)
	}
	text := lang.L("By {{.Time}} (in {{.Wait}})", map[string]any{"Time": clockTime(p.Due, now), "Wait": minutes(p.Due.Sub(now))})
	if p.Delayed {
		text += " · " + lang.L("the department is closed now; this is the earliest it can be done")
	}
	return text
}

// parseGuestTime reads "HH:MM" as the next such moment after now, in now's zone (the
// property's).
func parseGuestTime(s string, now time.Time) (time.Time, bool) {
	m, ok := parseClock(s)
	if !ok || strings.TrimSpace(s) == "" {
		return time.Time{}, false
	}
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	t := day.Add(time.Duration(m) * time.Minute)
	if !t.After(now) {
		t = t.AddDate(0, 0, 1)
	}
	return t, true
}

// lookUpRoom links the request to the guest in house in the typed room, if any.
func (rf *requestForm) lookUpRoom() {
	if rf.fixedGuest {
		return
	}
	rf.roomSeq++
	seq, room := rf.roomSeq, strings.ToUpper(strings.TrimSpace(rf.room.Text))
	if room == "" {
		rf.setRoomGuest(nil)
		return
	}
	background(rf.u, func(ctx context.Context) ([]guests.Match, error) {
		return rf.u.svc.Guests.SearchGuests(ctx, guests.Query{Text: room, Limit: 5})
	}, func(ms []guests.Match, err error) {
		if seq != rf.roomSeq || err != nil {
			return
		}
		for i := range ms {
			if ms[i].InHouse && ms[i].Stay != nil && strings.EqualFold(ms[i].Stay.Room, room) {
				rf.setRoomGuest(&ms[i])
				return
			}
		}
		rf.setRoomGuest(nil)
	})
}

func (rf *requestForm) setRoomGuest(m *guests.Match) {
	if m == nil {
		rf.guestID = ""
		rf.guest.SetText(lang.L("No profile: the request is for the room"))
		rf.guest.Importance = widget.LowImportance
	} else {
		rf.guestID = m.ID
		rf.guest.SetText(lang.L("{{.Name}} (in house)", map[string]any{"Name": m.FullName()}))
		rf.guest.Importance = widget.SuccessImportance
	}
	rf.guest.Refresh()
	rf.quote()
}

// request reads the dialog into a request.
func (rf *requestForm) request() (requests.Request, time.Time, error) {
	if rf.chosen == nil {
		if strings.TrimSpace(rf.category.Text) == "" {
			return requests.Request{}, time.Time{}, fieldProblem(requests.FieldCategory, "Choose what the guest needs.")
		}
		return requests.Request{}, time.Time{}, fieldProblem(requests.FieldCategory, "Choose one of the options in the list.")
	}
	r := requests.Request{GuestID: rf.guestID, Room: strings.ToUpper(strings.TrimSpace(rf.room.Text)), Category: rf.chosen.Code,
		Department: rf.departmentCode(), Description: rf.desc.Text, Priority: rf.priorityOf(rf.priority.Selected)}
	if strings.TrimSpace(r.Description) == "" {
		r.Description = rf.chosen.Name
	}
	if rf.complaint.Checked {
		r.Kind = requests.KindComplaint
	}
	var guestTime time.Time
	if rf.chosen.GuestNamesTime {
		t, ok := parseGuestTime(rf.guestTime.Text, rf.u.now())
		if !ok {
			return r, guestTime, fieldProblem(requests.FieldPromised, "Enter the time as HH:MM, e.g. 06:30.")
		}
		guestTime = t
	}
	return r, guestTime, nil
}
