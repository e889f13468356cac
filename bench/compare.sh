#!/usr/bin/env bash
# Compare a full showcase build with a full Hugo build of the same generated
# corpus, side by side in one run.  See bench/README.md.
#
#   bench/compare.sh [PAGES] [RUNS]        (defaults: 10000 pages, 3 runs)
#
# Environment:
#   GENCORPUS  the corpus generator (default /work/shared/bench/gencorpus)
#   HUGO       the hugo binary (default: hugo on PATH)
#   KEEP=1     keep the last outputs (/tmp/bench-out-*, /dev/shm/bench-out-*)
set -euo pipefail

PAGES=${1:-10000}
RUNS=${2:-3}
case $PAGES$RUNS in *[!0-9]*) echo "usage: $0 [PAGES] [RUNS]" >&2; exit 2 ;; esac
[ "$RUNS" -ge 1 ] || { echo "RUNS must be at least 1" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
GENCORPUS=${GENCORPUS:-/work/shared/bench/gencorpus}
HUGO=${HUGO:-hugo}
TIME=/usr/bin/time
CORPUS=/tmp/bench-corpus-$PAGES
BIN=/tmp/bench-showcase
DISK=/tmp/bench-out-$$          # outputs on disk
SHM=/dev/shm/bench-out-$$       # outputs in memory (tmpfs)
LOGS=/tmp/bench-logs-$$         # timings and tool output
HUGO_RES=/tmp/bench-hugo-resources-$$  # keeps Hugo's resources/ out of the corpus

die() { echo "compare.sh: $*" >&2; exit 1; }
command -v "$HUGO" >/dev/null || die "hugo not found (Debian: apt-get install hugo)"
[ -x "$TIME" ] || die "$TIME not found (Debian: apt-get install time)"
command -v go >/dev/null || die "go not found"
[ -d /dev/shm ] && [ -w /dev/shm ] || die "/dev/shm is not writable"

cleanup() {
	if [ "${KEEP:-}" != 1 ]; then rm -rf "$DISK" "$SHM" "$HUGO_RES"; fi
}
trap cleanup EXIT
mkdir -p "$DISK" "$SHM" "$LOGS" "$HUGO_RES"

echo "== building showcase"
(cd "$ROOT" && go build -o "$BIN" ./cmd/showcase)

if [ ! -f "$CORPUS/site.toml" ]; then
	echo "== generating corpus: $PAGES pages into $CORPUS"
	force=()
	[ -d "$CORPUS" ] && force=(-force)
	(cd "$GENCORPUS" && go run . -out "$CORPUS" -pages "$PAGES" "${force[@]}")
fi

# One build.  $1 tool, $2 output folder, $3 log name.  Writes "wall rssKB
# user sys" to $LOGS/$3.time and the tool's output to $LOGS/$3.out; returns
# the tool's exit status.
build() {
	local tool=$1 out=$2 name=$3 cmd
	case $tool in
	showcase) cmd=("$BIN" build -q -s "$CORPUS" -d "$out") ;;
	hugo) cmd=(env HUGO_RESOURCEDIR="$HUGO_RES" "$HUGO" --quiet --noBuildLock
		-s "$CORPUS" -d "$out"
		--config "$CORPUS/site.toml,$BENCH/hugo-theme/hugo-bench.toml${NO_RELATED:+,$BENCH/hugo-theme/no-related.toml}"
		--themesDir "$BENCH" --theme hugo-theme) ;;
	esac
	sync # do not bill this build for the previous one's writeback
	"$TIME" -o "$LOGS/$name.time" -f "%e %M %U %S" "${cmd[@]}" >"$LOGS/$name.out" 2>&1
}

# record TOOL SCENARIO STATUS NAME: append the timing line, or FAIL.
record() {
	local tool=$1 sc=$2 st=$3 name=$4
	if [ "$st" -eq 0 ]; then
		echo "$(tail -n 1 "$LOGS/$name.time")" >>"$LOGS/$tool.$sc"
	else
		echo "FAIL" >>"$LOGS/$tool.$sc"
		echo "!! $tool failed ($sc, exit $st); its output:" >&2
		sed 's/^/   /' "$LOGS/$name.out" | head -n 40 >&2
	fi
}

echo "== corpus: $CORPUS ($(find "$CORPUS/content" -name '*.md' | wc -l) Markdown files)"
echo "== $(nproc) CPUs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $("$HUGO" version | cut -d' ' -f1-3); showcase $("$BIN" version 2>&1 | head -n 1); $(go version | cut -d' ' -f3); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"

TOOLS=(showcase hugo)
for ((i = 1; i <= RUNS; i++)); do
	# alternate which tool goes first
	if ((i % 2)); then order=(showcase hugo); else order=(hugo showcase); fi
	echo "== run $i/$RUNS (${order[*]})"
	for t in "${order[@]}"; do
		rm -rf "$SHM/$t" && mkdir "$SHM/$t"
		st=0; build "$t" "$SHM/$t" "$t.memory.$i" || st=$?
		record "$t" memory "$st" "$t.memory.$i"
	done
	rm -rf "$SHM"/* # free the memory before the disk scenarios
	for t in "${order[@]}"; do
		rm -rf "$DISK/$t" && mkdir "$DISK/$t"
		st=0; build "$t" "$DISK/$t" "$t.fresh.$i" || st=$?
		record "$t" fresh "$st" "$t.fresh.$i"
	done
	for t in "${order[@]}"; do
		st=0; build "$t" "$DISK/$t" "$t.repeat.$i" || st=$?
		record "$t" repeat "$st" "$t.repeat.$i"
	done
	# keep the outputs of the last run for the sanity check
	if ((i < RUNS)); then rm -rf "${DISK:?}"/*; fi
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# median FILE COLUMN: the median of a column of the timing lines ("-" if any
# build failed).
median() {
	if grep -q FAIL "$1"; then echo "-"; return; fi
	awk -v c="$2" '{print $c}' "$1" | sort -g | awk '
		{ v[NR] = $1 }
		END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { if (k == "-") print "-"; else printf "%.0f", k / 1024 }'; }
cpu() { awk '{ printf "%.2f\n", $3 + $4 }' "$1" >"$1.cpu"; median "$1.cpu" 1; }

echo
echo "Medians of $RUNS runs, $PAGES-page corpus.  ratio = showcase / hugo (below 1: showcase is faster or smaller)."
echo
printf '%-20s %9s %9s %6s   %9s %9s %6s   %9s %9s %6s\n' scenario "sc wall s" "hugo" ratio "sc CPU s" "hugo" ratio "sc RSS MB" "hugo" ratio
for sc in memory fresh repeat; do
	case $sc in memory) label="in memory (shm)" ;; fresh) label="fresh folder, disk" ;; repeat) label="repeat build, disk" ;; esac
	sw=$(median "$LOGS/showcase.$sc" 1); hw=$(median "$LOGS/hugo.$sc" 1)
	sm=$(median "$LOGS/showcase.$sc" 2); hm=$(median "$LOGS/hugo.$sc" 2)
	if grep -q FAIL "$LOGS/showcase.$sc"; then sc_cpu=-; else sc_cpu=$(cpu "$LOGS/showcase.$sc"); fi
	if grep -q FAIL "$LOGS/hugo.$sc"; then h_cpu=-; else h_cpu=$(cpu "$LOGS/hugo.$sc"); fi
	printf '%-20s %9s %9s %6s   %9s %9s %6s   %9s %9s %6s\n' "$label" \
		"$sw" "$hw" "$(ratio "$sw" "$hw")" \
		"$sc_cpu" "$h_cpu" "$(ratio "$sc_cpu" "$h_cpu")" \
		"$(mb "$sm")" "$(mb "$hm")" "$(ratio "$sm" "$hm")"
done
echo
echo "Each run (wall s, peak RSS KB, user s, sys s):"
for sc in memory fresh repeat; do
	for t in "${TOOLS[@]}"; do printf '  %-8s %-7s %s\n' "$t" "$sc" "$(paste -sd'|' "$LOGS/$t.$sc" | sed 's/|/ | /g')"; done
done

# ---- sanity check on the last disk outputs ------------------------------
echo
echo "Outputs of the last repeat build:"
printf '  %-8s %7s %7s %7s %7s %9s %8s\n' tool entries files html xml redirects size
for t in "${TOOLS[@]}"; do
	d=$DISK/$t
	[ -d "$d" ] || continue
	entries=$(find "$d" | wc -l)
	files=$(find "$d" -type f | wc -l)
	html=$(find "$d" -type f -name '*.html' | wc -l)
	xml=$(find "$d" -type f -name '*.xml' | wc -l)
	redirects=$(grep -rlsi --include='*.html' 'http-equiv="refresh"' "$d" | wc -l || true)
	size=$(du -sh "$d" | cut -f1)
	printf '  %-8s %7s %7s %7s %7s %9s %8s\n' "$t" "$entries" "$files" "$html" "$xml" "$redirects" "$size"
done

# Content pages (news, cases, albums, branch profiles): same URL in both tools.
pages() {
	(cd "$1" && find . -path './*/*-*/index.html' | sed 's|^\./||; s|/index.html$||' |
		grep -E '^(news/news|cases/case|photos/album|branches/branch)-[0-9]+$' | sort)
}
if [ -d "$DISK/showcase" ] && [ -d "$DISK/hugo" ]; then
	pages "$DISK/showcase" >"$LOGS/pages.showcase"
	pages "$DISK/hugo" >"$LOGS/pages.hugo"
	published=$(grep -rL '^draft = true' "$CORPUS/content" --include='*.md' |
		grep -cvE '/_index\.md$' || true)
	echo
	echo "Content pages: corpus has $published published (non-draft) pages;" \
		"showcase wrote $(wc -l <"$LOGS/pages.showcase"), hugo $(wc -l <"$LOGS/pages.hugo")."
	only_sc=$(comm -23 "$LOGS/pages.showcase" "$LOGS/pages.hugo" | wc -l)
	only_h=$(comm -13 "$LOGS/pages.showcase" "$LOGS/pages.hugo" | wc -l)
	if [ "$only_sc$only_h" != 00 ]; then
		echo "  only showcase: $only_sc  $(comm -23 "$LOGS/pages.showcase" "$LOGS/pages.hugo" | head -n 5 | tr '\n' ' ')"
		echo "  only hugo:     $only_h  $(comm -13 "$LOGS/pages.showcase" "$LOGS/pages.hugo" | head -n 5 | tr '\n' ' ')"
	fi
	echo "List pages (section, term, paginator): showcase $(find "$DISK/showcase" -path '*/page/*' -name index.html | wc -l) paginator pages," \
		"hugo $(find "$DISK/hugo" -path '*/page/*' -name index.html | wc -l) (hugo's include /page/1/ redirects)."
fi

# anything the tools printed (both run quiet: warnings and errors only)
for t in "${TOOLS[@]}"; do
	out=$(cat "$LOGS"/"$t".*.out 2>/dev/null | sort | uniq -c | sort -rn | head -n 10)
	if [ -n "$out" ]; then echo; echo "$t printed (count, line):"; echo "$out"; fi
done
echo
echo "Logs: $LOGS"
