#!/usr/bin/env python3
"""Names a private package index in a Poetry project's copy, as a project that uses one has it (test support).

Usage: poetrySource.py PROJECT_DIR INDEX_URL FILES_DIR
pyproject.toml gains a default `[[tool.poetry.source]]` (Poetry then never asks PyPI): `default = true` for Poetry 1.x
projects (bookworm's Poetry 1.3 knows no other way), `priority = "primary"` (Poetry 1.5+; Poetry 2 rejects `default`)
for those the generated Dockerfile installs Poetry 1.8+ for (`package-mode = false`, a lock-version 2.1 lock).
When poetry.lock exists, its
content-hash is recomputed the way Poetry's Locker does (the source is part of it) and each locked package's `files`
list names the index's files with their sha256, which Poetry checks before it installs a file.
"""
import hashlib
import json
import os
import re
import sys
import tomllib

project, url, files_dir = sys.argv[1:4]
pyproject = os.path.join(project, "pyproject.toml")
lock_path = os.path.join(project, "poetry.lock")
lock_text = open(lock_path, encoding="utf-8").read() if os.path.exists(lock_path) else ""
lock_version = re.search(r'^lock-version = "(\d+)\.(\d+)"', lock_text, re.M)
package_mode = tomllib.load(open(pyproject, "rb")).get("tool", {}).get("poetry", {}).get("package-mode")
newer = bool(lock_version and tuple(map(int, lock_version.groups())) >= (2, 1)) or package_mode is False
with open(pyproject, "a", encoding="utf-8") as f:
    key = 'priority = "primary"' if newer else "default = true"
    f.write(f'\n[[tool.poetry.source]]\nname = "private"\nurl = "{url}"\n{key}\n')
if os.path.exists(lock_path):
    poetry = tomllib.load(open(pyproject, "rb"))["tool"]["poetry"]
    # poetry/packages/locker.py (1.x): the legacy keys are always present, "group" only when set.
    relevant = {k: poetry.get(k) for k in ("dependencies", "source", "extras", "dev-dependencies")}
    if "group" in poetry:
        relevant["group"] = poetry["group"]
    digest = hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()
    norm = lambda n: re.sub(r"[-_.]+", "_", n).lower()
    wheels = sorted(os.listdir(files_dir))

    def files_for(block):
        name = re.search(r'^name = "(.+)"$', block, re.M).group(1)
        version = re.search(r'^version = "(.+)"$', block, re.M).group(1)
        found = [w for w in wheels if norm(w.split("-")[0]) == norm(name) and w.split("-")[1] == version]
        entries = ",\n".join(
            f'    {{file = "{w}", hash = "sha256:{hashlib.sha256(open(os.path.join(files_dir, w), "rb").read()).hexdigest()}"}}'
            for w in found
        )
        return re.sub(r"^files = \[[^\]]*\]", "files = [\n" + entries + "\n]" if found else "files = []", block, flags=re.M)

    text = open(lock_path, encoding="utf-8").read()
    parts = text.split("\n[[package]]\n")
    text = "\n[[package]]\n".join([parts[0], *map(files_for, parts[1:])])
    text = re.sub(r'^content-hash = ".*"$', f'content-hash = "{digest}"', text, flags=re.M)
    open(lock_path, "w", encoding="utf-8").write(text)
