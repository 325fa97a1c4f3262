package app

import (
	"image/color"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// badge is a small coloured tag (tier, VIP, alert) that reads as text, not just colour.
type badge struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newBadge(text string, fill color.Color) *badge {
	b := &badge{bg: canvas.NewRectangle(fill), text: canvas.NewText(text, color.White)}
	b.bg.CornerRadius = 4
	b.text.TextStyle = fyne.TextStyle{Bold: true}
	b.text.TextSize = theme.CaptionTextSize()
	b.ExtendBaseWidget(b)
	return b
}

// set changes the badge's text and colour; an empty text hides it.
func (b *badge) set(text string, fill color.Color) {
	b.text.Text = text
	b.bg.FillColor = fill
	if text == "" {
		b.Hide()
		return
	}
	b.Show()
	b.Refresh()
}

func (b *badge) CreateRenderer() fyne.WidgetRenderer {
	pad := container.New(&badgeLayout{}, b.bg, b.text)
	return widget.NewSimpleRenderer(pad)
}

// badgeLayout sizes the background to the text plus a little padding.
type badgeLayout struct{}

const badgePadX, badgePadY = 6, 2

func (l *badgeLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t := objs[1].MinSize()
	return fyne.NewSize(t.Width+2*badgePadX, t.Height+2*badgePadY)
}

func (l *badgeLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	t := objs[1].MinSize()
	objs[0].Resize(fyne.NewSize(size.Width, t.Height+2*badgePadY))
	objs[0].Move(fyne.NewPos(0, (size.Height-t.Height-2*badgePadY)/2))
	objs[1].Resize(t)
	objs[1].Move(fyne.NewPos(badgePadX, (size.Height-t.Height)/2))
}

// Badge colours: chosen to stay readable with white text in light and dark themes.
var (
	colPlatinum = color.NRGBA{R: 0x45, G: 0x5a, B: 0x64, A: 0xff}
	colGold     = color.NRGBA{R: 0xb2, G: 0x7d, B: 0x00, A: 0xff}
	colSilver   = color.NRGBA{R: 0x75, G: 0x75, B: 0x75, A: 0xff}
	colVIP      = color.NRGBA{R: 0x6a, G: 0x1b, B: 0x9a, A: 0xff}
	colCasino   = color.NRGBA{R: 0x1b, G: 0x5e, B: 0x20, A: 0xff}
	colAlert    = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	colInHouse  = color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff}
	colAlertBg  = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0x22}
)

// searchEntry is the guest search box: arrows move through the results and Enter opens
// the highlighted guest, so an agent never has to leave the keyboard.
type searchEntry struct {
	widget.Entry
	onUp, onDown, onEnter, onEscape func()
	onShortcut                      func(fyne.Shortcut) bool // the window's shortcuts
}

// TypedShortcut gives the window's shortcuts (Ctrl+N, Ctrl+F) to the window and the rest
// (copy, paste…) to the entry.
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if e.onShortcut != nil && e.onShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles navigation keys and passes the rest to the entry.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	handlers := map[fyne.KeyName]func(){
		fyne.KeyUp: e.onUp, fyne.KeyDown: e.onDown, fyne.KeyReturn: e.onEnter,
		fyne.KeyEnter: e.onEnter, fyne.KeyEscape: e.onEscape,
	}
	if h, ok := handlers[k.Name]; ok && h != nil {
		h()
		return
	}
	e.Entry.TypedKey(k)
}

// heading is a bold section title.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// subtle is a label for secondary information.
func subtle(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	return l
}

// editRow is a list row of the Resources views: a bold name in a fixed-width column, a
// detail line, and an edit button shown only to those who may edit.
type editRow struct {
	widget.BaseWidget
	name, detail *widget.Label
	edit         *widget.Button
	nameWidth    float32
}

func newEditRow(nameWidth float32) *editRow {
	r := &editRow{name: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		detail: widget.NewLabel(""), edit: widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), nil), nameWidth: nameWidth}
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.edit.Importance = widget.LowImportance
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the row out: name, detail filling the middle, edit at the end.
func (r *editRow) CreateRenderer() fyne.WidgetRenderer {
	name := container.NewGridWrap(fyne.NewSize(r.nameWidth, r.name.MinSize().Height), r.name)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, name, r.edit, r.detail))
}

// set fills the row; onEdit runs when the edit button is tapped, which only shows when
// canEdit.
func (r *editRow) set(name, detail string, canEdit bool, onEdit func()) {
	r.name.SetText(name)
	r.detail.SetText(detail)
	r.edit.OnTapped = onEdit
	r.edit.Hidden = !canEdit
	r.edit.Refresh()
}

// actionButton is a button that says, while pointed at, why it is switched off: Fyne has
// no tooltips, so the reason goes to a line the screen keeps for it.
type actionButton struct {
	widget.Button
	reason  string            // why the action cannot be taken now; "" when it can
	onHover func(text string) // shows the reason, and "" when the pointer leaves
}

func newActionButton(text string, tapped func()) *actionButton {
	b := &actionButton{}
	b.Text, b.OnTapped = text, tapped
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn shows the reason of a switched-off action.
func (b *actionButton) MouseIn(e *desktop.MouseEvent) {
	if b.onHover != nil {
		b.onHover(b.reason)
	}
	b.Button.MouseIn(e)
}

// MouseOut clears it.
func (b *actionButton) MouseOut() {
	if b.onHover != nil {
		b.onHover("")
	}
	b.Button.MouseOut()
}

// lengthHint counts what is typed into a limited text as the agent types ("1204 / 2000"),
// in the danger colour past the limit, so a long note is cut by its writer, not refused
// after the fact. It chains the entry's OnChanged: set that first.
func lengthHint(e *keyEntry, max int) *widget.Label {
	hint := widget.NewLabel("")
	hint.Alignment = fyne.TextAlignTrailing
	hint.SizeName = theme.SizeNameCaptionText
	update := func(text string) {
		n := utf8.RuneCountInString(text)
		hint.Importance = widget.LowImportance
		if n > max {
			hint.Importance = widget.DangerImportance
		}
		hint.SetText(lang.L("{{.Length}} / {{.Max}}", map[string]any{"Length": n, "Max": max}))
	}
	was := e.OnChanged
	e.OnChanged = func(text string) {
		update(text)
		if was != nil {
			was(text)
		}
	}
	update(e.Text)
	return hint
}

// keyEntry is the text entry of every screen and form: the window's shortcuts (Ctrl+N,
// Ctrl+F) work with the cursor in it instead of being swallowed, and in a form's dialog
// Escape closes the dialog (as Cancel) while the window's shortcuts wait for it to close.
type keyEntry struct {
	widget.Entry
	onEscape func() // set by the dialog the entry is in
}

func newEntry() *keyEntry {
	e := &keyEntry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineEntry() *keyEntry {
	e := newEntry()
	e.MultiLine = true
	return e
}

// newPasswordEntry hides what is typed, with an eye button that shows it.
func newPasswordEntry() *keyEntry {
	e := newEntry()
	e.Password = true
	reveal := widget.NewButtonWithIcon(lang.L("Show"), theme.VisibilityOffIcon(), nil)
	reveal.Importance = widget.LowImportance
	reveal.OnTapped = func() {
		e.Password = !e.Password
		reveal.SetIcon(theme.VisibilityOffIcon())
		reveal.SetText(lang.L("Show"))
		if !e.Password {
			reveal.SetIcon(theme.VisibilityIcon())
			reveal.SetText(lang.L("Hide"))
		}
		e.Refresh()
	}
	e.ActionItem = reveal
	return e
}

// TypedKey closes the entry's dialog on Escape and passes the rest to the entry.
func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut gives the window's shortcuts to the window (or, in a dialog, to nobody)
// and the rest (copy, paste, undo…) to the entry.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if isWindowShortcut(s) {
		if e.onEscape == nil {
			if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
				c.TypedShortcut(s)
			}
		}
		return
	}
	e.Entry.TypedShortcut(s)
}

// isWindowShortcut reports whether s is one of windowShortcuts.
func isWindowShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return false
	}
	for _, w := range windowShortcuts {
		if cs.KeyName == w.KeyName && cs.Modifier == w.Modifier {
			return true
		}
	}
	return false
}
