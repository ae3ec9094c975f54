// Dockerfile for Node.js servers: the project's package manager from its lockfile, the app (or one monorepo app)
// built, dev dependencies pruned, Next.js standalone output, Bun as a runtime, node user, exec-form CMD.
import { nodeBuildStage } from "./node/nodeBuildStage.ts";
import { COMMON_REASONS, cmd, type GenerateInput, header, healthcheck, type Proposal } from "./proposal.ts";

/** Generates the Node Dockerfile (undefined when a monorepo has several apps and none was chosen). */
export const dockerfileNode = ({ detection: d, project, port, healthPath }: GenerateInput): Proposal | undefined => {
  const f = d.node;
  if (!f || d.start_command.length === 0) return undefined;
  const needsBuild = Boolean(d.build_command) || f.members.length > 0;
  const separatePrune = (needsBuild || f.prisma || f.pm.pnp) && !f.keep_dev;
  const {
    lines: stage,
    plan,
    base,
  } = nodeBuildStage(d, project, "build", {
    production: !separatePrune && !f.keep_dev,
    build: needsBuild,
  });
  if (separatePrune && plan.prune) stage.push(`RUN ${plan.cacheMount} ${plan.prune}`);
  const appDir = f.app_dir ? `/app/${f.app_dir}` : "/app";
  const env: Record<string, string> = { NODE_ENV: "production", PORT: String(port), ...f.env };
  if (f.pm.pnp)
    env.NODE_OPTIONS = `--require /app/.pnp.cjs${f.esm && project.has(".pnp.loader.mjs") ? " --loader /app/.pnp.loader.mjs" : ""}`;
  const runtime: string[] = [`FROM ${base}`];
  if (f.runtime === "bun")
    runtime.push("COPY --from=build /usr/local/lib/node_modules/bun/bin/bun.exe /usr/local/bin/bun");
  runtime.push(
    `ENV ${Object.entries(env)
      .map(([k, v]) => `${k}=${/\s/.test(v) ? JSON.stringify(v) : v}`)
      .join(" ")}`,
  );
  let start = d.start_command;
  if (f.standalone) {
    // Next.js standalone: server.js with its traced node_modules; static assets and public are not in it.
    const src = `/app/${f.app_dir ? `${f.app_dir}/` : ""}`;
    const dst = f.app_dir ? `./${f.app_dir}/` : "./";
    runtime.push(
      "WORKDIR /app",
      `COPY --from=build --chown=node:node ${src}.next/standalone ./`,
      `COPY --from=build --chown=node:node ${src}.next/static ${dst}.next/static`,
      ...(project.files.some((x) => x.startsWith(`${f.app_dir ? `${f.app_dir}/` : ""}public/`))
        ? [`COPY --from=build --chown=node:node ${src}public ${dst}public`]
        : []),
    );
    start = ["node", `${f.app_dir ? `${f.app_dir}/` : ""}server.js`];
  } else {
    runtime.push("WORKDIR /app", "COPY --from=build --chown=node:node /app ./");
    if (f.app_dir) runtime.push(`WORKDIR ${appDir}`);
  }
  const reasons = [
    ...COMMON_REASONS,
    `${base}: Debian slim with Node ${d.runtime_version}${d.evidence.find((e) => e.startsWith("Node ")) ? ` (${d.evidence.find((e) => e.startsWith("Node "))})` : " (current LTS; nothing in the project pins a version)"}.`,
    `Dependencies install with ${d.package_manager}${f.pm.lockfile ? ` from ${f.pm.lockfile}` : ""}: \`${separatePrune || f.keep_dev ? plan.installAll : plan.installProd}\`; manifests${f.members.length > 0 ? " (root and the workspace members the app needs)" : ""} are copied first so that layer stays cached until dependencies change, and the package manager's download cache is a BuildKit cache mount.`,
    ...plan.reasons,
    ...(needsBuild
      ? [
          `The build stage runs ${
            f.members.length > 1
              ? `the builds of ${f.members
                  .filter((m) => m.build)
                  .map((m) => m.dir)
                  .join(", ")} (dependencies first)`
              : `\`${d.build_command}\``
          } with dev dependencies${plan.prune && separatePrune ? ", then removes them" : ""}.`,
        ]
      : []),
    ...(f.app_dir
      ? [`Monorepo: the image builds and runs ${f.app_dir} only, from the workspace root's lockfile.`]
      : []),
    ...(f.standalone
      ? [
          "Next.js standalone output: node server.js with .next/static and public copied beside it; HOSTNAME=0.0.0.0 so it listens on every interface, not the container's hostname.",
        ]
      : []),
    ...(f.runtime === "bun"
      ? ["Bun runs the app (the start command uses bun); its binary is copied into the Node image."]
      : []),
    ...(f.prisma
      ? ["prisma generate runs after the install (the Prisma client is generated from schema.prisma)."]
      : []),
    `NODE_ENV=production and PORT=${port}; CMD runs ${start[0] === "sh" ? "the declared start through a shell" : `${start[0]} directly (signals reach the app; no package manager as PID 1)`}.`,
  ];
  const probe = `node -e "require('http').get('http://127.0.0.1:${port}${healthPath}',r=>{r.resume();if(r.statusCode>=500)throw new Error(r.statusCode)}).on('error',e=>{throw e})"`;
  const dockerfile = [
    header(d),
    ...stage,
    "",
    ...runtime,
    "USER node",
    `EXPOSE ${port}`,
    healthcheck(probe),
    cmd(start, port),
    "",
  ].join("\n");
  return {
    base_image: base,
    dockerfile,
    reasons,
    warnings: [...(d.notes ?? []), ...(d.ambiguous ?? []).map((a) => `Ambiguous: ${a}`)],
  };
};
