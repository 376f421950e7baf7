# Shared by the scripts (sourced, not run): paths and pinned tool versions.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# Tool versions. wasm-bindgen must equal the version in Cargo.lock exactly.
TRUNK_VERSION="0.22.1"
BINARYEN_VERSION="132.0.0"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
export TRUNK_VERSION BINARYEN_VERSION WASM_BINDGEN_VERSION

# wasm-opt comes from npm's binaryen, installed under .tools/ (see setup.sh).
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Rebuild std with atomics for wasm32 builds only (see .cargo/config.toml).
wasm() { CARGO_UNSTABLE_BUILD_STD=panic_abort,std "$@"; }

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
