#!/usr/bin/env bash
# Installs whatever the playground needs and is missing, from package
# registries only (crates.io, npm, Debian). Idempotent: a second run checks
# versions and installs nothing.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

step "Rust toolchain (nightly: WASM threads need -Z build-std)"
rustup toolchain list | grep -q '^nightly' ||
  die "the 'nightly' toolchain is missing and cannot be downloaded here; install it with rustup"
installed="$(rustup +nightly component list --installed)"
for c in rust-src rustfmt clippy; do
  grep -q "^$c" <<<"$installed" || rustup component add --toolchain nightly "$c"
done
rustup +nightly target list --installed | grep -q '^wasm32-unknown-unknown$' ||
  rustup target add --toolchain nightly wasm32-unknown-unknown
rustc +nightly --version

step "trunk $TRUNK_VERSION"
if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  # trunk 0.22.1 needs rustc >= 1.96.1: build it with the nightly toolchain.
  cargo +nightly install trunk --version "$TRUNK_VERSION" --locked
fi
trunk --version

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (must match Cargo.lock)"
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  # Not --locked: a dependency locked by wasm-bindgen-cli is missing from the
  # registry mirror here; without --locked it resolves to one that exists.
  cargo +nightly install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
wasm-bindgen --version

step "wasm-opt (npm binaryen $BINARYEN_VERSION)"
if [[ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version ${BINARYEN_VERSION%%.*}"* ]]; then
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION"
fi
wasm-opt --version

# Debian packages: the package list may be stale or absent on a fresh machine, so it is
# refreshed before the first install of a run, and at most once.
apt_updated=
apt_install() {
  [[ -n "$apt_updated" ]] || { apt-get update; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

step "Chromium and ChromeDriver (Debian) for the browser tests"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt_install chromium chromium-driver
fi
chromium --version

step "Firefox ESR (Debian) for the browser tests' Firefox subset"
if ! command -v firefox-esr >/dev/null; then
  apt_install firefox-esr
fi
firefox-esr --version

step "brotli (Debian): precompressed .br copies of the release build (build.sh)"
if ! command -v brotli >/dev/null; then
  apt_install brotli
fi
brotli --version

step "End-to-end test dependencies (npm, pinned in tests/e2e/package-lock.json)"
if [[ ! -d tests/e2e/node_modules/playwright-core ]] || [[ ! -d tests/e2e/node_modules/puppeteer-core ]] ||
   [[ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]]; then
  npm ci --prefix tests/e2e --no-audit --no-fund
fi
echo "setup complete"
