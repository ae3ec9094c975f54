#!/usr/bin/env python3
"""Repackages Debian python3-* packages (extracted with dpkg-deb -x) as wheels for the loopback package index.

Usage: debToWheel.py [--drop-so] OUT_DIR EXTRACTED_DEB_DIR... [--known EXTRACTED_DEB_DIR...]
Prints one wheel file name per line. Folders after --known are not converted; they only name the distributions that
Debian's Depends map to (packages converted in an earlier run). --drop-so leaves compiled modules out: for packages
built for another CPython that fall back to pure Python without them (the caller picks which).
The files are Debian's, built for Debian's CPython (the stand-in images' interpreter); the metadata (name, version,
Requires-Dist, entry points) is the upstream project's as Debian ships it. Egg-info metadata becomes dist-info.
"""
import base64
import hashlib
import os
import re
import sys
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed timestamps: the same debs give byte-identical wheels


def norm(name):
    return re.sub(r"[-_.]+", "_", name)


def requires_from_egg(text):
    """requires.txt sections ([extra], [:marker], [extra:marker]) as Requires-Dist lines."""
    out, extra, marker = [], None, None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^\[(.*)\]$", line)
        if m:
            extra, _, marker = m.group(1).partition(":")
            extra, marker = extra or None, marker or None
            continue
        conds = [c for c in (marker, f'extra == "{extra}"' if extra else None) if c]
        out.append(f"Requires-Dist: {line}" + (f"; {' and '.join(f'({c})' for c in conds)}" if conds else ""))
    return out


def control_field(root, field):
    try:
        text = open(os.path.join(root, "DEBIAN/control"), encoding="utf-8").read()
    except OSError:
        return ""
    m = re.search(rf"^{field}: (.*(?:\n .*)*)", text, re.M)
    return m.group(1).replace("\n", " ") if m else ""


def unversioned(line):
    """`Requires-Dist: starlette (<0.26,>=0.25); extra == "x"` without the version: Debian's set is what fits."""
    body = line[len("Requires-Dist: "):]
    req, sep, marker = body.partition(";")
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?)", req).group(1)
    return f"Requires-Dist: {name}" + (f"; {marker.strip()}" if sep else "")


def python_depends(root):
    """Debian package names this package depends on (single alternatives only: `a | b` groups are choices)."""
    out = []
    for group in control_field(root, "Depends").split(","):
        if "|" in group:
            continue
        name = group.strip().split(" ")[0].split(":")[0]
        if name.startswith("python3-") or name == "pipenv":
            out.append(name)
    return out


def convert(root, out_dir, dist_of=None, drop_so=False):
    site = os.path.join(root, "usr/lib/python3/dist-packages")
    if not os.path.isdir(site):
        return None
    metas = [e for e in sorted(os.listdir(site)) if e.endswith((".dist-info", ".egg-info"))]
    if not metas:
        return None
    meta = metas[0]
    mpath = os.path.join(site, meta)
    files = {}  # arcname -> bytes
    if meta.endswith(".dist-info"):
        info = {f: open(os.path.join(mpath, f), "rb").read() for f in os.listdir(mpath) if os.path.isfile(os.path.join(mpath, f))}
        metadata = info.get("METADATA", b"").decode()
    else:
        pkg_info = os.path.join(mpath, "PKG-INFO") if os.path.isdir(mpath) else mpath
        metadata = open(pkg_info, encoding="utf-8").read()
        info = {}
        if os.path.isdir(mpath):
            for f in ("entry_points.txt", "top_level.txt"):
                if os.path.exists(os.path.join(mpath, f)):
                    info[f] = open(os.path.join(mpath, f), "rb").read()
            req = os.path.join(mpath, "requires.txt")
            if os.path.exists(req):
                head, _, body = metadata.partition("\n\n")
                head = "\n".join(l for l in head.splitlines() if not l.startswith("Requires-Dist:"))
                metadata = head + "\n" + "\n".join(requires_from_egg(open(req).read())) + "\n\n" + body
    name = re.search(r"^Name: (.+)$", metadata, re.M).group(1).strip()
    if dist_of is not None:
        head, sep, body = metadata.partition("\n\n")
        lines = head.splitlines()
        reqs = [unversioned(l) for l in lines if l.startswith("Requires-Dist:")]
        have = {re.split(r"[\[;\s]", r[len("Requires-Dist: "):])[0].lower().replace("_", "-") for r in reqs}
        # An unconditional requirement that no Debian package provides was trimmed by Debian, which ships the
        # package working without it (Poetry 1.3 without poetry-plugin-export): drop it, or pip cannot install.
        known = {v.lower().replace("_", "-") for v in dist_of.values()} | {"pip", "setuptools", "wheel"}
        reqs = [r for r in reqs if ";" in r or re.split(r"[\[\s]", r[len("Requires-Dist: "):])[0].lower().replace("_", "-") in known]
        have = {re.split(r"[\[;\s]", r[len("Requires-Dist: "):])[0].lower().replace("_", "-") for r in reqs}
        for dep in python_depends(root):
            dist = dist_of.get(dep)
            if dist and dist.lower().replace("_", "-") not in have:
                reqs.append(f"Requires-Dist: {dist}")
                have.add(dist.lower().replace("_", "-"))
        head = "\n".join([l for l in lines if not l.startswith("Requires-Dist:")] + reqs)
        metadata = head + "\n" + sep + body
    version = re.search(r"^Version: (.+)$", metadata, re.M).group(1).strip()
    compiled = False
    for dirpath, _, names in os.walk(site):
        for n in names:
            full = os.path.join(dirpath, n)
            rel = os.path.relpath(full, site)
            if rel.split(os.sep)[0] in metas or "__pycache__" in rel or os.path.islink(full) and not os.path.exists(full):
                continue
            if drop_so and n.endswith(".so"):
                continue
            compiled = compiled or n.endswith(".so")
            files[rel.replace(os.sep, "/")] = open(full, "rb").read()
    tag = "cp311-cp311-linux_x86_64" if compiled else "py3-none-any"
    dist = f"{norm(name)}-{version}.dist-info"
    info["METADATA"] = metadata.encode()
    info["WHEEL"] = f"Wheel-Version: 1.0\nGenerator: ecs-assistant debToWheel\nRoot-Is-Purelib: {'false' if compiled else 'true'}\nTag: {tag}\n".encode()
    for drop in ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json"):
        info.pop(drop, None)
    for f, data in info.items():
        files[f"{dist}/{f}"] = data
    record = []
    for arc, data in sorted(files.items()):
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{arc},sha256={digest},{len(data)}")
    record.append(f"{dist}/RECORD,,")
    files[f"{dist}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = f"{norm(name)}-{version}-{tag}.whl"
    with zipfile.ZipFile(os.path.join(out_dir, wheel), "w", zipfile.ZIP_DEFLATED) as z:
        for arc, data in sorted(files.items()):
            zi = zipfile.ZipInfo(arc, EPOCH)
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return wheel


def dist_name(root):
    """The distribution name a Debian package holds, from its metadata (None when it holds none)."""
    site = os.path.join(root, "usr/lib/python3/dist-packages")
    metas = sorted(e for e in os.listdir(site) if e.endswith((".dist-info", ".egg-info"))) if os.path.isdir(site) else []
    if not metas:
        wheels = os.path.join(root, "usr/share/python-wheels")
        return os.listdir(wheels)[0].split("-")[0] if os.path.isdir(wheels) and os.listdir(wheels) else None
    m = os.path.join(site, metas[0])
    f = os.path.join(m, "METADATA") if metas[0].endswith(".dist-info") else (os.path.join(m, "PKG-INFO") if os.path.isdir(m) else m)
    return re.search(r"^Name: (.+)$", open(f, encoding="utf-8").read(), re.M).group(1).strip()


if __name__ == "__main__":
    args = sys.argv[1:]
    drop_so = args[0] == "--drop-so"
    args = args[1:] if drop_so else args
    out = args[0]
    i = args.index("--known") if "--known" in args else len(args)
    dirs, known_dirs = args[1:i], args[i + 1 :]
    # Debian package name -> distribution name; the Debian dependency graph fills Requires-Dist that Debian trimmed.
    dist_of = {}
    for d in known_dirs + dirs:
        pkg = control_field(d, "Package")
        dist = dist_name(d)
        if pkg and dist:
            dist_of[pkg] = dist
    dist_of.setdefault("python3-setuptools", "setuptools")
    dist_of.setdefault("python3-pkg-resources", "setuptools")
    for d in dirs:
        w = convert(d, out, dist_of, drop_so)
        if w:
            print(w)
