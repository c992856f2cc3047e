#!/usr/bin/env bash
# Starts the packaged window headless (Monocle, software rendering) with --smoke-test: the app shows
# its window, waits for the first rendered frame, prints "first frame after <ms> ms" (counted from
# the start of the process) and exits 0.
#
#   bash packaging/smoke-test.sh [--runs N] [--compare-jar] [--open FILE.blab]
#
# --runs N       start it N times (default 1) and print the median
# --compare-jar  before each packaged start, also start `java -jar target/boundary-lab.jar` the same
#                way, and print the ratio of the medians (the two alternate, so both see the same load)
# --open FILE    start it with that workspace file, as a file manager does: the app opens it before
#                it reports, and its line "opened workspace ..." is printed (and required)
#
# SMOKE_JAVA_OPTIONS, if set, is added to the JVM options of every start (e.g. -Xshare:off to see
# what the CDS archive is worth).
# Needs target/dist/boundary-lab (mvn -Ppackage package) and target/smoke-test/openjfx-monocle.jar
# (copied there by the same profile). Exits non-zero if any start fails or prints no first frame.
set -euo pipefail

fail() { echo "packaging/smoke-test.sh: $*" >&2; exit 1; }

runs=1
compare=false
open_file=()
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --compare-jar) compare=true; shift ;;
        --open) open_file=("${2:?--open needs a workspace file}"); shift 2 ;;
        *) fail "unknown argument '$1' (expected --runs N, --compare-jar, --open FILE)" ;;
    esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "--runs wants a positive whole number, got '$runs'"

root="$(cd "$(dirname "$0")/.." && pwd)"
image="$root/target/dist/boundary-lab"
launcher="$image/bin/boundary-lab"
cfg="$image/lib/app/boundary-lab.cfg"
monocle="$root/target/smoke-test/openjfx-monocle.jar"
[ -x "$launcher" ] || fail "no packaged launcher at $launcher (run mvn -Ppackage package)"
[ -f "$monocle" ] || fail "no Monocle jar at $monocle (mvn -Ppackage package copies it there)"

# Monocle has to be on the same class path as the JavaFX jars. The packaged launcher passes its class
# path (app.classpath in its .cfg) as -Djava.class.path, after JAVA_TOOL_OPTIONS, so a class path
# given there is overridden; _JAVA_OPTIONS is read after the launcher's options, so the full class
# path goes there: the .cfg's entries with $APPDIR filled in, plus Monocle.
app_dir="$image/lib/app"
packaged_cp="$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app_dir|" | paste -sd: -)"
[ -n "$packaged_cp" ] || fail "no app.classpath in $cfg"
headless="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k"
headless="$headless -Djava.awt.headless=true ${SMOKE_JAVA_OPTIONS:-}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# One start; prints "<ms to first frame> <CPU ms>" ($1 = label, $2 = class path, rest = command).
# The CPU time (user + system, the process and its threads) says less about a loaded machine's
# queue than the wall-clock time does, so both are kept.
first_frame() {
    local label="$1" cp="$2"; shift 2
    local rc=0
    local TIMEFORMAT='%3U %3S'
    { time env -u DISPLAY -u WAYLAND_DISPLAY _JAVA_OPTIONS="-Djava.class.path=$cp:$monocle $headless" \
        timeout 180 "$@" --smoke-test ${open_file[@]+"${open_file[@]}"} </dev/null >"$tmp/out" 2>&1 || rc=$?; } 2>"$tmp/time"
    local ms
    ms="$(grep -o 'first frame after [0-9]* ms' "$tmp/out" | grep -o '[0-9]*' | head -1 || true)"
    if [ "$rc" != 0 ] || [ -z "$ms" ]; then
        grep -v '^Picked up _JAVA_OPTIONS' "$tmp/out" | tail -20 >&2
        fail "$label --smoke-test exited with status $rc$([ -z "$ms" ] && echo ' and printed no first frame')"
    fi
    if [ ${#open_file[@]} -gt 0 ]; then
        grep -m1 '^opened workspace ' "$tmp/out" >&2 || fail "$label printed no 'opened workspace' line"
    fi
    echo "$ms $(awk '{printf "%d", ($1 + $2) * 1000}' "$tmp/time")"
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2] + v[NR/2+1]) / 2)}'; }

packaged=(); packaged_cpu=(); jar=(); jar_cpu=()
for i in $(seq "$runs"); do
    line="run $i:"
    if $compare; then
        read -r ms cpu < <(first_frame "java -jar" "$root/target/boundary-lab.jar" java -jar "$root/target/boundary-lab.jar")
        jar+=("$ms"); jar_cpu+=("$cpu")
        line="$line java -jar $ms ms (CPU $cpu ms),"
    fi
    read -r ms cpu < <(first_frame "packaged launcher" "$packaged_cp" "$launcher")
    packaged+=("$ms"); packaged_cpu+=("$cpu")
    echo "$line packaged $ms ms (CPU $cpu ms)"
done

p_median="$(printf '%s\n' "${packaged[@]}" | median)"
p_cpu="$(printf '%s\n' "${packaged_cpu[@]}" | median)"
echo "packaged app: first frame after $p_median ms, CPU $p_cpu ms (medians of $runs)"
if $compare; then
    j_median="$(printf '%s\n' "${jar[@]}" | median)"
    j_cpu="$(printf '%s\n' "${jar_cpu[@]}" | median)"
    echo "java -jar:    first frame after $j_median ms, CPU $j_cpu ms (medians of $runs; $(java -version 2>&1 | head -1))"
    awk -v p="$p_median" -v j="$j_median" -v pc="$p_cpu" -v jc="$j_cpu" \
        'BEGIN {printf "packaged / java -jar: %.2f to the first frame, %.2f in CPU time\n", p / j, pc / jc}'
fi
echo "app image: $(du -s --apparent-size -B1M "$image" | cut -f1) MB ($(du -sb "$image" | cut -f1) bytes)"
