#!/usr/bin/env bash
# Benchmarks the built-in search against Pagefind 1.6 on gencorpus corpora:
# index build time and memory, index sizes, then recall, precision, bytes of
# the first query and keystroke-to-results time in headless Chromium.
#
#   bench/search/run.sh [PAGES...]        default: 1000 10000
#
# WORK (default /tmp/searchbench) holds corpora, builds and Pagefind, which
# is installed there with npm (never into the repository). RUNS (default 3)
# repeats the timed builds. Results: $WORK/report-N.md for each size.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
work=${WORK:-/tmp/searchbench}
runs=${RUNS:-3}
gencorpus=${GENCORPUS:-$repo/../shared/bench/gencorpus}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
mkdir -p "$work"

pagefind=$work/pagefind/node_modules/@pagefind/linux-x64/bin/pagefind_extended
if [ ! -x "$pagefind" ]; then
	mkdir -p "$work/pagefind"
	(cd "$work/pagefind" && npm init -y >/dev/null && npm install --no-audit --no-fund pagefind@1.6 >/dev/null)
fi
go build -o "$work/showcase" ./cmd/showcase
go build -o "$work/indexstats" ./bench/search/indexstats
go build -o "$work/searchbench" ./bench/search/browser

# timed CMD...: prints "wall user+sys maxrss" of one run
timed() { /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%s s wall, %.1f s CPU, %d MB peak RSS\n", $1, $2+$3, $4/1024}'; }

for n in "${sizes[@]}"; do
	corpus=$work/c$n ours=$work/ours$n pf=$work/pf$n report=$work/report-$n.md
	[ -f "$corpus/queries.tsv" ] || (cd "$gencorpus" && go run . -out "$corpus" -pages "$n" >/dev/null)
	{
		echo "# $n pages ($(date -u +%FT%TZ), $(nproc) cores)"
		echo
		echo "## showcase build (whole site, index included)"
		for i in $(seq "$runs"); do echo "- load $(cut -d' ' -f1 /proc/loadavg): $(timed "$work/showcase" build -q -s "$corpus" -d "$ours")"; done
		echo
		echo "## index alone (search.Build on the loaded site)"
		for i in $(seq "$runs"); do echo "- load $(cut -d' ' -f1 /proc/loadavg): $("$work/indexstats" -s "$corpus" | grep 'index build')"; done
		"$work/indexstats" -s "$corpus" | sed 's/^/    /'
		echo
		echo "## Pagefind 1.6 extended (content pages marked data-pagefind-body)"
		for i in $(seq "$runs"); do
			rm -rf "$pf" && cp -r "$ours" "$pf" && rm -rf "$pf/search"
			(cd "$pf" && find news cases photos branches -mindepth 2 -maxdepth 2 -name index.html |
				grep -E '/(news|case|album|branch)-' |
				xargs sed -i -e 's/<h1 class="page-title">/<h1 class="page-title" data-pagefind-body>/' \
					-e 's/<div class="prose">/<div class="prose" data-pagefind-body>/')
			echo "- load $(cut -d' ' -f1 /proc/loadavg): $(timed "$pagefind" --site "$pf")"
		done
		echo
		echo "## bytes on disk"
		echo "- showcase search/: $(du -sb "$ours/search" | cut -f1) ($(find "$ours/search" -type f | wc -l) files)"
		echo "- pagefind/: $(du -sb "$pf/pagefind" | cut -f1) ($(find "$pf/pagefind" -type f | wc -l) files);" \
			"without its optional UI files: $(find "$pf/pagefind" -type f ! -name '*ui.*' ! -name 'pagefind-highlight.js' -printf '%s\n' | awk '{s+=$1} END {print s}')"
		"$work/searchbench" -ours "$ours" -pf "$pf" -q "$corpus/queries.tsv" 2>/dev/null
	} | tee "$report"
done
