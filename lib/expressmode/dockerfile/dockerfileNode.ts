// Dockerfile for Node.js apps: npm/yarn/pnpm installs from the lockfile, optional build stage, node user, exec-form CMD.
import {
  COMMON_REASONS,
  cmd,
  ECR_LIBRARY,
  type GenerateInput,
  header,
  healthcheck,
  type Proposal,
} from "./proposal.ts";

const LOCKS: Record<string, string> = { npm: "package-lock.json", yarn: "yarn.lock", pnpm: "pnpm-lock.yaml" };

/** Install commands per package manager: [all deps, production only, prune to production]. */
const installs = (pm: string, locked: boolean): [string, string, string] => {
  if (pm === "yarn")
    return [
      "corepack enable && yarn install --frozen-lockfile",
      "corepack enable && yarn install --frozen-lockfile --production",
      "yarn install --frozen-lockfile --production --ignore-scripts --prefer-offline",
    ];
  if (pm === "pnpm")
    return [
      "corepack enable && pnpm install --frozen-lockfile",
      "corepack enable && pnpm install --frozen-lockfile --prod",
      "pnpm prune --prod",
    ];
  const i = locked ? "npm ci" : "npm install";
  return [`${i} --no-audit --no-fund`, `${i} --omit=dev --no-audit --no-fund`, "npm prune --omit=dev"];
};

/** Generates the Node Dockerfile. */
export const dockerfileNode = ({ detection: d, project, port, healthPath }: GenerateInput): Proposal => {
  const pm = d.package_manager === "yarn" || d.package_manager === "pnpm" ? d.package_manager : "npm";
  const lock = pm === "npm" && project.has("npm-shrinkwrap.json") ? "npm-shrinkwrap.json" : LOCKS[pm]!;
  const locked = project.has(lock);
  const [all, prod, prune] = installs(pm, locked);
  const base = `${ECR_LIBRARY}/node:${d.runtime_version ?? "20"}-slim`;
  const manifests = `COPY package.json ${locked ? `${lock} ` : ""}./`;
  const reasons = [
    ...COMMON_REASONS,
    `${base}: Debian slim with Node ${d.runtime_version ?? "20"} (LTS)${d.runtime_version === "22" ? ", as engines.node asks" : ""}.`,
    locked
      ? `Dependencies install from ${lock} (${all.split(" && ").pop()}) for reproducible builds; the manifest is copied first so the layer is cached until dependencies change.`
      : `No lockfile: dependencies install with ${pm} install; commit a lockfile for reproducible builds.`,
    `NODE_ENV=production and PORT=${port}; CMD runs ${d.start_command[0] === "npm" ? "through npm" : "node directly (signals reach the app; no npm wrapper as PID 1)"}.`,
  ];
  const warnings: string[] = [];
  if (d.package_manager === "bun")
    warnings.push(
      "bun project: the Dockerfile uses npm with Node (the Docker official images have no bun image); adjust if you rely on bun APIs.",
    );
  const stages = d.build_command
    ? [
        `FROM ${base} AS build`,
        "WORKDIR /app",
        manifests,
        `RUN ${all}`,
        "COPY . .",
        `RUN ${d.build_command} && ${prune}`,
        "",
        `FROM ${base}`,
        `ENV NODE_ENV=production PORT=${port}`,
        "WORKDIR /app",
        "COPY --from=build --chown=node:node /app ./",
      ]
    : [
        `FROM ${base} AS deps`,
        "WORKDIR /app",
        manifests,
        // mkdir: an app without dependencies gets no node_modules, and COPY --from would fail on it.
        `RUN ${prod} && mkdir -p node_modules`,
        "",
        `FROM ${base}`,
        `ENV NODE_ENV=production PORT=${port}`,
        "WORKDIR /app",
        "COPY --from=deps --chown=node:node /app/node_modules ./node_modules",
        "COPY --chown=node:node . .",
      ];
  if (d.build_command)
    reasons.push(
      `Build stage runs \`${d.build_command}\` with dev dependencies, then prunes them before the runtime stage copies the app.`,
    );
  // A throw (5xx or connection error) exits non-zero; a healthy answer lets node exit 0.
  const probe = `node -e "require('http').get('http://127.0.0.1:${port}${healthPath}',r=>{r.resume();if(r.statusCode>=500)throw new Error(r.statusCode)}).on('error',e=>{throw e})"`;
  const start = d.framework === "nextjs" ? ["node_modules/.bin/next", "start", "-p", String(port)] : d.start_command;
  const dockerfile = [
    header(d),
    ...stages,
    "USER node",
    `EXPOSE ${port}`,
    healthcheck(probe),
    cmd(start, port),
    "",
  ].join("\n");
  return { base_image: base, dockerfile, reasons, warnings };
};
