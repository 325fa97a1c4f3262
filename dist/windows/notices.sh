#!/usr/bin/env bash
# notices.sh EXE DIR — write into DIR the licence notices of everything built into EXE:
# the Go modules it links (from `go version -m`), Go itself, the fonts Fyne embeds
# (Noto Sans, Inter, DejaVu Sans Mono, EmojiOne, under fyne.io/fyne/v2/theme/font), the
# C code compiled in (SQLite, GLFW) and the mingw-w64 runtime it is linked with.
set -euo pipefail
exe=${1:?usage: notices.sh EXE DIR}
out=${2:?usage: notices.sh EXE DIR}
mkdir -p "$out"

# one folder per module, at its module path (licenses/github.com/mattn/go-sqlite3/…),
# holding its LICENSE, COPYING and NOTICE files
copy_notices() { # MODULE_DIR NAME
	local dest="$out/$2" f
	mkdir -p "$dest"
	for f in "$1"/LICENSE* "$1"/LICENCE* "$1"/COPYING* "$1"/NOTICE* "$1"/PATENTS; do
		[[ -f $f ]] && cp "$f" "$dest/"
	done
	rmdir "$dest" 2>/dev/null && echo "notices.sh: no licence file in $1" >&2 || true
}

go version -m "$exe" | awk '$1 == "dep" || $1 == "=>" { print $2 "@" $3 }' | while read -r mod; do
	dir=$(go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
	copy_notices "$dir" "${mod%@*}"
	case $mod in
	fyne.io/fyne/v2@*) cp "$dir"/theme/font/LICENSE*.txt "$out/${mod%@*}/" ;;
	github.com/go-gl/glfw/*) cp "$dir/glfw/LICENSE.md" "$out/${mod%@*}/GLFW-LICENSE.md" ;;
	esac
done
copy_notices "$(go env GOROOT)" go
cp /usr/share/doc/gcc-mingw-w64-x86-64/copyright "$out/mingw-w64-gcc-runtime.txt"
cat >"$out/sqlite.txt" <<'TXT'
SQLite (compiled in through github.com/mattn/go-sqlite3) is in the public domain:
"The author disclaims copyright to this source code." See https://sqlite.org/copyright.html
TXT
