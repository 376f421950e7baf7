#!/usr/bin/env bash
# Downloads every crate the offline builds need into $CARGO_HOME (setup.sh runs it; the test
# command runs it once more into an empty CARGO_HOME, then builds from that alone).
#
# Trunk.toml builds with `offline = true` (cargo gets --offline), so nothing may be missing:
# the project's crates for every target (`cargo fetch` without --target takes them all, the
# wasm32-only and optional ones included), and the crates std itself depends on, which
# -Z build-std also reads from the registry (wasip1, ...). Where they are all there, both
# commands only check the lock files against the cache (about a second).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
cargo +nightly fetch --locked
wasm cargo +nightly fetch --locked --target wasm32-unknown-unknown
