package app

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"frontdesk/backup"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/staff"
)

func profileOf(t *testing.T, h *harness, id string) *guests.Profile {
	t.Helper()
	p, err := h.store.FindGuestByID(context.Background(), id)
	must(t, err)
	return p
}

func buttons(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			if b, ok := x.(*widget.Button); ok {
				out = append(out, b)
			}
		}
	}
	return out
}

func TestPrivacyButtonsAreForManagersOnly(t *testing.T) {
	h := newHarness(t, nil)
	p := profileOf(t, h, h.addGuest(guests.Guest{GivenName: "Ana", FamilyName: "Silva"}, ""))
	if n := len(buttons(h.ui.privacyButtons(p, nil))); n != 0 {
		t.Fatalf("an agent sees %d privacy buttons", n)
	}
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	bs := buttons(h.ui.privacyButtons(p, nil))
	if len(bs) != 2 || bs[0].Text != "Guest's data" || bs[1].Text != "Erase…" || bs[1].Importance != widget.DangerImportance {
		t.Fatalf("manager's buttons %+v", bs)
	}
}

func TestErasingNeedsTheGuestsNameTyped(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	id := h.addGuest(guests.Guest{GivenName: "Ana", FamilyName: "Silva", Email: "ana@example.com"}, "")
	reloaded := false
	ed := h.ui.confirmErase(profileOf(t, h, id).Guest, func() { reloaded = true })
	if !ed.erase.Disabled() {
		t.Fatal("erase is offered before the name is typed")
	}
	test.Type(ed.name, "Ana Silv")
	if !ed.erase.Disabled() {
		t.Fatal("erase is offered for part of the name")
	}
	test.Type(ed.name, "A")
	if ed.erase.Disabled() {
		t.Fatal("erase is refused after the name was typed (in any case)")
	}
	test.Tap(ed.erase)
	h.settle(0)
	p := profileOf(t, h, id)
	if !p.IsErased() || p.Email != "" || !reloaded {
		t.Fatalf("after erasing: %+v, reloaded=%v", p.Guest, reloaded)
	}
	if n := len(buttons(h.ui.privacyButtons(p, nil))); n != 0 {
		t.Errorf("an erased profile still offers %d privacy buttons", n)
	}
	h.ui.guests.profile.show(p)
	if findLabelDeep(h.ui.guests.profile.body, "erased at their request") == nil {
		t.Error("the erased profile does not say so")
	}
	if _, ok := findDeep(h.ui.guests.profile.body, func(b *widget.Button) bool { return true }); ok {
		t.Error("an erased profile still offers buttons to edit or add to it")
	}
}

func TestErasingAGuestInHouseIsRefusedWithAReason(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	id := h.addGuest(guests.Guest{GivenName: "Ana", FamilyName: "Silva"}, "1204")
	ed := h.ui.confirmErase(profileOf(t, h, id).Guest, nil)
	test.Type(ed.name, "Ana Silva")
	test.Tap(ed.erase)
	h.settle(0)
	if profileOf(t, h, id).IsErased() {
		t.Fatal("a guest in house was erased")
	}
	if l := findLabelDeep(h.win.Canvas().Overlays().Top(), "in house or expected"); l == nil {
		t.Fatal("no message says why")
	}
}

func TestAGuestsDataIsSavedAsOwnerOnlyJSON(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	id := h.addGuest(guests.Guest{GivenName: "Ana", FamilyName: "Silva", Email: "ana@example.com"}, "1204")
	path := filepath.Join(t.TempDir(), "ana.json")
	h.ui.exportGuestData(profileOf(t, h, id).Guest, fileWriter(t, path))
	h.settle(0)
	b, err := os.ReadFile(path)
	must(t, err)
	var d guests.DataExport
	if err := json.Unmarshal(b, &d); err != nil || d.Guest.Email != "ana@example.com" || len(d.Stays) != 1 || d.ExportedBy != "Rina Kusuma" {
		t.Fatalf("%v %+v", err, d)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v", st.Mode().Perm())
	}
	if fileSafe("Ana / Silva.") != "Ana---Silva" {
		t.Errorf("file name %q", fileSafe("Ana / Silva."))
	}
}

// A manager erasing a guest is told how many kept backups hold the guest and how long
// they keep them, may erase the guest from them too, and is told what was erased.
func TestTheEraseDialogOffersToEraseTheGuestFromTheKeptBackups(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	id := h.addGuest(guests.Guest{GivenName: "Ana", FamilyName: "Quillfeather", Email: "ana@example.com"}, "")
	f, _, err := backup.Take(context.Background(), h.store, h.store.Path(), backup.KindDaily, h.now().Add(-time.Hour), 7)
	must(t, err)
	ed := h.ui.confirmErase(profileOf(t, h, id).Guest, nil)
	h.settle(0)
	for _, want := range []string{"1 backup made before now holds Ana Quillfeather's data", "within 7 days", backup.DirFor(h.store.Path()), "beyond Frontdesk's reach"} {
		if !strings.Contains(ed.outlook.Text, want) {
			t.Errorf("the dialog does not say %q: %s", want, ed.outlook.Text)
		}
	}
	if strings.Contains(ed.outlook.Text, "compacts") {
		t.Errorf("a new file is compacted already, yet the dialog says: %s", ed.outlook.Text)
	}
	if !ed.backups.Visible() || ed.backups.Checked {
		t.Fatal("erasing from the backups is not offered, or chosen without asking")
	}
	test.Tap(ed.backups)
	test.Type(ed.name, "Ana Quillfeather")
	test.Tap(ed.erase)
	h.settle(0)
	if !profileOf(t, h, id).IsErased() {
		t.Fatal("the guest was not erased")
	}
	b, err := os.ReadFile(f.Path)
	must(t, err)
	if bytes.Contains(bytes.ToLower(b), []byte("quillfeather")) {
		t.Error("the backup still holds the guest")
	}
	if l := findLabelDeep(h.win.Canvas().Overlays().Top(), "here and from 1 backup"); l == nil {
		t.Error("the result does not say the backup was erased too")
	}
}

// On a file written before Frontdesk overwrote every change, the dialog warns that the
// first erasure compacts the whole database and takes a while.
func TestTheEraseDialogWarnsOfTheFirstCompaction(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	id := h.addGuest(guests.Guest{GivenName: "Ana", FamilyName: "Silva"}, "")
	raw, err := sql.Open("sqlite3", h.store.Path())
	must(t, err)
	_, err = raw.Exec("DELETE FROM settings WHERE key = 'privacy_compacted_at'")
	must(t, err)
	raw.Close()
	ed := h.ui.confirmErase(profileOf(t, h, id).Guest, nil)
	h.settle(0)
	if !strings.Contains(ed.outlook.Text, "compacts the whole database once") || !strings.Contains(ed.outlook.Text, "No kept backup holds") {
		t.Errorf("outlook: %s", ed.outlook.Text)
	}
	test.Type(ed.name, "Ana Silva")
	test.Tap(ed.erase)
	if !strings.Contains(ed.status.Text, "several minutes") || !ed.working.Visible() || !ed.cancel.Disabled() {
		t.Errorf("while erasing: %q, working %v", ed.status.Text, ed.working.Visible())
	}
	h.settle(0)
	if !profileOf(t, h, id).IsErased() {
		t.Fatal("the guest was not erased")
	}
}

// copyInLog is the store, except that its first erasure finds another desk still
// reading: the rows are erased, and a copy remains in the log.
type copyInLog struct {
	guests.Privacy
	failed bool
}

func (c *copyInLog) EraseGuest(ctx context.Context, id string) error {
	err := c.Privacy.EraseGuest(ctx, id)
	if err == nil && !c.failed {
		c.failed = true
		return errs.Wrap(guests.ErrCopyInLog, errs.Unavailable, guests.MsgErasedCopyInLog, nil)
	}
	return err
}

// When a copy remains in the log the dialog says so instead of claiming success, and
// Try again finishes the erasure.
func TestTheEraseDialogSaysWhenACopyRemainsAndTriesAgain(t *testing.T) {
	h := newHarness(t, nil)
	h.ui.actor = staff.Actor{Name: "Rina Kusuma", Role: staff.RoleShiftManager}
	h.ui.svc.Privacy = &copyInLog{Privacy: h.store}
	id := h.addGuest(guests.Guest{GivenName: "Ana", FamilyName: "Silva"}, "")
	reloaded := 0
	ed := h.ui.confirmErase(profileOf(t, h, id).Guest, func() { reloaded++ })
	h.settle(0)
	test.Type(ed.name, "Ana Silva")
	test.Tap(ed.erase)
	h.settle(0)
	if !strings.Contains(ed.status.Text, "a copy remains") || ed.erase.Text != "Try again" || ed.erase.Disabled() || reloaded != 1 {
		t.Fatalf("after a copy remained: %q, button %q disabled=%v, reloaded %d", ed.status.Text, ed.erase.Text, ed.erase.Disabled(), reloaded)
	}
	if findLabelDeep(h.win.Canvas().Overlays().Top(), "data was erased") != nil {
		t.Fatal("success is claimed while a copy remains")
	}
	test.Tap(ed.erase)
	h.settle(0)
	if l := findLabelDeep(h.win.Canvas().Overlays().Top(), "Ana Silva's data was erased"); l == nil || reloaded != 1 {
		t.Errorf("trying again did not finish the erasure (reloaded %d)", reloaded)
	}
}
