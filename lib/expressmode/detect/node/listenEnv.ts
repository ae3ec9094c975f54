// Server CLIs that listen on localhost unless told otherwise: the environment that makes them listen on every
// interface (a container's port is reached on its network address, never on its loopback).

/**
 * CLI binary → environment. fastify-cli: `start.js` listens on `FASTIFY_ADDRESS`, else on localhost unless is-docker
 * sees Docker's own marker files (absent under containerd, so on Fargate) (https://github.com/fastify/fastify-cli#options).
 */
const LOCALHOST_CLIS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  fastify: { FASTIFY_ADDRESS: "0.0.0.0" },
};

/** The environment `start` (exec form, or `sh -c` with a script) needs to listen on every interface. */
export const listenEnv = (start: readonly string[]): Record<string, string> => {
  const words = start.flatMap((s) => s.split(/\s+/));
  const env: Record<string, string> = {};
  for (const w of words) Object.assign(env, LOCALHOST_CLIS[w.split("/").pop() ?? ""] ?? {});
  return env;
};
