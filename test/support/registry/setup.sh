#!/usr/bin/env bash
# Sets up podman plus two loopback OCI registries for tests: an anonymous mirror standing in for
# public.ecr.aws (127.0.0.1:5100) and a basic-auth one standing in for a private ECR (127.0.0.1:5101).
# Idempotent: a warm run only checks packages, ports and base-image manifests (about a second).
# Writes $STATE/env (KEY=VALUE lines) for tests; prints the same as `export` lines on stdout.
# Exit codes: 0 ready, 3 this machine cannot do it (not Linux/root, apt or debootstrap unavailable), else a bug.
set -euo pipefail

STATE=${ECS_ASSISTANT_REGISTRY_DIR:-/var/tmp/ecs-assistant-registry}
MIRROR_ADDR=127.0.0.1:5100
ECR_ADDR=127.0.0.1:5101
ECR_USER=AWS
ECR_PASSWORD=${FAKE_ECR_PASSWORD:-fake-ecr-password}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# Bump ROOTFS_VERSION when the debootstrap recipe changes (re-debootstraps), IMAGES_VERSION when the flavour
# Dockerfiles below change (rebuilds and re-pushes the base images from the cached rootfs).
ROOTFS_VERSION=v1
IMAGES_VERSION=v2
BASE_PACKAGES=ca-certificates,python3,python3-pip,python3-venv,python-is-python3,nginx-light
NODE_IMAGES=(docker/library/node:20-slim docker/library/node:22-slim)
PYTHON_IMAGES=(docker/library/python:3.12-slim docker/library/python:3.11-slim docker/library/python:3.13-slim)
NGINX_IMAGES=(docker/library/nginx:1.27-alpine)
# The bare Debian base itself, for images that only copy a binary in (the server's own image: deploy/container/).
DEBIAN_IMAGES=(docker/library/debian:bookworm-slim)

log() { printf '[registry-setup %(%T)T] %s\n' -1 "$*" >&2; }
unsupported() { log "unsupported here: $*"; exit 3; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

[[ $(uname -s) == Linux ]] || unsupported "not Linux"
[[ $EUID -eq 0 ]] || unsupported "not root"
mkdir -p "$STATE"/{rootfs,mirror/data,ecr/data,build,containers/storage} /run/ecs-assistant-registry
exec 9>"$STATE/setup.lock"
flock -w 900 9 || { log "could not get $STATE/setup.lock"; exit 1; }
T0=$(now)

# --- 1. Debian packages (only when missing) ---------------------------------------------------
PACKAGES=(podman docker-registry debootstrap apache2-utils curl ca-certificates)
missing=()
for p in "${PACKAGES[@]}"; do
  [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || unsupported "no apt-get to install ${missing[*]}"
  t=$(now)
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt_log=$STATE/apt.log
  for i in 1 2 3 4 5 6; do # retry: another apt may hold the lists lock
    apt-get -o DPkg::Lock::Timeout=600 update >"$apt_log" 2>&1 && break
    [[ $i == 6 ]] && { tail -n 20 "$apt_log" >&2; unsupported "apt-get update failed"; }
    sleep 10
  done
  apt-get -y -o DPkg::Lock::Timeout=600 install --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1 ||
    { tail -n 20 "$apt_log" >&2; unsupported "apt-get install ${missing[*]} failed"; }
  log "apt install took $(since "$t")"
fi

# --- 2. containers config: root, no systemd, hybrid cgroup v1 (crun refuses it), so builds use chroot isolation
cat >"$STATE/registries.conf" <<EOF
# Written by ecs-assistant test/support/registry/setup.sh
unqualified-search-registries = ["docker.io"]
short-name-mode = "permissive"

# public.ecr.aws is served from the loopback mirror only (no fallback to the internet).
[[registry]]
prefix = "public.ecr.aws"
location = "$MIRROR_ADDR"
insecure = true

# Short names like node:20-slim resolve to docker.io/library/..., served from the same mirror.
[[registry]]
prefix = "docker.io/library"
location = "$MIRROR_ADDR/docker/library"
insecure = true

[[registry]]
location = "$MIRROR_ADDR"
insecure = true

[[registry]]
location = "$ECR_ADDR"
insecure = true
EOF
cat >"$STATE/containers.conf" <<EOF
# Written by ecs-assistant test/support/registry/setup.sh
[containers]
netns = "host"
[engine]
tmp_dir = "/run/ecs-assistant-registry/libpod"
cgroup_manager = "cgroupfs"
events_logger = "file"
env = ["BUILDAH_ISOLATION=chroot"]
EOF
cat >"$STATE/storage.conf" <<EOF
# Written by ecs-assistant test/support/registry/setup.sh
[storage]
driver = "${STORAGE_DRIVER:-overlay}"
graphroot = "$STATE/containers/storage"
runroot = "/run/ecs-assistant-registry/storage"
EOF
export CONTAINERS_REGISTRIES_CONF=$STATE/registries.conf CONTAINERS_CONF=$STATE/containers.conf \
  CONTAINERS_STORAGE_CONF=$STATE/storage.conf REGISTRY_AUTH_FILE=$STATE/auth.json BUILDAH_ISOLATION=chroot
[[ -f $REGISTRY_AUTH_FILE ]] || echo '{"auths":{}}' >"$REGISTRY_AUTH_FILE"

# --- 3. registries -------------------------------------------------------------------------------
http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" || true; }
registry_config() { # name addr [extra yaml]
  cat >"$STATE/$1/config.yml" <<EOF
version: 0.1
log:
  level: info
  formatter: text
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $STATE/$1/data
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: $2
  secret: ecs-assistant-test-$1
health:
  storagedriver:
    enabled: false
${3:-}
EOF
}
our_pid() { # prints the pid in $STATE/NAME.pid if that process is still a docker-registry
  local pid; pid=$(cat "$STATE/$1.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ && $(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") == *docker-registry* ]] && echo "$pid"
}
start_registry() { # name addr expected-/v2/-code
  local name=$1 addr=$2 pidfile=$STATE/$1.pid pid
  if pid=$(our_pid "$name"); then kill "$pid"; sleep 0.5; fi
  [[ $(http_code "http://$addr/v2/") == 000 ]] || { log "$addr is taken by something that is not our $name registry"; exit 1; }
  # The registry reads REGISTRY_* variables as config overrides (REGISTRY_AUTH_FILE breaks it): start it without them.
  env $(compgen -e | grep '^REGISTRY_' | sed 's/^/-u /') setsid /usr/bin/docker-registry serve "$STATE/$name/config.yml" </dev/null >>"$STATE/$name.log" 2>&1 9>&- &
  echo $! >"$pidfile"
  for _ in $(seq 100); do
    [[ $(http_code "http://$addr/v2/") == "$3" ]] && { log "started $name registry on $addr (pid $(cat "$pidfile"))"; return; }
    kill -0 "$(cat "$pidfile")" 2>/dev/null || break
    sleep 0.1
  done
  log "$name registry did not come up; tail of $STATE/$name.log:"; tail -n 20 "$STATE/$name.log" >&2; exit 1
}
if [[ $(http_code "http://$MIRROR_ADDR/v2/") != 200 ]]; then
  registry_config mirror "$MIRROR_ADDR"
  start_registry mirror "$MIRROR_ADDR" 200
fi
if [[ $(http_code -u "$ECR_USER:$ECR_PASSWORD" "http://$ECR_ADDR/v2/") != 200 ]]; then
  htpasswd -Bbn "$ECR_USER" "$ECR_PASSWORD" >"$STATE/ecr/htpasswd" # bcrypt: the only hash the registry accepts
  registry_config ecr "$ECR_ADDR" "auth:
  htpasswd:
    realm: fake-ecr
    path: $STATE/ecr/htpasswd"
  start_registry ecr "$ECR_ADDR" 401
  [[ $(http_code -u "$ECR_USER:$ECR_PASSWORD" "http://$ECR_ADDR/v2/") == 200 ]] || { log "ecr login check failed"; exit 1; }
fi

# --- 4. base images on the mirror ------------------------------------------------------------------
ACCEPT='application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json'
ACCEPT+=',application/vnd.oci.image.index.v1+json,application/vnd.docker.distribution.manifest.list.v2+json'
on_mirror() { local n=${1%:*} t=${1##*:}; [[ $(http_code -I -H "Accept: $ACCEPT" "http://$MIRROR_ADDR/v2/$n/manifests/$t") == 200 ]]; }
need=()
for img in "${NODE_IMAGES[@]}" "${PYTHON_IMAGES[@]}" "${NGINX_IMAGES[@]}" "${DEBIAN_IMAGES[@]}"; do on_mirror "$img" || need+=("$img"); done
# The mirror may hold images from an older recipe: a marker file names the version they were built from.
[[ $(cat "$STATE/mirror/images-version" 2>/dev/null) == "$ROOTFS_VERSION-$IMAGES_VERSION" ]] ||
  need=("${NODE_IMAGES[@]}" "${PYTHON_IMAGES[@]}" "${NGINX_IMAGES[@]}" "${DEBIAN_IMAGES[@]}")

if ((${#need[@]})); then
  TAR=$STATE/rootfs/bookworm-minbase-$ROOTFS_VERSION.tar
  if [[ ! -s $TAR ]]; then
    t=$(now)
    dir=$STATE/rootfs/bookworm-minbase-$ROOTFS_VERSION.d
    rm -rf "$dir"
    log "debootstrap minbase + $BASE_PACKAGES (about a minute)"
    debootstrap --variant=minbase --include="$BASE_PACKAGES" bookworm "$dir" "$DEBIAN_MIRROR" \
      >"$STATE/rootfs/debootstrap.log" 2>&1 || { tail -n 20 "$STATE/rootfs/debootstrap.log" >&2; unsupported "debootstrap failed"; }
    # Trim like the official -slim images; keep the host's CA bundle so RUN steps get through a TLS-intercepting egress.
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/usr/share/{doc,man,info,locale}/* \
      "$dir"/etc/resolv.conf "$dir"/etc/hostname "$dir"/var/log/*.log "$dir"/tmp/* "$dir"/usr/lib/python3*/EXTERNALLY-MANAGED
    cp /etc/ssl/certs/ca-certificates.crt "$dir/etc/ssl/certs/ca-certificates.crt"
    chroot "$dir" python3 -c 'import platform; print(platform.python_version())' >"$TAR.python-version"
    tar --numeric-owner --xattrs -C "$dir" -cf "$TAR.tmp" . && mv "$TAR.tmp" "$TAR"
    rm -rf "$dir"
    log "debootstrap + tarball took $(since "$t") ($(du -h "$TAR" | cut -f1))"
  fi

  t=$(now)
  base=localhost/ecs-assistant/debian-base:$ROOTFS_VERSION
  podman image exists "$base" || podman import -q \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["bash"]' "$TAR" "$base" >/dev/null
  log "import took $(since "$t")"

  ctx=$STATE/build
  rm -rf "$ctx" && mkdir -p "$ctx"/{node/usr/local/bin,node/usr/local/lib/node_modules,python,nginx}
  # node: the host's Node.js and npm (Debian's nodejs is 18 and its npm drags in hundreds of packages)
  node_bin=$(readlink -f "$(command -v node)") || { log "no node on PATH to copy into the node images"; exit 1; }
  [[ $("$node_bin" -p 'process.versions.bun ?? ""') == "" ]] || { log "$node_bin is bun's node shim, not Node.js"; exit 1; }
  node_modules=$(dirname "$(dirname "$node_bin")")/lib/node_modules
  cp -a "$node_bin" "$ctx/node/usr/local/bin/node"
  cp -a "$node_modules/npm" "$ctx/node/usr/local/lib/node_modules/"
  [[ -d $node_modules/corepack ]] && cp -a "$node_modules/corepack" "$ctx/node/usr/local/lib/node_modules/" &&
    ln -s ../lib/node_modules/corepack/dist/corepack.js "$ctx/node/usr/local/bin/corepack"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$ctx/node/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$ctx/node/usr/local/bin/npx"
  cat >"$ctx/node/Dockerfile" <<EOF
FROM $base
COPY usr/ /usr/
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node && node --version && npm --version
ENV NODE_VERSION=$("$node_bin" -p 'process.versions.node') NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \\
    NPM_CONFIG_UPDATE_NOTIFIER=false
CMD ["node"]
EOF
  cat >"$ctx/python/Dockerfile" <<EOF
FROM $base
ENV PYTHON_VERSION=$(cat "$TAR.python-version")
CMD ["python3"]
EOF
  cat >"$ctx/nginx/default.conf" <<'EOF'
server {
    listen 80;
    server_name localhost;
    location / {
        root /usr/share/nginx/html;
        index index.html index.htm;
    }
}
EOF
  cat >"$ctx/nginx/Dockerfile" <<EOF
FROM $base
RUN groupadd --system --gid 101 nginx && useradd --system --uid 101 --gid nginx --home-dir /nonexistent --shell /usr/sbin/nologin nginx \\
 && rm -f /etc/nginx/sites-enabled/default && sed -i 's/^user .*/user nginx;/' /etc/nginx/nginx.conf && mkdir -p /usr/share/nginx/html \\
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
COPY default.conf /etc/nginx/conf.d/default.conf
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
EOF
  for flavour in node python nginx; do
    t=$(now)
    podman build -q --label org.opencontainers.image.description="ecs-assistant test stand-in" \
      -t "localhost/ecs-assistant/$flavour:$ROOTFS_VERSION-$IMAGES_VERSION" "$ctx/$flavour" >/dev/null
    log "build $flavour took $(since "$t")"
  done
  for img in "${need[@]}"; do
    case $img in *node:*) flavour=node ;; *python:*) flavour=python ;; *debian:*) flavour=base ;; *) flavour=nginx ;; esac
    t=$(now)
    if [[ $flavour == base ]]; then src=$base; else src="localhost/ecs-assistant/$flavour:$ROOTFS_VERSION-$IMAGES_VERSION"; fi
    podman push -q "$src" "$MIRROR_ADDR/$img"
    log "push $img took $(since "$t")"
  done
  echo "$ROOTFS_VERSION-$IMAGES_VERSION" >"$STATE/mirror/images-version"
  rm -rf "$ctx"
fi

cat >"$STATE/env" <<EOF
CONTAINERS_REGISTRIES_CONF=$CONTAINERS_REGISTRIES_CONF
CONTAINERS_CONF=$CONTAINERS_CONF
CONTAINERS_STORAGE_CONF=$CONTAINERS_STORAGE_CONF
REGISTRY_AUTH_FILE=$REGISTRY_AUTH_FILE
BUILDAH_ISOLATION=chroot
FAKE_PUBLIC_MIRROR=$MIRROR_ADDR
FAKE_ECR_HOST=$ECR_ADDR
FAKE_ECR_USERNAME=$ECR_USER
FAKE_ECR_PASSWORD=$ECR_PASSWORD
EOF
while IFS='=' read -r k v; do printf 'export %s=%q\n' "$k" "$v"; done <"$STATE/env"
log "ready in $(since "$T0")"
