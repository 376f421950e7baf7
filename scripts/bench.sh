#!/usr/bin/env bash
# The benchmark (issue 7): release build, native and CPython baselines, headless Chromium runs;
# prints a table with budgets (pass/short) and writes target/bench/bench.json.
#   scripts/bench.sh            full run (a few minutes on 2 cores)
#   scripts/bench.sh --quick    small version for CI (BENCH_QUICK=1 too): under ~2 minutes
#   scripts/bench.sh --many-core [DIR]
#                               no benchmark here: packs the build, the native baseline, Debian's
#                               headless Chromium and the Python runner (tests/bench/many_core.py)
#                               into DIR (default .many-core/, git-ignored) for a machine with many
#                               cores and no Node.js; see tests/bench/README.md
# Budgets are reported, not asserted: exits non-zero only if something failed to run.
# A full run waits (BENCH_QUIET_WAIT seconds, default 120) for other processes to leave the CPU
# before each CPU phase; it serves a copy of dist/ (target/bench/site/) so rebuilds cannot mix in.
set -euo pipefail
source "$(dirname "$0")/env.sh"
quick=()
many_core=
while (($#)); do
  case "$1" in
    --quick) quick=(--quick) ;;
    --many-core)
      many_core=.many-core
      if [[ -n ${2:-} && $2 != --* ]]; then many_core=$2; shift; fi ;;
    *) die "unknown argument: $1 (expected --quick or --many-core [DIR])" ;;
  esac
  shift
done
[[ "${BENCH_QUICK:-}" == 1 ]] && quick=(--quick)

"$ROOT/scripts/setup.sh"
cd "$ROOT"

step "release build (trunk)"
"$ROOT/scripts/build.sh"

step "native baseline (examples/native_fib.rs, profile native-speed: opt-level 3, fat LTO, 1 codegen unit)"
cargo +nightly build --profile native-speed --example native_fib
if [[ -n $many_core ]]; then
  step "many-core pack in $many_core (the first pack compresses the browser: minutes)"
  tests/bench/many_core_pack.sh dist target/native-speed/examples/native_fib "$many_core"
  echo "next: copy the repository with $many_core to the big machine, there: bash $many_core/a/run.sh"
  exit 0
fi
native_cpu=()
if [[ ${#quick[@]} -eq 0 ]]; then
  # Reported on its own line: tuned for this very CPU, so not what a portable binary gets.
  # Its own target dir, so the portable build above is not rebuilt each time.
  RUSTFLAGS="-C target-cpu=native" cargo +nightly build --profile native-speed --example native_fib \
    --target-dir target/native-cpu
  native_cpu=(--native-cpu-bin target/native-cpu/native-speed/examples/native_fib)
fi

step "benchmark ${quick[*]:-(full)}"
mkdir -p target/bench
node tests/bench/bench.mjs "${quick[@]}" "${native_cpu[@]}" \
  --native-bin target/native-speed/examples/native_fib --out target/bench/bench.json
