package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/guests"
)

// guestsScreen finds guests as the agent types and shows the chosen profile beside the
// results.
type guestsScreen struct {
	u        *UI
	content  fyne.CanvasObject
	search   *searchEntry
	status   *widget.Label
	list     *widget.List
	results  []guests.Match
	rows     map[*fyne.Container]*resultRow // the widgets of each recycled list row
	selected int
	profile  *profileView
	searchNo int                // the newest search; results of older keystrokes are dropped
	cancel   context.CancelFunc // stops the newest search's query when a keystroke overtakes it
	shownID  string
}

func newGuestsScreen(u *UI) *guestsScreen {
	s := &guestsScreen{u: u, selected: -1}
	s.search = newSearchEntry()
	s.search.SetPlaceHolder(lang.L("Search guests: name, room, phone, e-mail or loyalty number (Ctrl+F)"))
	s.search.OnChanged = s.onSearchChanged
	s.search.onDown = func() { s.move(1) }
	s.search.onUp = func() { s.move(-1) }
	s.search.onEnter = s.onEnter
	s.search.onEscape = func() { s.search.SetText("") }
	s.search.onShortcut = u.windowShortcut
	s.status = subtle(lang.L("Type to search."))
	s.rows = map[*fyne.Container]*resultRow{}
	s.list = widget.NewList(s.count, s.newResultRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.profile = newProfileView(u, s.reloadProfile)
	newGuest := widget.NewButtonWithIcon(lang.L("New guest"), theme.ContentAddIcon(), s.onNewGuest)
	newGuest.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, nil, newGuest, s.search)
	left := container.NewBorder(s.status, nil, nil, nil, s.list)
	split := container.NewHSplit(left, s.profile.scroll)
	split.SetOffset(0.42)
	s.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, split)
	return s
}

func (s *guestsScreen) count() int { return len(s.results) }

// onSearchChanged starts a search for the new text and cancels the query of the one
// before, which nobody will see; only the newest one's results show.
func (s *guestsScreen) onSearchChanged(text string) {
	s.searchNo++
	no := s.searchNo
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	if guests.ParseTerms(text).Empty() {
		s.setResults(nil, lang.L("Type to search."))
		return
	}
	ctx, cancel := context.WithCancel(s.u.ctx())
	s.cancel = cancel
	backgroundIn(s.u, ctx, func(ctx context.Context) ([]guests.Match, error) {
		return s.u.svc.Guests.SearchGuests(ctx, guests.Query{Text: text})
	}, func(ms []guests.Match, err error) {
		cancel() // done: release the context
		if no != s.searchNo {
			return // a later keystroke has its own search
		}
		if err != nil {
			logErr("search", err)
			s.setResults(nil, message(err))
			return
		}
		s.setResults(ms, s.resultStatus(len(ms)))
	})
}

func (s *guestsScreen) resultStatus(n int) string {
	switch {
	case n == 0:
		return lang.L("No guest matches. Check the spelling, or create a new guest.")
	case n >= guests.DefaultSearchLimit:
		return lang.L("Showing the first {{.Count}} matches; type more to narrow down.", map[string]any{"Count": n})
	}
	return lang.N("{{.Count}} guest found", n, map[string]any{"Count": n})
}

func (s *guestsScreen) setResults(ms []guests.Match, status string) {
	s.results = ms
	s.selected = -1
	s.list.UnselectAll()
	s.list.Refresh()
	s.list.ScrollToTop()
	s.status.SetText(status)
}

// move highlights the next or previous result and opens it.
func (s *guestsScreen) move(delta int) {
	if len(s.results) == 0 {
		return
	}
	next := min(max(s.selected+delta, 0), len(s.results)-1)
	s.list.Select(next)
	s.list.ScrollTo(next)
}

// onEnter opens the highlighted result, or the first one.
func (s *guestsScreen) onEnter() {
	if len(s.results) > 0 && s.selected < 0 {
		s.list.Select(0)
	}
}

func (s *guestsScreen) onSelected(id widget.ListItemID) {
	s.selected = id
	if id >= 0 && id < len(s.results) {
		s.open(s.results[id].ID)
	}
}

// open loads a guest's profile into the panel.
func (s *guestsScreen) open(guestID string) {
	s.shownID = guestID
	background(s.u, func(ctx context.Context) (*guests.Profile, error) {
		return s.u.svc.Guests.FindGuestByID(ctx, guestID)
	}, func(p *guests.Profile, err error) {
		if guestID != s.shownID {
			return // another guest was chosen meanwhile
		}
		if err != nil {
			s.u.showError("open profile", err)
			s.profile.showEmpty()
			return
		}
		s.profile.show(p)
	})
}

func (s *guestsScreen) reloadProfile() {
	if s.shownID != "" {
		s.open(s.shownID)
	}
}

func (s *guestsScreen) onNewGuest() {
	s.u.editGuest(guests.Guest{}, func(id string) { s.open(id) })
}

// resultRow is one result: name with badges, then where the guest is, in one text block
// so the two lines share one padding and more guests fit on screen.
type resultRow struct {
	text              *widget.RichText
	name, detail      *widget.TextSegment
	tier, vip, casino *badge
	alert             *badge
}

func (s *guestsScreen) newResultRow() fyne.CanvasObject {
	r := &resultRow{
		name:   &widget.TextSegment{Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}},
		detail: &widget.TextSegment{Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}},
		tier:   newBadge("", colGold), vip: newBadge("", colVIP), casino: newBadge("", colCasino),
		alert: newBadge("", colAlert),
	}
	r.text = widget.NewRichText(r.name, r.detail)
	r.text.Truncation = fyne.TextTruncateEllipsis
	badges := container.NewVBox(container.NewHBox(r.alert, r.vip, r.tier, r.casino))
	box := container.NewBorder(nil, nil, nil, container.NewPadded(badges), r.text)
	s.rows[box] = r
	return box
}

func (s *guestsScreen) updateRow(id widget.ListItemID, obj fyne.CanvasObject) {
	r := s.rows[obj.(*fyne.Container)]
	m := s.results[id]
	r.name.Text = m.FullName()
	r.detail.Text = matchDetail(&m)
	r.text.Refresh()
	r.tier.set(tierBadge(m.Tier))
	vip := ""
	if m.VIP {
		vip = lang.L("VIP")
	}
	r.vip.set(vip, colVIP)
	r.casino.set(casinoBadge(m.CasinoTier))
	alert := ""
	if m.AlertCount > 0 {
		alert = "⚠ " + lang.N("{{.Count}} alert", m.AlertCount, map[string]any{"Count": m.AlertCount})
	}
	r.alert.set(alert, colAlert)
}

// matchDetail says where the guest is: in house, arriving, or when they last stayed.
func matchDetail(m *guests.Match) string {
	contact := m.Email
	if contact == "" {
		contact = m.LoyaltyNumber
	}
	if m.Stay == nil {
		if contact == "" {
			return lang.L("No stays yet")
		}
		return contact
	}
	var where string
	switch m.Stay.Status {
	case guests.StayInHouse:
		where = fmt.Sprintf("%s %s · %s", lang.L("In house, room"), m.Stay.Room, stayRange(m.Stay))
	case guests.StayExpected:
		where = fmt.Sprintf("%s %s", lang.L("Arrives"), shortDate(m.Stay.Arrival))
	default:
		where = fmt.Sprintf("%s %s", lang.L("Last stay"), shortDate(m.Stay.Arrival))
	}
	if contact == "" {
		return where
	}
	return where + " · " + contact
}

// openGuest brings the Guests screen forward with a guest's profile open.
func (u *UI) openGuest(id string) {
	u.showTab(u.guests.content)
	u.guests.open(id)
}
