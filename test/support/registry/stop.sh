#!/usr/bin/env bash
# Stops the loopback registries started by setup.sh.
#   --purge  also deletes their data and the podman storage under the state dir (keeps the cached rootfs tarball,
#            so the next setup.sh skips debootstrap but re-imports and re-pushes the base images).
set -euo pipefail
STATE=${ECS_ASSISTANT_REGISTRY_DIR:-/var/tmp/ecs-assistant-registry}

for name in mirror ecr; do
  pid=$(cat "$STATE/$name.pid" 2>/dev/null) || continue
  if [[ $pid =~ ^[0-9]+$ && $(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") == *docker-registry* ]]; then
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "stopped $name registry (pid $pid)" >&2
  fi
  rm -f "$STATE/$name.pid"
done

if [[ ${1:-} == --purge ]]; then
  # Not `podman system reset`: it also deletes CNI networks shared with the machine's default podman.
  awk -v d="$STATE/containers/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r umount -l
  rm -rf "$STATE"/{mirror,ecr,containers,build,env,auth.json,registries.conf,containers.conf,storage.conf,*.log} \
    /run/ecs-assistant-registry
  echo "purged $STATE (kept $STATE/rootfs)" >&2
fi
