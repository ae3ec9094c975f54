// Builds a folder's Dockerfile with podman (bounded log tail, timing) for the build-and-boot corpus checks.
import { run } from "../registry/registry.ts";

/** The outcome of one `podman build`. */
export interface BuildResult {
  readonly ok: boolean;
  readonly ms: number;
  /** Last lines of the build output (the failing step on failure). */
  readonly tail: string;
}

/**
 * `podman build -t image [-f dockerfile] context`. Layers are cached between builds (same base images, same
 * install layers), which is what keeps the corpus within its CI budget.
 */
export const buildImage = async (
  image: string,
  context: string,
  podmanEnv: Record<string, string>,
  opts: { dockerfile?: string; timeoutMs?: number; buildArgs?: Record<string, string> } = {},
): Promise<BuildResult> => {
  const t0 = Date.now();
  const buildArgs = Object.entries(opts.buildArgs ?? {}).flatMap(([k, v]) => ["--build-arg", `${k}=${v}`]);
  const args = [
    "build",
    "--layers",
    "--format",
    "docker",
    "-t",
    image,
    ...buildArgs,
    ...(opts.dockerfile ? ["-f", opts.dockerfile] : []),
    context,
  ];
  const r = await run("podman", args, { env: podmanEnv, timeoutMs: opts.timeoutMs ?? 15 * 60_000 });
  const tail = `${r.stdout}\n${r.stderr}`.trim().split("\n").slice(-40).join("\n");
  return { ok: r.code === 0, ms: Date.now() - t0, tail };
};
