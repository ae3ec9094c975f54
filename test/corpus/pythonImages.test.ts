// Every Python fixture app whose expected.json asks for it: the generated Dockerfile builds with podman from the
// loopback base images, packages come from the loopback PyPI stand-in (PIP_INDEX_URL build arg only), and the
// image's own CMD boots and answers HTTP.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { detectProject } from "../../lib/expressmode/detect/detectProject.ts";
import { dockerignoreFor } from "../../lib/expressmode/dockerfile/dockerignore.ts";
import { generateDockerfile } from "../../lib/expressmode/dockerfile/generateDockerfile.ts";
import { bootImage } from "../support/boot/bootImage.ts";
import { buildImage } from "../support/boot/buildImage.ts";
import { APPS, fixtureApps } from "../support/fixtureApps.ts";
import { ensurePypiIndex, type PypiIndex } from "../support/pypi/pypiIndex.ts";
import { ensureRegistry, type RegistryEnv } from "../support/registry/registry.ts";

/** The container port a user would pick: 8080 when the app reads $PORT, else the port the code is fixed to. */
const portFor = (d: { reads_port_env?: boolean; detected_port?: number }) =>
  d.reads_port_env ? 8080 : (d.detected_port ?? 8080);
let reg: RegistryEnv | null = null;
let pypi: PypiIndex | null = null;

beforeAll(async () => {
  reg = await ensureRegistry();
  if (reg) pypi = await ensurePypiIndex();
}, 20 * 60_000);
afterAll(async () => pypi?.close());

/** Copies the fixture, writes the proposed Dockerfile and .dockerignore as containerize_app would. */
const prepare = (app: string) => {
  const dir = join(mkdtempSync(join(tmpdir(), "pyimg-")), app);
  cpSync(join(APPS, app), dir, { recursive: true });
  // Pipenv installs from the index its Pipfile.lock names (`pipenv requirements` writes it as `-i`), not from
  // PIP_INDEX_URL: name the stand-in there, as a project with a private index does.
  for (const f of ["Pipfile", "Pipfile.lock"].filter((f) => existsSync(join(dir, f))))
    writeFileSync(join(dir, f), readFileSync(join(dir, f), "utf8").replaceAll("https://pypi.org/simple", pypi!.url));
  const analysis = detectProject(dir);
  const d = analysis.detection;
  const port = portFor(d);
  const proposal = generateDockerfile({ detection: d, project: analysis.project, port, healthPath: "/" })!;
  writeFileSync(join(dir, "Dockerfile"), proposal.dockerfile);
  writeFileSync(join(dir, ".dockerignore"), dockerignoreFor(d.stack, !d.build_command));
  return { dir, port, dockerfile: proposal.dockerfile };
};

const apps = fixtureApps().filter(([, e]) => e.detection.stack === "python" && e.image?.build);

describe("Python fixture images build and boot (skipped when podman, the registries or apt are unavailable)", () => {
  test("there are Python fixtures to build", () => expect(apps.length).toBeGreaterThanOrEqual(8));
  for (const [app, want] of apps)
    test(
      `${app}: builds from the loopback index and answers on ${want.image!.boot?.path ?? "/"}`,
      async () => {
        if (!reg || !pypi) return;
        const { dir, port, dockerfile } = prepare(app);
        expect(dockerfile).not.toContain(pypi.url); // the Dockerfile users get names no stand-in
        const image = `localhost/ecs-assistant-corpus/${app}:1`;
        const before = pypi.requests.length;
        const b = await buildImage(image, dir, reg.env, { buildArgs: { PIP_INDEX_URL: pypi.url } });
        expect({ app, ok: b.ok, tail: b.ok ? "" : b.tail }).toEqual({ app, ok: true, tail: "" });
        if (!want.image!.boot) return;
        const r = await bootImage({
          image,
          port,
          path: want.image!.boot.path,
          podmanEnv: reg.env,
          timeoutMs: 30_000,
        });
        expect({ app, ok: r.ok, reason: r.reason, log: r.ok ? "" : r.log }).toEqual({
          app,
          ok: true,
          reason: undefined,
          log: "",
        });
        if (want.image!.boot.body) expect(r.body).toContain(want.image!.boot.body);
        // A cached build asks nothing; a cold one must have fetched from the stand-in, never from elsewhere.
        if (!b.tail.includes("Using cache")) expect(pypi.requests.length).toBeGreaterThan(before);
      },
      10 * 60_000,
    );

  test(
    "a Python app that fails at import does not pass the boot check",
    async () => {
      if (!reg || !pypi) return;
      const { dir, port } = prepare("py-starlette");
      writeFileSync(join(dir, "app.py"), "import starlette\nraise RuntimeError('broken on purpose')\n");
      const image = "localhost/ecs-assistant-corpus/py-broken:1";
      const b = await buildImage(image, dir, reg.env, { buildArgs: { PIP_INDEX_URL: pypi.url } });
      expect(b.ok).toBe(true);
      const r = await bootImage({ image, port, path: "/", podmanEnv: reg.env, timeoutMs: 30_000 });
      expect(r.ok).toBe(false);
      expect(r.log).toContain("broken on purpose");
    },
    10 * 60_000,
  );
});
