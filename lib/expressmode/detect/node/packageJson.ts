// The package.json fields Node detection reads.

/** A package.json as detection sees it (unknown fields ignored). */
export interface PackageJson {
  name?: string;
  main?: string;
  type?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  engines?: { node?: string };
  volta?: { node?: string };
  packageManager?: string;
  workspaces?: string[] | { packages?: string[] };
}

/** Dependencies and devDependencies together. */
export const allDeps = (pkg: PackageJson): Record<string, string> => ({ ...pkg.dependencies, ...pkg.devDependencies });
