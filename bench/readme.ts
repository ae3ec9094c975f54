// Renders the README "Performance" section from a full bench run's results (quick runs never touch the README).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixtureApps } from "../test/support/fixtureApps.ts";

type Row = Record<string, unknown>;

const table = (rows: Row[], columns: string[]): string =>
  [
    `| ${columns.join(" | ")} |`,
    `|${columns.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${columns.map((c) => String(r[c] ?? "")).join(" | ")} |`),
  ].join("\n");

/** Markdown for the results object written by bench/run.ts. */
export const renderPerformance = (r: Record<string, unknown>): string => {
  const cold = r.cold_start as Row;
  const mem = r.memory as Row;
  return [
    `Measured by \`npm run bench\` on the 2-core CI machine (ecs-assistant ${r.version}, ${String(r.date).slice(0, 10)}); every figure sits next to a baseline measured in the same run. Reproduce with \`npm run bench\` (about a minute; \`--quick\` for a smoke run) — it writes \`bench/results.json\` and refreshes this section.`,
    "",
    `**Cold start**${cold.date ? ` (measured ${String(cold.date).slice(0, 10)}; \`bun bench/run.ts --only cold_start\` refreshes it alone)` : ""} (spawn → \`initialize\` → \`tools/list\` answered, median of runs) and **idle memory**, against a bare Bun binary and minimal MCP servers with one tool on the SDK v1 and on the SDK v2 (which ours is built on), compiled the same way (each MCP server with a start-up profile of its own, scripts/compileProfiled.ts). The standard: within 10 % of the SDK v2 server (\`*_vs_minimal_v2\`):`,
    "",
    table(
      [cold],
      [
        "runs",
        "hello_ms",
        "minimal_server_ms",
        "minimal_v2_server_ms",
        "ours_ms",
        "ours_vs_minimal",
        "ours_vs_minimal_v2",
        "minimal_rss_mb",
        "minimal_v2_rss_mb",
        "ours_rss_mb",
        "rss_vs_minimal",
        "rss_vs_minimal_v2",
      ],
    ),
    "",
    "What start-up loads is held by `test/startupGraph.test.ts`: no AWS SDK, smithy, OpenTelemetry, jose, smol-toml, HTTP/OAuth or CLI code, tool handler or node:crypto before the first call that needs it.",
    "",
    `**Memory under use**: ${mem.calls} tool calls against the loopback fake AWS; growth over the second half of the calls vs the minimal server's over as many echo calls:`,
    "",
    table(
      [mem],
      [
        "calls",
        "ours_idle_mb",
        "ours_warm_mb",
        "ours_after_mb",
        "ours_growth_2nd_half_mb",
        "minimal_growth_2nd_half_mb",
      ],
    ),
    "",
    "**Binary size** per platform vs a bare Bun binary for the same target (MB):",
    "",
    table(r.binary_size as Row[], ["platform", "bare_mb", "ours_mb", "over_bare_mb"]),
    "",
    "**AWS round trips** with 50 ms injected per call: our parallel library vs the same work strictly sequential (maxConcurrency 1, the reference's way); depth ≈ wall time / 50 ms:",
    "",
    table(r.round_trips as Row[], ["scenario", "calls", "parallel_ms", "sequential_ms", "depth", "speedup"]),
    "",
    '**Response size** (tokens ≈ UTF-8 bytes / 4) of `ecs_resource_management` results vs the raw AWS JSON of the same call, same facts kept (`response_format: "compact"`, the default):',
    "",
    table(r.response_size as Row[], ["operation", "raw_tokens", "ours_tokens", "ratio"]),
    "",
    "**Streamable HTTP** throughput (each client its own MCP session, sequential calls) next to the same calls made in-process:",
    "",
    table(r.http_throughput as Row[], [
      "clients",
      "calls",
      "http_calls_per_s",
      "http_p50_ms",
      "http_p99_ms",
      "inprocess_calls_per_s",
      "errors",
    ]),
    ...replicaLines(r.replicas as { date: string; rows: Row[] } | undefined),
    ...taskLines(r.tasks as { date: string; rows: Row[] } | undefined),
    ...teamLines(r.team as { date: string; rows: Row[] } | undefined),
    ...diagnosisLines(r.diagnosis as { date?: string; summary: Row; rows: Row[] } | undefined),
    ...containerizeLines(
      r.containerize as { date?: string; summary: Row; misses: string[]; not_built?: string[] } | undefined,
    ),
  ].join("\n");
};

/** 2026-07-28 clients behind haproxy with 1 and 2 replicas (absent when haproxy was not installed). */
const replicaLines = (r: { date: string; rows: Row[] } | undefined): string[] =>
  r
    ? [
        "",
        `**Replicas** (measured ${r.date.slice(0, 10)}; \`bun bench/run.ts --only replicas\` refreshes it alone): 2026-07-28 clients (no session; every request may land on either replica) through haproxy round-robin on loopback, 1 vs 2 server processes of the compiled binary, sequential calls per client, the fake AWS and the clients in the bench process:`,
        "",
        table(r.rows, ["replicas", "clients", "calls", "calls_per_s", "p50_ms", "p99_ms", "errors"]),
      ]
    : [];

/** Tasks: creation → first tasks/get, 1 vs 2 replicas (absent when haproxy was not installed). */
export const taskLines = (r: { date: string; rows: Row[] } | undefined): string[] =>
  r
    ? [
        "",
        `**Tasks** (measured ${r.date.slice(0, 10)}; \`bun bench/run.ts --only tasks\` refreshes it alone): one 2026-07-28 client declaring \`io.modelcontextprotocol/tasks\` starts \`wait_for_service_ready\` tasks one after another through haproxy round-robin (replicas sharing \`ECS_MCP_STATE_KEY\`) and polls each once; create = tools/call sent → task handle received; first_get = handle received → first \`tasks/get\` answered (with 2 replicas that poll lands on the other replica, which rebuilds the status from AWS: one DescribeServices, DescribeExpressGatewayService and deployment read against the fake):`,
        "",
        table(r.rows, [
          "replicas",
          "tasks",
          "create_p50_ms",
          "create_p99_ms",
          "first_get_p50_ms",
          "first_get_p99_ms",
          "create_to_first_get_p50_ms",
          "create_to_first_get_p99_ms",
          "errors",
        ]),
      ]
    : [];

/** The team-service load: 2 replicas, 64 OAuth-authorized clients (absent when haproxy was not installed). */
const teamLines = (r: { date: string; rows: Row[] } | undefined): string[] =>
  r
    ? [
        "",
        `**Team service** (measured ${r.date.slice(0, 10)}; \`bun bench/run.ts --only team\` refreshes it alone): 2 replicas of the compiled binary behind haproxy on loopback with OAuth on (ES256 JWTs from the loopback issuer stand-in, one token per client, scope ecs:read, sharing ECS_MCP_STATE_KEY), 64 2026-07-28 clients at once each making sequential read calls against the fake AWS; no_token_status = a request without a token through the balancer; RSS per replica (r1 / r2) after the load, and its peak:`,
        "",
        table(r.rows, [
          "replicas",
          "clients",
          "calls",
          "calls_per_s",
          "p50_ms",
          "p99_ms",
          "errors",
          "no_token_status",
          "rss_mb",
          "peak_rss_mb",
        ]),
      ]
    : [];

/** The diagnosis benchmark: corpus totals, then every scenario whose top finding is wrong or that asserts a wrong fact. */
const diagnosisLines = (dx: { date?: string; summary: Row; rows: Row[] } | undefined): string[] => {
  if (!dx) return [];
  const misses = dx.rows.filter((x) => !x.top1 || Number(x.wrong_facts) > 0);
  return [
    "",
    `**Diagnosis**${dx.date ? ` (measured ${dx.date.slice(0, 10)}; \`bun bench/run.ts --only diagnosis\` refreshes it alone)` : ""} over the troubleshooting corpus (\`test/fixtures/troubleshoot/\`, AWS responses reconstructed from public reports, run through the real SDK against the loopback fake): top-1 / top-3 = expected cause ranked first / in the first three (a healthy scenario counts when nothing reaches likelihood 0.5); must_name = required facts the top finding names; wrong_facts = forbidden claims (\`must_not_claim\`) and excluded findings (\`absent\`) that appeared; critical path = the longest chain of AWS calls that had to wait for each other:`,
    "",
    table(
      [dx.summary],
      [
        "scenarios",
        "top1_accuracy",
        "top3_accuracy",
        "must_name_coverage",
        "wrong_facts",
        "max_critical_path",
        "mean_calls",
      ],
    ),
    ...(misses.length
      ? ["", table(misses, ["scenario", "expected", "got", "top3", "named", "wrong_facts", "critical_path"])]
      : ["", "Every scenario's expected cause is ranked first and no forbidden fact is asserted."]),
  ];
};

const containerizeLines = (
  cz: { date?: string; summary: Row; misses: string[]; not_built?: string[] } | undefined,
): string[] => {
  if (!cz) return [];
  return [
    "",
    `**containerize_app over the app corpus**${cz.date ? ` (measured ${cz.date.slice(0, 10)}; \`bun bench/run.ts --only containerize\` refreshes it alone)` : ""} (\`test/fixtures/apps/\`, layouts modelled on public templates): detection correct = stack, framework, package manager, start command, port and static vs server as \`expected.json\` says; for the Node and static fixtures that ask for an image, the generated Dockerfile built with podman from the loopback base images (packages from the npm registry), the image's own CMD started with its ENV, WORKDIR and USER (\`test/support/boot/\`), and its health path answering (SPAs: a deep link such as \`/some/route\` must return index.html); negative controls (a lockfile out of sync, an app that crashes) must fail; \`node_static_not_built\` = Node/static fixtures whose \`expected.json\` says why no image is built here${cz.not_built?.length ? ` (${cz.not_built.join(", ")})` : ""}:`,
    "",
    table(
      [cz.summary],
      [
        "fixtures",
        "detection_correct",
        "node_or_static",
        "image_fixtures",
        "built",
        "booted",
        "answering",
        "negative_controls_failing_as_expected",
        "node_static_not_built",
        "build_boot_s",
      ],
    ),
    ...(cz.summary.python_image_fixtures !== undefined
      ? [
          "",
          "Python fixtures (packages from the loopback PyPI stand-in of Debian bookworm wheels, plus trixie's pure-Python Poetry 2 for fixtures that ask for it, `test/support/pypi/`; `python_not_built` = fixtures whose `expected.json` says why no image is built here, uv above all):",
          "",
          table(
            [cz.summary],
            [
              "python_fixtures",
              "python_image_fixtures",
              "python_built",
              "python_booted",
              "python_answering",
              "python_not_built",
              "python_build_boot_s",
            ],
          ),
        ]
      : []),
    ...notBuiltLines(),
    ...(cz.misses.length ? ["", `Detection misses: ${cz.misses.join(", ")}.`] : []),
  ];
};

/** The Node, static and Python fixtures whose image is not built here, each with the reason its expected.json gives. */
const notBuiltLines = (): string[] => {
  const rows = fixtureApps().flatMap(([name, w]) => {
    const reason = w.member?.not_built ?? w.not_built;
    return reason && ["node", "static", "python"].includes(String(w.detection.stack))
      ? [`- \`${name}\`: ${reason}`]
      : [];
  });
  rows.sort();
  return rows.length
    ? ["", "Node, static and Python fixtures not built here, and why (from their `expected.json`):", "", ...rows]
    : [];
};

/** Replaces the README's performance block with the rendering of `results`. */
export const writePerformance = (results: Record<string, unknown>) => {
  const file = join(import.meta.dir, "..", "README.md");
  const readme = readFileSync(file, "utf8");
  const re = /(<!-- performance:start -->)[\s\S]*?(<!-- performance:end -->)/;
  if (!re.test(readme)) throw new Error("README lacks the performance markers");
  writeFileSync(file, readme.replace(re, `$1\n${renderPerformance(results)}\n$2`));
};
