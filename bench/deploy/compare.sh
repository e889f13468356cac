#!/usr/bin/env bash
# Deploy a generated site over SFTP to a real OpenSSH server on 127.0.0.1,
# side by side with `rsync -a --delete` over the same server: the first
# deploy, then a redeploy after one page is edited and the site rebuilt.
# See bench/deploy/README.md.
#
#   bench/deploy/compare.sh [PAGES] [RUNS]      (defaults: 10000 pages, 3 runs)
#
# Environment:
#   GENCORPUS  the corpus generator (default /work/shared/bench/gencorpus)
#   CORPUS     the generated site (default /tmp/dep-corpus; made if missing)
#   OUT        its build output (default /tmp/dep-out; built here)
#   SHOWCASE   a showcase binary to use (default: built from this tree)
#   KEEP=1     keep the work folder (server, keys, targets, logs)
set -euo pipefail

PAGES=${1:-10000}
RUNS=${2:-3}
case $PAGES$RUNS in *[!0-9]*) echo "usage: $0 [PAGES] [RUNS]" >&2; exit 2 ;; esac
[ "$RUNS" -ge 1 ] || { echo "RUNS must be at least 1" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
GENCORPUS=${GENCORPUS:-/work/shared/bench/gencorpus}
CORPUS=${CORPUS:-/tmp/dep-corpus}
OUT=${OUT:-/tmp/dep-out}
SSHD=${SSHD:-/usr/sbin/sshd}
WORK=$(mktemp -d /tmp/dep-bench.XXXXXX)
BIN=$WORK/showcase
RESULTS=$WORK/results.tsv

die() { echo "compare.sh: $*" >&2; exit 1; }
[ -x "$SSHD" ] || die "sshd not found (Debian: apt-get install openssh-server)"
command -v rsync >/dev/null || die "rsync not found (Debian: apt-get install rsync)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (Debian: apt-get install time)"
command -v pgrep >/dev/null || die "pgrep not found (Debian: apt-get install procps)"
command -v ssh-keygen >/dev/null || die "ssh-keygen not found (Debian: apt-get install openssh-client)"

SSHD_PID=
cleanup() {
	[ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null || true
	if [ "${KEEP:-}" != 1 ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT

if [ -n "${SHOWCASE:-}" ]; then
	cp "$SHOWCASE" "$BIN"
else
	echo "== building showcase"
	(cd "$ROOT" && go build -o "$BIN" ./cmd/showcase)
fi
if [ ! -f "$CORPUS/site.toml" ]; then
	echo "== generating corpus: $PAGES pages into $CORPUS"
	(cd "$GENCORPUS" && go run . -out "$CORPUS" -pages "$PAGES")
fi
echo "== building the site into $OUT"
"$BIN" build -q -s "$CORPUS" -d "$OUT"

echo "== starting sshd on 127.0.0.1 (keys in $WORK)"
mkdir -p "$WORK/home/.ssh" && chmod 700 "$WORK/home/.ssh"
ssh-keygen -q -t ed25519 -N '' -f "$WORK/host_ed25519"
ssh-keygen -q -t ed25519 -N '' -f "$WORK/home/.ssh/id_ed25519"
cp "$WORK/home/.ssh/id_ed25519.pub" "$WORK/authorized_keys"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
cat >"$WORK/sshd_config" <<EOF
Port $PORT
ListenAddress 127.0.0.1
HostKey $WORK/host_ed25519
AuthorizedKeysFile $WORK/authorized_keys
PidFile $WORK/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
PermitRootLogin prohibit-password
Subsystem sftp internal-sftp
EOF
"$SSHD" -D -e -f "$WORK/sshd_config" 2>"$WORK/sshd.log" &
SSHD_PID=$!
for _ in $(seq 200); do # at most 20 s
	grep -q "Server listening" "$WORK/sshd.log" && break
	kill -0 "$SSHD_PID" 2>/dev/null || die "sshd exited: $(cat "$WORK/sshd.log")"
	sleep 0.1
done
grep -q "Server listening" "$WORK/sshd.log" || die "sshd did not start"
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$WORK/host_ed25519.pub")" >"$WORK/home/.ssh/known_hosts"
USER_NAME=$(id -un)
SSH_CMD="ssh -v -p $PORT -i $WORK/home/.ssh/id_ed25519 -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile=$WORK/home/.ssh/known_hosts"

# deploy_cmd TOOL TARGET: sets CMD to the deploy command. showcase deploy
# reads its key and known_hosts from $HOME/.ssh, as ssh does.
deploy_cmd() {
	case $1 in
	showcase) CMD=(env HOME="$WORK/home" SSH_AUTH_SOCK= "$BIN" deploy -s "$CORPUS" -d "$OUT" --no-build
		--target "sftp://$USER_NAME@127.0.0.1:$PORT$2") ;;
	rsync) CMD=(rsync -a --delete --stats -e "$SSH_CMD" "$OUT/" "$USER_NAME@127.0.0.1:$2/") ;;
	esac
}
# server_cpu: CPU seconds of sshd's finished sessions (its children's
# user+system time, which includes the SFTP server and rsync's receiver)
# once sshd has reaped them (it does so just after the client hangs up)
server_cpu() {
	for _ in $(seq 100); do # at most 5 s
		pgrep -P "$SSHD_PID" >/dev/null || break
		sleep 0.05
	done
	awk '{printf "%.2f", ($16+$17)/100}' "/proc/$SSHD_PID/stat"
}
# timed TOOL STEP RUN: runs the deploy and appends to $RESULTS
#   tool step run seconds files bytes wire client-cpu server-cpu load
# bytes: file contents (showcase's summary; rsync's "Total transferred file
# size"); wire: bytes sent over the SSH connection, encryption included
# (showcase's summary; ssh -v's "Transferred: sent N").
timed() {
	local tool=$1 step=$2 run=$3 log=$WORK/$1-$2-$3.log start end files bytes wire s0 s1
	s0=$(server_cpu)
	start=$(date +%s.%N)
	deploy_cmd "$tool" "$WORK/target-$tool"
	/usr/bin/time -f 'cpu %U %S' -o "$log.cpu" "${CMD[@]}" >"$log" 2>&1 || die "$tool $step failed: $(cat "$log")"
	end=$(date +%s.%N)
	s1=$(server_cpu)
	if [ "$tool" = showcase ]; then
		files=$(sed -n 's/^sent \([0-9]*\) file.*/\1/p' "$log")
		bytes=$(sed -n 's|^sent [0-9]* file(s) / \([0-9.]*\) \([KMG]*B\).*|\1 \2|p' "$log" | to_bytes)
		wire=$(sed -n 's|.*SSH traffic \([0-9.]*\) \([KMG]*B\) up.*|\1 \2|p' "$log" | to_bytes)
	else
		files=$(sed -n 's/^Number of regular files transferred: \([0-9,]*\).*/\1/p' "$log" | tr -d ,)
		bytes=$(sed -n 's/^Total transferred file size: \([0-9,]*\).*/\1/p' "$log" | tr -d ,)
		wire=$(sed -n 's/^Transferred: sent \([0-9]*\),.*/\1/p' "$log")
	fi
	printf '%s\t%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$step" "$run" "$(echo "$end - $start" | bc)" \
		"$files" "$bytes" "$wire" "$(awk '{printf "%.2f", $2+$3}' "$log.cpu")" "$(echo "$s1 $s0" | awk '{printf "%.2f", $1-$2}')" \
		"$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RESULTS"
}
to_bytes() { awk '{m=$2=="GB"?1073741824:$2=="MB"?1048576:$2=="KB"?1024:1; printf "%d", $1*m}'; }

TOTAL_FILES=$(find "$OUT" -type f | wc -l)
PAGE=$(ls "$CORPUS/content/news" | grep -v _index | sort | sed -n '5000p')
echo "== $TOTAL_FILES files, $(du -sh "$OUT" | cut -f1); the edited page: content/news/$PAGE"
printf 'tool\tstep\trun\tseconds\tfiles\tbytes\twire\tclient_cpu\tserver_cpu\tload\n' >"$RESULTS"
cp "$CORPUS/content/news/$PAGE" "$WORK/page.orig"
for run in $(seq "$RUNS"); do
	echo "== run $run of $RUNS"
	rm -rf "$WORK/target-showcase" "$WORK/target-rsync"
	mkdir -p "$WORK/target-showcase" "$WORK/target-rsync"
	# alternate which tool goes first, so neither always gets the warmer cache
	if [ $((run % 2)) = 1 ]; then order="showcase rsync"; else order="rsync showcase"; fi
	for tool in $order; do timed "$tool" first "$run"; done
	printf '\n（第 %s 次测试修订）\n' "$run" >>"$CORPUS/content/news/$PAGE"
	"$BIN" build -q -s "$CORPUS" -d "$OUT"
	for tool in $order; do timed "$tool" redeploy "$run"; done
	diff -r --exclude='.showcase-*' "$WORK/target-showcase" "$OUT" >/dev/null || die "showcase target differs from the build"
	diff -r "$WORK/target-rsync" "$OUT" >/dev/null || die "rsync target differs from the build"
done
cp "$WORK/page.orig" "$CORPUS/content/news/$PAGE"
"$BIN" build -q -s "$CORPUS" -d "$OUT"

echo
echo "== medians of $RUNS run(s); $TOTAL_FILES files; $(nproc) cores"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '%-9s %-9s %8s %7s %12s %12s %11s %11s\n' tool step seconds files bytes wire client-cpu server-cpu
for step in first redeploy; do
	for tool in showcase rsync; do
		sel() { awk -F'\t' -v t="$tool" -v s="$step" -v c="$1" '$1==t && $2==s {print $c}' "$RESULTS"; }
		printf '%-9s %-9s %8s %7s %12s %12s %11s %11s\n' "$tool" "$step" "$(sel 4 | median)" "$(sel 5 | median)" \
			"$(sel 6 | median)" "$(sel 7 | median)" "$(sel 8 | median)" "$(sel 9 | median)"
	done
done
echo "load average (1 min) during the runs: $(awk -F'\t' 'NR>1 {print $10}' "$RESULTS" | sort -n | sed -n '1p;$p' | paste -sd' ' | sed 's/ / to /')"
cp "$RESULTS" "${RESULTS_COPY:-/tmp/dep-bench-results.tsv}"
echo "(all runs: ${RESULTS_COPY:-/tmp/dep-bench-results.tsv})"
