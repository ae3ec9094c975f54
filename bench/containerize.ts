// containerize_app over the app corpus: detection correct (expected.json), and for the Node, static and Python
// fixtures that ask for an image, built with podman, booted from the image's own CMD and answering HTTP (full runs only).
import { join } from "node:path";
import { detectProject } from "../lib/expressmode/detect/detectProject.ts";
import { generateDockerfile } from "../lib/expressmode/dockerfile/generateDockerfile.ts";
import { pool, proveFixture } from "../test/support/boot/proveFixture.ts";
import { APPS, type ExpectedApp, fixtureApps, sharedInstallLast } from "../test/support/fixtureApps.ts";
import { ensureRegistry } from "../test/support/registry/registry.ts";
import { pythonImagesBench } from "./containerizePython.ts";

/** `sub` is contained in `obj` (the toMatchObject rule: arrays equal, objects recursively). */
const contains = (obj: unknown, sub: unknown): boolean => {
  if (Array.isArray(sub)) return JSON.stringify(obj) === JSON.stringify(sub);
  if (sub && typeof sub === "object")
    return (
      obj !== null &&
      typeof obj === "object" &&
      Object.entries(sub).every(([k, v]) => contains((obj as Record<string, unknown>)[k], v))
    );
  return obj === sub;
};

const detectionCorrect = (name: string, want: ExpectedApp): boolean => {
  const a = detectProject(join(APPS, name));
  if (!contains(a.detection, want.detection)) return false;
  const p = generateDockerfile({ detection: a.detection, project: a.project, port: 8080, healthPath: "/" });
  if (want.serves === "unsupported") return p === undefined;
  const served = a.detection.stack === "static" || p?.dockerfile.includes("nginx") ? "static" : "server";
  return p !== undefined && served === want.serves;
};

/** The summary row and the fixtures that missed. */
export const containerizeBench = async (quick: boolean) => {
  const apps = fixtureApps();
  const t0 = Date.now();
  const misses = apps.filter(([n, w]) => !detectionCorrect(n, w)).map(([n]) => n);
  const detect_ms = Date.now() - t0;
  const stackOf = (w: ExpectedApp) => String(w.detection.stack ?? "?");
  const summary: Record<string, unknown> = {
    fixtures: apps.length,
    node_or_static: apps.filter(([, w]) => ["node", "static"].includes(stackOf(w))).length,
    detection_correct: apps.length - misses.length,
    detect_ms,
  };
  const nodeOrStatic = apps.filter(([, w]) => ["node", "static"].includes(stackOf(w)));
  const images = sharedInstallLast(
    nodeOrStatic.flatMap(([name, w]) => {
      const image = w.member?.image ?? w.image;
      return image?.build ? [{ name, image, appPath: w.member ? w.app_path : undefined }] : [];
    }),
    (c) => join(APPS, c.name),
  );
  summary.image_fixtures = images.length;
  // Node/static fixtures whose image cannot be built here; each says why in expected.json `not_built`.
  const not_built = nodeOrStatic.filter(([, w]) => !(w.member?.image ?? w.image)?.build).map(([n]) => n);
  summary.node_static_not_built = not_built.length;
  const reg = quick ? null : await ensureRegistry();
  if (!reg) return { summary, misses, not_built, failures: [] as string[] };
  const t1 = Date.now();
  const proofs = await pool(
    2,
    images.map((c) => () => proveFixture(c.name, join(APPS, c.name), c.image, reg.env, c.appPath)),
  );
  const positive = proofs.filter((p) => !images.find((i) => i.name === p.name)?.image.expect);
  Object.assign(summary, {
    built: positive.filter((p) => p.built).length,
    booted: positive.filter((p) => p.booted).length,
    answering: positive.filter((p) => p.answered).length,
    negative_controls_failing_as_expected: `${proofs.filter((p) => images.find((i) => i.name === p.name)?.image.expect && p.passed).length}/${proofs.length - positive.length}`,
    build_boot_s: Math.round((Date.now() - t1) / 1000),
  });
  const python = await pythonImagesBench(reg.env);
  if (python) Object.assign(summary, python.summary);
  return {
    summary,
    misses,
    not_built,
    failures: [
      ...proofs.filter((p) => !p.passed).map((p) => `${p.name}: ${p.detail.slice(0, 300)}`),
      ...(python?.failures ?? []),
    ],
  };
};
