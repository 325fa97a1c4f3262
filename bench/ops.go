package bench

import (
	"context"
	"fmt"
	"strings"
	"time"

	"frontdesk/anticipation"
	"frontdesk/guests"
	"frontdesk/handover"
	"frontdesk/requests"
	"frontdesk/services"
	"frontdesk/sqlite"
	"frontdesk/staff"
)

// inputs are what the operations search for, open and log, drawn from the file.
type inputs struct {
	sample  []guests.Guest
	rooms   []string
	inHouse []string // IDs of guests in the rooms
	agent   staff.Actor
	dept    string
	open    int // open requests in dept
}

func gatherInputs(ctx context.Context, s *sqlite.Store, opts Options) (*inputs, error) {
	in := &inputs{}
	var err error
	if in.sample, err = s.SampleGuests(ctx, opts.Samples, 1); err != nil {
		return nil, err
	}
	if len(in.sample) == 0 {
		return nil, fmt.Errorf("the database has no guests: fill it first with frontdesk seed")
	}
	if in.rooms, err = s.InHouseRooms(ctx, opts.Samples); err != nil {
		return nil, err
	}
	for _, room := range in.rooms {
		ms, err := s.SearchGuests(ctx, guests.Query{Text: room, Limit: 1})
		if err != nil {
			return nil, err
		}
		if len(ms) == 1 && ms[0].InHouse {
			in.inHouse = append(in.inHouse, ms[0].ID)
		}
	}
	people, err := s.ListStaff(ctx, staff.Filter{ActiveOnly: true, Limit: 1000})
	if err != nil {
		return nil, err
	}
	for _, st := range people {
		if st.Role == staff.RoleAgent || in.agent.ID == "" && st.Role.Can(staff.PermLogRequests) {
			in.agent = staff.Actor{ID: st.ID, Name: st.Name, Role: st.Role}
		}
	}
	in.dept, in.open, err = s.BusiestQueue(ctx)
	return in, err
}

// searchCase is one kind of search and the text typed for the i-th run.
type searchCase struct {
	name string
	text func(i int) string
}

func searchCases(in *inputs) []searchCase {
	g := func(i int) guests.Guest { return in.sample[i%len(in.sample)] }
	return []searchCase{
		{"search: name, 1 word (2–4 letters)", func(i int) string {
			return prefix(firstNonEmpty(g(i).FamilyName, g(i).GivenName, i%2 == 0), 2+i%3)
		}},
		{"search: name, 2 words (2–4 letters each)", func(i int) string {
			p := withBothNames(in.sample, i)
			return prefix(p.GivenName, 2+i%3) + " " + prefix(p.FamilyName, 2+(i/3)%3)
		}},
		{"search: phone digits (6–8)", func(i int) string {
			forms := guests.PhoneSearchForms(withPhone(in.sample, i).Phone)
			if len(forms) == 0 {
				return ""
			}
			return prefix(forms[len(forms)-1], 6+i%3) // as dialled at home: 0812…
		}},
		{"search: phone, last digits (4–6)", func(i int) string {
			p := withPhone(in.sample, i).Phone
			return p[max(len(p)-(4+i%3), 0):] // as a caller-ID display shows it
		}},
		{"search: e-mail fragment (name@dom)", func(i int) string {
			local, domain, _ := strings.Cut(withEmail(in.sample, i).Email, "@")
			return local + "@" + prefix(domain, 3)
		}},
		{"search: loyalty number", func(i int) string { return withLoyalty(in.sample, i).LoyaltyNumber }},
		{"search: room (in house)", func(i int) string { return in.rooms[i%len(in.rooms)] }},
	}
}

// searchOps search through svc; s, when given, adds the naive scan and the bare engine
// beside (the store's own queries: a server has no such call).
func searchOps(svc services.All, s *sqlite.Store, in *inputs, opts Options) []op {
	var out []op
	for _, c := range searchCases(in) {
		if c.name == "search: room (in house)" && len(in.rooms) == 0 {
			continue
		}
		o := op{name: c.name, n: opts.Samples, run: func(ctx context.Context, i int) error {
			_, err := svc.SearchGuests(ctx, guests.Query{Text: c.text(i)})
			return err
		}}
		if s != nil {
			o.naiveN = opts.NaiveSamples
			o.naive = func(ctx context.Context, i int) error {
				_, err := s.NaiveGuestSearch(ctx, c.text(i))
				return err
			}
			o.engine = func(ctx context.Context, i int) error {
				_, err := s.EngineGuestSearch(ctx, c.text(i))
				return err
			}
		}
		out = append(out, o)
	}
	return out
}

func profileOp(s services.All, in *inputs, opts Options) op {
	return op{name: "open profile (FindGuestByID)", n: opts.Samples, run: func(ctx context.Context, i int) error {
		_, err := s.FindGuestByID(ctx, in.sample[i%len(in.sample)].ID)
		return err
	}}
}

// createOp logs requests for in-house guests as a desk agent, each committed with the
// durability the application ships (synchronous=FULL in WAL mode).
func createOp(s services.All, in *inputs, opts Options) op {
	texts := []string{"Two extra bath towels", "Extra pillows", "Toothbrush and toothpaste", "Bottled water"}
	return op{name: "create request (commit, full fsync)", n: opts.Writes, run: func(ctx context.Context, i int) error {
		if in.agent.ID == "" {
			return fmt.Errorf("the database has no staff who may log requests")
		}
		r := &requests.Request{Category: "towels", Description: "Benchmark: " + texts[i%len(texts)]}
		if len(in.inHouse) > 0 {
			r.GuestID, r.Room = in.inHouse[i%len(in.inHouse)], in.rooms[i%len(in.inHouse)]
		} else {
			r.GuestID = in.sample[i%len(in.sample)].ID
		}
		return s.CreateRequest(staff.WithActor(ctx, in.agent), r, time.Time{})
	}}
}

// updateOp changes a guest's e-mail as a desk agent does: the row is rewritten and the
// search index forgets the old words and learns the new ones (with secure deletion the
// old ones are overwritten where they lay), committed with a full fsync. Each run edits
// another sampled guest; the edits stay in the file.
func updateOp(s services.All, in *inputs, opts Options) op {
	return op{name: "update profile: e-mail (commit, full fsync)", n: opts.Writes, run: func(ctx context.Context, i int) error {
		if in.agent.ID == "" {
			return fmt.Errorf("the database has no staff who may log requests")
		}
		g := in.sample[i%len(in.sample)]
		local, domain, ok := strings.Cut(g.Email, "@")
		if !ok {
			local, domain = "guest", "example.com"
		}
		g.Email = fmt.Sprintf("%s.b%d@%s", local, i, domain)
		if err := s.UpdateGuest(staff.WithActor(ctx, in.agent), &g); err != nil {
			return err
		}
		in.sample[i%len(in.sample)] = g // its new version, for the next edit of this guest
		return nil
	}}
}

// queueOp reads what a department's queue screen shows: its first page, oldest promise
// first, and the count of every view.
func queueOp(s services.All, in *inputs, opts Options) op {
	f := requests.Filter{Department: in.dept, View: requests.ViewOpen}
	name := fmt.Sprintf("requests queue: %s, %d open (page + counts)", in.dept, in.open)
	return op{name: name, n: opts.Samples, run: func(ctx context.Context, _ int) error {
		if _, err := s.ListRequests(ctx, f); err != nil {
			return err
		}
		_, err := s.CountRequests(ctx, f)
		return err
	}}
}

// boardViewer is who looks at the boards on the store: a shift manager may look at every
// department's.
var boardViewer = staff.Actor{Name: "frontdesk bench", Role: staff.RoleShiftManager}

// screenOps are the screens that read many tables at once: the Today board, the
// handover report of the shift on now, and the last 90 days of measures. A screen
// added to the store gets its row here.
func screenOps(s services.All, opts Options) []op {
	n := opts.HeavySamples
	var ops []op
	// Each board, as a shift manager looks at it (through a server, the person signed
	// in is one). A refresh is quick once the guests are kept, so each gets as many runs
	// as the other quick rows (a p95 of 20 runs is one slow run).
	for _, audience := range anticipation.Audiences {
		ops = append(ops, op{name: "Today board, " + audience, n: opts.Samples, run: func(ctx context.Context, _ int) error {
			_, err := s.Today(staff.WithActor(ctx, boardViewer), anticipation.BoardQuery{Now: opts.Now(), Audience: audience})
			return err
		}})
	}
	return append(ops, []op{
		{name: "handover report, shift on now", n: n, run: func(ctx context.Context, _ int) error {
			_, err := s.Report(ctx, time.Time{}, "")
			return err
		}},
		{name: "measures, last 90 days", n: n, run: func(ctx context.Context, _ int) error {
			_, err := s.Measures(ctx, handover.LastDays(opts.Now(), 90))
			return err
		}},
	}...)
}

// prefix is the first n letters of s.
func prefix(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

func firstNonEmpty(a, b string, preferA bool) string {
	if preferA && a != "" || b == "" {
		return a
	}
	return b
}

// The sample guest at or after i that has the thing a search needs (the first one when
// none has).
func withBothNames(gs []guests.Guest, i int) guests.Guest {
	return find(gs, i, func(g guests.Guest) bool { return g.GivenName != "" && g.FamilyName != "" })
}
func withPhone(gs []guests.Guest, i int) guests.Guest {
	return find(gs, i, func(g guests.Guest) bool { return g.Phone != "" })
}
func withEmail(gs []guests.Guest, i int) guests.Guest {
	return find(gs, i, func(g guests.Guest) bool { return g.Email != "" })
}
func withLoyalty(gs []guests.Guest, i int) guests.Guest {
	return find(gs, i, func(g guests.Guest) bool { return g.LoyaltyNumber != "" })
}

func find(gs []guests.Guest, i int, ok func(guests.Guest) bool) guests.Guest {
	for k := range gs {
		if g := gs[(i+k)%len(gs)]; ok(g) {
			return g
		}
	}
	return gs[i%len(gs)]
}
