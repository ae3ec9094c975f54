// Dockerfile for static sites and SPA builds: optional Node build stage, nginx serving the files on the container port.
import { nodeBuildStage } from "./node/nodeBuildStage.ts";
import {
  COMMON_REASONS,
  cmd,
  ECR_LIBRARY,
  type GenerateInput,
  header,
  healthcheck,
  type Proposal,
} from "./proposal.ts";

/** Generates the static-site Dockerfile (nginx; non-root when the port is 1024 or above). */
export const dockerfileStatic = ({ detection: d, project, port, healthPath }: GenerateInput): Proposal => {
  const base = `${ECR_LIBRARY}/nginx:1.27-alpine`;
  // Any static build from a Node project (SPA, Next export, Astro static, ...) gets the SPA fallback and a build stage.
  const spa = d.node !== undefined;
  const nonRoot = port >= 1024;
  // A build for a sub-path (Vite base, CRA homepage) asks for /<base>/assets/...: its files live under that folder,
  // client routes fall back to its index.html, and the root redirects there.
  const sub = d.node?.base_path;
  const conf = [
    "server {",
    `    listen ${port};`,
    "    root /usr/share/nginx/html;",
    "    index index.html;",
    ...(sub ? [`    location = / { return 302 ${sub}; }`] : []),
    `    location / { try_files $uri $uri/ ${spa ? `${sub ?? "/"}index.html` : "=404"}; }`,
    "}",
  ]
    .map((l) => `'${l}'`)
    .join(" ");
  const node = spa && d.node ? nodeBuildStage(d, project, "build", { production: false, build: true }) : undefined;
  const out = `/app/${d.node?.app_dir ? `${d.node.app_dir}/` : ""}${d.entry ?? "dist"}`;
  const build = node ? [...node.lines, ""] : [];
  const copy = node
    ? `COPY --from=build ${out} /usr/share/nginx/html${sub ? sub.replace(/\/$/, "") : ""}`
    : `COPY ${d.entry && d.entry !== "." ? `${d.entry}/` : "."} /usr/share/nginx/html`;
  const dockerfile = [
    header(d),
    ...build,
    `FROM ${base}`,
    `RUN printf '%s\\n' ${conf} > /etc/nginx/conf.d/default.conf${
      nonRoot
        ? " \\\n && sed -i -e 's,^pid .*,pid /tmp/nginx.pid;,' -e '/^user /d' /etc/nginx/nginx.conf \\\n && for d in /var/cache/nginx /var/lib/nginx /usr/share/nginx/html; do mkdir -p $d && chown -R nginx:nginx $d; done"
        : ""
    }`,
    `${copy.replace("COPY ", nonRoot ? "COPY --chown=nginx:nginx " : "COPY ")}`,
    ...(nonRoot ? ["USER nginx"] : []),
    `EXPOSE ${port}`,
    healthcheck(`wget -q -O /dev/null http://127.0.0.1:${port}${healthPath} || exit 1`),
    cmd(["nginx", "-g", "daemon off;"], port),
    "",
  ].join("\n");
  return {
    base_image: base,
    dockerfile,
    reasons: [
      ...COMMON_REASONS.filter((r) => !r.includes("non-root")),
      `${base}: a small, pinned nginx that serves files efficiently; the server block listens on ${port}.`,
      nonRoot
        ? "nginx runs as the nginx user (pid file in /tmp, writable cache dirs)."
        : `Port ${port} is below 1024, so the nginx master starts as root and its workers run as nginx; choose a port ≥ 1024 (e.g. 8080) for a fully non-root container.`,
      ...(spa
        ? [
            ...(sub
              ? [
                  `The build is made for the sub-path ${sub} (its asset URLs start with it): the files are served from there, unknown paths under it fall back to ${sub}index.html and / redirects to ${sub}.`,
                ]
              : []),
            `A Node build stage runs the ${d.framework ?? "SPA"} build with ${d.package_manager} and only its output (${d.entry ?? "dist"}, from the framework's configuration) is served; unknown paths fall back to /index.html for client-side routing. No Node server or dev server runs in the image.`,
            ...(node?.plan.reasons ?? []),
          ]
        : []),
    ],
    warnings: [...(d.notes ?? []), ...(d.ambiguous ?? []).map((a) => `Ambiguous: ${a}`)],
  };
};
