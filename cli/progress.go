package cli

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progressBar draws one line of progress on a terminal, redrawn in place at most a few
// times a second; on anything else (a log file, a test) it writes a line when a stage
// starts and every ten seconds.
type progressBar struct {
	w        io.Writer
	tty      bool
	start    time.Time
	stageAt  time.Time
	stage    string
	lastDraw time.Time
}

func newProgressBar(w io.Writer) *progressBar {
	now := time.Now()
	return &progressBar{w: w, tty: isTerminal(w), start: now, stageAt: now}
}

const barWidth = 30

// update shows done out of total for stage; total 0 means the size is unknown.
func (p *progressBar) update(stage string, done, total int) {
	now := time.Now()
	if stage != p.stage {
		p.endStage(now)
		p.stage, p.stageAt, p.lastDraw = stage, now, now
		if !p.tty {
			fmt.Fprintf(p.w, "%-13s started at %s\n", stage, round(now.Sub(p.start)))
		}
	}
	switch {
	case !p.tty && now.Sub(p.lastDraw) >= 10*time.Second:
		p.lastDraw = now
		fmt.Fprintln(p.w, p.line(done, total, now))
	case p.tty && (now.Sub(p.lastDraw) >= 150*time.Millisecond || done >= total):
		p.lastDraw = now
		fmt.Fprintf(p.w, "\r%s\033[K", p.line(done, total, now))
	}
}

func (p *progressBar) line(done, total int, now time.Time) string {
	took := now.Sub(p.stageAt)
	if total <= 0 {
		return fmt.Sprintf("%-13s %s  %s", p.stage, strings.Repeat("·", int(took.Seconds())%barWidth+1), round(took))
	}
	frac := min(float64(done)/float64(total), 1)
	full := int(frac * barWidth)
	rate := ""
	if s := took.Seconds(); s > 0.5 {
		rate = fmt.Sprintf("%s/s", thousands(int(float64(done)/s)))
	}
	return fmt.Sprintf("%-13s [%s%s] %3.0f%%  %s / %s  %s  %s", p.stage, strings.Repeat("█", full),
		strings.Repeat("░", barWidth-full), frac*100, thousands(done), thousands(total), rate, round(took))
}

// endStage closes the current stage's line.
func (p *progressBar) endStage(now time.Time) {
	if p.stage != "" && p.tty {
		fmt.Fprintf(p.w, "\r%-13s done in %s\033[K\n", p.stage, round(now.Sub(p.stageAt)))
	}
}

// finish closes the last line and returns the time since the bar was made.
func (p *progressBar) finish() time.Duration {
	now := time.Now()
	p.endStage(now)
	p.stage = ""
	return now.Sub(p.start)
}

func round(d time.Duration) time.Duration { return d.Round(100 * time.Millisecond) }

// thousands writes n with comma separators: 1,000,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
