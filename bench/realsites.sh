#!/usr/bin/env bash
# Build real Hugo sites unchanged with showcase, and with Hugo for the time.
#
#   bench/realsites.sh SITE [SITE...]      (each a folder holding a Hugo site)
#
# For each site it prints showcase's errors, its warnings grouped by kind
# (the message with names, paths and numbers taken out), the pages built and
# the wall time; then Hugo's wall time on the same content. The sites are
# never changed: showcase builds into a temporary folder, and Hugo builds a
# temporary copy of the site without its layouts/ and themes/ (themes are
# git submodules that rarely come along), with the small theme of
# bench/hugo-theme and an empty template for each shortcode the content
# uses, so both tools build the same content with a small theme.
#
# Environment:
#   HUGO     the hugo binary (default: hugo on PATH); HUGO=none skips Hugo
#   RUNS     timed builds per tool, the median is shown (default 3)
#   SHOW=N   print the first N errors and N warnings of each kind (default 3)
#   KEEP=1   keep the outputs (/tmp/realsites-PID)
#   OUTS=DIR where the outputs go (default the work folder; /dev/shm puts
#            them in memory, out of reach of the disk's noise)
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 SITE [SITE...]" >&2; exit 2; }
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HUGO=${HUGO:-hugo}
RUNS=${RUNS:-3}
SHOW=${SHOW:-3}
WORK=/tmp/realsites-$$
OUTS=${OUTS:-$WORK}/realsites-$$
BIN=$WORK/showcase
mkdir -p "$WORK"
cleanup() { if [ "${KEEP:-}" != 1 ]; then rm -rf "$WORK" "$OUTS"; fi; }
trap cleanup EXIT

(cd "$ROOT" && go build -o "$BIN" ./cmd/showcase)

# seconds COMMAND...: run it, print the wall time in seconds; the command's
# output goes to $WORK/last.out, its status to $WORK/last.status.
seconds() {
	local t0 t1 st=0
	t0=$(date +%s.%N)
	"$@" >"$WORK/last.out" 2>&1 || st=$?
	t1=$(date +%s.%N)
	echo "$st" >"$WORK/last.status"
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# kinds: warnings or errors (one a line, "file:line: message") grouped by
# the message with quoted text, paths and numbers replaced by "…".
kinds() {
	sed -E 's/^[^ ]*:[0-9]*:? //; s/^[^ ]+\.(md|toml|yaml|yml|json|html): //' |
		sed -E 's/"[^"]*"/"…"/g; s/[^ ()]*\/[^ ()]*/…/g; s/[0-9]+/N/g' |
		cut -c1-110 | sort | uniq -c | sort -rn
}

# hugo_copy SITE DIR: the site without layouts/ and themes/, a stub theme
# with bench/hugo-theme's layouts and an empty template per shortcode.
hugo_copy() {
	local site=$1 dir=$2
	rm -rf "$dir" && mkdir -p "$dir/site" "$dir/themes"
	tar -C "$site" --exclude=./layouts --exclude=./themes --exclude=./public --exclude=./resources -cf - . | tar -C "$dir/site" -xf -
	cp -r "$ROOT/bench/hugo-theme" "$dir/themes/stub"
	rm -rf "$dir/themes/stub/layouts/_default/_markup"
	mkdir -p "$dir/themes/stub/layouts/shortcodes"
	grep -rhoE '\{\{[<%] */?[A-Za-z0-9_-]+' "$dir/site/content" 2>/dev/null | sed -E 's/\{\{[<%] *//' | sort -u >"$dir/shortcodes" || true
	while read -r name; do
		case $name in /*) continue ;; esac
		if grep -q "^/$name\$" "$dir/shortcodes"; then
			echo '{{ .Inner }}' >"$dir/themes/stub/layouts/shortcodes/$name.html"
		else
			: >"$dir/themes/stub/layouts/shortcodes/$name.html"
		fi
	done <"$dir/shortcodes"
	# the outputs a small theme has (a site may ask for JSON or AMP)
	printf '[outputs]\nhome = ["html", "rss"]\nsection = ["html", "rss"]\ntaxonomy = ["html", "rss"]\nterm = ["html", "rss"]\npage = ["html"]\n' >"$dir/extra.toml"
}

hugo_config() {
	local site=$1 f
	for f in hugo.toml hugo.yaml hugo.yml hugo.json config.toml config.yaml config.yml config.json; do
		[ -f "$site/$f" ] && { echo "$site/$f"; return; }
	done
}

for site in "$@"; do
	site=$(cd "$site" && pwd)
	name=$(basename "$site")
	out=$WORK/$name
	dest=$OUTS/$name # the outputs
	mkdir -p "$out" "$dest"
	md=$(find "$site/content" -name '*.md' | wc -l)
	echo "=============== $name ($md Markdown files)"

	# showcase: the first build reports, the others are timed
	st=0
	"$BIN" build --lang en -s "$site" -d "$out/showcase" >"$out.sc.log" 2>&1 || st=$?
	grep -E '^warning: ' "$out.sc.log" | sed 's/^warning: //' >"$out.warnings" || true
	grep -vE '^(warning: |built |build failed)' "$out.sc.log" | grep -E '^[^ ]+(:[0-9]+)?: ' >"$out.errors" || true
	nerr=$(wc -l <"$out.errors")
	nwarn=$(wc -l <"$out.warnings")
	pages=$(grep -oE '^built [0-9]+ pages' "$out.sc.log" | grep -oE '[0-9]+' || echo 0)
	echo "showcase: exit $st, $nerr errors, $nwarn warnings, $pages pages"
	if [ "$nerr" -gt 0 ]; then
		echo "-- errors by kind"
		kinds <"$out.errors"
		echo "-- first errors"
		head -n "$SHOW" "$out.errors" | cut -c1-240
	fi
	if [ "$nwarn" -gt 0 ]; then
		echo "-- warnings by kind"
		kinds <"$out.warnings"
		echo "-- first warnings"
		head -n "$SHOW" "$out.warnings" | cut -c1-240
	fi
	hcmd=()
	if [ "$HUGO" != none ]; then
		hugo_copy "$site" "$out/hugo-src"
		cfg=$(hugo_config "$out/hugo-src/site")
		[ -n "$cfg" ] || { echo "hugo: no configuration file"; continue; }
		hcmd=("$HUGO" --quiet --noBuildLock -s "$out/hugo-src/site" -d "$dest/hugo"
			--config "$cfg,$out/hugo-src/extra.toml" --themesDir "$out/hugo-src/themes" --theme stub)
	fi
	# the tools take turns, so that both meet the disk in the same state
	# (on ext4, files made soon after many were deleted are slower to make)
	times=()
	htimes=()
	hst=0
	for ((i = 0; i < RUNS; i++)); do
		rm -rf "$dest/showcase"
		times+=("$(seconds "$BIN" build -q -s "$site" -d "$dest/showcase")")
		if [ ${#hcmd[@]} -gt 0 ]; then
			rm -rf "$dest/hugo"
			htimes+=("$(HUGO_RESOURCEDIR=$out/hugo-res seconds "${hcmd[@]}")")
			[ "$(cat "$WORK/last.status")" = 0 ] || { hst=1; cp "$WORK/last.out" "$out.hugo.log"; }
		fi
	done
	sc=$(printf '%s\n' "${times[@]}" | median)
	echo "showcase time: ${sc}s (median of $RUNS fresh builds: ${times[*]})"

	if [ ${#hcmd[@]} -eq 0 ]; then continue; fi
	if [ "$hst" != 0 ]; then
		echo "hugo failed:"; head -n 5 "$out.hugo.log" | cut -c1-300
		continue
	fi
	times=("${htimes[@]}")
	hg=$(printf '%s\n' "${times[@]}" | median)
	hpages=$(find "$dest/hugo" -name index.html | wc -l)
	echo "hugo time:     ${hg}s (median of $RUNS: ${times[*]}; $hpages index.html files; $("$HUGO" version | cut -d' ' -f2))"
	awk -v a="$sc" -v b="$hg" 'BEGIN { if (b > 0) printf "ratio showcase/hugo: %.2f\n", a / b }'
done
