// Argument arrays of the container CLI commands (login, build, push), shared by the runner and dry-run plans.
import type { ContainerRuntimeName } from "../options.ts";

/** `login` reads the password from stdin; the registry host comes from the repository URI, not from the account. */
export const loginArgs = (host: string): string[] => ["login", "--username", "AWS", "--password-stdin", host];

/** `build` for one platform, tagged with the full image URI. */
export const buildArgs = (image: string, platform: string, context: string, dockerfile?: string): string[] => [
  "build",
  "--platform",
  platform,
  "-t",
  image,
  ...(dockerfile ? ["-f", dockerfile] : []),
  context,
];

/** `push`; Podman writes the pushed manifest digest to a file, Docker and Finch print it. */
export const pushArgs = (runtime: ContainerRuntimeName, image: string, digestFile?: string): string[] =>
  runtime === "podman" && digestFile ? ["push", "--digestfile", digestFile, image] : ["push", image];

/** The registry host of a repository URI (`host[:port]/path`). */
export const registryHost = (repositoryUri: string): string => repositoryUri.split("/")[0] ?? repositoryUri;

/** The digest a `docker push` / `finch push` prints (`…: digest: sha256:… size: …`). */
export const digestFromPushOutput = (lines: readonly string[]): string | undefined => {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /digest: (sha256:[0-9a-f]{64})/.exec(lines[i] ?? "");
    if (m) return m[1];
  }
  return undefined;
};

/** The build step a line announces (Podman/Buildah `[1/2] STEP 3/7: RUN …`, BuildKit `#7 [build 3/5] RUN …`, classic `Step 3/7 : RUN …`). */
export const stepOf = (line: string): string | undefined => {
  const m =
    /^((?:\[\d+\/\d+\] )?STEP \d+\/\d+: .*)$/.exec(line) ??
    /^#\d+ (\[[^\]]*\d+\/\d+\] .*)$/.exec(line) ??
    /^(Step \d+\/\d+ : .*)$/.exec(line);
  return m?.[1]?.slice(0, 300);
};
