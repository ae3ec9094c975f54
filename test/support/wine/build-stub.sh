#!/usr/bin/env bash
# Builds the ProcessPrng stub bcryptprimitives.dll (for running bun-windows-x64 exes under wine 8) into OUT_DIR.
# Usage: build-stub.sh OUT_DIR   -> prints the DLL path on stdout; skips the compile when the DLL is up to date.
set -euo pipefail

out_dir=${1:?usage: build-stub.sh OUT_DIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$here/bcryptprimitives.c
def=$here/bcryptprimitives.def
dll=$out_dir/bcryptprimitives.dll
cc=${MINGW_CC:-x86_64-w64-mingw32-gcc}

mkdir -p "$out_dir"
if [[ -f $dll && $dll -nt $src && $dll -nt $def && $dll -nt ${BASH_SOURCE[0]} ]]; then
  echo "$dll"
  exit 0
fi
command -v "$cc" >/dev/null || { echo "build-stub.sh: $cc not found (run .ci/install-deps.sh)" >&2; exit 1; }

# Build to a temp name and rename, so concurrent builders never see a half-written DLL.
tmp=$(mktemp "$out_dir/.bcryptprimitives.XXXXXX.dll")
trap 'rm -f "$tmp"' EXIT
"$cc" -shared -O2 -s -Wall -Wextra -Werror -o "$tmp" "$src" "$def" -ladvapi32 \
  -nostartfiles -Wl,--entry,DllMain -Wl,--enable-stdcall-fixup
chmod 0644 "$tmp"
mv -f "$tmp" "$dll"
trap - EXIT
echo "$dll"
