package standards

import (
	"strings"
	"testing"
)

func TestAGuestNamedTimeMoreThanAYearAheadIsATypingSlip(t *testing.T) {
	transport := Department{Name: "Bell & transport"}
	cat := category("transport")
	_, err := PromiseFor(cat, transport, at(9, 0), false, at(9, 0).AddDate(2, 0, 0))
	if err == nil || err.Error() != "The time the guest asked for is more than a year away; check the date." {
		t.Fatalf("two years ahead: %v", err)
	}
	if _, err := PromiseFor(cat, transport, at(9, 0), false, at(9, 0).AddDate(0, 11, 0)); err != nil {
		t.Fatalf("eleven months ahead refused: %v", err)
	}
}

func TestDepartmentTextsHaveLimitsAndRefuseCardNumbers(t *testing.T) {
	long := strings.Repeat("x", 200)
	d := Department{Code: "spa", Name: long, OnDutyContact: long}
	fs := d.Normalize()
	if fs.For(FieldName) == nil || fs.For(FieldContact) == nil {
		t.Errorf("department: %v", fs)
	}
	d = Department{Code: "spa", Name: "Spa", OnDutyContact: "Ayu, card 4111 1111 1111 1111"}
	if d.Normalize().For(FieldContact) == nil {
		t.Error("a card number in the on-duty contact was accepted")
	}
	d = Department{Code: "spa", Name: "Spa", OnDutyContact: "Ayu +62 821 1111 1116"}
	if fs := d.Normalize(); len(fs) != 0 {
		t.Errorf("a phone number as on-duty contact was refused: %v", fs)
	}
}
