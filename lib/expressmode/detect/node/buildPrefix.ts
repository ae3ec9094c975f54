// A declared start that builds first (`npm run build:ts && fastify start dist/app.js`): the build belongs in the image
// build, the server command is what the container runs.

/** `npm run x`, `pnpm x`, `pnpm run x`, `yarn x`, `yarn run x`, `bun run x`: the package.json script it runs. */
const RUNS_SCRIPT = /^(?:npm\s+run(?:-script)?|pnpm(?:\s+run)?|yarn(?:\s+run)?|bun\s+run)\s+([\w:.-]+)$/;
/** Script names that only build (compile TypeScript, bundle): `build`, `build:ts`, `compile`, `tsc`, `bundle`. */
const BUILD_NAME = /^(build|compile|tsc|bundle)([:-][\w.-]+)?$/;

/**
 * Splits leading build steps off a start script: `{ build, rest }` where `build` is the package.json script the start
 * ran first and `rest` the command after it; undefined when the script does not start with a build script that exists.
 */
export const buildPrefix = (
  script: string,
  scripts: Readonly<Record<string, string>>,
): { build: string; rest: string } | undefined => {
  const parts = script.split("&&").map((s) => s.trim());
  if (parts.length < 2) return undefined;
  const name = RUNS_SCRIPT.exec(parts[0]!)?.[1];
  if (!name || !BUILD_NAME.test(name) || scripts[name] === undefined) return undefined;
  const rest = parts.slice(1).join(" && ");
  return rest ? { build: name, rest } : undefined;
};
