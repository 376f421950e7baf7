#!/usr/bin/env bash
# Release build of the static site into dist/ (deployable as plain files).
# Assumes setup.sh has run.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
wasm trunk build --release
# Brotli copies beside the files, for hosts that serve precompressed files
# (nginx brotli_static, Caddy's `precompressed br`, static-web-server): 15-20 %
# smaller than gzip for the WASM modules. Hosts that compress on the fly, and
# the others, ignore them.
find dist -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' \) \
  -exec brotli --force --keep --best {} +
