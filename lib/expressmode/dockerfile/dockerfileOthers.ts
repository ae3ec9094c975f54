// Dockerfiles for Go, Java, Ruby, .NET and PHP apps: compile in a build stage, run unprivileged on a slim runtime.
import {
  COMMON_REASONS,
  cmd,
  ECR_LIBRARY,
  type GenerateInput,
  header,
  healthcheck,
  type Proposal,
} from "./proposal.ts";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

/** Go: static binary (CGO off) on debian slim with a numeric non-root user. */
export const dockerfileGo = ({ detection: d, port, healthPath }: GenerateInput): Proposal => {
  const builder = `${ECR_LIBRARY}/golang:${d.runtime_version ?? "1.23"}-bookworm`;
  const base = `${ECR_LIBRARY}/debian:bookworm-slim`;
  return {
    base_image: base,
    dockerfile: lines(
      header(d),
      `FROM ${builder} AS build`,
      "WORKDIR /src",
      ...(d.package_manager === "go-workspace"
        ? ["COPY . ."] // go.work: every used module's go.mod is needed to download; copy the workspace whole
        : ["COPY go.mod go.sum* ./", "RUN go mod download", "COPY . ."]),
      `RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags='-s -w' -o /out/server ${d.entry ?? "."}`,
      "",
      `FROM ${base}`,
      "RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates wget && rm -rf /var/lib/apt/lists/* && useradd --uid 10001 --no-create-home app",
      "COPY --from=build /out/server /app/server",
      `ENV PORT=${port}`,
      "USER 10001",
      `EXPOSE ${port}`,
      healthcheck(`wget -q -O /dev/null http://127.0.0.1:${port}${healthPath} || exit 1`),
      cmd(d.start_command, port),
    ),
    reasons: [
      ...COMMON_REASONS,
      `${builder} compiles a static binary (CGO_ENABLED=0); the runtime is ${base} with CA certificates only.`,
    ],
    warnings: [],
  };
};

/** Java: Maven/Gradle build with a JDK, run the fat jar on a JRE with container-aware memory. */
export const dockerfileJava = ({ detection: d, port, healthPath }: GenerateInput): Proposal => {
  const v = d.runtime_version ?? "21";
  const maven = d.package_manager?.startsWith("maven") ?? false;
  const wrapper = d.package_manager?.endsWith("-wrapper") ?? false;
  // With the project's wrapper (mvnw/gradlew) a plain JDK image builds with the Maven/Gradle version it pins.
  const builder = wrapper
    ? `${ECR_LIBRARY}/eclipse-temurin:${v}-jdk`
    : maven
      ? `${ECR_LIBRARY}/maven:3.9-eclipse-temurin-${v}`
      : `${ECR_LIBRARY}/gradle:8.10-jdk${v}`;
  const base = `${ECR_LIBRARY}/eclipse-temurin:${v}-jre`;
  return {
    base_image: base,
    dockerfile: lines(
      header(d),
      `FROM ${builder} AS build`,
      "WORKDIR /src",
      ...(maven && !wrapper
        ? ["COPY pom.xml ./", "RUN mvn -B -q dependency:go-offline", "COPY src ./src"]
        : maven
          ? [
              "COPY mvnw pom.xml ./",
              "COPY .mvn .mvn",
              "RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline",
              "COPY src ./src",
            ]
          : ["COPY . .", ...(wrapper ? ["RUN chmod +x gradlew"] : [])]),
      `RUN ${d.build_command} && cp $(ls ${maven ? "target" : "build/libs"}/*.jar | grep -v -e plain -e '\\.original$' | head -n 1) /app.jar`,
      "",
      `FROM ${base}`,
      "RUN useradd --uid 10001 --no-create-home app",
      "COPY --from=build /app.jar /app/app.jar",
      `ENV SERVER_PORT=${port} PORT=${port}`,
      "USER 10001",
      `EXPOSE ${port}`,
      healthcheck(`wget -q -O /dev/null http://127.0.0.1:${port}${healthPath} || exit 1`),
      cmd(d.start_command, port),
    ),
    reasons: [
      ...COMMON_REASONS,
      `${builder} builds the jar; ${base} runs it (JRE only).`,
      "SERVER_PORT sets Spring Boot's port; -XX:MaxRAMPercentage=75 sizes the heap from the task memory.",
    ],
    warnings: [],
  };
};

/** Ruby: gems installed without dev/test groups, app run by bundle exec as an unprivileged user. */
export const dockerfileRuby = ({ detection: d, port, healthPath }: GenerateInput): Proposal => {
  const base = `${ECR_LIBRARY}/ruby:${d.runtime_version ?? "3.3"}-slim`;
  return {
    base_image: base,
    dockerfile: lines(
      header(d),
      `FROM ${base} AS build`,
      "RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*",
      "WORKDIR /app",
      "ENV BUNDLE_DEPLOYMENT=1 BUNDLE_WITHOUT=development:test BUNDLE_PATH=/usr/local/bundle",
      "COPY Gemfile Gemfile.lock* ./",
      "RUN bundle install",
      "COPY . .",
      ...(d.build_command ? [`RUN SECRET_KEY_BASE_DUMMY=1 ${d.build_command}`] : []),
      "",
      `FROM ${base}`,
      `ENV BUNDLE_DEPLOYMENT=1 BUNDLE_WITHOUT=development:test BUNDLE_PATH=/usr/local/bundle RACK_ENV=production RAILS_ENV=production PORT=${port}`,
      "RUN useradd --create-home --uid 10001 app",
      "WORKDIR /app",
      "COPY --from=build /usr/local/bundle /usr/local/bundle",
      "COPY --from=build --chown=app:app /app /app",
      "USER app",
      `EXPOSE ${port}`,
      healthcheck(
        `ruby -rnet/http -e "exit Net::HTTP.get_response(URI('http://127.0.0.1:${port}${healthPath}')).code.to_i < 500"`,
      ),
      cmd(d.start_command, port),
    ),
    reasons: [...COMMON_REASONS, `${base}; native gems compile in the build stage (build-essential stays there).`],
    warnings: [],
  };
};

/** .NET: dotnet publish with the SDK, run on the ASP.NET runtime as the image's non-root `app` user. */
export const dockerfileDotnet = ({ detection: d, port }: GenerateInput): Proposal => {
  const v = d.runtime_version ?? "8";
  const base = `mcr.microsoft.com/dotnet/aspnet:${v}.0`;
  return {
    base_image: base,
    dockerfile: lines(
      header(d),
      `FROM mcr.microsoft.com/dotnet/sdk:${v}.0 AS build`,
      "WORKDIR /src",
      "COPY . .",
      `RUN ${d.build_command}`,
      "",
      `FROM ${base}`,
      "WORKDIR /app",
      "COPY --from=build /out .",
      `ENV ASPNETCORE_HTTP_PORTS=${port}`,
      "USER app",
      `EXPOSE ${port}`,
      cmd(d.start_command, port),
    ),
    reasons: [
      ...COMMON_REASONS,
      ".NET images are published by Microsoft on mcr.microsoft.com (not in the Docker library on public ECR); the runtime image has a built-in non-root `app` user.",
      "ASPNETCORE_HTTP_PORTS sets the listening port.",
    ],
    warnings: [],
  };
};

/** PHP: Apache with mod_php, composer dependencies without dev packages, Apache listening on the container port. */
export const dockerfilePhp = ({ detection: d, project, port, healthPath }: GenerateInput): Proposal => {
  const base = `${ECR_LIBRARY}/php:${d.runtime_version ?? "8.3"}-apache`;
  const docroot = d.entry && d.entry !== "." ? `/var/www/html/${d.entry}` : "/var/www/html";
  return {
    base_image: base,
    dockerfile: lines(
      header(d),
      ...(project.has("composer.json")
        ? [
            `FROM ${ECR_LIBRARY}/composer:2 AS deps`,
            "WORKDIR /app",
            "COPY composer.json composer.lock* ./",
            "RUN composer install --no-dev --no-scripts --prefer-dist --no-interaction",
            "",
          ]
        : []),
      `FROM ${base}`,
      `ENV APACHE_DOCUMENT_ROOT=${docroot}`,
      `RUN sed -ri -e 's!/var/www/html!\${APACHE_DOCUMENT_ROOT}!g' /etc/apache2/sites-available/*.conf && sed -ri -e 's/Listen 80/Listen ${port}/' /etc/apache2/ports.conf && sed -ri -e 's/:80>/:${port}>/' /etc/apache2/sites-available/000-default.conf`,
      "COPY --chown=www-data:www-data . /var/www/html",
      ...(project.has("composer.json")
        ? ["COPY --from=deps --chown=www-data:www-data /app/vendor /var/www/html/vendor"]
        : []),
      ...(port >= 1024 ? ["USER www-data"] : []),
      `EXPOSE ${port}`,
      healthcheck(`php -r "exit(@file_get_contents('http://127.0.0.1:${port}${healthPath}') === false ? 1 : 0);"`),
      cmd(d.start_command, port),
    ),
    reasons: [
      ...COMMON_REASONS,
      `${base}: Apache httpd with mod_php; Apache listens on ${port}${port >= 1024 ? " as www-data" : " (below 1024: the master starts as root, workers run as www-data)"}.`,
    ],
    warnings: [],
  };
};
