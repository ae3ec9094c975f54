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
INDEX_VERSION=v5
# What the Python fixture apps and the package-manager tools the generated Dockerfiles run need.
ROOTS=(python3-flask python3-gunicorn python3-django python3-fastapi python3-uvicorn python3-starlette
  python3-setuptools-whl python3-wheel-whl python3-pip-whl pipenv python3-pdm python3-hatchling python3-poetry
  python3-zstandard)
# Newer releases from Debian trixie, served at trixie/simple/ (bookworm's files plus these), for projects that need
# them: Poetry 2.1 (`package-mode = false` needs Poetry 1.8+), FastAPI 0.115, Uvicorn 0.32, pytest 8 (a locked dev group). Trixie's compiled modules
# are built for CPython 3.13 and the stand-in images run 3.11, so only pure-Python packages come from trixie, plus
# those whose compiled modules are optional accelerators (TRIXIE_FALLBACK: converted without them, as their own
# pure-Python code runs); every other compiled dependency is bookworm's.
TRIXIE_ROOTS=(python3-poetry python3-httpx python3-fastapi python3-uvicorn python3-pytest)
TRIXIE_FALLBACK='^(python3-rapidfuzz|python3-dulwich)$'
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
# trixie through apt's own client with a private state folder (the machine's sources and lists stay as they are).
TA=$STATE/apt-trixie && mkdir -p "$TA"/{lists/partial,cache/archives/partial} && touch "$TA/status"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${DEBIAN_MIRROR:-http://deb.debian.org/debian} trixie main" >"$TA/sources.list"
printf 'Dir::Etc::SourceList "%s";\nDir::Etc::SourceParts "/nonexistent";\nDir::State::Lists "%s";\nDir::State::Status "%s";\nDir::Cache "%s";\nAPT::Architecture "amd64";\n' \
  "$TA/sources.list" "$TA/lists" "$TA/status" "$TA/cache" >"$TA/apt.conf"
trixie() { APT_CONFIG=$TA/apt.conf "$@"; }
trixie apt-cache show python3-poetry >/dev/null 2>&1 || trixie apt-get update -qq >&2
pkgs=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
  --no-enhances "${ROOTS[@]}" | grep -E '^(python3-|pipenv$)' | grep -vE "$SKIP" | sort -u)
pkgs="$pkgs python3-setuptools-whl python3-wheel-whl python3-pip-whl"
missing=() && for p in $pkgs; do compgen -G "$STATE/debs/${p}_*.deb" >/dev/null || missing+=("$p"); done
((${#missing[@]} == 0)) || (cd "$STATE/debs" && apt-get download -q "${missing[@]}" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2)
# trixie's closure: pure-Python packages (Architecture: all) and the fallback ones, where trixie has another version.
tpkgs=$(trixie apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
  --no-enhances "${TRIXIE_ROOTS[@]}" | grep -E '^python3-' | grep -vE "$SKIP|-whl$" | sort -u)
# One apt-cache call (each one parses all of trixie's lists: seconds).
tpkgs=$(trixie apt-cache show --no-all-versions $tpkgs | awk -v f="$TRIXIE_FALLBACK" \
  '/^Package:/ { p = $2 } /^Architecture:/ { if ($2 == "all" || p ~ f) print p }' | sort -u)
mkdir -p "$STATE/debs-trixie"
tmissing=() && for p in $tpkgs; do compgen -G "$STATE/debs-trixie/${p}_*.deb" >/dev/null || tmissing+=("$p"); done
((${#tmissing[@]} == 0)) || (cd "$STATE/debs-trixie" && trixie apt-get download -q "${tmissing[@]}" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2)
rm -rf "$INDEX.tmp" "$STATE/x" && mkdir -p "$INDEX.tmp/files" "$INDEX.tmp/files-trixie" "$STATE/x"
dirs=()
# Only this version's packages (the download folder is shared with other versions).
for deb in $(for p in $pkgs; do compgen -G "$STATE/debs/${p}_*.deb"; done); do
  d=$STATE/x/$(basename "$deb" .deb) && dpkg-deb -x "$deb" "$d" && dpkg-deb -e "$deb" "$d/DEBIAN" && dirs+=("$d")
  # The *-whl packages carry upstream wheels as they are.
  [[ -d $d/usr/share/python-wheels ]] && cp "$d"/usr/share/python-wheels/*.whl "$INDEX.tmp/files/"
done
python3 "$HERE/debToWheel.py" "$INDEX.tmp/files" "${dirs[@]}" >/dev/null
tdirs=()
for deb in $(for p in $tpkgs; do compgen -G "$STATE/debs-trixie/${p}_*.deb"; done); do
  d=$STATE/x/trixie-$(basename "$deb" .deb) && dpkg-deb -x "$deb" "$d" && dpkg-deb -e "$deb" "$d/DEBIAN" && tdirs+=("$d")
done
python3 "$HERE/debToWheel.py" --drop-so "$INDEX.tmp/files-trixie" "${tdirs[@]}" --known "${dirs[@]}" >/dev/null
# A release both suites carry stays bookworm's (same file name); the others join the shared files folder.
for w in "$INDEX.tmp"/files-trixie/*.whl; do
  [[ -e $INDEX.tmp/files/${w##*/} ]] || { mv "$w" "$INDEX.tmp/files/" && echo "${w##*/}" >>"$INDEX.tmp/trixie-files"; }
done
rm -rf "$INDEX.tmp/files-trixie"
# PEP 503: simple/<normalised name>/ lists that project's bookworm files; trixie/simple/ lists bookworm's and trixie's.
python3 - "$INDEX.tmp" <<'PY'
import os, re, sys, hashlib, html
root = sys.argv[1]; files = os.path.join(root, "files")
newer = set(open(os.path.join(root, "trixie-files")).read().split())
sha = {w: hashlib.sha256(open(os.path.join(files, w), "rb").read()).hexdigest() for w in os.listdir(files)}
def write(simple, wheels, up):
    projects = {}
    for w in sorted(wheels):
        projects.setdefault(re.sub(r"[-_.]+", "-", w.split("-")[0]).lower(), []).append(w)
    for name, ws in projects.items():
        os.makedirs(os.path.join(simple, name), exist_ok=True)
        links = "".join(f'<a href="{up}files/{html.escape(w)}#sha256={sha[w]}">{html.escape(w)}</a><br>\n' for w in ws)
        open(os.path.join(simple, name, "index.html"), "w").write(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")
    open(os.path.join(simple, "index.html"), "w").write("<!DOCTYPE html><html><body>\n" + "".join(f'<a href="{n}/">{n}</a><br>\n' for n in sorted(projects)) + "</body></html>\n")
write(os.path.join(root, "simple"), [w for w in sha if w not in newer], "../../")
write(os.path.join(root, "trixie", "simple"), list(sha), "../../../")
PY
rm -rf "$STATE/x" "$INDEX" && echo "$INDEX_VERSION" >"$INDEX.tmp/.version" && mv "$INDEX.tmp" "$INDEX"
echo "$INDEX"
