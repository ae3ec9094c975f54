#!/usr/bin/env bash
# Builds the wine helpers for bun-windows-x64 exes into OUT_DIR: bcryptprimitives.dll (ProcessPrng stub) and stdin-relay.exe.
# Usage: build-stub.sh OUT_DIR   -> prints the DLL path on stdout. Idempotent: skips what is newer than its sources.
set -euo pipefail

out_dir=${1:?usage: build-stub.sh OUT_DIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
self=$here/build-stub.sh
cc=${MINGW_CC:-x86_64-w64-mingw32-gcc}
cflags=(-O2 -s -Wall -Wextra -Werror -nostdlib)

mkdir -p "$out_dir"

# build OUT SRC... -- CC_ARGS... : compiles when OUT is missing or older than a SRC or this script.
build() {
  local out=$1 src
  shift
  local srcs=()
  while [[ $1 != -- ]]; do srcs+=("$1"); shift; done
  shift
  if [[ -f $out ]]; then
    local stale=0
    for src in "${srcs[@]}" "$self"; do [[ $src -nt $out ]] && stale=1; done
    ((stale)) || return 0
  fi
  command -v "$cc" >/dev/null || { echo "build-stub.sh: $cc not found (run .ci/install-deps.sh)" >&2; exit 1; }
  # Write to a temp name and rename, so a concurrent reader never sees a half-written file.
  local tmp
  tmp=$(mktemp "$out_dir/.build.XXXXXX")
  "$cc" "${cflags[@]}" -o "$tmp" "$@" || { rm -f "$tmp"; exit 1; }
  chmod 0755 "$tmp"
  mv -f "$tmp" "$out"
  echo "build-stub.sh: built $out" >&2
}

build "$out_dir/bcryptprimitives.dll" "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -- \
  -shared "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32 -lkernel32 -Wl,--entry,DllMain
build "$out_dir/stdin-relay.exe" "$here/stdin-relay.c" -- \
  "$here/stdin-relay.c" -lkernel32 -Wl,--entry,mainCRTStartup

echo "$out_dir/bcryptprimitives.dll"
