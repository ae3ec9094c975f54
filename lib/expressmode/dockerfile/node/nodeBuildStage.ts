// The Node build stage shared by server images and static-site builds: tools, manifests, frozen install, sources,
// generators (Prisma), the build of the app and the workspace members it depends on.
import type { Detection } from "../../detect/detection.ts";
import type { Project } from "../../detect/scanProject.ts";
import { ECR_LIBRARY } from "../proposal.ts";
import { type InstallPlan, nodeInstall } from "./nodeInstall.ts";

/** Lines of the stage named `name`, plus the plan (for reasons and the prune). */
export const nodeBuildStage = (
  d: Detection,
  project: Project,
  name: string,
  opts: { production: boolean; build: boolean },
): { lines: string[]; plan: InstallPlan; base: string } => {
  const f = d.node!;
  const plan = nodeInstall(f, project);
  const base = `${ECR_LIBRARY}/node:${d.runtime_version ?? "22"}-slim`;
  const install = opts.production ? plan.installProd : plan.installAll;
  const lines = [
    `FROM ${base} AS ${name}`,
    ...plan.tools,
    "WORKDIR /app",
    ...plan.manifests,
    `RUN ${plan.cacheMount} ${install}`,
    "COPY . .",
  ];
  if (f.prisma) lines.push("RUN node_modules/.bin/prisma generate");
  if (opts.build) {
    // Nx: no daemon in a one-off build container.
    const builds = f.build_exec
      ? [`NX_DAEMON=false ${f.build_exec}`]
      : f.members.length > 0
        ? f.members.filter((m) => m.build).map((m) => `cd /app/${m.dir} && ${plan.run} build`)
        : [`${plan.run} ${f.build_script ?? "build"}`];
    if (builds.length > 0) lines.push(`RUN ${builds.join(" \\\n && ")}`);
  }
  return { lines, plan, base };
};
