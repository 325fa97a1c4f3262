package sqlite

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"frontdesk/audit"
	"frontdesk/errs"
	"frontdesk/guests"
	"frontdesk/loans"
	"frontdesk/staff"
	"frontdesk/standards"
)

func deskAgent() context.Context {
	return staff.WithActor(context.Background(), staff.Actor{ID: "a-1", Name: "Agus Agent", Role: staff.RoleAgent})
}

func stockItem(t *testing.T, s *Store, code, name string, total int) {
	t.Helper()
	must(t, s.SaveItem(manager(), &loans.Item{Code: code, Name: name, Total: total}))
}

func stockOf(t *testing.T, s *Store, code string) loans.ItemStock {
	t.Helper()
	items, err := s.ListItems(context.Background())
	must(t, err)
	for _, it := range items {
		if it.Code == code {
			return it
		}
	}
	t.Fatalf("item %s not listed in %+v", code, items)
	return loans.ItemStock{}
}

func lend(t *testing.T, s *Store, code, room string, qty int, due time.Time) *loans.Loan {
	t.Helper()
	l := &loans.Loan{ItemCode: code, Room: room, Qty: qty, DueBack: due}
	must(t, s.Lend(deskAgent(), l))
	return l
}

func TestLendingReducesWhatIsLeftAndReturningRestoresIt(t *testing.T) {
	s := openTest(t)
	stockItem(t, s, "crib", "Cribs", 3)
	l := &loans.Loan{ItemCode: "crib", Room: " 12a ", Qty: 2, DueBack: day(25)}
	must(t, s.Lend(deskAgent(), l))
	if l.ID == "" || l.Room != "12A" || l.LentBy != "Agus Agent" || !l.LentAt.Equal(testNow) {
		t.Fatalf("lent: %+v", l)
	}
	if st := stockOf(t, s, "crib"); st.Total != 3 || st.Out != 2 || st.Available != 1 || st.Name != "Cribs" {
		t.Fatalf("after lending: %+v", st)
	}
	var nulls int
	must(t, s.reader.QueryRow("SELECT count(*) FROM loans WHERE guest_id IS NULL").Scan(&nulls))
	if nulls != 1 {
		t.Fatalf("a loan without a guest should store NULL, %d do", nulls)
	}
	out, err := s.ListLoans(context.Background(), loans.Filter{OutOnly: true, Room: "12a"})
	must(t, err)
	if len(out) != 1 || out[0].ID != l.ID || !out[0].DueBack.Equal(day(25)) || out[0].GuestID != "" || !out[0].Out() {
		t.Fatalf("out: %+v", out)
	}

	must(t, s.ReturnLoan(deskAgent(), l.ID))
	if st := stockOf(t, s, "crib"); st.Out != 0 || st.Available != 3 {
		t.Fatalf("after returning: %+v", st)
	}
	out, _ = s.ListLoans(context.Background(), loans.Filter{OutOnly: true})
	if len(out) != 0 {
		t.Fatalf("still out after returning: %+v", out)
	}
	all, _ := s.ListLoans(context.Background(), loans.Filter{})
	if len(all) != 1 || !all[0].ReturnedAt.Equal(testNow) {
		t.Fatalf("returned loan: %+v", all)
	}
}

func TestLendingMoreThanIsLeftNamesTheRoomsAndStoresNothing(t *testing.T) {
	s := openTest(t)
	stockItem(t, s, "crib", "cribs", 2)
	lend(t, s, "crib", "815", 1, time.Time{})
	lend(t, s, "crib", "1204", 1, time.Time{})
	lent, audits := count(t, s, "loans"), count(t, s, "audit_log")

	err := s.Lend(deskAgent(), &loans.Loan{ItemCode: "crib", Room: "301", Qty: 1})
	if errs.CodeOf(err) != errs.Conflict || err.Error() != "Only 0 of 2 cribs left; the others are out to rooms 1204, 815." {
		t.Fatalf("got %v", err)
	}
	if count(t, s, "loans") != lent || count(t, s, "audit_log") != audits {
		t.Fatal("a refused loan was written")
	}
}

func TestOnlyOneDeskGetsTheLastItemWhenManyLendAtOnce(t *testing.T) {
	s := openTest(t)
	stockItem(t, s, "crib", "cribs", 1)
	const desks = 8
	results := make([]error, desks)
	var wg sync.WaitGroup
	for i := range desks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = s.Lend(deskAgent(), &loans.Loan{ItemCode: "crib", Room: "70" + strconv.Itoa(i), Qty: 1})
		}()
	}
	wg.Wait()
	lent := 0
	for _, err := range results {
		switch errs.CodeOf(err) {
		case "":
			lent++
		case errs.Conflict:
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if lent != 1 || count(t, s, "loans") != 1 {
		t.Fatalf("%d desks lent the last crib, %d loans stored", lent, count(t, s, "loans"))
	}
	if st := stockOf(t, s, "crib"); st.Available != 0 {
		t.Fatalf("stock: %+v", st)
	}
}

func TestReturningTwiceIsAConflictAndAnUnknownLoanIsNotFound(t *testing.T) {
	s := openTest(t)
	stockItem(t, s, "charger", "Phone chargers", 5)
	l := lend(t, s, "charger", "1204", 1, time.Time{})
	must(t, s.ReturnLoan(deskAgent(), l.ID))
	err := s.ReturnLoan(deskAgent(), l.ID)
	want := "Already returned at " + testNow.Format("2006-01-02 15:04") + "."
	if errs.CodeOf(err) != errs.Conflict || err.Error() != want {
		t.Fatalf("second return: %v", err)
	}
	if err := s.ReturnLoan(deskAgent(), "no-such-loan"); errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("unknown loan: %v", err)
	}
	if n := len(returnAudits(t, s)); n != 1 {
		t.Fatalf("%d returns audited, want 1", n)
	}
}

func returnAudits(t *testing.T, s *Store) []audit.Entry {
	t.Helper()
	entries, err := s.ListAudit(auditor(), audit.Filter{})
	must(t, err)
	var out []audit.Entry
	for _, e := range entries {
		if e.Entity == "loan" && e.Action == "return" {
			out = append(out, e)
		}
	}
	return out
}

func TestLendingNeedsTheLendPermissionAndItemsNeedAManager(t *testing.T) {
	s := openTest(t)
	stockItem(t, s, "crib", "cribs", 2)
	housekeeper := staff.WithActor(context.Background(), staff.Actor{Name: "Dewi", Role: staff.RoleDepartment})
	for _, ctx := range []context.Context{context.Background(), housekeeper} {
		err := s.Lend(ctx, &loans.Loan{ItemCode: "crib", Room: "815", Qty: 1})
		if err == nil || err.Error() != staff.MsgNotYourRole {
			t.Fatalf("lent without permission: %v", err)
		}
	}
	err := s.SaveItem(deskAgent(), &loans.Item{Code: "umbrella", Name: "Umbrellas", Total: 10})
	if err == nil || err.Error() != staff.MsgManagerOnly {
		t.Fatalf("an agent saved an item: %v", err)
	}
	l := lend(t, s, "crib", "815", 1, time.Time{})
	if err := s.ReturnLoan(housekeeper, l.ID); err == nil || err.Error() != staff.MsgNotYourRole {
		t.Fatalf("returned without permission: %v", err)
	}
	if n := count(t, s, "loans"); n != 1 {
		t.Fatalf("%d loans stored", n)
	}
	if items, _ := s.ListItems(context.Background()); len(items) != 1 {
		t.Fatalf("items: %+v", items)
	}
}

func TestTotalCannotDropBelowWhatIsOut(t *testing.T) {
	s := openTest(t)
	stockItem(t, s, "crib", "cribs", 3)
	lend(t, s, "crib", "815", 1, time.Time{})
	lend(t, s, "crib", "1204", 1, time.Time{})
	err := s.SaveItem(manager(), &loans.Item{Code: "crib", Name: "cribs", Total: 1})
	e := errs.AsFields(err).For(loans.FieldTotal)
	if e == nil || e.Error() != "2 are lent out now (rooms 1204, 815), so the total cannot be less than 2." {
		t.Fatalf("got %v", err)
	}
	if st := stockOf(t, s, "crib"); st.Total != 3 {
		t.Fatalf("total changed to %d", st.Total)
	}
	stockItem(t, s, "crib", "Baby cribs", 2)
	if st := stockOf(t, s, "crib"); st.Total != 2 || st.Available != 0 || st.Name != "Baby cribs" {
		t.Fatalf("after lowering to what is out: %+v", st)
	}
}

func TestItemAndLoanValidation(t *testing.T) {
	s := openTest(t)
	stockItem(t, s, "crib", "cribs", 3)
	items := []struct {
		name  string
		item  loans.Item
		field string
	}{
		{"bad code", loans.Item{Code: "Baby Crib", Name: "Cribs", Total: 1}, standards.FieldCode},
		{"no name", loans.Item{Code: "cot", Name: "  ", Total: 1}, standards.FieldName},
		{"negative total", loans.Item{Code: "cot", Name: "Cots", Total: -1}, loans.FieldTotal},
		{"absurd total", loans.Item{Code: "cot", Name: "Cots", Total: loans.MaxItemTotal + 1}, loans.FieldTotal},
	}
	for _, c := range items {
		if err := s.SaveItem(manager(), &c.item); errs.AsFields(err).For(c.field) == nil {
			t.Errorf("%s: got %v", c.name, err)
		}
	}
	cases := []struct {
		name  string
		loan  loans.Loan
		field string
	}{
		{"unknown item", loans.Loan{ItemCode: "cot", Room: "815", Qty: 1}, loans.FieldItem},
		{"no item", loans.Loan{Room: "815", Qty: 1}, loans.FieldItem},
		{"no room", loans.Loan{ItemCode: "crib", Room: " ", Qty: 1}, loans.FieldRoom},
		{"bad room", loans.Loan{ItemCode: "crib", Room: "8 15", Qty: 1}, loans.FieldRoom},
		{"nothing lent", loans.Loan{ItemCode: "crib", Room: "815"}, loans.FieldQty},
	}
	for _, c := range cases {
		if err := s.Lend(deskAgent(), &c.loan); errs.AsFields(err).For(c.field) == nil {
			t.Errorf("%s: got %v", c.name, err)
		}
	}
	err := s.Lend(deskAgent(), &loans.Loan{ItemCode: "crib", Room: "815", Qty: 1, GuestID: "no-such-guest"})
	if errs.CodeOf(err) != errs.NotFound {
		t.Errorf("unknown guest: %v", err)
	}
	if n := count(t, s, "loans"); n != 0 {
		t.Fatalf("%d invalid loans stored", n)
	}
}

func TestOverdueLoansAreListedFirstOldestDueFirst(t *testing.T) {
	s := openTest(t)
	stockItem(t, s, "crib", "cribs", 10)
	yesterday := lend(t, s, "crib", "101", 1, testNow.Add(-24*time.Hour))
	tomorrow := lend(t, s, "crib", "102", 1, testNow.Add(24*time.Hour))
	noDue := lend(t, s, "crib", "103", 1, time.Time{})
	lastWeek := lend(t, s, "crib", "104", 1, testNow.Add(-7*24*time.Hour))
	returned := lend(t, s, "crib", "105", 1, testNow.Add(-48*time.Hour))
	must(t, s.ReturnLoan(deskAgent(), returned.ID))

	ids := func(ls []loans.Loan) []string {
		var out []string
		for _, l := range ls {
			out = append(out, l.Room)
		}
		return out
	}
	overdue, err := s.ListLoans(context.Background(), loans.Filter{OverdueOnly: true})
	must(t, err)
	if got := strings.Join(ids(overdue), " "); got != lastWeek.Room+" "+yesterday.Room {
		t.Fatalf("overdue: %s", got)
	}
	all, err := s.ListLoans(context.Background(), loans.Filter{})
	must(t, err)
	want := []string{lastWeek.Room, yesterday.Room, tomorrow.Room, noDue.Room, returned.Room}
	if got := strings.Join(ids(all), " "); got != strings.Join(want, " ") {
		t.Fatalf("all: %s, want %s", got, strings.Join(want, " "))
	}
	page, _ := s.ListLoans(context.Background(), loans.Filter{Limit: 2, ItemCode: "crib"})
	if len(page) != 2 {
		t.Fatalf("page of %d", len(page))
	}
}

func TestEveryLendAndReturnIsAttributedInTheAuditLog(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	g := &guests.Guest{FamilyName: "Okafor"}
	must(t, s.CreateGuest(ctx, g))
	stockItem(t, s, "crib", "cribs", 2)
	l := &loans.Loan{ItemCode: "crib", Room: "815", Qty: 2, GuestID: g.ID}
	must(t, s.Lend(deskAgent(), l))
	got, err := s.ListLoans(ctx, loans.Filter{Room: "815"})
	must(t, err)
	if len(got) != 1 || got[0].GuestID != g.ID {
		t.Fatalf("loan for a guest: %+v", got)
	}
	must(t, s.ReturnLoan(deskAgent(), l.ID))

	entries, err := s.ListAudit(auditor(), audit.Filter{ActorName: "Agus Agent"})
	must(t, err)
	if len(entries) != 2 {
		t.Fatalf("audit: %+v", entries)
	}
	ret, lent := entries[0], entries[1]
	if lent.Entity != "loan" || lent.Action != "lend" || lent.EntityID != l.ID || lent.GuestID != g.ID ||
		lent.ActorID != "a-1" || !strings.Contains(lent.Summary, "815") {
		t.Errorf("lend entry: %+v", lent)
	}
	if ret.Entity != "loan" || ret.Action != "return" || ret.EntityID != l.ID || !ret.At.Equal(testNow) {
		t.Errorf("return entry: %+v", ret)
	}
	items, _ := s.ListAudit(auditor(), audit.Filter{ActorName: "Rina Manager"})
	if len(items) != 1 || items[0].Entity != "item" || items[0].EntityID != "crib" {
		t.Errorf("item entry: %+v", items)
	}
}
