// Detects Go, Java (Maven/Gradle, Spring Boot), Ruby (Rails/Sinatra), .NET, PHP and plain static sites.
import type { Detection } from "./detection.ts";
import { findPort } from "./findPort.ts";
import { goMainPackage } from "./goMainPackage.ts";
import type { Project } from "./scanProject.ts";

/** Go modules and go.work workspaces: builds the main package (`cmd/<name>` when there are several) into one binary. */
export const detectGo = (p: Project): Detection | undefined => {
  const main = p.has("go.work") || p.has("go.mod") ? goMainPackage(p) : undefined;
  if (!main) return undefined;
  const mod = p.read(main.module ? `${main.module}/go.mod` : "go.mod") ?? p.read("go.mod") ?? "";
  const dir = main.pkg.replace(/^\.\/?/, "");
  const facts = findPort(p, [".go"], [dir ? `${dir}/main.go` : "main.go", "main.go", "cmd/server/main.go"]);
  const framework = /gin-gonic\/gin/.test(mod)
    ? "gin"
    : /labstack\/echo/.test(mod)
      ? "echo"
      : /gofiber/.test(mod)
        ? "fiber"
        : undefined;
  const version = /^go (1\.\d+)/m.exec(p.read("go.work") ?? "")?.[1] ?? /^go (1\.\d+)/m.exec(mod)?.[1];
  return {
    stack: "go",
    framework,
    package_manager: main.workspace.length ? "go-workspace" : "go",
    runtime_version: version ?? "1.23",
    start_command: ["/app/server"],
    build_command: `go build -o /out/server ${main.pkg}`,
    detected_port: facts.port ?? 8080,
    port_source: facts.source ?? "Go convention (8080)",
    reads_port_env: facts.readsPortEnv,
    health_check_path: facts.healthPath,
    entry: main.pkg,
    ...(main.ambiguous.length ? { ambiguous: main.ambiguous } : {}),
    evidence: [
      `${main.workspace.length ? `go.work (${main.workspace.join(", ")})` : "go.mod"}${framework ? ` (${framework})` : ""}`,
      `main package ${main.pkg}`,
    ],
  };
};

/** Java: Maven or Gradle; Spring Boot reads `server.port` (default 8080). */
export const detectJava = (p: Project): Detection | undefined => {
  const pom = p.read("pom.xml");
  const gradle = p.read("build.gradle") ?? p.read("build.gradle.kts");
  if (pom === undefined && gradle === undefined) return undefined;
  const text = pom ?? gradle ?? "";
  const spring = /spring-boot/.test(text);
  // The project's own wrapper pins the Maven/Gradle version it was written for.
  const mvnw = p.has("mvnw"); // with .mvn/wrapper/ beside it (dot folders are not scanned)
  const gradlew = p.has("gradlew") && p.has("gradle/wrapper/gradle-wrapper.properties");
  const facts = findPort(
    p,
    [".java", ".kt"],
    ["src/main/resources/application.properties", "src/main/resources/application.yml"],
  );
  const version =
    /<java\.version>(\d+)</.exec(text)?.[1] ??
    /languageVersion(?:\.set\(|\s*=\s*)JavaLanguageVersion\.of\((\d+)\)/.exec(text)?.[1] ??
    /sourceCompatibility\s*=\s*(?:JavaVersion\.VERSION_|['"])(\d+)/.exec(text)?.[1];
  return {
    stack: "java",
    framework: spring ? "spring-boot" : undefined,
    package_manager: pom !== undefined ? (mvnw ? "maven-wrapper" : "maven") : gradlew ? "gradle-wrapper" : "gradle",
    runtime_version: ["17", "21", "25"].includes(version ?? "") ? version : "21",
    start_command: ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"],
    build_command:
      pom !== undefined
        ? `${mvnw ? "./mvnw" : "mvn"} -B -DskipTests package`
        : `${gradlew ? "./gradlew" : "gradle"} --no-daemon ${spring ? "bootJar" : "build"} -x test`,
    detected_port: facts.port ?? (spring ? 8080 : undefined),
    port_source: facts.source ?? (spring ? "Spring Boot default" : undefined),
    reads_port_env: facts.readsPortEnv || spring,
    health_check_path: facts.healthPath ?? (/actuator/.test(text) ? "/actuator/health" : undefined),
    evidence: [`${pom !== undefined ? "pom.xml" : "build.gradle"}${spring ? " (Spring Boot)" : ""}`],
  };
};

/** Ruby with Bundler: Rails (puma) or Sinatra/Rack. */
export const detectRuby = (p: Project): Detection | undefined => {
  const gems = p.read("Gemfile");
  if (gems === undefined) return undefined;
  const rails = /gem ['"]rails['"]/.test(gems);
  const sinatra = /gem ['"]sinatra['"]/.test(gems);
  const apiOnly = /config\.api_only\s*=\s*true/.test(p.read("config/application.rb") ?? "");
  const assets =
    !apiOnly && /gem ['"](propshaft|sprockets-rails|sprockets|jsbundling-rails|cssbundling-rails)['"]/.test(gems);
  const facts = findPort(p, [".rb", ".ru"], ["config/puma.rb", "app.rb", "config.ru"]);
  const main = ["app.rb", "server.rb"].find((f) => p.has(f));
  return {
    stack: "ruby",
    framework: rails ? "rails" : sinatra ? "sinatra" : undefined,
    package_manager: "bundler",
    runtime_version: /^ruby ['"]?(\d\.\d)/m.exec(gems)?.[1] ?? "3.3",
    start_command: rails
      ? ["bundle", "exec", "rails", "server", "-b", "0.0.0.0", "-p", "{PORT}"]
      : p.has("config.ru")
        ? ["bundle", "exec", "rackup", "--host", "0.0.0.0", "--port", "{PORT}"]
        : ["bundle", "exec", "ruby", main ?? "app.rb"],
    // Only apps with an asset pipeline (Propshaft, Sprockets, jsbundling/cssbundling) have assets to precompile;
    // an API-only app (`config.api_only = true`) has none and the task would fail.
    build_command: rails && assets ? "bundle exec rails assets:precompile" : undefined,
    detected_port: facts.port ?? (rails ? 3000 : sinatra ? 4567 : undefined),
    port_source: facts.source ?? (rails ? "Rails default" : sinatra ? "Sinatra default" : undefined),
    reads_port_env: facts.readsPortEnv || rails || p.has("config.ru"),
    health_check_path: facts.healthPath ?? (rails ? "/up" : undefined),
    entry: main,
    evidence: [`Gemfile${rails ? " (rails)" : sinatra ? " (sinatra)" : ""}`],
  };
};

/** .NET: the first .csproj; ASP.NET Core 8+ listens on 8080 in containers (ASPNETCORE_HTTP_PORTS). */
export const detectDotnet = (p: Project): Detection | undefined => {
  const proj = p.files.find((f) => f.endsWith(".csproj") || f.endsWith(".fsproj"));
  if (!proj) return undefined;
  const text = p.read(proj) ?? "";
  const web = /Microsoft\.NET\.Sdk\.Web/.test(text);
  const name = proj
    .split("/")
    .pop()!
    .replace(/\.(cs|fs)proj$/, "");
  const facts = findPort(p, [".cs", ".fs", ".json"], ["Program.cs", "Properties/launchSettings.json"]);
  return {
    stack: "dotnet",
    framework: web ? "aspnetcore" : undefined,
    package_manager: "dotnet",
    runtime_version: /<TargetFramework>net(\d+)\.0</.exec(text)?.[1] ?? "8",
    start_command: ["dotnet", `${name}.dll`],
    build_command: `dotnet publish ${proj} -c Release -o /out`,
    detected_port: facts.port ?? 8080,
    port_source: facts.source ?? "ASP.NET Core 8 container default (8080)",
    reads_port_env: true,
    health_check_path: facts.healthPath,
    entry: proj,
    evidence: [`${proj}${web ? " (Microsoft.NET.Sdk.Web)" : ""}`],
  };
};

/** PHP: composer.json or an index.php; served by Apache httpd. */
export const detectPhp = (p: Project): Detection | undefined => {
  const composer = p.json<{ require?: Record<string, string> }>("composer.json");
  const index = ["index.php", "public/index.php"].find((f) => p.has(f));
  if (!composer && !index) return undefined;
  const laravel = Boolean(composer?.require?.["laravel/framework"]);
  return {
    stack: "php",
    framework: laravel ? "laravel" : undefined,
    package_manager: composer ? "composer" : undefined,
    runtime_version: "8.3",
    start_command: ["apache2-foreground"],
    detected_port: 80,
    port_source: "Apache httpd default",
    // The generated Apache config listens on the container port, whatever the code says.
    reads_port_env: true,
    health_check_path: findPort(p, [".php"]).healthPath,
    entry: index?.startsWith("public/") || laravel ? "public" : ".",
    evidence: [composer ? `composer.json${laravel ? " (laravel)" : ""}` : index!],
  };
};

/** A plain static site: an index.html with no server-side manifest. */
export const detectStatic = (p: Project): Detection | undefined => {
  const index = ["index.html", "public/index.html", "site/index.html", "docs/index.html"].find((f) => p.has(f));
  if (!index) return undefined;
  const dir = index.includes("/") ? index.slice(0, index.lastIndexOf("/")) : ".";
  return {
    stack: "static",
    start_command: ["nginx", "-g", "daemon off;"],
    detected_port: 80,
    port_source: "nginx default",
    // The generated nginx config listens on the container port.
    reads_port_env: true,
    entry: dir,
    evidence: [index],
  };
};
