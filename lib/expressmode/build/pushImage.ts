// Pushes the image and returns the pushed manifest digest (Podman's --digestfile, or the digest Docker/Finch print).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { type EcsError, ecsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { digestFromPushOutput, pushArgs } from "../runtime/containerCommands.ts";
import type { ContainerRuntime } from "../runtime/detectRuntime.ts";
import { runCommand } from "../runtime/runCommand.ts";
import { streamProgress } from "./streamProgress.ts";

const readDigest = (file: string): string | undefined => {
  try {
    const d = readFileSync(file, "utf8").trim();
    return /^sha256:[0-9a-f]{64}$/.test(d) ? d : undefined;
  } catch {
    return undefined;
  }
};

/** Pushes `image`; the digest is undefined only when the runtime did not report one (verification then uses ECR's). */
export const pushImage = (
  ctx: ToolContext,
  rt: ContainerRuntime,
  image: string,
): ResultAsync<string | undefined, EcsError> => {
  const dir = mkdtempSync(join(tmpdir(), "ecs-push-"));
  const digestFile = join(dir, "digest");
  const stream = streamProgress(ctx, "push", 4);
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  return runCommand(rt.name, pushArgs(rt.name, image, digestFile), {
    env: rt.env,
    signal: ctx.signal,
    timeoutMs: rt.timeoutMs,
    onLine: stream.onLine,
  })
    .andThen((r) => {
      const digest = readDigest(digestFile) ?? digestFromPushOutput(r.tail);
      if (r.exitCode === 0) return okAsync(digest);
      const text = r.tail.join("\n");
      return errAsync(
        ecsError("container_runtime", {
          command: `${rt.name} push`,
          exitCode: r.exitCode,
          outputTail: r.tail.slice(-20).join("\n"),
          message: `Pushing ${image} failed (exit ${r.exitCode}): ${r.tail.slice(-1)[0] ?? "no output"}`,
          hint: /immutable|already exists/i.test(text)
            ? "The repository's tags are immutable and this tag exists: pass a new tag."
            : /denied|unauthorized|authentication/i.test(text)
              ? "The registry refused the credentials: check ecr:GetAuthorizationToken and the repository policy, then retry."
              : "Check network access to the registry and retry.",
        }),
      );
    })
    .map((d) => {
      cleanup();
      return d;
    })
    .mapErr((e) => {
      cleanup();
      return e;
    });
};
