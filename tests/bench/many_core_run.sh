#!/usr/bin/env bash
# run.sh of the many-core pack (tests/bench/many_core_pack.sh puts this file in OUT/a/run.sh).
# On the many-core machine, from the repository root there:
#   bash .many-core/a/run.sh --unpack-only   unpack part a to /tmp/many-core (when the two parts
#                                            arrive one at a time)
#   bash /tmp/many-core/run.sh [ARGS]        unpack the browser from .many-core/b (or $PACK_B) and
#                                            run; ARGS go to many_core.py (e.g. --quick, --threads 1,2,4)
# `bash .many-core/a/run.sh [ARGS]` does both at once when both parts are there.
# Results: $OUT (default /tmp/many-core/out): results.jsonl, summary.json, summary.txt.
set -euo pipefail
D=${MANY_CORE_DIR:-/tmp/many-core}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$D"
if [[ -f $here/dist.tar.xz ]]; then
  echo "unpacking part a into $D ($(nproc) cores, $(python3 --version), $(ldd --version | head -1))"
  for t in libs chromium-rest fonts; do tar -C "$D" -xJf "$here/$t.tar.xz"; done
  rm -rf "$D/dist" && mkdir -p "$D/dist" && tar -C "$D/dist" -xJf "$here/dist.tar.xz"
  cp "$here"/{many_core.py,many_core_parent.html,run.sh,native_fib} "$D/"
fi
[[ ${1:-} == --unpack-only ]] && exit 0

hs="$D/chromium/chromium-headless-shell"
if [[ ! -x $hs ]]; then
  b=${PACK_B:-}
  for c in "$here/../b/hs.xz" .many-core/b/hs.xz; do [[ -z $b && -f $c ]] && b=$c; done
  [[ -n $b ]] || { echo "part b (hs.xz) not found: set PACK_B"; exit 1; }
  xz -dc "$b" > "$hs.tmp" && chmod +x "$hs.tmp" && mv "$hs.tmp" "$hs"
fi
export LD_LIBRARY_PATH=$D/lib FONTCONFIG_FILE=$D/fonts.conf
python3 "$D/many_core.py" --dist "$D/dist" --browser "$hs" --native "$D/native_fib" \
  --out "${OUT:-$D/out}" "$@"
