// Path of the Node 22 binary that scripts/ensureNode22.mjs installs (npm's pretest hook): the library's lowest Node.
import { existsSync } from "node:fs";
import { join } from "node:path";

const pkg = `node-${process.platform === "win32" ? "win" : process.platform}-${process.arch}`;

/** Absolute path of Node 22's binary; throws with the command that installs it when it is missing. */
export const node22 = (): string => {
  const bin = join(
    import.meta.dir,
    "node22",
    "node_modules",
    pkg,
    "bin",
    process.platform === "win32" ? "node.exe" : "node",
  );
  if (!existsSync(bin))
    throw new Error(
      `Node 22 for the tests is missing: run \`node scripts/ensureNode22.mjs\` (npm test runs it first).`,
    );
  return bin;
};
