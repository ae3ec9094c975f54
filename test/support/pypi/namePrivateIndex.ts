// Points a Python project's copy at the loopback index the way a project that uses a private index names it.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PypiIndex } from "./pypiIndex.ts";

/**
 * pip, PDM and uv take the index from the PIP_INDEX_URL build argument; Pipenv and Poetry take it only from the
 * project: Pipfile(.lock) sources are renamed to the stand-in, and a Poetry project gains a default source (with
 * its poetry.lock's content-hash and file hashes as Poetry would have written them; see poetrySource.py).
 * The generated Dockerfile is not touched.
 */
export const namePrivateIndex = (dir: string, index: PypiIndex, url = index.url): void => {
  for (const f of ["Pipfile", "Pipfile.lock"].filter((f) => existsSync(join(dir, f))))
    writeFileSync(join(dir, f), readFileSync(join(dir, f), "utf8").replaceAll("https://pypi.org/simple", url));
  const pyproject = join(dir, "pyproject.toml");
  if (!existsSync(pyproject) || !/^\[tool\.poetry\]/m.test(readFileSync(pyproject, "utf8"))) return;
  const r = spawnSync("python3", [join(import.meta.dir, "poetrySource.py"), dir, url, join(index.dir, "files")], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`poetrySource.py failed: ${r.stderr}`);
};
