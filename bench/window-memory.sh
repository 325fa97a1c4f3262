#!/usr/bin/env bash
# window-memory.sh — the real Frontdesk window under Xvfb on a database, signed in, driven by
# xdotool through ROUNDS rounds of "search a name prefix (Ctrl+F), open the first match";
# prints the resident set at sign-in, while the rounds run, and after a minute idle, split
# into the file-backed share (shared libraries: Mesa's software rasteriser under Xvfb) and
# the anonymous share (Go and C heaps), and leaves a heap profile of the window.
#
#   bench/window-memory.sh DB STAFF PIN [ROUNDS]      (from the project root, after make build)
#   go tool pprof -top -inuse_space frontdesk /tmp/frontdesk-heap.prof
#
# Needs xvfb and xdotool (apt-get install -y xvfb xdotool).
set -euo pipefail
db=$1 who=$2 pin=$3 rounds=${4:-1000}
display=:77
profile=/tmp/frontdesk-heap.prof
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
export DISPLAY=$display
sleep 1
FRONTDESK_HEAP_PROFILE=$profile ./frontdesk --db "$db" >/tmp/frontdesk-window.log 2>&1 &
app=$!
xdotool search --sync --onlyvisible --name Frontdesk >/dev/null
rss() { # resident set in MB: total, file-backed, anonymous
	awk '/^VmRSS/{t=$2} /^RssFile/{f=$2} /^RssAnon/{a=$2} END{printf "%d MB (file %d MB, anonymous %d MB)", t/1024, f/1024, a/1024}' /proc/$app/status
}
sleep 2
xdotool type --delay 50 "$who"; xdotool key Return; sleep 1
xdotool type --delay 50 "$pin"; xdotool key Return
sleep 15
echo "signed in:        $(rss)"
prefixes=(sa wi ta lim ng ko pu se ha ra ma ch ki su de an jo li pe ro)
for i in $(seq 1 "$rounds"); do
	xdotool key ctrl+f ctrl+a
	xdotool type --delay 20 "${prefixes[$((i % ${#prefixes[@]}))]}"
	sleep 0.25
	xdotool key Return
	sleep 0.2
	if ((i % 250 == 0)); then echo "after $i rounds: $(rss)"; fi
done
sleep 70
echo "idle a minute:    $(rss)"
echo "heap profile:     $profile"
