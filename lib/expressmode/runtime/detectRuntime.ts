// Picks the container CLI: the configured one, or the first of docker, finch, podman that answers `version`.
import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { type EcsError, ecsError } from "../../errors.ts";
import type { ContainerOptions, ContainerRuntimeName } from "../options.ts";
import { runCommand } from "./runCommand.ts";

/** The runtime that will run build, login and push. */
export interface ContainerRuntime {
  readonly name: ContainerRuntimeName;
  readonly env?: Readonly<Record<string, string>>;
  readonly platform: string;
  readonly timeoutMs: number;
}

/** Order of auto-detection: Docker first (the reference's only runtime), then Finch, then Podman. */
export const RUNTIME_ORDER: readonly ContainerRuntimeName[] = ["docker", "finch", "podman"];
const PROBE_TIMEOUT_MS = 15_000;

/**
 * Resolves the runtime to use. A CLI that is installed but cannot reach its engine (`docker version` fails
 * without a daemon) is skipped in auto-detection and reported when nothing works, with its own message.
 */
export const detectRuntime = (
  options: ContainerOptions = {},
  signal?: AbortSignal,
): ResultAsync<ContainerRuntime, EcsError> => {
  const make = (name: ContainerRuntimeName): ContainerRuntime => ({
    name,
    env: options.env,
    platform: options.platform ?? "linux/amd64",
    timeoutMs: options.commandTimeoutMs ?? 30 * 60_000,
  });
  const candidates = options.runtime ? [options.runtime] : RUNTIME_ORDER;
  const problems: string[] = [];
  const probe = (i: number): ResultAsync<ContainerRuntime, EcsError> => {
    const name = candidates[i];
    if (!name)
      return errAsync(
        ecsError("container_runtime", {
          message: `No usable container runtime: ${problems.join("; ")}.`,
          hint: options.runtime
            ? `Start ${options.runtime}'s engine (e.g. the Docker daemon or \`finch vm start\`), or choose another runtime.`
            : "Install and start Docker, Finch (`finch vm start`) or Podman, or choose one explicitly with options.container.runtime.",
        }),
      );
    return runCommand(name, ["version"], { env: options.env, signal, timeoutMs: PROBE_TIMEOUT_MS })
      .andThen((r) => {
        if (r.exitCode === 0) return okAsync(make(name));
        problems.push(
          `${name} is installed but \`${name} version\` failed (${r.tail.slice(-1)[0] ?? `exit ${r.exitCode}`})`,
        );
        return probe(i + 1);
      })
      .orElse((e) => {
        if (e.kind === "cancelled") return errAsync(e);
        problems.push(e.kind === "container_runtime" ? `${name} is not installed` : `${name}: ${e.message}`);
        return probe(i + 1);
      });
  };
  return probe(0);
};
