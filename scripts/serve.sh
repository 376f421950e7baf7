#!/usr/bin/env bash
# Command 1: installs what is missing, builds, then serves the playground at
# http://127.0.0.1:8080 (PORT to change) with the COOP/COEP headers threads need.
# A release build: debug WASM is 10-50x slower and would distort every timing.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
port="${PORT:-8080}"

# Built once before serving, because `trunk serve` serves whatever dist/ holds and keeps
# serving after a failed build: on a fresh machine that was a 404 for every page behind a
# cheerful "Serving on" line. A failed build ends the command here, non-zero, with the
# build's own error as the last thing printed.
step "Release build into dist/ (the first takes a few minutes: std is rebuilt for WASM threads)"
wasm trunk build --release
done_steps

# While serving, trunk rebuilds on every change. A rebuild that fails keeps the last good
# build in dist/, prints the error here and shows it over the open page ("Build failure",
# trunk's autoreload overlay); the next good rebuild reloads the page.
step "Serving on http://127.0.0.1:$port/ (Ctrl-C to stop; edits rebuild)"
wasm trunk serve --release --port "$port"
