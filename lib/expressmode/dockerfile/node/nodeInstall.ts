// Install steps per package manager variant: the tools the image needs, the files copied before the install, the
// frozen install (all or production-only, filtered to one workspace app) and the prune after the build.

import type { NodeFacts } from "../../detect/node/nodeFacts.ts";
import type { Project } from "../../detect/scanProject.ts";

/** The lines and commands a Node build stage is made of. */
export interface InstallPlan {
  /** RUN/ENV lines that put the package manager (and git) in the image. */
  readonly tools: string[];
  /** COPY lines for manifests, lockfile and package-manager config, before the install. */
  readonly manifests: string[];
  readonly installAll: string;
  readonly installProd: string;
  /** Removes dev dependencies after a build (undefined when the variant cannot). */
  readonly prune?: string;
  /** Command prefix that runs a package.json script (`npm run`, `yarn run`, ...). */
  readonly run: string;
  /** --mount options for the install RUNs (the package manager's download cache, shared across builds). */
  readonly cacheMount: string;
  readonly reasons: string[];
}

/** corepack version installed over the one bundled with Node. */
const COREPACK = "0.36.0";

const CACHE: Record<string, string> = {
  npm: "/root/.npm",
  pnpm: "/root/.local/share/pnpm/store",
  yarn: "/usr/local/share/.cache/yarn",
  berry: "/root/.yarn/berry/cache",
  bun: "/root/.bun/install/cache",
};

/** The install plan for `f` (dirs of workspace members from `f.members`). */
export const nodeInstall = (f: NodeFacts, project: Project): InstallPlan => {
  const { pm } = f;
  const tools: string[] = [];
  const reasons: string[] = [];
  if (f.needs_git) {
    tools.push("RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*");
    reasons.push("git is installed in the build stage: package.json has git dependencies.");
  }
  const lockMajor = /lockfileVersion:\s*'?(\d+)/.exec(project.read("pnpm-lock.yaml") ?? "")?.[1];
  if ((pm.name === "pnpm" && !pm.version) || (pm.name === "yarn" && !pm.berry)) {
    // No packageManager pin: corepack would resolve "latest stable", which its signature check refuses
    // (nodejs/corepack#612); install the major the lockfile was written by from the npm registry instead.
    // Yarn classic, pinned or not, is the npm package `yarn`: corepack's signature check refuses even a pinned
    // yarn@1.22.22 ("No compatible signature found in package metadata"), and it adds nothing over npm here.
    const pkg = pm.name === "yarn" ? `yarn@${pm.version ?? "1"}` : `pnpm@${Number(lockMajor ?? 9) >= 9 ? 9 : 8}`;
    tools.push(`RUN npm install -g ${pkg} --no-audit --no-fund`);
    reasons.push(
      pm.version
        ? `${pkg} (packageManager) from the npm registry, where Yarn classic is published.`
        : `${pkg} from the npm registry (no packageManager field pins a version; the lockfile format decides the major).`,
    );
  } else if (pm.name === "pnpm" || pm.name === "yarn") {
    // COREPACK_NPM_REGISTRY: corepack then fetches Yarn/pnpm from the npm registry (@yarnpkg/cli-dist for Berry),
    // the one source every dependency already comes from, instead of repo.yarnpkg.com.
    // corepack is updated first: the one bundled with Node fails on the npm registry's rotated signing keys
    // ("No compatible signature found", nodejs/corepack#612).
    tools.push(
      "ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0 COREPACK_NPM_REGISTRY=https://registry.npmjs.org",
      `RUN npm install -g corepack@${COREPACK} --no-audit --no-fund && corepack enable`,
    );
    reasons.push(
      `corepack provides ${pm.name}${pm.version ? ` ${pm.version} (packageManager)` : ""}${pm.name === "yarn" && pm.yarnFiles.includes(".yarn/releases") ? "; Yarn itself runs from .yarn/releases (yarnPath)" : ""}.`,
    );
  }
  if (f.bun_version) {
    tools.push(`RUN npm install -g bun@${f.bun_version} --no-audit --no-fund`);
    reasons.push(
      `Bun ${f.bun_version} is installed from the npm registry (npm install -g bun) on the official Node image.`,
    );
  }
  const members = f.members.map((m) => m.dir);
  const extra = ["pnpm-workspace.yaml", ".npmrc", "bunfig.toml", ...pm.yarnFiles.filter((x) => x === ".yarnrc.yml")];
  const rootFiles = ["package.json", ...(pm.lockfile ? [pm.lockfile] : []), ...extra.filter((x) => project.has(x))];
  const manifests = [`COPY ${rootFiles.join(" ")} ./`];
  for (const d of pm.yarnFiles.filter((x) => x.startsWith(".yarn/"))) manifests.push(`COPY ${d} ./${d}`);
  for (const d of members) if (d) manifests.push(`COPY ${d}/package.json ./${d}/`);
  const names = f.members.map((m) => m.name).filter((n): n is string => Boolean(n));
  const app = names[names.length - 1];
  const locked = pm.lockfile !== undefined;
  if (!locked)
    reasons.push(`No lockfile: the install resolves versions afresh; commit a lockfile for reproducible builds.`);
  const cacheMount = `--mount=type=cache,target=${CACHE[pm.berry ? "berry" : pm.name]}`;
  if (pm.name === "pnpm") {
    const filter = app ? ` --filter "${app}..."` : "";
    const frozen = locked ? " --frozen-lockfile" : "";
    return {
      tools,
      manifests,
      installAll: `pnpm install${frozen}${filter}`,
      installProd: `pnpm install${frozen} --prod${filter}`,
      prune: `pnpm install${frozen} --prod --offline${filter}`,
      run: "pnpm run",
      cacheMount,
      reasons,
    };
  }
  if (pm.name === "yarn" && pm.berry) {
    const focus = app ? `yarn workspaces focus ${app}` : "yarn workspaces focus --all";
    const major = Number(pm.version?.split(".")[0] ?? 4);
    const canFocus = major >= 4 || project.files.some((x) => /\.yarn\/plugins\/.*workspace-tools/.test(x));
    return {
      // Plug'n'Play reads packages from the cache at run time: keep it in the project (.yarn/cache), not in /root.
      tools: pm.pnp ? [...tools, "ENV YARN_ENABLE_GLOBAL_CACHE=false"] : tools,
      manifests,
      installAll: app && canFocus ? focus : `yarn install${locked ? " --immutable" : ""}`,
      installProd: canFocus ? `${focus} --production` : `yarn install${locked ? " --immutable" : ""}`,
      prune: canFocus ? `${focus} --production` : undefined,
      run: "yarn run",
      cacheMount: "--mount=type=cache,target=/root/.yarn/berry/cache",
      reasons: [
        ...reasons,
        `Yarn Berry: ${pm.yarnFiles.join(", ") || "package.json and yarn.lock"} copied before \`yarn install --immutable\`; production dependencies via \`yarn workspaces focus --production\`${canFocus ? "" : " (not available before Yarn 4 without the workspace-tools plugin, so dev dependencies stay)"}; ${pm.pnp ? "Plug'n'Play (no node_modules): the app starts with .pnp.cjs required" : "nodeLinker: node-modules"}.`,
      ],
    };
  }
  if (pm.name === "yarn") {
    const frozen = locked ? " --frozen-lockfile" : "";
    return {
      tools,
      manifests,
      installAll: `yarn install${frozen}`,
      installProd: `yarn install${frozen} --production`,
      prune: `yarn install${frozen} --production --ignore-scripts --prefer-offline`,
      run: "yarn run",
      cacheMount,
      reasons: app
        ? [...reasons, "Yarn 1 cannot install one workspace alone: the whole workspace is installed."]
        : reasons,
    };
  }
  if (pm.name === "bun") {
    const frozen = locked ? " --frozen-lockfile" : "";
    const filter = app ? ` --filter "${app}"` : "";
    const clean = `rm -rf node_modules${members
      .filter(Boolean)
      .map((d) => ` ${d}/node_modules`)
      .join("")}`;
    return {
      tools,
      manifests,
      installAll: `bun install${frozen}${filter}`,
      installProd: `bun install${frozen} --production${filter}`,
      prune: `${clean} && bun install${frozen} --production${filter}`,
      run: "bun run",
      cacheMount,
      reasons,
    };
  }
  const ci = locked ? "npm ci" : "npm install";
  const ws = members
    .filter(Boolean)
    .map((d) => ` --workspace ${d}`)
    .join("");
  return {
    tools,
    manifests,
    installAll: `${ci}${ws} --no-audit --no-fund`,
    installProd: `${ci}${ws} --omit=dev --no-audit --no-fund`,
    prune: `npm prune${ws} --omit=dev --no-audit --no-fund`,
    run: "npm run",
    cacheMount,
    reasons,
  };
};
