// Fatal log-line patterns per stack (Node, Python, Java, Go, Ruby, generic) and severity of a log line.
import { type Evidence, type Finding, finding } from "../finding.ts";

/** A log line as the detectors see it. */
export interface LogLine {
  readonly timestamp: string;
  readonly message: string;
  readonly stream?: string;
}

interface Pattern {
  readonly id: string;
  readonly stack: string;
  readonly test: RegExp;
  readonly title: string;
  readonly likelihood: number;
  readonly explanation: string;
  readonly fix: string;
}

const PATTERNS: readonly Pattern[] = [
  {
    id: "binds_localhost",
    stack: "any",
    test: /(listening|running|serving|started|bound|bind)\b[^\n]{0,40}\b(127\.0\.0\.1|localhost)(:\d+)?|Listening on tcp:\/\/(127\.0\.0\.1|localhost)/i,
    title: "The app listens on 127.0.0.1 instead of 0.0.0.0",
    likelihood: 0.93,
    explanation:
      "A server bound to localhost is unreachable from the load balancer and health checks (they come through the task's network interface).",
    fix: "Bind to 0.0.0.0 (Node: app.listen(port, '0.0.0.0'); Flask: app.run(host='0.0.0.0'); uvicorn/gunicorn: --host 0.0.0.0 / -b 0.0.0.0:PORT; Rails: -b 0.0.0.0).",
  },
  {
    id: "port_in_use",
    stack: "any",
    test: /EADDRINUSE|Address already in use|Port \d+ (was|is) already in use|bind: address already in use/i,
    title: "The port is already in use inside the task",
    likelihood: 0.88,
    explanation:
      "Two processes (or two containers sharing the task's network namespace) try to listen on the same port.",
    fix: "Give each container in the task its own port, and make sure the app does not start its server twice (e.g. cluster/worker mode or a duplicate listen call).",
  },
  {
    id: "port_privileged",
    stack: "any",
    test: /listen EACCES|bind\(\) to [^\n]*:(80|443)\b[^\n]*Permission denied|Permission denied - bind\(2\)|Permission denied[^\n]{0,40}\b(port )?:?(80|443)\b|PermissionError: \[Errno 13\] Permission denied/i,
    title: "The app may not listen on a privileged port (below 1024) as a non-root user",
    likelihood: 0.88,
    explanation:
      "The process runs as a non-root user and tries to bind port 80/443 (or another port below 1024), which needs root or CAP_NET_BIND_SERVICE; it exits at start.",
    fix: "Listen on a port of 1024 or above (e.g. 8080) and use that port in the task definition's portMappings, the target group and the service; or grant the binary cap_net_bind_service in the image.",
  },
  {
    id: "missing_module",
    stack: "node/python/ruby",
    test: /Cannot find module|ModuleNotFoundError|ImportError: |No module named|ERR_MODULE_NOT_FOUND|LoadError: cannot load such file|Error loading ASGI app|Could not import module|Failed to find attribute '\w+' in/i,
    title: "A module the app imports is missing from the image",
    likelihood: 0.9,
    explanation:
      "The app crashes at start because a dependency or source file is not in the image (not installed, devDependency only, wrong WORKDIR or .dockerignore excluded it).",
    fix: "Install the dependency in the image (npm ci --omit=dev must still include it; pip install -r requirements.txt), check WORKDIR and COPY paths, and rebuild.",
  },
  {
    id: "image_arch_mismatch",
    stack: "any",
    test: /exec format error/i,
    title: "Image built for a different CPU architecture",
    likelihood: 0.93,
    explanation: "The binary in the image was built for another architecture than the task runs on.",
    fix: "Build the image for the task's CPU architecture (runtimePlatform.cpuArchitecture) with docker buildx build --platform, or build a multi-arch image.",
  },
  {
    // The language runtime's own heap cap (V8 old space, JVM -Xmx, Python MemoryError), not the container's memory:
    // runtimeLimitRule names the configured cap and the task's memory from the task definition.
    id: "runtime_heap_exhausted",
    stack: "node/java/python",
    test: /JavaScript heap out of memory|java\.lang\.OutOfMemoryError|^MemoryError\b|\bMemoryError$/im,
    title: "The runtime ran out of heap memory",
    likelihood: 0.88,
    explanation: "The app's heap hit the runtime's limit and the process died.",
    fix: "Set the runtime's heap limit to about 75% of the container's memory (NODE_OPTIONS=--max-old-space-size, JVM -Xmx or -XX:MaxRAMPercentage=75), or fix the leak.",
  },
  {
    // The app's own writes filled the task's storage; runtimeLimitRule names the ephemeral storage size or the instance.
    id: "task_storage_full",
    stack: "any",
    test: /No space left on device|\bENOSPC\b|\[Errno 28\]/i,
    title: "The task's storage is full (no space left on device)",
    likelihood: 0.9,
    explanation: "The app could not write a file: the task's filesystem is full.",
    fix: "Give the task more storage (Fargate ephemeralStorage.sizeInGiB, up to 200 GiB) or write large files to EFS or S3.",
  },
  {
    id: "file_descriptor_limit",
    stack: "any",
    test: /too many open files|\bEMFILE\b/i,
    title: "The app runs out of file descriptors (too many open files)",
    likelihood: 0.86,
    explanation:
      "The process hit its open-file limit (nofile): new sockets and files fail, so connections to the database, caches and clients fail while the task keeps running.",
    fix: "Raise the container's nofile ulimit in the task definition (ulimits), and look for connections or files the app never closes.",
  },
  {
    id: "missing_config",
    stack: "any",
    test: /(environment variable|env var|config(uration)?)[^\n]{0,40}(is )?(not set|missing|undefined|required)|KeyError: '[A-Z_]+'|must be set|ImproperlyConfigured|Missing `?secret_key_base|Failed to configure a DataSource|NoRegionError|You must specify a region/i,
    title: "Required configuration is missing",
    likelihood: 0.8,
    explanation: "The app stops because an environment variable or secret it needs is not set in the task definition.",
    fix: "Add the variable to the container's environment (or secrets) in the task definition and redeploy.",
  },
  {
    id: "dependency_unreachable",
    stack: "any",
    test: /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|dial tcp \S+: (i\/o timeout|connect: (connection refused|connection timed out|no route to host))|Connection refused|could not connect to server|Communications link failure|getaddrinfo|ActiveRecord::ConnectionNotEstablished|PG::ConnectionBad|Mysql2::Error::ConnectionError|MongoServerSelectionError|Redis::CannotConnectError|CannotGetJdbcConnectionException/i,
    title: "The app cannot reach a dependency (database, cache, API)",
    likelihood: 0.7,
    explanation:
      "A connection from the task to another service fails at start: wrong host, security group, or the dependency is down.",
    fix: "Check the connection string, the dependency's security group (allow the task's group), and DNS/VPC settings.",
  },
  {
    id: "gunicorn_worker_timeout",
    stack: "python",
    test: /\[CRITICAL\] WORKER TIMEOUT/,
    title: "Gunicorn kills workers that do not answer in time (WORKER TIMEOUT)",
    likelihood: 0.84,
    explanation:
      "A Gunicorn worker did not answer within its --timeout (30 s by default), so the arbiter killed it; requests and health checks in flight fail or time out while workers restart.",
    fix: "Find the slow request or blocking call (a dependency without its own timeout, a heavy startup in the worker); use more workers/threads or an async worker class, and keep --timeout below the health check's timeout × threshold only if requests really take that long.",
  },
  {
    id: "aws_api_throttled",
    stack: "aws-sdk",
    test: /ThrottlingException|TooManyRequestsException|RequestLimitExceeded|\bRate exceeded\b|SlowDown: Please reduce/,
    title: "The app's AWS API calls are throttled",
    likelihood: 0.55,
    explanation: "An AWS API rejected the app's calls for exceeding its request rate; SDK retries ran out.",
    fix: "Cache results and batch calls, add jittered exponential backoff (SDK retry mode adaptive), or request a higher quota for that API.",
  },
  {
    id: "app_crash",
    stack: "any",
    test: /Traceback \(most recent call last\)|UnhandledPromiseRejection|Uncaught Exception|^panic: |APPLICATION FAILED TO START|Worker failed to boot|Exception in thread "main"|FATAL|^\w+(\.\w+)+(Error|Exception): /im,
    title: "The app crashes at startup",
    likelihood: 0.65,
    explanation: "The application raised an unhandled error while starting.",
    fix: "Read the stack trace in the evidence and fix the failing code or configuration.",
  },
];

/** The setting a missing-configuration line names (framework messages mapped to their variable). */
export const missingSetting = (text: string): string | undefined => {
  if (/secret_key_base/.test(text)) return "SECRET_KEY_BASE (or RAILS_MASTER_KEY)";
  if (/NoRegionError|You must specify a region/.test(text)) return "AWS_REGION";
  if (/The SECRET_KEY setting must not be empty/.test(text)) return "the Django SECRET_KEY (e.g. DJANGO_SECRET_KEY)";
  if (/Failed to configure a DataSource/.test(text)) return "SPRING_DATASOURCE_URL";
  return (
    /KeyError: '([A-Z][A-Z0-9_]+)'/.exec(text)?.[1] ??
    /\b([A-Z][A-Z0-9_]{2,})\b[^\n]{0,30}(is not set|must be set|is missing|is required|not defined)/.exec(text)?.[1]
  );
};

/** Severity of a line: ERROR for error/exception/fatal words, WARN for warnings, else INFO. */
export const severityOf = (message: string): "ERROR" | "WARN" | "INFO" => {
  if (/\b(ERROR|ERR!|EXCEPTION|FATAL|CRITICAL|PANIC|Traceback)\b|Exception\b|Error:/i.test(message)) return "ERROR";
  if (/\b(WARN|WARNING)\b/i.test(message)) return "WARN";
  return "INFO";
};

const HEADER = /Traceback \(most recent call last\)|APPLICATION FAILED TO START|Worker failed to boot|^\s*\*{5,}/i;
const EXCEPTION_LINE =
  /^\s*(?:[\w$]+\.)*[\w$]*(Error|Exception|Exit|Interrupt|Failure)(\[\w+\])?:? .+|^Description:\s*$/;

/**
 * The line that names the error for a header line ("Traceback (most recent call last):", Spring Boot's
 * "APPLICATION FAILED TO START"): the exception line that follows in the same stream (or the same multi-line event).
 */
export const exceptionLineOf = (lines: readonly LogLine[], i: number): LogLine => {
  const l = lines[i]!;
  if (!HEADER.test(l.message)) return l;
  const inner = l.message
    .split("\n")
    .filter((x) => EXCEPTION_LINE.test(x) && !/^Description:/.test(x))
    .at(-1);
  if (inner) return { ...l, message: inner.trim() };
  let description = false;
  for (const next of lines.slice(i + 1, i + 40)) {
    if (next.stream !== l.stream) continue;
    if (/^Description:\s*$/.test(next.message.trim())) {
      description = true;
      continue;
    }
    if (description && next.message.trim()) return { ...next, message: next.message.trim() };
    if (!/^\s/.test(next.message) && EXCEPTION_LINE.test(next.message)) return next;
  }
  return l;
};

/** Findings for fatal patterns found in the lines (each pattern once, with up to 3 matching lines). */
export const logFindings = (lines: readonly LogLine[]): Finding[] => {
  const out: Finding[] = [];
  for (const p of PATTERNS) {
    const hitIdx = lines.flatMap((l, i) => (p.test.test(l.message) ? [i] : []));
    if (hitIdx.length === 0) continue;
    const quoted = [...new Map(hitIdx.map((i) => exceptionLineOf(lines, i)).map((l) => [l.message, l])).values()];
    const hits = hitIdx.map((i) => lines[i]!);
    const evidence: Evidence[] = quoted.slice(0, 3).map((l) => ({
      source: "log",
      ref: l.stream,
      at: l.timestamp,
      text: l.message.length > 300 ? `${l.message.slice(0, 297)}...` : l.message,
    }));
    const named = p.id === "missing_config" ? missingSetting(hits.map((h) => h.message).join("\n")) : undefined;
    out.push(
      finding({
        id: p.id,
        category: "logs",
        title: named
          ? `Required setting ${named} is missing`
          : hits.length > 1
            ? `${p.title} (${hits.length} lines)`
            : p.title,
        likelihood: p.likelihood,
        evidence,
        explanation: p.explanation,
        fix: named
          ? `Set ${named} in the container's environment, or as a secret (secrets[].valueFrom an SSM parameter or Secrets Manager secret the execution role can read), register a new revision and redeploy.`
          : p.fix,
      }),
    );
  }
  return out;
};

/** The port an app says it listens on ("listening on port 3000", "Running on http://0.0.0.0:5000"), if any. */
export const listenPortOf = (lines: readonly LogLine[]): { port: number; line: LogLine } | undefined => {
  for (const l of lines) {
    const m =
      /(?:listening|running|serving|started|bound)\b[^\n]{0,40}?(?:port\s*[:=]?\s*|:)(\d{2,5})\b/i.exec(l.message) ??
      /\bport\s+(\d{2,5})\b/i.exec(l.message);
    if (m) return { port: Number(m[1]), line: l };
  }
  return undefined;
};
