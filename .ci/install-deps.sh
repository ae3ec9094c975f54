#!/usr/bin/env bash
# Installs the Debian packages that CI and the tests need (wine, mingw, qemu for the cross-compiled binaries); idempotent.
# Fast (~50 ms) when everything is present: apt-get runs only for missing packages, in one call. Progress goes to stderr.
set -euo pipefail

log() { printf '[install-deps] %s\n' "$*" >&2; }

# ensure_packages PKG... : installs, with one apt-get update + install, those PKGs that dpkg does not report installed.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    log "all present: $*"
    return 0
  fi
  local start=$SECONDS
  log "missing: ${missing[*]} -> apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  log "apt-get install --no-install-recommends ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  log "installed in $((SECONDS - start)) s"
}

PACKAGES=()

# --- Cross-platform smoke tests (test/support/platforms.ts, test/platforms.test.ts) --------------------------------
# wine64: runs the bun-windows-x64 exe headless as /usr/lib/wine/wine64 (not on PATH). Its Recommends (the `wine`
#   wrapper scripts, fonts, …) are not needed for console programs.
# gcc-mingw-w64-x86-64: builds test/support/wine/ (ProcessPrng stub DLL that wine 8 lacks, stdin relay).
# qemu-user-static + arm64 loader/libc/libstdc++: run the bun-linux-arm64 binary (qemu-aarch64-static -L /usr/aarch64-linux-gnu).
PACKAGES+=(wine64 gcc-mingw-w64-x86-64)
PACKAGES+=(qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross)

# haproxy: the round-robin load balancer in front of two server replicas (test/hardening/replicas.test.ts, bench/replicas.ts).
PACKAGES+=(haproxy)

# cfn-lint (deploy/cloudformation/ecs-mcp-server.test.ts lints the self-deploy template): Debian bookworm has no
#   cfn-lint package (apt-cache policy cfn-lint: no candidate), so it is not installed here; the test runs it when it
#   is on PATH (e.g. `pip install cfn-lint`) and skips that one check otherwise.

# --- More packages: add them here, one PACKAGES+=(…) line per purpose with a comment, e.g. ----------------------------
# PACKAGES+=(podman)            # container builds
# PACKAGES+=(docker-registry)   # local registry for push tests
# PACKAGES+=(debootstrap)       # root filesystems for container tests
# ---------------------------------------------------------------------------------------------------------------------

ensure_packages "${PACKAGES[@]}"
