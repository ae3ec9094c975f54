// What the server binary loads before it answers tools/list: the static import graph of server/main.ts as the
// bundler splits it. Heavy or rarely needed modules must stay behind a dynamic import (bench/coldStart.ts measures
// what each costs; the standard is cold start and idle RSS within 10 % of a minimal SDK v2 server).
import { expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dir, "..");

interface Output {
  readonly bytes: number;
  readonly inputs: Record<string, { readonly bytesInOutput: number }>;
  readonly imports: readonly { readonly path: string; readonly kind: string; readonly external?: boolean }[];
}

/** The chunks loaded at start-up (entry + its static imports, transitively) and the inputs bundled into them. */
const startupGraph = () => {
  const dir = mkdtempSync(join(tmpdir(), "startup-graph-"));
  try {
    const meta = join(dir, "meta.json");
    const r = spawnSync(
      process.execPath,
      [
        "build",
        "--minify",
        "--splitting",
        "--format=esm",
        "--target=bun",
        `--outdir=${join(dir, "out")}`,
        `--metafile=${meta}`,
        "server/main.ts",
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    const outputs = (JSON.parse(readFileSync(meta, "utf8")) as { outputs: Record<string, Output> }).outputs;
    const entry = Object.keys(outputs).find((o) => /\/main\.js$/.test(o));
    const seen = new Set<string>();
    const externals = new Set<string>();
    const walk = (o: string) => {
      if (seen.has(o)) return;
      seen.add(o);
      for (const i of outputs[o]?.imports ?? [])
        if (i.kind !== "import-statement") continue;
        else if (outputs[i.path]) walk(i.path);
        else externals.add(i.path);
    };
    walk(entry as string);
    const inputs = [...seen].flatMap((o) => Object.keys(outputs[o]?.inputs ?? {}));
    const bytes = [...seen].reduce((n, o) => n + (outputs[o]?.bytes ?? 0), 0);
    return { inputs, externals, bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Loaded on first use, never at start-up: what each costs in the compiled binary (bench/, 2026-11-30). */
const DEFERRED: readonly [RegExp, string][] = [
  [/node_modules\/@aws-sdk\//, "AWS SDK clients and credential providers: on the first AWS call"],
  [/node_modules\/@smithy\//, "smithy runtime (SigV4 signer): ~1.5 MB RSS, on the first hosted-server request"],
  [/node_modules\/@opentelemetry\//, "OpenTelemetry: on the first request, the SDK only when OTLP is configured"],
  [/node_modules\/jose\//, "OAuth token checks: --http with OAuth only"],
  [/node_modules\/smol-toml\//, "pyproject parsing: on the first containerize/deploy call"],
  [/^server\/(http|httpLegacy|auth\/oauth|auth\/jwtVerifier)\.ts$/, "HTTP transport and OAuth: --http only"],
  [/^server\/cli\.ts$/, "the CLI commands"],
  [/^lib\/[a-z]+\/(deploy\/deployApp|containerize\/containerizeApp|build\/buildAndPushImage)\.ts$/, "tool handlers"],
  [/^lib\/(troubleshoot\/ecsTroubleshootingTool|operations\/ecsResourceManagement)\.ts$/, "tool handlers"],
];

test("start-up loads no AWS SDK, smithy, OpenTelemetry, jose, smol-toml, HTTP/OAuth, CLI or tool-handler module, nor node:crypto", () => {
  const { inputs, externals, bytes } = startupGraph();
  const loaded = DEFERRED.flatMap(([re, why]) => inputs.filter((i) => re.test(i)).map((i) => `${i} (${why})`));
  expect(loaded).toEqual([]);
  // node:crypto costs ~3 MB RSS in the compiled binary: confirmation states and SigV4 load it when first needed.
  expect([...externals].filter((e) => e === "crypto" || e === "node:crypto")).toEqual([]);
  console.log(`start-up graph: ${inputs.length} modules, ${(bytes / 1024).toFixed(0)} KiB minified`);
}, 60_000);
