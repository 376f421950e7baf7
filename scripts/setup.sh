#!/usr/bin/env bash
# Installs whatever the playground needs and is missing, from package registries only
# (crates.io, npm, Debian). Idempotent: on a machine that has everything, a run checks
# versions, finds every crate already downloaded and installs nothing (a few seconds).
# Cold, on 2 cores, it takes about the time docs/performance.md gives ("Set-up").
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

# The two tools built from source are built without link-time optimisation: their own
# release profiles ask for fat LTO and one codegen unit, which took most of a cold set-up
# (trunk alone 13 min on 2 cores). Neither is on a hot path: they start cargo and read files.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo +nightly install "$@"
}

step "trunk $TRUNK_VERSION"
if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  # trunk 0.22.1 needs rustc >= 1.96.1: build it with the nightly toolchain. Without its
  # default `update_check` (it asks crates.io for a newer trunk at every start; offline
  # here); `rustls` is the TLS stack trunk needs one of.
  fast_install trunk --version "$TRUNK_VERSION" --locked --no-default-features --features rustls
fi
trunk --version

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (must match Cargo.lock)"
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  # Not --locked: a dependency locked by wasm-bindgen-cli is missing from the
  # registry mirror here; without --locked it resolves to one that exists.
  fast_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
wasm-bindgen --version

step "wasm-opt (npm binaryen $BINARYEN_VERSION)"
if [[ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version ${BINARYEN_VERSION%%.*}"* ]]; then
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION"
fi
wasm-opt --version

step "crates for the offline builds (every target, and std's own for -Z build-std)"
"$ROOT/scripts/crates.sh"

# Debian packages. An installed package is never upgraded by `apt-get install` of another,
# so each is checked against the version the suite was last run with (env.sh).
apt_needed=()
need_deb() { # package [minimum version]
  local have
  have="$(dpkg-query -W -f='${Status} ${Version}' "$1" 2>/dev/null || true)"
  if [[ "$have" != "install ok installed "* ]]; then
    apt_needed+=("$1")
  elif [[ -n "${2:-}" ]] && dpkg --compare-versions "${have##* }" lt "$2"; then
    echo "$1 ${have##* } is older than $2: upgrading"
    apt_needed+=("$1")
  fi
}
step "Debian packages: Chromium, Firefox ESR (browser tests), brotli (build.sh)"
need_deb chromium "$CHROMIUM_MIN_VERSION"
need_deb chromium-driver "$CHROMIUM_MIN_VERSION"
need_deb firefox-esr "$FIREFOX_ESR_MIN_VERSION"
need_deb brotli
if ((${#apt_needed[@]})); then
  # The package list may be stale or absent on a fresh machine.
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${apt_needed[@]}"
fi
chromium --version
firefox-esr --version

step "End-to-end test dependencies (npm, pinned in tests/e2e/package-lock.json)"
if [[ ! -d tests/e2e/node_modules/playwright-core ]] || [[ ! -d tests/e2e/node_modules/puppeteer-core ]] ||
   [[ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]]; then
  npm ci --prefix tests/e2e --no-audit --no-fund
fi
done_steps
echo "setup complete"
