package app

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/requests"
	"frontdesk/standards"
	"frontdesk/words"
)

// requestsScreen is the queue: standing views with their counts (open, needing
// attention, overdue, due soon, awaiting follow-up, history), narrowed by "mine",
// department and status, in requests.CompareAttention order; the selected request's
// detail on the right. Each person lands on their own work: "Mine only" as they left it,
// and department staff on their department's queue.
type requestsScreen struct {
	u       *UI
	content fyne.CanvasObject

	view       requests.View
	viewButton map[requests.View]*widget.Button
	mine       *widget.Check
	department *widget.Select
	deptCode   string // the department the queue is narrowed to; "" for all
	status     *widget.Select
	statusOf   func(string) requests.Status
	depts      []standards.Department
	quiet      bool // the filter widgets are being set from code: no reload for each

	rows     []requests.Summary
	list     *widget.List
	selected string // the ID of the highlighted row: the request in the detail pane
	follow   bool   // the list's selection is being moved to follow the request
	more     *widget.Button
	info     *widget.Label
	detail   *requestDetail
	seq      int
}

// queuePage is one load of the queue: a page of rows and the counts per view.
type queuePage struct {
	rows   []requests.Summary
	counts requests.Counts
}

func newRequestsScreen(u *UI) *requestsScreen {
	s := &requestsScreen{u: u, view: requests.ViewOpen, viewButton: map[requests.View]*widget.Button{}, deptCode: u.actor.HomeDepartment()}
	s.detail = newRequestDetail(u, s.reload)
	s.list = widget.NewList(func() int { return len(s.rows) }, func() fyne.CanvasObject { return newRequestRow() }, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		s.selected = s.rows[id].ID
		if !s.follow {
			s.detail.open(s.selected)
		}
	}
	s.more = widget.NewButton(lang.L("Show more"), s.loadMore)
	s.more.Hide()
	s.info = subtle("")
	left := container.NewBorder(s.filters(), container.NewBorder(nil, nil, s.info, s.more), nil, nil, s.list)
	split := container.NewHSplit(left, s.detail.scroll)
	split.Offset = 0.52
	s.content = split
	return s
}

// filters is the bar above the queue: one button per view with its count, then the
// narrowing choices and the New request button.
func (s *requestsScreen) filters() fyne.CanvasObject {
	views := container.NewHBox()
	for _, v := range requests.Views {
		b := widget.NewButton(label(words.View, v), func() { s.setView(v) })
		s.viewButton[v] = b
		views.Add(b)
	}
	s.mine = widget.NewCheck(lang.L("Mine only"), s.onMine)
	s.mine.Checked = mineOnly(s.u.actor.ID)
	s.department = newSelect(nil, s.onDepartment)
	s.department.PlaceHolder = lang.L("All departments")
	statuses, statusOf := options(words.Status, requests.Statuses)
	s.status = newSelect(append([]string{lang.L("Any status")}, statuses...), func(string) { s.changed() })
	s.status.PlaceHolder = lang.L("Any status")
	s.statusOf = statusOf
	add := widget.NewButtonWithIcon(lang.L("New request (Ctrl+N)"), theme.ContentAddIcon(), func() { s.u.showNewRequest() })
	add.Importance = widget.HighImportance
	narrow := container.NewBorder(nil, nil, container.NewHBox(s.mine, s.department, s.status), add)
	s.markView()
	return container.NewVBox(views, narrow, widget.NewSeparator())
}

// onMine remembers the person's choice for their next visit and narrows the queue.
func (s *requestsScreen) onMine(on bool) {
	rememberMineOnly(s.u.actor.ID, on)
	s.changed()
}

// onDepartment narrows the queue to the department chosen by name.
func (s *requestsScreen) onDepartment(name string) {
	s.deptCode = ""
	for _, d := range s.depts {
		if d.Name == name {
			s.deptCode = d.Code
		}
	}
	s.changed()
}

// changed reloads after the person changed a filter, not while code sets them.
func (s *requestsScreen) changed() {
	if !s.quiet {
		s.reload()
	}
}

// setFilter sets the filter widgets to f: its view, "mine", department and status, for
// the next load.
func (s *requestsScreen) setFilter(f requests.Filter) {
	s.quiet = true
	s.mine.SetChecked(f.Mine != "")
	s.deptCode = f.Department
	s.showDepartment()
	s.status.SetSelectedIndex(0)
	if f.Status != "" {
		s.status.SetSelected(label(words.Status, f.Status))
	}
	s.quiet = false
	s.view = f.View
	if s.view == "" {
		s.view = requests.ViewOpen
	}
	s.markView()
}

// showRequest brings the Requests screen forward with one request open.
func (u *UI) showRequest(id string) {
	u.showTab(u.requests.content)
	u.requests.detail.open(id)
}

func (s *requestsScreen) setView(v requests.View) {
	s.view = v
	s.markView()
	s.reload()
}

// markView highlights the current view's button.
func (s *requestsScreen) markView() {
	for v, b := range s.viewButton {
		b.Importance = widget.LowImportance
		if v == s.view {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}

// filter is the queue's current filter; offset pages through it.
func (s *requestsScreen) filter(offset int) requests.Filter {
	f := requests.Filter{View: s.view, Department: s.deptCode, Offset: offset}
	if s.mine.Checked {
		f.Mine, f.MineRole = s.u.actor.ID, s.u.actor.Role
	}
	if s.status.SelectedIndex() > 0 {
		f.Status = s.statusOf(s.status.Selected)
	}
	return f
}

// reload loads the first page and the counts; an older load never overwrites a newer one.
func (s *requestsScreen) reload() {
	if s.mine == nil {
		return
	}
	if s.depts == nil {
		s.loadDepartments()
	}
	s.seq++
	seq, f := s.seq, s.filter(0)
	background(s.u, s.loadPage(f), func(p queuePage, err error) {
		if seq != s.seq {
			return
		}
		if err != nil {
			s.u.showError("load requests", err)
			return
		}
		s.rows = p.rows
		s.list.Refresh()
		s.selectShown()
		s.showCounts(p.counts, f)
	})
}

// selectShown highlights the row of the request the detail pane shows, wherever a new
// sort put it, and none when it has left the list: the selection follows the request,
// not the row number.
func (s *requestsScreen) selectShown() {
	if d := s.detail.current; d != nil {
		for i, r := range s.rows {
			if r.ID == d.ID {
				s.follow = true
				s.list.Select(i)
				s.follow = false
				return
			}
		}
	}
	s.selected = ""
	s.list.UnselectAll()
}

func (s *requestsScreen) loadDepartments() {
	background(s.u, s.u.svc.Standards.ListDepartments, func(ds []standards.Department, err error) {
		if err != nil {
			s.u.showError("load departments", err)
			return
		}
		s.depts = ds
		names := []string{lang.L("All departments")}
		for _, d := range ds {
			names = append(names, d.Name)
		}
		s.department.SetOptions(names)
		s.quiet = true
		found := s.showDepartment()
		s.quiet = false
		if !found { // a department no longer in use: the whole house's queue
			s.deptCode = ""
			s.reload()
		}
	})
}

// showDepartment selects the queue's department in its list once the list is loaded, and
// reports whether the list has it.
func (s *requestsScreen) showDepartment() bool {
	switch {
	case s.depts == nil: // shown when the list arrives
		return true
	case s.deptCode == "":
		s.department.SetSelectedIndex(0)
		return true
	}
	for _, d := range s.depts {
		if d.Code == s.deptCode {
			s.department.SetSelected(d.Name)
			return true
		}
	}
	return false
}

// showCounts labels every view button with its count and says how much is shown.
func (s *requestsScreen) showCounts(c requests.Counts, f requests.Filter) {
	for v, b := range s.viewButton {
		text := label(words.View, v)
		if v != requests.ViewHistory {
			text = fmt.Sprintf("%s (%d)", text, c[v])
		}
		if v == requests.ViewOverdue && c[v] > 0 {
			text = "⚠ " + text
		}
		b.SetText(text)
	}
	s.u.countedNeedsYou(f, c)
	total := c[s.view]
	s.info.SetText(lang.L("Showing {{.Shown}} of {{.Total}}", map[string]any{"Shown": len(s.rows), "Total": total}))
	s.more.Hidden = len(s.rows) >= total
	s.more.Refresh()
	if len(s.rows) == 0 {
		s.info.SetText(lang.L("Nothing here. Well done."))
	}
}

// loadPage reads a page of the queue and the counts of every view.
func (s *requestsScreen) loadPage(f requests.Filter) func(context.Context) (queuePage, error) {
	return func(ctx context.Context) (queuePage, error) {
		rows, err := s.u.svc.Requests.ListRequests(ctx, f)
		if err != nil {
			return queuePage{}, err
		}
		counts, err := s.u.svc.Requests.CountRequests(ctx, f)
		return queuePage{rows, counts}, err
	}
}

// loadMore appends the next page.
func (s *requestsScreen) loadMore() {
	seq, f := s.seq, s.filter(len(s.rows))
	background(s.u, s.loadPage(f), func(p queuePage, err error) {
		if seq != s.seq || err != nil {
			return
		}
		s.rows = append(s.rows, p.rows...)
		s.list.Refresh()
		s.showCounts(p.counts, f)
	})
}

func (s *requestsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	o.(*requestRow).set(&s.rows[id], s.u.now())
}

// requestRow is one queue line: the attention badge, what was asked, and where it stands.
type requestRow struct {
	widget.BaseWidget
	badge        *badge
	title, where *widget.Label
	detail       *widget.Label
}

func newRequestRow() *requestRow {
	r := &requestRow{badge: newBadge("", colOnTrack), title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		where: widget.NewLabel(""), detail: widget.NewLabel("")}
	r.detail.SizeName = theme.SizeNameCaptionText
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer stacks the badge and title over the detail line.
func (r *requestRow) CreateRenderer() fyne.WidgetRenderer {
	badgeBox := container.NewGridWrap(fyne.NewSize(badgeWidth, r.title.MinSize().Height), container.NewCenter(r.badge))
	top := container.NewBorder(nil, nil, badgeBox, r.where, r.title)
	return widget.NewSimpleRenderer(container.NewVBox(top, r.detail))
}

func (r *requestRow) set(s *requests.Summary, now time.Time) {
	text, col := attention(&s.Request, now)
	r.badge.set(text, col)
	r.title.SetText(requestText(&s.Request))
	r.where.SetText(whereFrom(s))
	r.detail.SetText(summaryLine(s))
}

// summaryLine is "Extra towels → Housekeeping · Dewi Lestari · Acknowledged · ⇧ L2 Rina".
func summaryLine(s *requests.Summary) string {
	line := s.CategoryName + " → " + s.DepartmentName + " · " + s.OwnerName + " · " + label(words.Status, s.Status)
	if s.Priority != requests.PriorityNormal {
		line = label(words.Priority, s.Priority) + " · " + line
	}
	if s.Kind == requests.KindComplaint && !s.CategoryComplaint {
		line = lang.L("Complaint") + " · " + line
	}
	if s.EscalationLevel > 0 {
		to := s.EscalatedName
		if to == "" {
			to = label(words.EscalationTarget, s.EscalationTarget)
		}
		line += " · ⇧ " + lang.L("Level {{.Level}}: {{.To}}", map[string]any{"Level": s.EscalationLevel, "To": to})
	}
	if s.Score > 0 {
		line += " · " + scoreText(s.Score)
	}
	return line
}
