// Builds the image with the container runtime, streaming progress; a failure names the failing step and keeps the log tail.
import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { type EcsError, ecsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { buildArgs } from "../runtime/containerCommands.ts";
import type { ContainerRuntime } from "../runtime/detectRuntime.ts";
import { runCommand } from "../runtime/runCommand.ts";
import { streamProgress } from "./streamProgress.ts";

/** Lines of build output kept in a failure (bounded so a broken build does not flood the model). */
export const BUILD_TAIL_LINES = 40;

/** `<runtime> build --platform P -t image context`; resolves with the last build step on success. */
export const buildImage = (
  ctx: ToolContext,
  rt: ContainerRuntime,
  image: string,
  context: string,
  platform: string,
  dockerfile?: string,
): ResultAsync<void, EcsError> => {
  const stream = streamProgress(ctx, "build", 3);
  return runCommand(rt.name, buildArgs(image, platform, context, dockerfile), {
    env: rt.env,
    cwd: context,
    signal: ctx.signal,
    timeoutMs: rt.timeoutMs,
    onLine: stream.onLine,
    tailLines: BUILD_TAIL_LINES,
  }).andThen((r) => {
    if (r.exitCode === 0) return okAsync(undefined);
    const step = stream.step();
    return errAsync(
      ecsError("container_runtime", {
        command: `${rt.name} build`,
        exitCode: r.exitCode,
        outputTail: r.tail.join("\n"),
        message: `Image build failed${step ? ` at ${step}` : ""} (exit ${r.exitCode}): ${r.tail.slice(-1)[0] ?? "no output"}`,
        hint: "Fix the failing Dockerfile step shown in outputTail (missing file, failing install or compile), then build again.",
      }),
    );
  });
};
