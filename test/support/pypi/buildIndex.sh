#!/usr/bin/env bash
# Builds a PEP 503 "simple" package index standing in for PyPI (which this machine cannot reach): wheels made from
# Debian bookworm's python3-* packages (the same distribution as the stand-in python base images), plus Debian's
# genuine pip/setuptools/wheel wheels. Cached: a warm run only checks the marker (milliseconds).
# Requires-Dist keeps names, extras and markers but not versions, and gains Debian's own python3-* Depends: Debian
# loosens or trims upstream pins, and its packages are the set that is known to work together.
# Prints the index folder (serve it over HTTP; pip trusts http://127.0.0.1).
set -euo pipefail
STATE=${ECS_ASSISTANT_PYPI_DIR:-/var/tmp/ecs-assistant-pypi}
# Bump when ROOTS or the conversion change.
INDEX_VERSION=v4
# What the Python fixture apps and the package-manager tools the generated Dockerfiles run need.
ROOTS=(python3-flask python3-gunicorn python3-django python3-fastapi python3-uvicorn python3-starlette
  python3-setuptools-whl python3-wheel-whl python3-pip-whl pipenv python3-pdm python3-hatchling python3-poetry)
# Not distributions (the interpreter itself, Debian-only splits, wheels shipped by the *-whl packages above).
SKIP='^(python3-minimal|python3-distutils|python3-lib2to3|python3-setuptools|python3-wheel|python3-pkg-resources|python3-pip)$'
HERE=$(cd "$(dirname "$0")" && pwd)
# One folder per version: worktrees and runs of different versions share the downloads, never an index.
INDEX=$STATE/index-$INDEX_VERSION
[[ $(cat "$INDEX/.version" 2>/dev/null) == "$INDEX_VERSION" ]] && { echo "$INDEX"; exit 0; }
command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || { echo "buildIndex: needs apt-get and dpkg-deb" >&2; exit 3; }
mkdir -p "$STATE/debs" && exec 9>"$STATE/lock" && flock -w 900 9
[[ $(cat "$INDEX/.version" 2>/dev/null) == "$INDEX_VERSION" ]] && { echo "$INDEX"; exit 0; }
# A fresh machine may have no package lists yet (apt-cache then knows nothing).
apt-cache show python3-flask >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
pkgs=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
  --no-enhances "${ROOTS[@]}" | grep -E '^(python3-|pipenv$)' | grep -vE "$SKIP" | sort -u)
pkgs="$pkgs python3-setuptools-whl python3-wheel-whl python3-pip-whl"
missing=() && for p in $pkgs; do compgen -G "$STATE/debs/${p}_*.deb" >/dev/null || missing+=("$p"); done
((${#missing[@]} == 0)) || (cd "$STATE/debs" && apt-get download -q "${missing[@]}" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2)
rm -rf "$INDEX.tmp" "$STATE/x" && mkdir -p "$INDEX.tmp/files" "$STATE/x"
dirs=()
# Only this version's packages (the download folder is shared with other versions).
for deb in $(for p in $pkgs; do compgen -G "$STATE/debs/${p}_*.deb"; done); do
  d=$STATE/x/$(basename "$deb" .deb) && dpkg-deb -x "$deb" "$d" && dpkg-deb -e "$deb" "$d/DEBIAN" && dirs+=("$d")
  # The *-whl packages carry upstream wheels as they are.
  [[ -d $d/usr/share/python-wheels ]] && cp "$d"/usr/share/python-wheels/*.whl "$INDEX.tmp/files/"
done
python3 "$HERE/debToWheel.py" "$INDEX.tmp/files" "${dirs[@]}" >/dev/null
# PEP 503: /simple/<normalised name>/ lists that project's files.
python3 - "$INDEX.tmp" <<'PY'
import os, re, sys, hashlib, html
root = sys.argv[1]; files = os.path.join(root, "files"); projects = {}
for w in sorted(os.listdir(files)):
    projects.setdefault(re.sub(r"[-_.]+", "-", w.split("-")[0]).lower(), []).append(w)
for name, ws in projects.items():
    os.makedirs(os.path.join(root, "simple", name), exist_ok=True)
    links = "".join(f'<a href="../../files/{html.escape(w)}#sha256={hashlib.sha256(open(os.path.join(files, w), "rb").read()).hexdigest()}">{html.escape(w)}</a><br>\n' for w in ws)
    open(os.path.join(root, "simple", name, "index.html"), "w").write(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")
open(os.path.join(root, "simple", "index.html"), "w").write("<!DOCTYPE html><html><body>\n" + "".join(f'<a href="{n}/">{n}</a><br>\n' for n in sorted(projects)) + "</body></html>\n")
PY
rm -rf "$STATE/x" "$INDEX" && echo "$INDEX_VERSION" >"$INDEX.tmp/.version" && mv "$INDEX.tmp" "$INDEX"
echo "$INDEX"
