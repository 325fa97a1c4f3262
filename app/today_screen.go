package app

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/anticipation"
	"frontdesk/guests"
	"frontdesk/loans"
	"frontdesk/requests"
	"frontdesk/staff"
	"frontdesk/standards"
	"frontdesk/words"
)

// promptColour tells the kinds apart at a glance; the badge always says the kind too.
func promptColour(k anticipation.PromptKind) color.Color {
	switch k {
	case anticipation.KindRecovery:
		return colOverdue
	case anticipation.KindWelcome:
		return colVIP
	case anticipation.KindOccasion:
		return colCasino
	}
	return colFollowUp
}

// Sizes of the Today lists; the full lists are a click away.
const (
	todayMine      = 12
	todayOverdue   = 10
	todayLoans     = 8
	todayPrompts   = 10
	todayHabits    = 5
	todayArrivals  = 15
	todayVIPs      = 10
	todayLeaving   = 10
	todayOccasions = 10
	todayAllCap    = 200 // rows a list shows after "Show all"; the filter finds the rest
)

// todayScreen is the first screen of every shift: prompts to act on, the person's own
// requests and follow-ups due, arrivals with their preparation, VIPs and occasions in
// house, and for managers what is overdue across the property.
type todayScreen struct {
	u        *UI
	content  fyne.CanvasObject
	left     *fyne.Container
	right    *fyne.Container
	status   *widget.Label
	board    *widget.Select  // whose board: managers look at any department's
	boardOf  *widget.Label   // whose board, for someone with only their own
	pick     *fyne.Container // the select, at a width that shows a department's name
	filter   *keyEntry       // a guest's name or room, to find them on a long board
	audience string          // the board chosen; empty: the person's own
	boards   []string        // the audiences the select offers, as its options are
	data     *todayData
	seq      int
	all      map[string]bool           // lists shown in full after "Show all"
	undos    map[string]*widget.Button // the Undo of each prompt just acted on, by key
}

// todayData is one load of the Today screen.
type todayData struct {
	board        *anticipation.Board
	mine         []requests.Summary
	mineCounts   requests.Counts
	overdue      []requests.Summary
	overdueCount int
	loans        []loans.Loan
	departments  []standards.Department // the boards' names
}

func newTodayScreen(u *UI) *todayScreen {
	s := &todayScreen{u: u, left: container.NewVBox(), right: container.NewVBox(), status: subtle(""), all: map[string]bool{},
		undos: map[string]*widget.Button{}}
	refresh := widget.NewButtonWithIcon(lang.L("Refresh"), theme.ViewRefreshIcon(), s.reload)
	refresh.Importance = widget.LowImportance
	s.board = widget.NewSelect(nil, s.chooseBoard)
	s.boardOf = widget.NewLabel("")
	s.boardOf.TextStyle.Bold = true
	s.filter = entryWith("", lang.L("Find a guest or room on this board"))
	s.filter.OnChanged = func(string) { s.filterSoon() }
	find := container.NewGridWrap(fyne.NewSize(300, s.filter.MinSize().Height), s.filter)
	s.pick = container.NewGridWrap(fyne.NewSize(240, s.filter.MinSize().Height), s.board)
	s.pick.Hide()
	tools := container.NewHBox(s.boardOf, s.pick, find, s.status, refresh)
	top := container.NewBorder(nil, nil, heading(lang.L("Today")), tools)
	// Scrolling both ways keeps a long translation or name from widening the window.
	cols := container.NewGridWithColumns(2, container.NewScroll(s.left), container.NewScroll(s.right))
	s.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, cols)
	return s
}

// reload gathers everything for the screen off the UI goroutine.
func (s *todayScreen) reload() {
	if s.u.svc.Today == nil {
		return
	}
	s.seq++
	seq, actor := s.seq, s.u.actor
	q := anticipation.BoardQuery{Now: s.u.now(), Audience: s.audience, Filter: s.filter.Text}
	for list, whole := range s.all {
		if whole {
			q.All = append(q.All, list)
		}
	}
	s.status.SetText(lang.L("Loading…"))
	background(s.u, func(ctx context.Context) (*todayData, error) {
		return loadToday(ctx, s.u.svc, q, actor)
	}, func(d *todayData, err error) {
		if seq != s.seq {
			return
		}
		if err != nil {
			s.status.SetText("")
			s.u.showError("load today", err)
			return
		}
		s.data = d
		s.offerBoards(d.board.Audience)
		s.u.countedNeedsYou(requests.Filter{Mine: actor.ID, MineRole: actor.Role}, d.mineCounts)
		s.status.SetText(lang.L("Updated {{.Time}}", map[string]any{"Time": s.u.now().Format("15:04")}))
		s.show(d)
	})
}

func loadToday(ctx context.Context, svc Services, q anticipation.BoardQuery, actor staff.Actor) (*todayData, error) {
	d := &todayData{}
	var err error
	if d.board, err = svc.Today.Today(ctx, q); err != nil {
		return nil, err
	}
	if d.departments, err = svc.Standards.ListDepartments(ctx); err != nil {
		return nil, err
	}
	mine := requests.Filter{Mine: actor.ID, MineRole: actor.Role, Limit: todayMine}
	if d.mine, err = svc.Requests.ListRequests(ctx, mine); err != nil {
		return nil, err
	}
	if d.mineCounts, err = svc.Requests.CountRequests(ctx, mine); err != nil {
		return nil, err
	}
	if actor.Role.IsManager() {
		all := requests.Filter{View: requests.ViewOverdue, Limit: todayOverdue}
		if d.overdue, err = svc.Requests.ListRequests(ctx, all); err != nil {
			return nil, err
		}
		counts, err := svc.Requests.CountRequests(ctx, all)
		if err != nil {
			return nil, err
		}
		d.overdueCount = counts[requests.ViewOverdue]
	}
	d.loans, err = svc.Loans.ListLoans(ctx, loans.Filter{OverdueOnly: true, Limit: todayLoans})
	return d, err
}

// show lays the board out: the person's own work first, above anything to prepare.
func (s *todayScreen) show(d *todayData) {
	s.left.Objects = []fyne.CanvasObject{s.mineCard(d)}
	if s.u.actor.Role.IsManager() {
		s.left.Add(s.overdueCard(d))
	}
	s.left.Add(s.promptsCard(d.board))
	if d.board.Counts[anticipation.ListHabits] > 0 {
		s.left.Add(s.habitsCard(d.board))
	}
	s.right.Objects = nil
	if len(d.board.Demand) > 0 {
		s.right.Add(s.demandCard(d.board.Demand))
	}
	s.right.Objects = append(s.right.Objects, s.arrivalsCard(d.board))
	if d.board.Audience == standards.DeptFrontDesk || d.board.Counts[anticipation.ListDepartures] > 0 {
		s.right.Add(s.departuresCard(d.board))
	}
	s.right.Objects = append(s.right.Objects, s.vipCard(d.board), s.occasionsCard(d.board))
	if len(d.loans) > 0 {
		s.right.Add(s.loansCard(d.loans))
	}
	s.left.Refresh()
	s.right.Refresh()
}

// promptsCard lists what to do before the guest has to ask, the most important first
// (the board's order), each with its one-click action and a dismissal that asks why.
func (s *todayScreen) promptsCard(b *anticipation.Board) fyne.CanvasObject {
	n := b.Counts[anticipation.ListPrompts]
	rows := shortList(s, anticipation.ListPrompts, todayPrompts, b.Prompts, n, s.promptRow, s.empty(lang.L("Nothing to prepare right now.")))
	title := lang.L("Prompts to act on ({{.Count}})", map[string]any{"Count": n})
	return card(title, lang.L("Act before the guest has to ask"), rows)
}

// habitsCard lists the requests guests keep making that could be saved as standing
// preferences, under the prompts: worth doing, never urgent, and at a resort thousands.
func (s *todayScreen) habitsCard(b *anticipation.Board) fyne.CanvasObject {
	n := b.Counts[anticipation.ListHabits]
	rows := shortList(s, anticipation.ListHabits, todayHabits, b.Habits, n, s.promptRow, s.empty(""))
	title := lang.L("Habits worth saving ({{.Count}})", map[string]any{"Count": n})
	return card(title, lang.L("Requests guests keep making: save them as preferences so nobody has to ask again"), rows)
}

// empty is what an empty list says: that the filter found no one, when one is typed.
func (s *todayScreen) empty(none string) string {
	if strings.TrimSpace(s.filter.Text) != "" {
		return lang.L("No one on this list matches “{{.Text}}”.", map[string]any{"Text": strings.TrimSpace(s.filter.Text)})
	}
	return none
}

// card is a Today card whose subtitle wraps (translations can be long).
func card(title, subtitle string, content fyne.CanvasObject) *widget.Card {
	sub := subtle(subtitle)
	sub.Wrapping = fyne.TextWrapWord
	return widget.NewCard(title, "", container.NewVBox(sub, content))
}

// shortList shows the first n of a list of total items (the board carries the first
// anticipation.ListShort unless the list was asked for whole) as rows, then "Show all"
// until it is pressed, or empty when there are none. Shown whole, a list stops at
// todayAllCap rows and says how many more the filter can find.
func shortList[T any](s *todayScreen, list string, n int, items []T, total int, row func(T) fyne.CanvasObject, empty string) *fyne.Container {
	rows := container.NewVBox()
	limit := n
	if s.all[list] {
		limit = todayAllCap
	}
	for i, it := range items {
		if i == limit {
			break
		}
		rows.Add(row(it))
	}
	shown := min(len(items), limit)
	switch {
	case total == 0:
		rows.Add(subtle(empty))
	case !s.all[list] && total > shown:
		rows.Add(s.showAll(list, total))
	case total > shown:
		// A resort raises thousands of prompts; thousands of rows would stall the window.
		rows.Add(subtle(lang.L("… and {{.Count}} more: type a name or room above to find them", map[string]any{"Count": total - shown})))
	}
	return rows
}

// showAll is the button that lists every row of a shortened list: the board is read
// again with the list whole.
func (s *todayScreen) showAll(list string, n int) fyne.CanvasObject {
	b := widget.NewButton(lang.L("Show all {{.Count}}", map[string]any{"Count": n}), func() {
		s.all[list] = true
		s.reload()
	})
	b.Importance = widget.LowImportance
	return b
}

func (s *todayScreen) promptRow(p anticipation.Prompt) fyne.CanvasObject {
	slot := container.NewStack()
	slot.Add(s.promptContent(p, slot))
	return slot
}

// promptContent is a prompt's sentence and buttons; acting on it turns slot into the
// result, in the same place.
func (s *todayScreen) promptContent(p anticipation.Prompt, slot *fyne.Container) fyne.CanvasObject {
	text := widget.NewLabel(promptText(p))
	text.Wrapping = fyne.TextWrapWord
	act := widget.NewButton(label(words.PromptAction, p.Kind), func() { s.act(p, slot) })
	act.Importance = widget.HighImportance
	dismiss := widget.NewButton(lang.L("Dismiss…"), func() { s.dismiss(p) })
	dismiss.Importance = widget.LowImportance
	open := widget.NewButtonWithIcon(lang.L("Profile"), theme.AccountIcon(), func() { s.u.openGuest(p.GuestID) })
	open.Importance = widget.LowImportance
	kind := newBadge(label(words.PromptKind, p.Kind), promptColour(p.Kind))
	buttons := container.NewCenter(container.NewHBox(open, act, dismiss))
	return container.NewVBox(container.NewBorder(nil, nil, container.NewCenter(kind), buttons, text), widget.NewSeparator())
}

// promptText is the sentence a prompt shows.
func promptText(p anticipation.Prompt) string {
	who := p.GuestName
	if p.Room != "" {
		who += " · " + lang.L("Room {{.Room}}", map[string]any{"Room": p.Room})
	}
	switch p.Kind {
	case anticipation.KindPrepare:
		var wishes []string
		for _, t := range p.Tasks {
			wishes = append(wishes, t.Description)
		}
		text := who + ": " + lang.N("{{.Count}} task before arrival", len(p.Tasks), map[string]any{"Count": len(p.Tasks)}) +
			" — " + clip(strings.Join(unique(wishes), "; "), 140)
		for _, t := range p.Tasks {
			if c := conflictText(t); c != "" {
				text += "\n⚠ " + c
			}
		}
		return text
	case anticipation.KindOccasion:
		return who + ": " + lang.L("{{.Occasion}} on {{.Date}}", map[string]any{"Occasion": occasionTitle(p.Occasion), "Date": dayMonth(p.When.Month(), p.When.Day())})
	case anticipation.KindRepeat:
		return who + ": " + lang.L("asked again for “{{.Subject}}”. Save it as a standing preference?", map[string]any{"Subject": p.Subject})
	case anticipation.KindRecovery:
		return who + ": " + lang.L("was not happy with “{{.Subject}}”. A manager should check in.", map[string]any{"Subject": clip(p.Subject, 80)})
	case anticipation.KindWelcome:
		return who + ": " + lang.L("no welcome contact logged yet.")
	}
	return who
}

// conflictText says why a wish waits for a person's choice, or nothing.
func conflictText(t anticipation.Task) string {
	switch t.Conflict {
	case anticipation.ConflictAllergy:
		return lang.L("“{{.Wish}}” may clash with the allergy “{{.Allergy}}”: check with the guest before preparing.",
			map[string]any{"Wish": clip(t.Description, 60), "Allergy": clip(t.ConflictWith, 60)})
	case anticipation.ConflictChoice:
		return lang.L("“{{.Wish}}” and “{{.Other}}” cannot both be prepared: ask the guest which one for this stay.",
			map[string]any{"Wish": clip(t.Description, 60), "Other": clip(t.ConflictWith, 60)})
	case anticipation.ConflictShort:
		return lang.L("“{{.Wish}}”: not enough {{.Item}} for every arrival asking; choose who gets one.",
			map[string]any{"Wish": clip(t.Description, 60), "Item": t.ConflictWith})
	}
	return ""
}

// occasionTitle is the occasion's own label, or its kind's name translated.
func occasionTitle(o *guests.Occasion) string {
	if o.Label != "" {
		return o.Label
	}
	return label(words.Occasion, o.Kind)
}

func unique(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// act runs a prompt's one-click action. Its row then says what was done, naming the
// guest, with Undo, in the same place: the list does not move under the pointer, so a
// second click cannot land on the next guest. The board is read again a little later.
func (s *todayScreen) act(p anticipation.Prompt, slot *fyne.Container) {
	switch p.Kind {
	case anticipation.KindPrepare:
		stayID := p.StayID
		background(s.u, func(ctx context.Context) (int, error) { return s.u.svc.Today.PrepareArrival(ctx, stayID) }, func(n int, err error) {
			if err != nil {
				s.u.showError("prepare arrival", err)
				s.reload()
				return
			}
			s.done(p, slot, lang.N("✓ {{.Count}} task created for {{.Guest}}", n, map[string]any{"Count": n, "Guest": p.GuestName}))
			s.u.requestLogged(nil)
		})
	case anticipation.KindRecovery:
		s.askNote(p, false, lang.L("Log touch-point"), lang.L("What did you do or agree with the guest?"))
	default:
		s.resolve(p, anticipation.ResolutionFor(p), slot)
	}
}

func (s *todayScreen) resolve(p anticipation.Prompt, res anticipation.Resolution, slot *fyne.Container) {
	background(s.u, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, s.u.svc.Today.ResolvePrompt(ctx, res)
	}, func(_ struct{}, err error) {
		if err != nil {
			s.u.showError("act on prompt", err)
			s.reload()
			return
		}
		s.done(p, slot, doneText(p, res))
		if res.Request != nil || res.Preference != nil {
			s.u.requestLogged(nil)
		}
	})
}

// doneText says what a one-click resolution did, naming the guest.
func doneText(p anticipation.Prompt, res anticipation.Resolution) string {
	args := map[string]any{"Guest": p.GuestName}
	switch {
	case res.Request != nil:
		args["Task"] = requestText(res.Request)
		return lang.L("✓ Task logged for {{.Guest}}: {{.Task}}", args)
	case res.Preference != nil:
		args["Subject"] = res.Preference.Text
		return lang.L("✓ Saved as a standing preference of {{.Guest}}: {{.Subject}}", args)
	}
	return lang.L("✓ Welcome contact logged for {{.Guest}}", args)
}

// undoShown is how long a prompt's result and its Undo stay on the board before the
// board is read again; the store accepts the undo for longer (anticipation.UndoWindow).
const undoShown = 10 * time.Second

// done puts the result of acting on p in its row, with Undo.
func (s *todayScreen) done(p anticipation.Prompt, slot *fyne.Container, what string) {
	text := widget.NewLabel(what)
	text.Wrapping = fyne.TextWrapWord
	text.Importance = widget.SuccessImportance
	undo := widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), nil)
	undo.OnTapped = func() {
		undo.Disable()
		s.undo(p.Key)
	}
	keep := canvas.NewRectangle(color.Transparent) // the row keeps its height: nothing below moves
	keep.SetMinSize(fyne.NewSize(0, slot.MinSize().Height))
	middle := container.NewVBox(layout.NewSpacer(), text, layout.NewSpacer())
	result := container.NewBorder(nil, widget.NewSeparator(), nil, container.NewCenter(undo), middle)
	slot.Objects = []fyne.CanvasObject{keep, result}
	slot.Refresh()
	s.undos[p.Key] = undo
	time.AfterFunc(undoShown, func() { s.u.do(s.reload) })
}

// undo takes back what acting on the prompt with key did.
func (s *todayScreen) undo(key string) {
	background(s.u, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, s.u.svc.Today.UndoPrompt(ctx, key)
	}, func(_ struct{}, err error) {
		if err != nil {
			s.u.showError("undo", err)
		}
		s.reload()
		s.u.requestLogged(nil)
	})
}

// dismiss asks why the prompt needs nothing, so the next shift knows.
func (s *todayScreen) dismiss(p anticipation.Prompt) {
	s.askNote(p, true, lang.L("Dismiss"), lang.L("Why does this not need doing?"))
}

func (s *todayScreen) askNote(p anticipation.Prompt, dismissed bool, title, question string) {
	note := newMultiLineEntry()
	note.SetMinRowsVisible(4)
	note.Wrapping = fyne.TextWrapWord
	ask := widget.NewLabel(question)
	ask.Wrapping = fyne.TextWrapWord
	// The question above the box, not beside it: beside it, it left the box 150 px wide.
	f := newForm()
	f.add("question", "", ask)
	f.add(anticipation.FieldNote, "", note)
	f.add("length", "", lengthHint(note, anticipation.MaxNote))
	s.u.showForm(title, title, f, func() func(context.Context) error {
		res := anticipation.Resolution{Key: p.Key, Kind: p.Kind, GuestID: p.GuestID, Dismissed: dismissed, Note: note.Text}
		return func(ctx context.Context) error { return s.u.svc.Today.ResolvePrompt(ctx, res) }
	}, s.reload)
	s.u.win.Canvas().Focus(note)
}

// mineCard lists the person's own requests and follow-ups, what is due first.
func (s *todayScreen) mineCard(d *todayData) fyne.CanvasObject {
	rows := container.NewVBox()
	now := s.u.now()
	for i := range d.mine {
		rows.Add(s.requestLine(&d.mine[i], now))
	}
	if len(d.mine) == 0 {
		rows.Add(subtle(lang.L("Nothing of yours is open.")))
	}
	sub := lang.L("{{.Overdue}} overdue · {{.Soon}} due soon · {{.FollowUp}} to follow up", map[string]any{
		"Overdue": d.mineCounts[requests.ViewOverdue], "Soon": d.mineCounts[requests.ViewDueSoon], "FollowUp": d.mineCounts[requests.ViewFollowUp]})
	return card(lang.L("My requests and follow-ups"), sub, rows)
}

// overdueCard shows a manager what is late across the property.
func (s *todayScreen) overdueCard(d *todayData) fyne.CanvasObject {
	rows := container.NewVBox()
	now := s.u.now()
	for i := range d.overdue {
		rows.Add(s.requestLine(&d.overdue[i], now))
	}
	if len(d.overdue) == 0 {
		rows.Add(subtle(lang.L("Nothing is overdue.")))
	}
	title := lang.L("Overdue across the property ({{.Count}})", map[string]any{"Count": d.overdueCount})
	return widget.NewCard(title, "", rows)
}

// requestLine is a compact request row with a button that opens the request.
func (s *todayScreen) requestLine(r *requests.Summary, now time.Time) fyne.CanvasObject {
	text, col := attention(&r.Request, now)
	line := widget.NewLabel(requestText(&r.Request) + " · " + whereFrom(r))
	line.Truncation = fyne.TextTruncateEllipsis
	open := widget.NewButtonWithIcon(lang.L("Open"), theme.NavigateNextIcon(), func() { s.u.showRequest(r.ID) })
	open.Importance = widget.LowImportance
	badge := container.NewGridWrap(fyne.NewSize(badgeWidth, line.MinSize().Height), container.NewCenter(newBadge(text, col)))
	return container.NewBorder(nil, nil, badge, open, line)
}

// demandCard shows what arrivals' wishes ask of the loanable items against what is left,
// before anyone promises what the property does not have.
func (s *todayScreen) demandCard(ds []anticipation.ItemDemand) fyne.CanvasObject {
	rows := container.NewVBox()
	for _, d := range ds {
		text := lang.L("{{.Item}}: {{.Today}} asked for today, {{.Tomorrow}} tomorrow · {{.Left}} left", map[string]any{
			"Item": d.ItemName, "Today": d.Today, "Tomorrow": d.Tomorrow, "Left": d.Available})
		line := widget.NewLabel(text)
		line.Wrapping = fyne.TextWrapWord
		if d.Short() {
			line.Importance = widget.DangerImportance
			line.SetText("⚠ " + text + " — " + lang.L("not enough"))
		}
		rows.Add(line)
	}
	return card(lang.L("Items arrivals ask for"), lang.L("From their standing wishes, against what is left to lend"), rows)
}

// arrivalsCard lists today's and tomorrow's arrivals with their preparation and how to
// greet a returning guest. The board's order puts today's first, and what is not
// prepared before the rest.
func (s *todayScreen) arrivalsCard(b *anticipation.Board) fyne.CanvasObject {
	total := b.Counts[anticipation.ListArrivals]
	rows := shortList(s, anticipation.ListArrivals, todayArrivals, b.Arrivals, total, s.arrivalRow, s.empty(lang.L("No arrivals today or tomorrow.")))
	tomorrow := b.Counts[anticipation.CountTomorrow]
	sub := lang.L("{{.Today}} today · {{.Tomorrow}} tomorrow", map[string]any{"Today": total - tomorrow, "Tomorrow": tomorrow})
	return card(lang.L("Arrivals"), sub, rows)
}

func (s *todayScreen) arrivalRow(a anticipation.ArrivalCard) fyne.CanvasObject {
	name := widget.NewButton(a.Guest.DisplayName(), func() { s.u.openGuest(a.Guest.ID) })
	name.Alignment = widget.ButtonAlignLeading
	name.Importance = widget.LowImportance
	badges := container.NewHBox()
	when := lang.L("Today")
	if a.Tomorrow {
		when = lang.L("Tomorrow")
	}
	badges.Add(newBadge(when, colOnTrack))
	if a.Guest.IsTopTier() {
		badges.Add(newBadge(lang.L("VIP"), colVIP))
	}
	if text, col := prepBadge(a); text != "" {
		badges.Add(newBadge(text, col))
	}
	if conflicted(a) {
		badges.Add(newBadge(lang.L("⚠ Needs a choice"), colOverdue))
	}
	line := widget.NewLabel(recognitionText(a.Recognition))
	line.SizeName = theme.SizeNameCaptionText
	line.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(container.NewHBox(name, badges), line, widget.NewSeparator())
}

// conflicted says whether a wish of a's waits for a person's choice (Task.Conflict).
func conflicted(a anticipation.ArrivalCard) bool {
	for _, t := range a.Judgement() {
		if t.Conflict != "" {
			return true
		}
	}
	return false
}

// prepBadge says how far preparation is, in words.
func prepBadge(a anticipation.ArrivalCard) (string, color.Color) {
	switch a.Prep {
	case anticipation.PrepReady:
		return lang.L("✓ Prepared"), colClosed
	case anticipation.PrepInProgress:
		return lang.L("◐ {{.Done}} of {{.Total}} ready", map[string]any{"Done": a.PrepDone, "Total": a.PrepTotal}), colDueSoon
	case anticipation.PrepNotStarted:
		return lang.L("○ Not prepared"), colOverdue
	case anticipation.PrepScheduled:
		return lang.L("⏱ Automatic at {{.Time}}", map[string]any{"Time": a.AutoAt.Format("15:04")}), colOnTrack
	}
	return "", nil
}

// recognitionText is "5th stay · last here Mar 2026 · last stay: AC not cooling, not
// satisfied 2/5", or "First stay".
func recognitionText(r anticipation.Recognition) string {
	if r.Visit <= 1 || r.LastStay == nil {
		return lang.L("First stay")
	}
	text := lang.L("Stay number {{.Visit}} · last here {{.Month}} {{.Year}}", map[string]any{
		"Visit": r.Visit, "Month": lang.L(words.Months[r.LastStay.Arrival.Month()-1]), "Year": r.LastStay.Arrival.Year()})
	if i := r.LastIssue; i != nil {
		how := label(words.Status, i.Status)
		if i.Outcome != "" {
			how = label(words.Outcome, i.Outcome)
		}
		text += " · " + lang.L("last stay: {{.What}}, {{.How}}", map[string]any{"What": clip(i.Description, 50), "How": how})
		if i.Score > 0 {
			text += " " + fmt.Sprintf("%d/5", i.Score)
		}
	}
	return text
}

// vipCard lists the top-tier guests in house: a resort has hundreds, so the first few
// show until "Show all" is pressed, like every long list on this screen.
func (s *todayScreen) vipCard(b *anticipation.Board) fyne.CanvasObject {
	n := b.Counts[anticipation.ListVIPs]
	rows := shortList(s, anticipation.ListVIPs, todayVIPs, b.VIPs, n, func(g anticipation.GuestState) fyne.CanvasObject {
		return s.guestButton(g.Guest.DisplayName()+" · "+lang.L("Room {{.Room}}", map[string]any{"Room": g.Stay.Room}), g.Guest.ID)
	}, s.empty(lang.L("No VIPs in house.")))
	return widget.NewCard(lang.L("VIPs in house ({{.Count}})", map[string]any{"Count": n}), "", rows)
}

// departuresCard lists the guests in house who leave today, an unhappy stay first: the
// last chance to put it right before they go.
func (s *todayScreen) departuresCard(b *anticipation.Board) fyne.CanvasObject {
	n := b.Counts[anticipation.ListDepartures]
	rows := shortList(s, anticipation.ListDepartures, todayLeaving, b.Departures, n, s.departureRow, s.empty(lang.L("No one leaves today.")))
	return card(lang.L("Leaving today ({{.Count}})", map[string]any{"Count": n}), lang.L("An unhappy stay first: the last chance to put it right"), rows)
}

func (s *todayScreen) departureRow(d anticipation.DepartureCard) fyne.CanvasObject {
	name := widget.NewButton(d.Guest.DisplayName()+" · "+lang.L("Room {{.Room}}", map[string]any{"Room": d.Stay.Room}), func() { s.u.openGuest(d.Guest.ID) })
	name.Alignment = widget.ButtonAlignLeading
	name.Importance = widget.LowImportance
	badges := container.NewHBox()
	if d.Guest.IsTopTier() {
		badges.Add(newBadge(lang.L("VIP"), colVIP))
	}
	if d.Unhappy {
		badges.Add(newBadge(lang.L("⚠ Not put right"), colOverdue))
	}
	return container.NewHBox(name, container.NewCenter(badges))
}

func (s *todayScreen) occasionsCard(b *anticipation.Board) fyne.CanvasObject {
	n := b.Counts[anticipation.ListOccasions]
	rows := shortList(s, anticipation.ListOccasions, todayOccasions, b.Occasions, n, func(o anticipation.OccasionCard) fyne.CanvasObject {
		text := fmt.Sprintf("%s · %s · %s", dayMonth(o.On.Month(), o.On.Day()), occasionTitle(&o.Occasion), o.Guest.DisplayName())
		return s.guestButton(text, o.Guest.ID)
	}, s.empty(lang.L("No birthdays or anniversaries today or tomorrow.")))
	return widget.NewCard(lang.L("Occasions ({{.Count}})", map[string]any{"Count": n}), "", rows)
}

// guestButton is a plain row that opens the guest's profile.
func (s *todayScreen) guestButton(text, guestID string) fyne.CanvasObject {
	b := widget.NewButton(text, func() { s.u.openGuest(guestID) })
	b.Alignment = widget.ButtonAlignLeading
	b.Importance = widget.LowImportance
	return b
}

func (s *todayScreen) loansCard(loans []loans.Loan) fyne.CanvasObject {
	rows := container.NewVBox()
	for _, l := range loans {
		rows.Add(widget.NewLabel(fmt.Sprintf("%s · %s · %s", lang.L("Room {{.Room}}", map[string]any{"Room": l.Room}), l.ItemCode,
			lang.L("due back {{.Time}}", map[string]any{"Time": clockTime(l.DueBack, s.u.now())}))))
	}
	return widget.NewCard(lang.L("Loans past due"), "", rows)
}
