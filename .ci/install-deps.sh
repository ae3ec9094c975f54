#!/usr/bin/env bash
# Installs the Debian packages CI needs to run the cross-compiled binaries (wine, mingw, qemu); idempotent and fast when done.
set -euo pipefail

log() { printf '[install-deps] %s\n' "$*" >&2; }

APT_UPDATED=0

# ensure_packages PKG... : apt-get installs those PKGs that dpkg does not report as installed.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    log "present: $*"
    return 0
  fi
  if ((APT_UPDATED == 0)); then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    APT_UPDATED=1
  fi
  log "installing: ${missing[*]}"
  local start=$SECONDS
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  log "installed ${missing[*]} in $((SECONDS - start))s"
}

# ---------------------------------------------------------------------------
# Cross-platform smoke tests (test/support/platforms.ts).
# wine64: runs the bun-windows-x64 .exe (called as /usr/lib/wine/wine64: the
#   `wine` wrapper package is only a Recommends and is not needed).
# gcc-mingw-w64-x86-64: builds the ProcessPrng stub DLL (test/support/wine/).
# qemu-user-static + arm64 libc/libstdc++: run the bun-linux-arm64 binary.
# ---------------------------------------------------------------------------
ensure_packages wine64 gcc-mingw-w64-x86-64
ensure_packages qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross

# ---------------------------------------------------------------------------
# More packages go here, e.g. (one ensure_packages line per group):
#   ensure_packages podman
#   ensure_packages docker-registry
#   ensure_packages debootstrap
# ---------------------------------------------------------------------------

log "done"
