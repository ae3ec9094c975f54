// One corpus fixture end to end: detect, generate the Dockerfile and .dockerignore, build with podman, boot, probe.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { detectProject } from "../../../lib/expressmode/detect/detectProject.ts";
import { dockerignoreFor } from "../../../lib/expressmode/dockerfile/dockerignore.ts";
import { generateDockerfile } from "../../../lib/expressmode/dockerfile/generateDockerfile.ts";
import { bootImage } from "./bootImage.ts";
import { buildImage } from "./buildImage.ts";

/** The image part of a fixture's expected.json (see test/fixtures/apps/README.md). */
export interface ImageExpectation {
  readonly build: boolean;
  readonly boot?: { readonly path: string; readonly body?: string };
  /** A negative fixture: the build (or the boot) must fail. */
  readonly expect?: "build_fails" | "boot_fails";
  /**
   * Python: the root of the loopback PyPI stand-in to install from. Default bookworm's packages; "trixie" adds
   * Debian trixie's newer pure-Python releases (Poetry 2.1, FastAPI 0.115; test/support/pypi/README.md).
   */
  readonly pypi?: "trixie";
}

/** What happened to one fixture. */
export interface FixtureProof {
  readonly name: string;
  readonly built: boolean;
  readonly booted: boolean;
  readonly answered: boolean;
  /** The outcome matches the expectation (a negative fixture passes when it fails where it should). */
  readonly passed: boolean;
  readonly buildMs: number;
  readonly bootMs: number;
  readonly detail: string;
}

/** Stack-specific build settings (the Python corpus passes its package index stand-in here). */
export interface ProveOptions {
  /** `--build-arg`s (only ARGs the generated Dockerfile declares, e.g. PIP_INDEX_URL). */
  readonly buildArgs?: Record<string, string>;
  /** Edits the copied project before detection (e.g. naming a private index in its lockfile). */
  readonly prepare?: (dir: string) => void;
  /** The container port to build and probe with (default: the detected port, else 8080). */
  readonly port?: (d: { reads_port_env?: boolean; detected_port?: number }) => number;
}

/**
 * Copies `fixtureDir` (optionally the monorepo member `appPath` inside it) to a temp folder, writes the proposal
 * as containerize_app would, builds it from the proposed build context and boots it.
 */
export const proveFixture = async (
  name: string,
  fixtureDir: string,
  want: ImageExpectation,
  podmanEnv: Record<string, string>,
  appPath?: string,
  opts: ProveOptions = {},
): Promise<FixtureProof> => {
  const work = mkdtempSync(join(tmpdir(), "corpus-"));
  const root = join(work, name);
  cpSync(fixtureDir, root, { recursive: true, filter: (src) => !src.endsWith("expected.json") });
  const appDir = appPath ? join(root, appPath) : root;
  opts.prepare?.(root);
  const a = detectProject(appDir);
  const d = a.detection;
  const port = opts.port?.(d) ?? d.detected_port ?? 8080;
  const p = generateDockerfile({ detection: d, project: a.project, port, healthPath: want.boot?.path ?? "/" });
  const image = `localhost/ecs-assistant-corpus/${name}:latest`;
  const base = { name, built: false, booted: false, answered: false, buildMs: 0, bootMs: 0 };
  try {
    if (!p) return { ...base, passed: false, detail: "no Dockerfile proposed" };
    const context = a.build_context ?? appDir;
    writeFileSync(join(appDir, "Dockerfile"), p.dockerfile);
    writeFileSync(join(context, ".dockerignore"), dockerignoreFor(d.stack, !d.build_command));
    const dockerfile = a.build_context ? relative(context, join(appDir, "Dockerfile")) : undefined;
    const b = await buildImage(image, context, podmanEnv, { dockerfile, buildArgs: opts.buildArgs });
    if (!b.ok) {
      const passed = want.expect === "build_fails";
      return { ...base, buildMs: b.ms, passed, detail: `build failed:\n${b.tail}` };
    }
    if (want.expect === "build_fails") return { ...base, built: true, buildMs: b.ms, passed: false, detail: "built" };
    if (!want.boot) return { ...base, built: true, buildMs: b.ms, passed: true, detail: "built (no boot check)" };
    const r = await bootImage({ image, port, path: want.boot.path, podmanEnv, timeoutMs: 60_000 });
    const answered = r.ok && (want.boot.body === undefined || (r.body ?? "").includes(want.boot.body));
    const passed = want.expect === "boot_fails" ? !r.ok : answered;
    return {
      ...base,
      built: true,
      booted: r.ok || r.status !== undefined,
      answered,
      buildMs: b.ms,
      bootMs: r.ms,
      passed,
      detail: `${r.ok ? `answered ${r.status}` : r.reason}; body ${JSON.stringify((r.body ?? "").slice(0, 120))}; CMD ${JSON.stringify(r.argv)}\n${r.log.slice(-1500)}`,
    };
  } finally {
    // Images stay (removing one while a parallel build shares its layers races in podman's storage).
    rmSync(work, { recursive: true, force: true });
  }
};

/** Runs `tasks` with at most `limit` at a time (builds share two cores). */
export const pool = async <T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> => {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
};
