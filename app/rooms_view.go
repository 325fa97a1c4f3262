package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontdesk/property"
	"frontdesk/staff"
	"frontdesk/words"
)

// roomsPage is how many rooms the list holds at once; type a number to narrow.
const roomsPage = 1000

// roomsView lists the property's rooms with their status; managers edit rooms and import
// a room list from a spreadsheet (CSV).
type roomsView struct {
	u        *UI
	content  fyne.CanvasObject
	prefix   *keyEntry
	status   *widget.Select
	statusOf func(string) property.RoomStatus
	count    *widget.Label
	list     *widget.List
	rooms    []property.Room
	manage   *fyne.Container
	loadNo   int
}

type roomsData struct {
	rooms []property.Room
	total int
}

// roomFilterNames are the room list's status filter: every status, or all rooms.
var roomFilterNames = func() map[property.RoomStatus]string {
	m := map[property.RoomStatus]string{"": "All rooms"}
	maps.Copy(m, words.RoomStatus)
	return m
}()

func newRoomsView(u *UI) *roomsView {
	v := &roomsView{u: u, count: subtle("")}
	v.prefix = newEntry()
	v.prefix.SetPlaceHolder(lang.L("Room number"))
	v.prefix.OnChanged = func(string) { v.reload() }
	var names []string
	names, v.statusOf = options(roomFilterNames, append([]property.RoomStatus{""}, property.RoomStatuses...))
	v.status = newSelect(names, nil)
	v.status.SetSelected(names[0])
	v.status.OnChanged = func(string) { v.reload() }
	v.list = widget.NewList(func() int { return len(v.rooms) }, func() fyne.CanvasObject { return newEditRow(90) }, v.updateRow)
	add := widget.NewButtonWithIcon(lang.L("Room"), theme.ContentAddIcon(), func() { v.edit(property.Room{}) })
	imp := widget.NewButtonWithIcon(lang.L("Import CSV"), theme.UploadIcon(), v.chooseImport)
	v.manage = container.NewHBox(add, imp)
	filters := container.NewBorder(nil, nil, nil, container.NewHBox(v.status, v.manage), v.prefix)
	v.content = container.NewPadded(container.NewBorder(container.NewVBox(filters, v.count), nil, nil, nil, v.list))
	return v
}

func (v *roomsView) filter() property.RoomFilter {
	return property.RoomFilter{NumberPrefix: v.prefix.Text, Status: v.statusOf(v.status.Selected), Limit: roomsPage}
}

// reload fetches the page and the count for the current filter; older loads are dropped.
func (v *roomsView) reload() {
	if v.u.actor.Role.Can(staff.PermEditRooms) {
		v.manage.Show()
	} else {
		v.manage.Hide()
	}
	v.loadNo++
	no, f := v.loadNo, v.filter()
	background(v.u, func(ctx context.Context) (roomsData, error) {
		rooms, err := v.u.svc.Rooms.ListRooms(ctx, f)
		if err != nil {
			return roomsData{}, err
		}
		total, err := v.u.svc.Rooms.CountRooms(ctx, f)
		return roomsData{rooms, total}, err
	}, func(d roomsData, err error) {
		if no != v.loadNo {
			return
		}
		if err != nil {
			v.u.showError("load rooms", err)
			return
		}
		v.rooms = d.rooms
		v.list.Refresh()
		v.count.SetText(lang.N("{{.Count}} room", d.total, map[string]any{"Count": d.total}))
	})
}

func (v *roomsView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := v.rooms[id]
	row := o.(*editRow)
	row.set(r.Number, roomDetail(r), v.u.actor.Role.Can(staff.PermEditRooms), func() { v.edit(r) })
	row.detail.Importance = widget.MediumImportance
	if r.Status == property.RoomOutOfOrder {
		row.detail.Importance = widget.WarningImportance
	}
	row.detail.Refresh()
}

// roomDetail is "Floor 12 · Deluxe King · accessible · Occupied".
func roomDetail(r property.Room) string {
	parts := []string{lang.L("Floor {{.Floor}}", map[string]any{"Floor": r.Floor})}
	if r.Type != "" {
		parts = append(parts, r.Type)
	}
	for _, f := range r.Features {
		parts = append(parts, label(words.RoomFeature, f))
	}
	return strings.Join(append(parts, label(roomFilterNames, r.Status)), " · ")
}

// edit opens a room (empty number for a new one) for a manager.
func (v *roomsView) edit(r property.Room) {
	number := entryWith(r.Number, lang.L("e.g. 1204"))
	floor := entryWith("", "")
	if r.Number != "" {
		floor.SetText(strconv.Itoa(r.Floor))
	}
	kind := entryWith(r.Type, lang.L("e.g. Deluxe King"))
	featureNames, featureOf := options(words.RoomFeature, property.RoomFeatures)
	features := widget.NewCheckGroup(featureNames, nil)
	for _, f := range r.Features {
		features.Selected = append(features.Selected, label(words.RoomFeature, f))
	}
	statuses, statusOf := options(words.RoomStatus, property.RoomStatuses)
	status := newSelect(statuses, nil)
	status.SetSelected(label(roomFilterNames, orRoomStatus(r.Status)))
	f := newForm()
	f.add(property.FieldRoom, lang.L("Number"), number)
	f.add(property.FieldFloor, lang.L("Floor"), floor)
	f.add(property.FieldType, lang.L("Type"), kind)
	f.add(property.FieldFeatures, lang.L("Features"), features)
	f.add(property.FieldStatus, lang.L("Status"), status)
	v.u.showForm(lang.L("Room"), lang.L("Save"), f, func() func(context.Context) error {
		up := property.Room{Number: number.Text, Type: kind.Text, Status: statusOf(status.Selected)}
		up.Floor, _ = strconv.Atoi(strings.TrimSpace(floor.Text))
		for _, s := range features.Selected {
			up.Features = append(up.Features, featureOf(s))
		}
		return func(ctx context.Context) error { return v.u.svc.Rooms.SaveRoom(ctx, &up) }
	}, v.reload)
	v.u.win.Canvas().Focus(number)
}

func orRoomStatus(s property.RoomStatus) property.RoomStatus {
	if s == "" {
		return property.RoomVacant
	}
	return s
}

// chooseImport asks for a CSV file and checks it first (a dry run).
func (v *roomsView) chooseImport() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		v.importRooms(rc, true)
	}, v.u.win)
	fileWords(d, lang.L("Choose the room list"), lang.L("Choose")).Show()
}

// importRooms reads the file off the UI goroutine; a dry run reports what would happen
// and offers the real import when the file has no problems.
func (v *roomsView) importRooms(rc io.ReadCloser, dryRun bool) {
	background(v.u, func(ctx context.Context) (importResult, error) {
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return importResult{}, err
		}
		rep, err := v.u.svc.Rooms.ImportRooms(ctx, bytes.NewReader(data), dryRun)
		return importResult{rep, data}, err
	}, func(res importResult, err error) {
		if err != nil {
			v.u.showError("import rooms", err)
			return
		}
		v.showReport(res, dryRun)
	})
}

type importResult struct {
	report property.RoomImportReport
	data   []byte
}

func (v *roomsView) showReport(res importResult, dryRun bool) {
	rep := res.report
	summary := lang.L("{{.Created}} rooms new, {{.Updated}} updated.", map[string]any{"Created": rep.Created, "Updated": rep.Updated})
	if len(rep.Problems) > 0 {
		lines := []string{lang.L("Nothing was imported. Fix these rows and import again:")}
		for _, p := range rep.Problems {
			lines = append(lines, fmt.Sprintf("%s %d: %s", lang.L("Row"), p.Row, lang.L(p.Template, p.Args)))
		}
		dialog.ShowInformation(lang.L("Room list has problems"), strings.Join(lines, "\n"), v.u.win)
		return
	}
	if !dryRun {
		dialog.ShowInformation(lang.L("Rooms imported"), summary, v.u.win)
		v.reload()
		return
	}
	newConfirm(lang.L("Import rooms?"), summary, lang.L("Import"), func(ok bool) {
		if ok {
			v.importRooms(io.NopCloser(bytes.NewReader(res.data)), false)
		}
	}, v.u.win).Show()
}
