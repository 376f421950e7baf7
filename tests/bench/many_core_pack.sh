#!/usr/bin/env bash
# many_core_pack.sh: packs what a bare x86-64 Linux machine with Python 3 (no Node.js, no browser,
# no network) needs to run tests/bench/many_core.py: Debian's chromium-headless-shell and the
# shared libraries it links, one font, the built site, the native baseline and the runner.
# Adapted from ../shared/tools/many-core/pack.sh (issue 16). Called by `scripts/bench.sh --many-core`.
#
#   tests/bench/many_core_pack.sh DIST NATIVE_BIN OUT
#
# OUT/a (~20 MB): libraries, browser resources, font, site, native_fib, runner, run.sh
# OUT/b (~55 MB): the browser binary, xz-compressed (the slow step: minutes; reused while the
#                 installed browser is the same version)
# Two parts, so that each stays under 64 MiB where one transfer is limited to that. On the big
# machine, from a copy of the repository holding OUT:  bash OUT/a/run.sh   (see tests/bench/README.md)
set -euo pipefail
dist=$(cd "$1" && pwd)
native=$(realpath "$2")
out=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out/a" "$out/b"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The browser from Debian's packages (apt-get download: no install needed, nothing else fetched).
( cd "$work" && apt-get download chromium-headless-shell chromium-common >/dev/null )
mkdir -p "$work/x" "$work/c" "$work/pkg/chromium" "$work/bundle/lib" "$work/fonts/fonts"
dpkg -x "$work"/chromium-headless-shell_*.deb "$work/x"
dpkg -x "$work"/chromium-common_*.deb "$work/c"
version=$(basename "$work"/chromium-headless-shell_*.deb .deb)
bin="$work/x/usr/lib/chromium/chromium-headless-shell"

# Every linked library except the C library's own parts (the target's glibc must be >= ours).
ldd "$bin" | awk '/=>/ {print $3}' |
  grep -v -E 'libc\.so|libm\.so|libpthread|libdl\.so|librt\.so|ld-linux' |
  xargs -I{} cp -L {} "$work/bundle/lib/"
tar -C "$work/bundle" -cJf "$out/a/libs.tar.xz" lib
cp "$work"/x/usr/lib/chromium/headless_*.pak "$work/pkg/chromium/"
cp "$work"/c/usr/lib/chromium/{icudtl.dat,v8_context_snapshot.bin,snapshot_blob.bin} \
  "$work/pkg/chromium/" 2>/dev/null || true
tar -C "$work/pkg" -cJf "$out/a/chromium-rest.tar.xz" chromium

font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
[[ -f $font ]] || DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-dejavu-core >/dev/null
cp "$font" "$work/fonts/fonts/"
cat > "$work/fonts/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/tmp/many-core/fonts</dir><cachedir>/tmp/many-core/fccache</cachedir></fontconfig>
XML
tar -C "$work/fonts" -cJf "$out/a/fonts.tar.xz" fonts fonts.conf

# The site (without the precompressed copies: the runner serves plain files) and the baseline.
tar -C "$dist" --exclude='*.br' --exclude='*.gz' -cJf "$out/a/dist.tar.xz" .
cp "$native" "$out/a/native_fib"
cp "$here"/many_core.py "$here"/many_core_parent.html "$here"/many_core_run.sh "$out/a/"
mv "$out/a/many_core_run.sh" "$out/a/run.sh"

# The slow step, skipped while part b holds this browser version. PACK_XZ_LEVEL=-1 packs fast
# (for a trial run here; part b is then larger than 64 MiB).
if [[ "$(cat "$out/b/version" 2>/dev/null)" != "$version" ]]; then
  xz "${PACK_XZ_LEVEL:--9e}" -T0 -c "$bin" > "$out/b/hs.xz.tmp" && mv "$out/b/hs.xz.tmp" "$out/b/hs.xz"
  echo "$version" > "$out/b/version"
fi
du -sh "$out/a" "$out/b"
