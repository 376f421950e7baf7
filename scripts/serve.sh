#!/usr/bin/env bash
# Command 1: installs what is missing, then serves the playground at
# http://127.0.0.1:8080 (PORT to change) with the COOP/COEP headers threads need.
# A release build: debug WASM is 10-50x slower and would distort every timing.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
step "Serving on http://127.0.0.1:${PORT:-8080}/"
wasm trunk serve --release --port "${PORT:-8080}"
