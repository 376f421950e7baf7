#!/usr/bin/env bash
# Release build of the static site into dist/ (deployable as plain files).
# Assumes setup.sh has run.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
wasm trunk build --release
