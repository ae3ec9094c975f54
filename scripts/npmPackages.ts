// Stages the per-platform npm packages (template + version + binary) and the main package.json with optionalDependencies.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { binaryFileName, PLATFORM_PACKAGES } from "../bin/selectBinary.js";
import { VERSION } from "../lib/version.ts";

/** What was staged: the platforms whose binary was found, and the main package.json written. */
export interface Staged {
  readonly platforms: string[];
  readonly missing: string[];
  readonly mainPackageJson: string;
}

/**
 * Writes `<outDir>/<platform>/{package.json,bin/<binary>}` for each binary present in `binDir`, and
 * `<outDir>/main-package.json`: the root package.json plus one optional dependency per platform at VERSION.
 */
export const stageNpmPackages = (root: string, binDir: string, outDir: string): Staged => {
  const platforms: string[] = [];
  const missing: string[] = [];
  for (const [key, name] of Object.entries(PLATFORM_PACKAGES)) {
    const file = binaryFileName(key);
    const binary = join(binDir, file);
    if (!existsSync(binary)) {
      missing.push(key);
      continue;
    }
    const template = JSON.parse(readFileSync(join(root, "npm", key, "package.json"), "utf8"));
    if (template.name !== name) throw new Error(`npm/${key}/package.json is named ${template.name}, expected ${name}`);
    const dir = join(outDir, key);
    mkdirSync(join(dir, "bin"), { recursive: true });
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ ...template, version: VERSION }, null, 2)}\n`);
    copyFileSync(binary, join(dir, "bin", file));
    chmodSync(join(dir, "bin", file), 0o755);
    platforms.push(key);
  }
  const main = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  main.optionalDependencies = Object.fromEntries(Object.values(PLATFORM_PACKAGES).map((n) => [n, VERSION]));
  const mainPackageJson = join(outDir, "main-package.json");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(mainPackageJson, `${JSON.stringify(main, null, 2)}\n`);
  return { platforms, missing, mainPackageJson };
};

if (import.meta.main) {
  const root = process.cwd();
  const r = stageNpmPackages(root, join(root, "dist", "bin"), join(root, "dist", "npm"));
  console.error(
    `staged ${r.platforms.join(", ") || "no platform"}${r.missing.length ? `; missing binaries: ${r.missing.join(", ")}` : ""}`,
  );
  console.error(`main package.json with optionalDependencies: ${r.mainPackageJson}`);
}
