package app

// Whose board Today shows: each person's own (their department's, or the managers'), a
// manager's pick of any department's, and a filter to find a guest on a long one.

import (
	"slices"
	"time"

	"fyne.io/fyne/v2/lang"

	"frontdesk/anticipation"
)

// filterPause is how long the board waits after the last key before reading again.
const filterPause = 300 * time.Millisecond

// boardName is an audience as the select says it: "Managers' board", or the department's.
func (s *todayScreen) boardName(audience string) string {
	if audience == anticipation.Managers {
		return lang.L("Managers' board")
	}
	if s.data != nil {
		for _, d := range s.data.departments {
			if d.Code == audience {
				return lang.L("{{.Department}} board", map[string]any{"Department": d.Name})
			}
		}
	}
	return audience
}

// offerBoards fills the select with the boards the person may look at and shows the one
// on screen: every board for a manager, their departments' for department staff. Someone
// with one board sees its name, not a choice.
func (s *todayScreen) offerBoards(shown string) {
	a := s.u.actor
	boards := []string{anticipation.AudienceOf(a)}
	for _, b := range anticipation.Audiences {
		if (a.Role.IsManager() || slices.Contains(a.Departments, b)) && !slices.Contains(boards, b) {
			boards = append(boards, b)
		}
	}
	s.boards = boards
	names := make([]string, len(boards))
	for i, b := range boards {
		names[i] = s.boardName(b)
	}
	s.board.Options = names
	s.board.SetSelectedIndex(max(slices.Index(boards, shown), 0))
	s.boardOf.SetText(s.boardName(shown))
	if len(boards) > 1 {
		s.pick.Show()
		s.boardOf.Hide()
	} else {
		s.pick.Hide()
		s.boardOf.Show()
	}
}

// chooseBoard reads the board picked in the select.
func (s *todayScreen) chooseBoard(name string) {
	i := slices.Index(s.board.Options, name)
	if i < 0 || i >= len(s.boards) {
		return
	}
	if chosen := s.boards[i]; chosen != s.current() {
		s.audience = chosen
		s.all = map[string]bool{}
		s.reload()
	}
}

// current is the audience of the board on screen.
func (s *todayScreen) current() string {
	if s.data != nil && s.data.board != nil {
		return s.data.board.Audience
	}
	return s.audience
}

// filterSoon reads the board again once typing in the filter pauses.
func (s *todayScreen) filterSoon() {
	s.seq++ // a board read before this keystroke is not shown
	seq := s.seq
	time.AfterFunc(filterPause, func() {
		s.u.do(func() {
			if seq == s.seq {
				s.reload()
			}
		})
	})
}
