#!/usr/bin/env bash
# Compare the photo pipeline (showcase/internal/images, driven by the small
# program beside this script) with Hugo making the same widths (480 and 960)
# of the same photos, side by side: cold (empty caches) and warm (a rebuild
# with the caches of the previous run).  See bench/images/README.md.
#
#   bench/images/compare.sh [RUNS]          (default 3; medians are reported)
#
# Environment:
#   CORPUS     the photo corpus (default /tmp/img-corpus; generated if missing:
#              gencorpus -pages 100 -photos 100, 4032×3024 JPEGs, a quarter
#              with EXIF Orientation=6)
#   GENCORPUS  the corpus generator (default /work/shared/bench/gencorpus)
#   HUGO       the hugo binary (default: hugo on PATH)
set -euo pipefail

RUNS=${1:-3}
case $RUNS in '' | *[!0-9]*) echo "usage: $0 [RUNS]" >&2; exit 2 ;; esac
[ "$RUNS" -ge 1 ] || { echo "RUNS must be at least 1" >&2; exit 2; }

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CORPUS=${CORPUS:-/tmp/img-corpus}
GENCORPUS=${GENCORPUS:-/work/shared/bench/gencorpus}
HUGO=${HUGO:-hugo}
TIME=/usr/bin/time
WORK=/tmp/bench-images-$$
BIN=$WORK/images

die() { echo "compare.sh: $*" >&2; exit 1; }
command -v "$HUGO" >/dev/null || die "hugo not found (Debian: apt-get install hugo)"
[ -x "$TIME" ] || die "$TIME not found (Debian: apt-get install time)"
command -v go >/dev/null || die "go not found"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/logs"

if [ ! -d "$CORPUS/content/photos" ]; then
	echo "== generating the corpus into $CORPUS"
	(cd "$GENCORPUS" && go run . -out "$CORPUS" -pages 100 -photos 100)
fi
(cd "$ROOT" && go build -o "$BIN" ./bench/images)
photos=$(find "$CORPUS/content/photos" -name '*.jpg' | wc -l)

# run TOOL SCENARIO I: one run, timed; appends "wall rssKB user sys" to
# $WORK/logs/TOOL.SCENARIO.  A cold run starts from an empty cache.
run() {
	local tool=$1 sc=$2 i=$3 cmd
	if [ "$sc" = cold ]; then rm -rf "$WORK/$tool"; fi
	mkdir -p "$WORK/$tool"
	case $tool in
	showcase) cmd=("$BIN" -src "$CORPUS/content" -cache "$WORK/$tool/cache" -widths 480,960) ;;
	hugo) cmd=(env HUGO_RESOURCEDIR="$WORK/$tool/resources" "$HUGO" --quiet --noBuildLock
		-s "$HERE/hugo" --contentDir "$CORPUS/content" -d "$WORK/$tool/public") ;;
	esac
	sync # do not bill this run for the previous one's writeback
	"$TIME" -o "$WORK/logs/$tool.$sc.$i.time" -f "%e %M %U %S" "${cmd[@]}" >"$WORK/logs/$tool.$sc.$i.out" 2>&1 ||
		{ sed 's/^/   /' "$WORK/logs/$tool.$sc.$i.out" | head -n 20 >&2; die "$tool failed ($sc, run $i)"; }
	tail -n 1 "$WORK/logs/$tool.$sc.$i.time" >>"$WORK/logs/$tool.$sc"
	printf '   %-8s %-4s %s\n' "$tool" "$sc" "$(tail -n 1 "$WORK/logs/$tool.$sc")"
}

echo "== $photos photos in $CORPUS; $(nproc) CPUs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $("$HUGO" version | cut -d' ' -f1-2); $(go version | cut -d' ' -f3)"
for ((i = 1; i <= RUNS; i++)); do
	if ((i % 2)); then order=(showcase hugo); else order=(hugo showcase); fi
	echo "== run $i/$RUNS (${order[*]}), load $(cut -d' ' -f1 /proc/loadavg)"
	for t in "${order[@]}"; do run "$t" cold "$i"; done
	for t in "${order[@]}"; do run "$t" warm "$i"; done
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { # FILE COLUMN
	awk -v c="$2" '{print $c}' "$1" | sort -g | awk '
		{ v[NR] = $1 }
		END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
cpu() { awk '{ printf "%.2f\n", $3 + $4 }' "$1" >"$1.cpu" && median "$1.cpu" 1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

echo
echo "Medians of $RUNS runs, $photos photos into 480 and 960 wide.  ratio = showcase / hugo."
echo
printf '%-6s %10s %9s %6s   %10s %9s %6s   %9s %8s %6s\n' "" "sc wall s" "hugo" ratio "sc CPU s" "hugo" ratio "sc RSS MB" "hugo" ratio
for sc in cold warm; do
	s=$WORK/logs/showcase.$sc h=$WORK/logs/hugo.$sc
	sw=$(median "$s" 1) hw=$(median "$h" 1) sm=$(median "$s" 2) hm=$(median "$h" 2) scpu=$(cpu "$s") hcpu=$(cpu "$h")
	printf '%-6s %10s %9s %6s   %10s %9s %6s   %9s %8s %6s\n' "$sc" "$sw" "$hw" "$(ratio "$sw" "$hw")" \
		"$scpu" "$hcpu" "$(ratio "$scpu" "$hcpu")" "$(mb "$sm")" "$(mb "$hm")" "$(ratio "$sm" "$hm")"
done
printf '%-6s %10s per photo, cold\n' "" "$(awk -v w="$(median "$WORK/logs/showcase.cold" 1)" -v n="$photos" 'BEGIN { printf "%.3f s", w / n }')"
printf '%-6s %10s per photo, cold (hugo)\n' "" "$(awk -v w="$(median "$WORK/logs/hugo.cold" 1)" -v n="$photos" 'BEGIN { printf "%.3f s", w / n }')"

echo
echo "Each run (wall s, peak RSS KB, user s, sys s):"
for sc in cold warm; do
	for t in showcase hugo; do printf '  %-8s %-4s %s\n' "$t" "$sc" "$(paste -sd'|' "$WORK/logs/$t.$sc" | sed 's/|/ | /g')"; done
done
echo
echo "showcase's last runs said:"
for sc in cold warm; do printf '  %-4s %s\n' "$sc" "$(tail -n 1 "$WORK/logs/showcase.$sc.$RUNS.out")"; done

# Sanity: same number of variants, and the EXIF-rotated IMG_0004 upright in both.
sc_files=$(find "$WORK/showcase/cache" -name '*_[0-9]*w_*.jpg' | wc -l)
hugo_files=$(find "$WORK/hugo/public/photos" -name '*_resize_*.jpg' | wc -l)
dims() { file -b "$1" | grep -o ', [0-9]*x[0-9]*,' | tr -d ', '; }
echo
echo "Variants written: showcase $sc_files, hugo $hugo_files (hugo also publishes the originals)."
echo "IMG_0004 (Orientation=6) at 480: showcase $(dims "$(find "$WORK/showcase/cache" -name 'IMG_0004_480w_*.jpg')")," \
	"hugo $(dims "$(find "$WORK/hugo/public/photos" -name 'IMG_0004_*_480x0_resize*.jpg')") (upright: 480x640)."
