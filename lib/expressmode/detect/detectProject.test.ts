// Project detection over the fixture apps: stack, framework, package manager, port and start command per stack.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: test sources contain JS template literals on purpose.
import { describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { detectProject } from "./detectProject.ts";

const APPS = join(import.meta.dir, "../../../test/fixtures/apps");
const detect = (app: string) => detectProject(join(APPS, app)).detection;

describe("detectProject over fixture apps", () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    [
      "node-express",
      {
        stack: "node",
        framework: "express",
        package_manager: "npm",
        detected_port: 3000,
        reads_port_env: false,
        health_check_path: "/health",
      },
      ["node", "server.js"],
    ],
    [
      "node-http",
      {
        stack: "node",
        package_manager: "npm",
        detected_port: 8080,
        reads_port_env: true,
        health_check_path: "/healthz",
      },
      ["node", "index.js"],
    ],
    [
      "nextjs",
      { stack: "node", framework: "nextjs", build_command: "npm run build", detected_port: 3000 },
      ["node", "server.js"],
    ],
    [
      "nestjs",
      {
        stack: "node",
        framework: "nestjs",
        package_manager: "yarn",
        build_command: "yarn run build",
        detected_port: 3000,
        reads_port_env: true,
      },
      ["node", "dist/main"],
    ],
    [
      "fastify",
      { stack: "node", framework: "fastify", package_manager: "pnpm", detected_port: 4000, health_check_path: "/ping" },
      ["node", "app.js"],
    ],
    [
      "python-flask",
      { stack: "python", framework: "flask", package_manager: "pip", detected_port: 5000, entry: "app:app" },
      ["gunicorn", "--bind", "0.0.0.0:{PORT}", "app:app"],
    ],
    [
      "python-fastapi",
      { stack: "python", framework: "fastapi", package_manager: "uv", runtime_version: "3.11", entry: "main:app" },
      ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "{PORT}"],
    ],
    [
      "python-django",
      { stack: "python", framework: "django", entry: "mysite.wsgi", detected_port: 8000 },
      ["gunicorn", "--bind", "0.0.0.0:{PORT}", "mysite.wsgi"],
    ],
    ["python-http", { stack: "python", detected_port: 8000, reads_port_env: true }, ["python", "app.py"]],
    [
      "go-http",
      {
        stack: "go",
        package_manager: "go",
        runtime_version: "1.23",
        detected_port: 8080,
        health_check_path: "/healthz",
      },
      ["/app/server"],
    ],
    [
      "java-spring",
      {
        stack: "java",
        framework: "spring-boot",
        package_manager: "maven",
        runtime_version: "21",
        detected_port: 8081,
        health_check_path: "/actuator/health",
      },
      ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"],
    ],
    [
      "ruby-sinatra",
      { stack: "ruby", framework: "sinatra", detected_port: 4567 },
      ["bundle", "exec", "ruby", "app.rb"],
    ],
    [
      "ruby-rails",
      { stack: "ruby", framework: "rails", detected_port: 3000, health_check_path: "/up" },
      ["bundle", "exec", "rails", "server", "-b", "0.0.0.0", "-p", "{PORT}"],
    ],
    [
      "dotnet-web",
      { stack: "dotnet", framework: "aspnetcore", runtime_version: "8", detected_port: 8080 },
      ["dotnet", "WebApp.dll"],
    ],
    [
      "php-site",
      { stack: "php", package_manager: "composer", detected_port: 80, health_check_path: "/health" },
      ["apache2-foreground"],
    ],
    ["static-site", { stack: "static", detected_port: 80, entry: "." }, ["nginx", "-g", "daemon off;"]],
  ];
  for (const [app, expected, start] of cases)
    test(app, () => {
      const d = detect(app);
      expect(d).toMatchObject(expected);
      expect([...d.start_command]).toEqual(start);
      expect(d.evidence.length).toBeGreaterThan(0);
    });

  test("an empty folder is unknown; existing Dockerfiles are reported", () => {
    const a = detectProject(mkdtempSync(join(tmpdir(), "empty-app-")));
    expect(a.detection.stack).toBe("unknown");
    expect(detectProject(join(APPS, "node-http")).has_dockerfile).toBe(false);
  });
});

describe("port detection on common Node idioms", () => {
  const app = (server: string) => {
    const dir = mkdtempSync(join(tmpdir(), "port-idiom-"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", scripts: { start: "node server.js" } }));
    writeFileSync(join(dir, "server.js"), server);
    return dir;
  };
  const sync = async (server: string) => detectProject(app(server)).detection;

  test("Number(process.env.PORT) || 8080 reads $PORT with 8080 as the default", async () => {
    const d = await sync(
      "const port = Number(process.env.PORT) || 8080;\nrequire('http').createServer(() => {}).listen(port);\n",
    );
    expect(d).toMatchObject({ detected_port: 8080, reads_port_env: true });
  });

  test("${PORT} interpolated in a JS template string is not the environment", async () => {
    const d = await sync(
      "const PORT = 3000;\nconst s = require('http').createServer(() => {});\ns.listen(PORT);\nconsole.log(`listening on ${PORT}`);\n",
    );
    expect(d).toMatchObject({ detected_port: 3000, reads_port_env: false });
  });
});

test("Python: several files creating an app object are reported as ambiguous, the shallowest is served", () => {
  const dir = mkdtempSync(join(tmpdir(), "two-apps-"));
  writeFileSync(join(dir, "requirements.txt"), "fastapi\nuvicorn\n");
  writeFileSync(join(dir, "main.py"), "from fastapi import FastAPI\n\napp = FastAPI()\n");
  mkdirSync(join(dir, "admin"));
  writeFileSync(join(dir, "admin/api.py"), "import fastapi\n\nadmin = fastapi.FastAPI()\n");
  const d = detectProject(dir).detection;
  expect(d.entry).toBe("main:app");
  expect(d.ambiguous).toEqual(["2 files create a FastAPI app (main.py, admin/api.py): served main.py, the shallowest"]);
});
