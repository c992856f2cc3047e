#!/usr/bin/env bash
# Runs the three benchmark programs back to back, in one go, so their ratios can be compared:
#   numpy (bench_numpy.py), tight C (limit.c, gcc -O3 -march=native) and this project's engine.
# Usage: docs/bench-compare.sh [seed000|sweep|boundary|large ...]
# Needs: python3-numpy and gcc (Debian: apt-get install -y python3-numpy gcc), a built jar
# (mvn -q package -DskipTests). REF points at the reference programs (shared/reference).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REF="${REF:-$ROOT/../shared/reference}"
[ -f "$REF/bench_numpy.py" ] || { echo "bench-compare: no bench_numpy.py in $REF (set REF=...)" >&2; exit 2; }
LIMIT="$(mktemp -d)/limit"
gcc -O3 -march=native -o "$LIMIT" "$REF/limit.c" -lm
echo "# $(date -u '+%F %T') load $(cut -d' ' -f1-3 /proc/loadavg)"
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, set on some machines for old OpenBLAS builds, slow a
# current numpy down: unset them for this command only.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$REF/bench_numpy.py" "$@" | sed 's/^/numpy /'
"$LIMIT" "$@" | sed 's/^/C /'
java -cp "$ROOT/target/boundary-lab.jar:$ROOT/target/lib/*" org.boundarylab.cli.BenchMain "$@" | sed 's/^/ours /'
echo "# $(date -u '+%F %T') load $(cut -d' ' -f1-3 /proc/loadavg)"
