// Logs the container runtime in to ECR with a GetAuthorizationToken password passed on stdin (never argv, never logged).
import { Buffer } from "node:buffer";
import { err, ok, type ResultAsync, safeTry } from "neverthrow";
import { type EcsError, ecsError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { loginArgs, registryHost } from "../runtime/containerCommands.ts";
import type { ContainerRuntime } from "../runtime/detectRuntime.ts";
import { runCommand } from "../runtime/runCommand.ts";

/** Decodes `authorizationToken` (base64 of `AWS:<password>`) into user and password. */
export const decodeAuthToken = (token: string): { user: string; password: string } | undefined => {
  const text = Buffer.from(token, "base64").toString("utf8");
  const i = text.indexOf(":");
  return i > 0 ? { user: text.slice(0, i), password: text.slice(i + 1) } : undefined;
};

/** Logs in to the registry that hosts `repositoryUri` (the host comes from the URI, not from the caller's account). */
export const ecrLogin = (
  ctx: ToolContext,
  rt: ContainerRuntime,
  repositoryUri: string,
): ResultAsync<string, EcsError> => {
  const host = registryHost(repositoryUri);
  return safeTry(async function* () {
    const o = yield* ctx.aws("ecr", "GetAuthorizationToken", {});
    const auth = decodeAuthToken(o.authorizationData?.[0]?.authorizationToken ?? "");
    if (!auth)
      return err(
        ecsError("aws", {
          service: "ecr",
          operation: "GetAuthorizationToken",
          code: "InvalidToken",
          retryable: true,
          message: "ECR returned no usable authorization token.",
          hint: "Retry; check that the credentials may call ecr:GetAuthorizationToken.",
        }),
      );
    const r = yield* runCommand(rt.name, loginArgs(host), {
      env: rt.env,
      stdin: auth.password,
      signal: ctx.signal,
      timeoutMs: 120_000,
    });
    if (r.exitCode === 0) return ok(host);
    return err(
      ecsError("container_runtime", {
        command: `${rt.name} login`,
        exitCode: r.exitCode,
        outputTail: r.tail.slice(-10).join("\n"),
        message: `${rt.name} login to ${host} failed (exit ${r.exitCode}): ${r.tail.slice(-1)[0] ?? ""}`,
        hint: "Check that the registry is reachable and that the token is for this registry's account and region.",
      }),
    );
  });
};
