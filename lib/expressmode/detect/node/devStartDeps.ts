// A start command that needs a devDependency at run time (`tsx src/index.ts`, `node --import tsx`, `ts-node`): a
// production install or a prune would remove it, so the container would exit at start.
import type { PackageJson } from "./packageJson.ts";

/** Binaries whose package has another name. */
const BIN_PACKAGE: Readonly<Record<string, string>> = {
  nest: "@nestjs/cli",
  "react-router-serve": "@react-router/serve",
  "remix-serve": "@remix-run/serve",
  fastify: "fastify-cli",
  "ts-node-esm": "ts-node",
};

/** The devDependencies (not also dependencies) that `start` runs or loads (`--import x`, `-r x/register`). */
export const devStartDeps = (start: readonly string[], pkg: PackageJson): string[] => {
  const dev = pkg.devDependencies ?? {};
  const prod = pkg.dependencies ?? {};
  const names = new Set<string>();
  const bin = /^node_modules\/\.bin\/(.+)$/.exec(start[0] ?? "")?.[1];
  if (bin) names.add(BIN_PACKAGE[bin] ?? bin);
  for (let i = 0; i < start.length; i++) {
    const flag = /^(--import|--require|-r|--loader|--experimental-loader)(?:=(.+))?$/.exec(start[i]!);
    const mod = flag ? (flag[2] ?? start[i + 1]) : undefined;
    if (mod) names.add(mod.startsWith("@") ? mod.split("/").slice(0, 2).join("/") : mod.split("/")[0]!);
  }
  return [...names].filter((n) => dev[n] !== undefined && prod[n] === undefined);
};
