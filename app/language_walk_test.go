package app

import (
	"context"
	"database/sql"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/anticipation"
	"frontdesk/demo"
	"frontdesk/escalation"
	"frontdesk/guests"
	"frontdesk/property"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
)

// englishCatalogue is what an Indonesian desk must never read: every English text of the
// catalogue whose Indonesian differs, as exact texts and, for templates, as patterns.
type englishCatalogue struct {
	exact    map[string]bool
	patterns []*regexp.Regexp
}

// placeholder is a template's {{.Name}}.
var placeholder = regexp.MustCompile(`\{\{[^}]*\}\}`)

func readEnglishCatalogue(t *testing.T) englishCatalogue {
	t.Helper()
	en, id := readTranslations(t, "en.json"), readTranslations(t, "id.json")
	c := englishCatalogue{exact: map[string]bool{}}
	for key, v := range en {
		for form, text := range forms(v) {
			if other, ok := forms(id[key])[form]; ok && other != text {
				c.add(text, other)
			}
		}
	}
	return c
}

// forms is a catalogue entry's text per plural form ("" for a plain entry).
func forms(v any) map[string]string {
	switch v := v.(type) {
	case string:
		return map[string]string{"": v}
	case map[string]any:
		out := map[string]string{}
		for k, s := range v {
			if s, ok := s.(string); ok {
				out[k] = s
			}
		}
		return out
	}
	return nil
}

func (c *englishCatalogue) add(text, indonesian string) {
	if !placeholder.MatchString(text) {
		c.exact[text] = true
		return
	}
	// A template is caught by its English words: one whose words all stay in Indonesian
	// ("{{.Shift}} shift") or that has none ("{{.A}} · {{.B}}") would catch Indonesian.
	if !hasOwnWord(placeholder.ReplaceAllString(text, " "), placeholder.ReplaceAllString(indonesian, " ")) {
		return
	}
	parts := placeholder.Split(text, -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	c.patterns = append(c.patterns, regexp.MustCompile("^"+strings.Join(parts, ".+")+"$"))
}

var word = regexp.MustCompile(`[A-Za-z]{2,}`)

// hasOwnWord reports whether english has a word indonesian does not.
func hasOwnWord(english, indonesian string) bool {
	kept := map[string]bool{}
	for _, w := range word.FindAllString(strings.ToLower(indonesian), -1) {
		kept[w] = true
	}
	for _, w := range word.FindAllString(strings.ToLower(english), -1) {
		if !kept[w] {
			return true
		}
	}
	return false
}

// english returns the catalogue text s is, or "".
func (c *englishCatalogue) english(s string) string {
	if c.exact[s] {
		return s
	}
	for _, p := range c.patterns {
		if p.MatchString(s) {
			return p.String()
		}
	}
	return ""
}

// separators split a line into the pieces it was built from.
var separators = regexp.MustCompile(` · | — | → |: |, |\n|\(|\)| \+`)

// pieces are s and the parts it was joined from, without leading marks (⚠ ✓ ☎ ★).
func pieces(s string) []string {
	out := []string{s}
	for _, p := range separators.Split(s, -1) {
		p = strings.TrimFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if p != "" && p != s {
			out = append(out, p)
		}
	}
	return out
}

// visibleTexts collects every text shown under obj: labels, buttons, checks, selects'
// choices or placeholders, entries' placeholders, radio options, card titles, tabs.
// iconOnly is what visibleTexts reports for a button with an icon and no words, which
// tells nobody what it does (Fyne buttons have no tooltips).
const iconOnly = "\x00a button with an icon and no label"

func visibleTexts(obj fyne.CanvasObject, add func(string)) {
	if obj == nil || !obj.Visible() {
		return
	}
	switch o := obj.(type) {
	case *widget.Label:
		add(o.Text)
		return
	case *widget.Button:
		if o.Text == "" && o.Icon != nil {
			add(iconOnly)
		}
		add(o.Text)
		return
	case *actionButton:
		add(o.Text)
		return
	case *widget.Check:
		add(o.Text)
		return
	case *widget.Hyperlink:
		add(o.Text)
		return
	case *canvas.Text:
		add(o.Text)
		return
	case *widget.RichText:
		add(o.String())
		return
	case *widget.Select:
		add(o.Selected)
		if o.Selected == "" {
			add(o.PlaceHolder)
		}
		return
	case *widget.Entry:
		if o.Text == "" {
			add(o.PlaceHolder)
		}
		return
	case *keyEntry:
		if o.Text == "" {
			add(o.PlaceHolder)
		}
		return
	case *widget.SelectEntry: // its drop-down arrow is the widget's own
		if o.Text == "" {
			add(o.PlaceHolder)
		}
		return
	case *widget.RadioGroup:
		for _, s := range o.Options {
			add(s)
		}
		return
	case *widget.CheckGroup:
		for _, s := range o.Options {
			add(s)
		}
		return
	case *widget.Card:
		add(o.Title)
		add(o.Subtitle)
	case *container.AppTabs:
		for _, it := range o.Items {
			add(it.Text)
		}
	}
	for _, c := range childrenOf(obj) {
		visibleTexts(c, add)
	}
}

// walk is an Indonesian desk visited screen by screen; it remembers every English text
// of the catalogue seen, and where.
type walk struct {
	h       *harness
	cat     englishCatalogue
	data    []string // names and texts from the data, which stay as typed
	found   map[string][]string
	visited []string
	// unlabelled lists where a button showed an icon without words.
	unlabelled []string
}

// look reads the window and every dialog over it.
func (w *walk) look(where string) {
	w.h.t.Helper()
	w.h.settle(0)
	w.visited = append(w.visited, where)
	add := func(s string) {
		if s == iconOnly {
			w.unlabelled = append(w.unlabelled, where)
			return
		}
		for _, p := range pieces(withoutData(s, w.data)) {
			if e := w.cat.english(p); e != "" {
				w.found[p+"  ["+e+"]"] = append(w.found[p+"  ["+e+"]"], where)
			}
		}
	}
	visibleTexts(w.h.win.Canvas().Content(), add)
	for _, o := range w.h.win.Canvas().Overlays().List() {
		visibleTexts(o, add)
	}
}

// closeDialogs hides every dialog.
func (w *walk) closeDialogs() {
	for w.h.win.Canvas().Overlays().Top() != nil {
		w.h.win.Canvas().Overlays().Remove(w.h.win.Canvas().Overlays().Top())
	}
}

// dataTexts are the names and texts people typed (departments, categories, items, staff,
// guests' requests, preferences and alerts, logbook notes), longest first: they stay as
// written at any desk. Texts Frontdesk writes itself are not among them.
func dataTexts(t *testing.T, h *harness) []string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+h.store.Path()+"?mode=ro")
	must(t, err)
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM departments UNION SELECT name FROM categories UNION SELECT name FROM items
		UNION SELECT name FROM staff UNION SELECT text FROM logbook UNION SELECT text FROM guest_preferences
		UNION SELECT text FROM guest_alerts WHERE score = 0
		UNION SELECT description FROM requests WHERE recovery_of IS NULL AND category <> 'arrival_prep'`)
	must(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		must(t, rows.Scan(&s))
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	must(t, rows.Err())
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// withoutData is s with every typed text in it replaced by a mark.
func withoutData(s string, data []string) string {
	for _, d := range data {
		if strings.Contains(s, d) {
			s = strings.ReplaceAll(s, d, "◇")
		}
	}
	return s
}

func TestAnIndonesianDeskReadsNoEnglishOnAnyScreen(t *testing.T) {
	h := newBareHarness(t, nil)
	if _, err := demo.Fill(context.Background(), h.store, h.now()); err != nil {
		t.Fatal(err)
	}
	SetLanguage("id")
	t.Cleanup(func() { SetLanguage("en") })
	_, _, _, mgr, err := h.store.OnShift(context.Background(), h.now())
	must(t, err)
	h.ui.svc.Today, h.ui.svc.Handover = h.store, h.store
	h.ui.showMain(staff.Actor{ID: mgr.StaffID, Name: mgr.StaffName, Role: staff.RoleShiftManager})
	w := &walk{h: h, cat: readEnglishCatalogue(t), data: dataTexts(t, h), found: map[string][]string{}}

	w.look("Today")
	w.walkToday()
	w.walkRequests()
	w.walkGuests()
	w.walkTabs()
	w.walkResourceDialogs()
	w.walkHandover()

	if len(w.visited) < 40 {
		t.Errorf("only %d screens visited: %v", len(w.visited), w.visited)
	}
	if len(w.unlabelled) > 0 {
		t.Errorf("buttons with an icon and no label on %v", slices.Compact(w.unlabelled))
	}
	var lines []string
	for text, where := range w.found {
		lines = append(lines, text+"  ←  "+strings.Join(unique(where), ", "))
	}
	sort.Strings(lines)
	if len(lines) > 0 {
		t.Errorf("English at an Indonesian desk:\n%s", strings.Join(lines, "\n"))
	}
}

// walkTabs visits every main tab and every tab of Resources.
func (w *walk) walkTabs() {
	for i, it := range w.h.ui.tabs.Items {
		w.h.ui.tabs.SelectIndex(i)
		w.look(it.Text)
	}
	res := w.h.ui.resources.tabs
	w.h.ui.showTab(w.h.ui.resources.content)
	for i, it := range res.Items {
		res.SelectIndex(i)
		w.look("Resources/" + it.Text)
	}
}

// walkRequests visits each view of the queue, a request of each, the recovery and the
// request it recovers, and the dialogs of the actions.
func (w *walk) walkRequests() {
	h, s := w.h, w.h.ui.requests
	h.ui.showTab(s.content)
	for _, v := range requests.Views {
		s.setView(v)
		h.settle(0)
		if len(s.rows) > 0 {
			s.detail.open(s.rows[0].ID)
		}
		w.look("Requests/" + string(v))
	}
	rs, err := h.store.ListRequests(context.Background(), requests.Filter{View: requests.ViewHistory, Limit: 2000})
	must(h.t.(*testing.T), err)
	seen := map[string]bool{}
	for _, r := range rs {
		kind := string(r.Category)
		if r.RecoveryOf != "" {
			kind = "recovery"
		}
		if r.Outcome == requests.OutcomeNotSatisfied {
			kind = "not satisfied"
		}
		if seen[kind] {
			continue
		}
		seen[kind] = true
		s.detail.open(r.ID)
		w.look("Request/" + kind)
	}
	w.actionDialogs()
	h.ui.showNewRequest()
	w.look("New request")
	w.closeDialogs()
}

// actionDialogs opens every action's dialog on an open request.
func (w *walk) actionDialogs() {
	h, s := w.h, w.h.ui.requests
	s.setView(requests.ViewOpen)
	h.settle(0)
	s.detail.open(s.rows[0].ID)
	h.settle(0)
	for _, a := range []requests.ActionKind{requests.ActFollowUp, requests.ActTransfer, requests.ActAssign, requests.ActCancel, requests.ActEscalate} {
		s.detail.start(a)
		w.look("Action/" + string(a))
		w.closeDialogs()
	}
}

// walkToday opens the dialogs of the prompts: a dismissal and a recovery touch-point.
func (w *walk) walkToday() {
	s := w.h.ui.today
	for _, p := range s.data.board.Prompts {
		if p.Kind == anticipation.KindRecovery {
			s.act(p, container.NewStack())
			w.look("Today/touch-point")
			w.closeDialogs()
		}
	}
	s.dismiss(s.data.board.Prompts[0])
	w.look("Today/dismiss")
	w.closeDialogs()
}

// walkGuests opens the profile of the guest who was not satisfied, its dialogs, and the
// new-guest form.
func (w *walk) walkGuests() {
	h := w.h
	rs, err := h.store.ListRequests(context.Background(), requests.Filter{View: requests.ViewOpen, Limit: 2000})
	must(h.t.(*testing.T), err)
	guestID := ""
	for _, r := range rs {
		if r.RecoveryOf != "" && r.GuestID != "" {
			guestID = r.GuestID
		}
	}
	h.ui.openGuest(guestID)
	w.look("Guest profile with a recovery")
	pv := h.ui.guests.profile
	if b, ok := findDeep(pv.body, func(b *widget.Button) bool { return b.Icon == theme.DeleteIcon() }); ok {
		test.Tap(b)
		w.look("Guest profile/remove")
		w.closeDialogs()
	}
	for name, open := range map[string]func(){
		"alert":    func() { h.ui.addAlert(guestID, func() {}) },
		"occasion": func() { h.ui.addOccasion(guestID, func() {}) },
		"stay":     func() { h.ui.editStay(guests.Stay{GuestID: guestID}, func() {}) },
		"history":  func() { h.ui.showGuestHistory(pv.profile.Guest) },
		"new":      h.ui.guests.onNewGuest,
	} {
		open()
		w.look("Guest/" + name)
		w.closeDialogs()
	}
}

// walkResourceDialogs opens the editing dialogs of the Resources tabs.
func (w *walk) walkResourceDialogs() {
	r := w.h.ui.resources
	for name, open := range map[string]func(){
		"lend":       func() { r.loans.lend("") },
		"staff":      func() { r.staff.edit(staff.Staff{}) },
		"roster":     func() { r.roster.edit(property.ShiftMorning) },
		"shifts":     r.roster.editTimes,
		"room":       func() { r.rooms.edit(property.Room{}) },
		"department": func() { r.depts.edit(standards.Department{}) },
		"category":   func() { r.standards.edit(standards.Category{}) },
		"escalation": func() { r.escalate.edit(escalation.ClassStandard) },
	} {
		open()
		w.look("Resources/" + name)
		w.closeDialogs()
	}
}

// walkHandover opens the acknowledgement and a logbook note.
func (w *walk) walkHandover() {
	s := w.h.ui.handover
	w.h.ui.showTab(s.content)
	w.h.settle(0)
	s.confirmAck()
	w.look("Handover/acknowledge")
	w.closeDialogs()
	if len(s.logbook.notes) > 0 {
		s.logbook.read(s.logbook.notes[0])
		w.look("Handover/logbook note")
		w.closeDialogs()
	}
}

// The walk's eye: it sees English texts of the catalogue whole, inside a line and as a
// filled-in template, and passes over Indonesian and what people typed.
func TestTheWalkSeesEnglishButNotIndonesianOrTypedTexts(t *testing.T) {
	c := readEnglishCatalogue(t)
	data := []string{"Safe will not open", "Housekeeping"}
	seen := func(s string) bool {
		for _, p := range pieces(withoutData(s, data)) {
			if c.english(p) != "" {
				return true
			}
		}
		return false
	}
	for s, want := range map[string]bool{
		"(Select one)":         true,
		"⚠ Overdue 1 h 41 min": true,
		"Keluhan: Not satisfied (2/5) on 5 Dec 2026: Safe will not open": true,
		"Done in · 12 min":                           true,
		"Tingkat 4: Manajemen":                       false,
		"⚠ Terlambat 1 jam 41 menit":                 false,
		"Kamar 1015 · Mardiyah — Safe will not open": false,
		"Housekeeping → Housekeeping":                false,
	} {
		if seen(s) != want {
			t.Errorf("%q seen as English: %v, want %v", s, !want, want)
		}
	}
}
