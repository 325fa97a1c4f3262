package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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
