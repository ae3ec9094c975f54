// Every Python fixture app whose expected.json asks for it: the generated Dockerfile builds with podman from the
// loopback base images, packages come from the loopback PyPI stand-in (the PIP_INDEX_URL build argument, or the
// project's own index setting for Pipenv and Poetry), and the image's own CMD boots and answers HTTP.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { detectProject } from "../../lib/expressmode/detect/detectProject.ts";
import { generateDockerfile } from "../../lib/expressmode/dockerfile/generateDockerfile.ts";
import { type FixtureProof, pool, proveFixture } from "../support/boot/proveFixture.ts";
import { userPort } from "../support/boot/userPort.ts";
import { APPS, fixtureApps } from "../support/fixtureApps.ts";
import { ensurePypiIndex, type PypiIndex } from "../support/pypi/pypiIndex.ts";
import { pypiProveOptions } from "../support/pypi/pypiProveOptions.ts";
import { ensureRegistry, type RegistryEnv } from "../support/registry/registry.ts";

/** FIXTURE_IMAGES=regex narrows the run (local iteration); CI builds them all. */
const only = process.env.FIXTURE_IMAGES ? new RegExp(process.env.FIXTURE_IMAGES) : undefined;
const python = fixtureApps().filter(([, e]) => e.detection.stack === "python");
const cases = python.filter(([n, e]) => e.image?.build && (!only || only.test(n)));
let reg: RegistryEnv | null = null;
let pypi: PypiIndex | null = null;
const proofs = new Map<string, FixtureProof>();

beforeAll(async () => {
  reg = await ensureRegistry();
  if (reg) pypi = await ensurePypiIndex();
  if (!reg || !pypi) return;
  const [env, index] = [reg.env, pypi];
  const t0 = Date.now();
  const results = await pool(
    Number(process.env.FIXTURE_IMAGES_PARALLEL ?? 2),
    cases.map(
      ([name, want]) =>
        () =>
          proveFixture(name, join(APPS, name), want.image!, env, undefined, pypiProveOptions(index, want.image!)),
    ),
  );
  for (const r of results) proofs.set(r.name, r);
  const times = results.map((r) => `${r.name} ${Math.round(r.buildMs / 1000)}+${Math.round(r.bootMs / 1000)}s`);
  console.log(
    `[corpus] ${results.length} Python fixtures: ${results.filter((r) => r.built).length} built, ${results.filter((r) => r.answered).length} answered, in ${Math.round((Date.now() - t0) / 1000)} s (${times.join(", ")})`,
  );
}, 40 * 60_000);
afterAll(async () => pypi?.close());

describe("Python fixture images build and boot (skipped when podman, the registries or apt are unavailable)", () => {
  test("every Python fixture is built, or says why not", () => {
    expect(cases.length).toBeGreaterThanOrEqual(only ? 1 : 12);
    for (const [name, want] of python)
      expect({ name, built: Boolean(want.image?.build), why: Boolean(want.not_built) }).not.toEqual({
        name,
        built: false,
        why: false,
      });
  });

  test("the stand-in's trixie root adds newer releases; its bookworm root stays bookworm's", async () => {
    if (!pypi) return;
    const listed = async (root: string, name: string) => (await fetch(`${root}${name}/`)).text();
    expect(await listed(pypi.url, "poetry")).toContain("poetry-1.3.2-py3-none-any.whl");
    expect(await listed(pypi.url, "poetry")).not.toContain("poetry-2.");
    expect(await listed(pypi.trixieUrl, "poetry")).toContain("poetry-2.1.2-py3-none-any.whl");
    // Compiled modules built for trixie's CPython 3.13 never reach the 3.11 images.
    expect(await listed(pypi.trixieUrl, "rapidfuzz")).toMatch(/RapidFuzz-[\d.]+-py3-none-any\.whl/);
    expect(await listed(pypi.trixieUrl, "pydantic")).not.toContain("pydantic-2.");
  });

  test("the Dockerfile users get names no stand-in: the index is a build argument defaulting to PyPI", () => {
    for (const [name] of cases) {
      const a = detectProject(join(APPS, name));
      const p = generateDockerfile({ detection: a.detection, project: a.project, port: 8080, healthPath: "/" });
      expect(p?.dockerfile).toContain("ARG PIP_INDEX_URL=https://pypi.org/simple");
      expect(p?.dockerfile).not.toMatch(/127\.0\.0\.1:\d+\/simple/);
    }
  });

  for (const [name] of cases)
    test(name, () => {
      if (!reg || !pypi) return;
      const p = proofs.get(name)!;
      if (!p.passed) console.log(`[corpus] ${name}: ${p.detail}`);
      expect({ name, passed: p.passed }).toEqual({ name, passed: true });
    });

  test(
    "a Python app that fails at import does not pass the boot check",
    async () => {
      if (!reg || !pypi) return;
      const index = pypi;
      const p = await proveFixture(
        "py-broken",
        join(APPS, "py-starlette"),
        { build: true, boot: { path: "/" } },
        reg.env,
        undefined,
        {
          buildArgs: { PIP_INDEX_URL: index.url },
          port: userPort,
          prepare: (d) => appendFileSync(join(d, "app.py"), "\nraise RuntimeError('broken on purpose')\n"),
        },
      );
      expect({ built: p.built, answered: p.answered }).toEqual({ built: true, answered: false });
      expect(p.detail).toContain("broken on purpose");
    },
    10 * 60_000,
  );
});
