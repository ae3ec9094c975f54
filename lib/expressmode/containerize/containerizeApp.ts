// containerize_app: analyses the project read-only and proposes a Dockerfile and .dockerignore; writes them only on request.
import { closeSync, constants, lstatSync, openSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { type EcsError, ecsError } from "../../errors.ts";
import { resolveAppPath } from "../../security/paths.ts";
import type { ToolContext } from "../../tool.ts";
import { detectProject } from "../detect/detectProject.ts";
import { dockerignoreFor } from "../dockerfile/dockerignore.ts";
import { generateDockerfile } from "../dockerfile/generateDockerfile.ts";
import type { ContainerizeAppResult } from "../outputs.ts";
import type { ContainerizeAppInput } from "../schemas.ts";
import { guidanceFor } from "./guidance.ts";

const GENERIC_BASE = "Slim Docker Library Images from public.ecr.aws (eg public.ecr.aws/docker/library/node:20-slim)";

/**
 * Detects stack, start command, build step and port, and proposes container files with reasons. The reference
 * returned the same generic advice for every app; this reads the code (bounded walk) and warns about mismatches.
 */
export const containerizeApp = (
  input: ContainerizeAppInput,
  ctx: ToolContext,
): ResultAsync<ContainerizeAppResult, EcsError> => {
  const path = resolveAppPath(input.app_path, { allowedRoots: ctx.policy.allowedRoots });
  if (path.isErr()) return errAsync(path.error);
  const root = path.value;
  const analysis = detectProject(root);
  const d = analysis.detection;
  const healthPath = d.health_check_path ?? "/";
  const generated = generateDockerfile({ detection: d, project: analysis.project, port: input.port, healthPath });
  // One app of a monorepo: the Dockerfile sits in the app but builds from the workspace root (root lockfile and
  // workspace manifests); the line tells build_and_push_image_to_ecr (and people) the context.
  const up = analysis.build_context ? relative(root, analysis.build_context).split(sep).join("/") : "";
  const proposal =
    generated && up
      ? { ...generated, dockerfile: generated.dockerfile.replace("\n", `\n# build-context: ${up}\n`) }
      : generated;
  const warnings = [...(proposal?.warnings ?? [])];
  if (d.detected_port !== undefined && d.detected_port !== input.port && !d.reads_port_env)
    warnings.push(
      `The code listens on port ${d.detected_port} (${d.port_source}) but port is ${input.port}: change the code to listen on ${input.port} (or read $PORT), or call again with port ${d.detected_port}.`,
    );
  else if (d.detected_port !== undefined && d.detected_port !== input.port)
    warnings.push(
      `The code defaults to port ${d.detected_port} (${d.port_source}) but reads $PORT; the Dockerfile sets PORT=${input.port}.`,
    );
  // Routes are looked for in the app a Dockerfile is proposed for; without one (a monorepo root) none was looked at.
  if (!d.health_check_path && proposal)
    warnings.push(
      "No health route (/health, /healthz, /status, /ping) found: the load balancer will check '/', which must answer 200.",
    );
  if (analysis.has_dockerfile)
    warnings.push(
      "A Dockerfile already exists; it is kept unless write and overwrite are both true. Compare it with the proposal.",
    );
  if (analysis.build_context)
    warnings.push(
      `This app is part of the workspace at ${analysis.build_context}: its image builds from there (docker build -f ${relative(analysis.build_context, join(root, "Dockerfile"))} ${analysis.build_context}); build_and_push_image_to_ecr does this from the Dockerfile's build-context line.`,
    );
  if (d.candidates?.length)
    warnings.push(
      `Monorepo with several apps (${d.candidates.join(", ")}): no Dockerfile proposed; call again with app_path at one of them.`,
    );
  if (analysis.scan_truncated)
    warnings.push("The folder is large; only part of it was scanned (dependency and build folders are skipped).");
  if (!proposal && d.unsupported)
    warnings.push(
      `Unsupported: ${d.unsupported.language} (found ${d.unsupported.found.join(", ")}). ${d.unsupported.reason}`,
    );
  else if (!proposal && !d.candidates?.length)
    warnings.push("The stack was not recognised: write a Dockerfile by hand following dockerfile_guidance.");
  const files = proposal
    ? [
        { name: "Dockerfile", content: proposal.dockerfile, exists: analysis.has_dockerfile },
        {
          name: ".dockerignore",
          // Without a build step, dist/ and build/ ARE the app (committed output): never leave them out of the image.
          content: dockerignoreFor(d.stack, !d.build_command),
          exists: analysis.has_dockerignore,
        },
      ]
    : [];
  const result: ContainerizeAppResult = {
    container_port: input.port,
    base_image: proposal?.base_image ?? GENERIC_BASE,
    app_path: root,
    ...(analysis.build_context ? { build_context: analysis.build_context } : {}),
    detection: { ...d, start_command: d.start_command.map((c) => c.replaceAll("{PORT}", String(input.port))) },
    health_check_path: healthPath,
    dockerfile: proposal
      ? {
          path: join(root, "Dockerfile"),
          exists: analysis.has_dockerfile,
          content: proposal.dockerfile,
          reasons: proposal.reasons,
        }
      : undefined,
    dockerignore: files[1]
      ? { path: join(root, ".dockerignore"), exists: files[1].exists, content: files[1].content }
      : undefined,
    ...(analysis.existing_dockerfile ? { existing_dockerfile: analysis.existing_dockerfile } : {}),
    warnings,
    guidance: guidanceFor(root, input.port, proposal?.base_image ?? GENERIC_BASE, healthPath, proposal !== undefined),
  };
  if (!input.write) return okAsync(result);
  const toWrite = files.filter((f) => !f.exists || input.overwrite);
  const skipped = files
    .filter((f) => f.exists && !input.overwrite)
    .map((f) => `${join(root, f.name)} (exists; pass overwrite: true to replace it)`);
  if (input.dry_run)
    return okAsync({ ...result, dry_run: true, would_write: toWrite.map((f) => join(root, f.name)), skipped });
  const written: string[] = [];
  for (const f of toWrite) {
    const target = join(root, f.name);
    // A symlinked Dockerfile would carry the write outside the checked folder (the scan skips symlinks).
    if (lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink())
      return errAsync(
        ecsError("policy_denied", {
          gate: "path",
          message: `${target} is a symbolic link; containerize_app does not write through links.`,
          hint: "Remove the link (or replace it with a regular file), then call again.",
        }),
      );
    try {
      const fd = openSync(
        target,
        constants.O_WRONLY |
          constants.O_CREAT |
          (input.overwrite ? constants.O_TRUNC : constants.O_EXCL) |
          (constants.O_NOFOLLOW ?? 0),
        0o644,
      );
      try {
        writeFileSync(fd, f.content);
      } finally {
        closeSync(fd);
      }
      written.push(target);
    } catch (e) {
      return errAsync(
        ecsError("internal", {
          message: `Could not write ${join(root, f.name)}: ${(e as Error).message}`,
          hint: "Check that the folder is writable by the server's user.",
          cause: e,
        }),
      );
    }
  }
  ctx.log.info("containerize_app wrote files", { written });
  return okAsync({ ...result, written, skipped });
};
