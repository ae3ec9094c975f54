// Generated Dockerfiles: pinned public-ECR bases, multi-stage, non-root, the container port, the detected start command.
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { detectProject } from "../detect/detectProject.ts";
import { generateDockerfile } from "./generateDockerfile.ts";

const APPS = join(import.meta.dir, "../../../test/fixtures/apps");
const gen = (app: string, port = 8080) => {
  const a = detectProject(join(APPS, app));
  return generateDockerfile({
    detection: a.detection,
    project: a.project,
    port,
    healthPath: a.detection.health_check_path ?? "/",
  })!;
};

describe("generateDockerfile", () => {
  for (const app of [
    "node-express",
    "node-http",
    "nextjs",
    "nestjs",
    "fastify",
    "python-flask",
    "python-fastapi",
    "python-django",
    "python-http",
    "go-http",
    "java-spring",
    "ruby-sinatra",
    "ruby-rails",
    "php-site",
    "static-site",
  ])
    test(`${app}: multi-stage or minimal, pinned, non-root, EXPOSE port, exec-form CMD`, () => {
      const p = gen(app);
      expect(p.base_image).toStartWith("public.ecr.aws/docker/library/");
      expect(p.base_image).toMatch(/:(\d|bookworm)/); // a pinned version or release tag, never latest
      expect(p.dockerfile).not.toContain(":latest");
      expect(p.dockerfile).toContain("EXPOSE 8080");
      expect(p.dockerfile).toMatch(/^USER \S+$/m);
      expect(p.dockerfile).toMatch(/^CMD \[/m);
      expect(p.dockerfile).not.toContain("{PORT}");
      expect(p.reasons.length).toBeGreaterThan(3);
    });

  test("node: lockfile install of production deps, node user, CMD runs node directly", () => {
    const d = gen("node-http").dockerfile;
    expect(d).toContain("COPY package.json package-lock.json ./");
    expect(d).toContain("npm ci --omit=dev");
    expect(d).toContain("ENV NODE_ENV=production PORT=8080");
    expect(d).toContain('CMD ["node","index.js"]');
    expect(d).toContain("127.0.0.1:8080/healthz");
  });

  test("node with a build step builds with dev deps then prunes; Yarn 1 from the npm registry", () => {
    const d = gen("nestjs").dockerfile;
    expect(d).toContain("AS build");
    expect(d).toMatch(
      /npm install -g yarn@1 --no-audit --no-fund\n[\s\S]*RUN --mount=type=cache,target=\S+ yarn install --frozen-lockfile\n/,
    );
    expect(d).toContain(
      "RUN yarn run build\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile --production",
    );
    expect(d).toContain('CMD ["node","dist/main"]'); // the declared start:prod wins
  });

  test("python: virtualenv build stage, production server bound to the port", () => {
    const d = gen("python-flask", 9000).dockerfile;
    expect(d).toContain("FROM public.ecr.aws/docker/library/python:3.12-slim AS build");
    expect(d).toContain("pip install -r requirements.txt");
    expect(d).toContain('CMD ["gunicorn","--bind","0.0.0.0:9000","app:app"]');
    expect(gen("python-fastapi").base_image).toEndWith("python:3.11-slim");
  });

  test("static: nginx listens on the port; non-root only at 1024 and above", () => {
    expect(gen("static-site", 8080).dockerfile).toContain("listen 8080;");
    expect(gen("static-site", 8080).dockerfile).toContain("USER nginx");
    const low = gen("static-site", 80);
    expect(low.dockerfile).not.toContain("USER nginx");
    expect(low.reasons.join(" ")).toContain("below 1024");
  });

  test("java: Spring Boot port from SERVER_PORT; dotnet from mcr with ASPNETCORE_HTTP_PORTS", () => {
    expect(gen("java-spring").dockerfile).toContain("ENV SERVER_PORT=8080");
    const dn = gen("dotnet-web");
    expect(dn.base_image).toBe("mcr.microsoft.com/dotnet/aspnet:8.0");
    expect(dn.dockerfile).toContain("ENV ASPNETCORE_HTTP_PORTS=8080");
  });
});

test("a start command that fixes another port than the container port is a warning", () => {
  const warn = (port: number) =>
    gen("py-fastapi-gunicorn-procfile", port)!.warnings.filter((w) => w.includes("fixes the port to 5000"));
  expect(warn(8080)).toHaveLength(1);
  expect(warn(5000)).toHaveLength(0);
});
