# Shared by the scripts (sourced, not run): paths and pinned tool versions.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# Tool versions. wasm-bindgen must equal the version in Cargo.lock exactly.
TRUNK_VERSION="0.22.1"
BINARYEN_VERSION="132.0.0"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
export TRUNK_VERSION BINARYEN_VERSION WASM_BINDGEN_VERSION

# The browsers the whole suite passes with (Debian's packages, 2026-12-07). setup.sh
# upgrades an older installed package to the version Debian ships now, since apt-get never
# upgrades a package that is already installed: machines set up before kept firefox-esr
# 140.10 while fresh ones got 153.8, and the suite differed between them.
CHROMIUM_MIN_VERSION="156.0.8078.129"
FIREFOX_ESR_MIN_VERSION="153.8.0esr"
export CHROMIUM_MIN_VERSION FIREFOX_ESR_MIN_VERSION

# Where cargo keeps installed tools and downloaded crates. CARGO_HOME may point elsewhere
# (the test command's empty-registry build does, with the same bin/).
CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export CARGO_HOME

# wasm-opt comes from npm's binaryen, installed under .tools/ (see setup.sh).
export PATH="$ROOT/.tools/node_modules/.bin:$CARGO_HOME/bin:$PATH"

# Rebuild std with atomics for wasm32 builds only (see .cargo/config.toml).
wasm() { CARGO_UNSTABLE_BUILD_STD=panic_abort,std "$@"; }

# Each step prints its name; the next step (or `done_steps`) prints how long it took, so a
# cold set-up shows where its minutes go.
_step_name=""
_step_start=$SECONDS
_step_end() {
  [[ -n "$_step_name" ]] && printf '    (%s: %d s)\n' "$_step_name" "$((SECONDS - _step_start))"
  _step_start=$SECONDS
}
step() {
  _step_end
  _step_name="$*"
  printf '\n==> %s\n' "$*"
}
done_steps() { _step_end; _step_name=""; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
