#!/usr/bin/env bash
# Starts the packaged window headless (Monocle, software rendering) with --smoke-test: the app shows
# its window, waits for the first rendered frame, prints "first frame after <ms> ms" (counted from
# the start of the process) and exits 0.
#
#   bash packaging/smoke-test.sh [--runs N] [--compare-jar]
#
# --runs N       start it N times (default 1) and print the median
# --compare-jar  before each packaged start, also start `java -jar target/boundary-lab.jar` the same
#                way, and print the ratio of the medians (the two alternate, so both see the same load)
#
# SMOKE_JAVA_OPTIONS, if set, is added to the JVM options of every start (e.g. -Xshare:off to see
# what the CDS archive is worth).
# Needs target/dist/boundary-lab (mvn -Ppackage package) and target/smoke-test/openjfx-monocle.jar
# (copied there by the same profile). Exits non-zero if any start fails or prints no first frame.
set -euo pipefail

fail() { echo "packaging/smoke-test.sh: $*" >&2; exit 1; }

runs=1
compare=false
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --compare-jar) compare=true; shift ;;
        *) fail "unknown argument '$1' (expected --runs N, --compare-jar)" ;;
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

# Prints the milliseconds to the first frame of one start; $1 = label, $2 = class path, rest = command.
first_frame() {
    local label="$1" cp="$2"; shift 2
    local output rc=0
    output="$(env -u DISPLAY -u WAYLAND_DISPLAY _JAVA_OPTIONS="-Djava.class.path=$cp:$monocle $headless" \
        timeout 180 "$@" --smoke-test </dev/null 2>&1)" || rc=$?
    local ms
    ms="$(grep -o 'first frame after [0-9]* ms' <<<"$output" | grep -o '[0-9]*' | head -1 || true)"
    if [ "$rc" != 0 ] || [ -z "$ms" ]; then
        grep -v '^Picked up _JAVA_OPTIONS' <<<"$output" | tail -20 >&2
        fail "$label --smoke-test exited with status $rc$([ -z "$ms" ] && echo ' and printed no first frame')"
    fi
    echo "$ms"
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2] + v[NR/2+1]) / 2)}'; }

packaged=()
jar=()
for i in $(seq "$runs"); do
    if $compare; then
        jar+=("$(first_frame "java -jar" "$root/target/boundary-lab.jar" java -jar "$root/target/boundary-lab.jar")")
    fi
    packaged+=("$(first_frame "packaged launcher" "$packaged_cp" "$launcher")")
    echo "run $i: packaged ${packaged[-1]} ms$($compare && echo ", java -jar ${jar[-1]} ms")"
done

p_median="$(printf '%s\n' "${packaged[@]}" | median)"
echo "packaged app: first frame after $p_median ms (median of $runs)"
if $compare; then
    j_median="$(printf '%s\n' "${jar[@]}" | median)"
    echo "java -jar:    first frame after $j_median ms (median of $runs, $(java -version 2>&1 | head -1))"
    awk -v p="$p_median" -v j="$j_median" 'BEGIN {printf "packaged / java -jar: %.2f\n", p / j}'
fi
echo "app image: $(du -s --apparent-size -B1M "$image" | cut -f1) MB ($(du -sb "$image" | cut -f1) bytes)"
