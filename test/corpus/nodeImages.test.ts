// Build and boot proof over the Node and static fixtures: every one whose expected.json asks for an image is built
// with podman from the loopback base images (packages from the npm registry) and started with its own CMD, ENV,
// WORKDIR and USER, then probed over HTTP. Negative fixtures must fail where they say.
import { beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { type FixtureProof, pool, proveFixture } from "../support/boot/proveFixture.ts";
import { fixtureApps, sharedInstallLast } from "../support/fixtureApps.ts";
import { ensureRegistry, type RegistryEnv } from "../support/registry/registry.ts";

const APPS = join(import.meta.dir, "../fixtures/apps");
/** FIXTURE_IMAGES=regex narrows the run (local iteration); CI builds them all. */
const only = process.env.FIXTURE_IMAGES ? new RegExp(process.env.FIXTURE_IMAGES) : undefined;
const selected = fixtureApps().flatMap(([name, want]) => {
  if (!["node", "static"].includes(String(want.detection.stack))) return [];
  const image = want.member?.image ?? want.image;
  const appPath = want.member ? want.app_path : undefined;
  return image?.build && (!only || only.test(name)) ? [{ name, image, appPath }] : [];
});
/** Fixtures that share a manifest and lockfile with an earlier one run last, so their install layer is cached. */
const cases = sharedInstallLast(selected, (c) => join(APPS, c.name));

let reg: RegistryEnv | null = null;
const proofs = new Map<string, FixtureProof>();

beforeAll(async () => {
  reg = await ensureRegistry();
  if (!reg) return;
  const env = reg.env;
  const t0 = Date.now();
  const results = await pool(
    Number(process.env.FIXTURE_IMAGES_PARALLEL ?? 2),
    cases.map((c) => () => proveFixture(c.name, join(APPS, c.name), c.image, env, c.appPath)),
  );
  for (const r of results) {
    proofs.set(r.name, r);
    console.log(`[corpus] ${r.name}: build ${(r.buildMs / 1000).toFixed(1)} s, boot ${(r.bootMs / 1000).toFixed(1)} s`);
  }
  const answered = results.filter((r) => r.answered).length;
  console.log(
    `[corpus] ${results.length} fixtures: ${results.filter((r) => r.built).length} built, ${answered} answered, ${results.filter((r) => r.passed).length} as expected, in ${Math.round((Date.now() - t0) / 1000)} s`,
  );
}, 60 * 60_000);

describe("Node and static fixture images build and boot (skipped when podman or the registries are unavailable)", () => {
  test("the corpus has image proofs to run", () => {
    expect(cases.length).toBeGreaterThan(only ? 0 : 20);
  });
  for (const c of cases)
    test(c.name, () => {
      if (!reg) return;
      const p = proofs.get(c.name)!;
      if (!p.passed) console.log(`[corpus] ${c.name}: ${p.detail}`);
      expect({ name: c.name, passed: p.passed }).toEqual({ name: c.name, passed: true });
    });
});
