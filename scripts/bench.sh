#!/usr/bin/env bash
# The benchmark (issue 7): release build, native and CPython baselines, headless Chromium runs;
# prints a table with budgets (pass/short) and writes target/bench/bench.json.
#   scripts/bench.sh            full run (a few minutes on 2 cores)
#   scripts/bench.sh --quick    small version for CI (BENCH_QUICK=1 too): under ~2 minutes
# Budgets are reported, not asserted: exits non-zero only if something failed to run.
# A full run waits (BENCH_QUIET_WAIT seconds, default 120) for other processes to leave the CPU
# before each CPU phase; it serves a copy of dist/ (target/bench/site/) so rebuilds cannot mix in.
set -euo pipefail
source "$(dirname "$0")/env.sh"
quick=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=(--quick) ;;
    *) die "unknown argument: $arg (expected --quick)" ;;
  esac
done
[[ "${BENCH_QUICK:-}" == 1 ]] && quick=(--quick)

"$ROOT/scripts/setup.sh"
cd "$ROOT"

step "release build (trunk)"
"$ROOT/scripts/build.sh"

step "native baseline (host release build of examples/native_fib.rs)"
cargo +nightly build --release --example native_fib

step "benchmark ${quick[*]:-(full)}"
mkdir -p target/bench
node tests/bench/bench.mjs "${quick[@]}" \
  --native-bin target/release/examples/native_fib --out target/bench/bench.json
