// The Node-specific facts the Dockerfile generator needs beyond the common Detection fields.
import type { NodePackageManager } from "./nodePackageManager.ts";

/** Everything about a Node app's build that the common fields do not carry. */
export interface NodeFacts {
  readonly pm: NodePackageManager;
  /** The app's folder relative to the build context ("" when the app is the root). */
  readonly app_dir: string;
  /** Workspace members to install and build, dependencies first, the app last (monorepos only). */
  readonly members: readonly { readonly dir: string; readonly name?: string; readonly build: boolean }[];
  readonly workspace_tool?: string;
  readonly runtime: "node" | "bun";
  /** Bun's version when Bun runs or installs (packageManager `bun@x`), else "1" (latest 1.x). */
  readonly bun_version?: string;
  readonly standalone: boolean;
  readonly env: Readonly<Record<string, string>>;
  /** git must be in the build image (git dependencies). */
  readonly needs_git: boolean;
  /** `prisma generate` must run after the install (Prisma client). */
  readonly prisma: boolean;
  /** package.json "type": "module" (Plug'n'Play then also needs its ESM loader). */
  readonly esm: boolean;
  /** The start command runs a devDependency (tsx, ts-node): the image keeps dev dependencies (no production prune). */
  readonly keep_dev?: boolean;
  /** A build command that is not a package.json script (Nx integrated: `npx nx build api`), run from the root. */
  readonly build_exec?: string;
  /** The package.json script that builds the app when it is not `build` (e.g. `build:ts`). */
  readonly build_script?: string;
  /** Static builds served under a sub-path (`/dashboard/`): files go there and the SPA fallback is its index.html. */
  readonly base_path?: string;
}
