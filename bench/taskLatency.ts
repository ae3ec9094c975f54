// Tasks (io.modelcontextprotocol/tasks) over HTTP behind haproxy: the time from a task's creation (the tools/call that
// returns its handle) to the first tasks/get answer, with 1 replica and with 2 (where that poll lands on the other
// replica, which rebuilds the status from AWS). wait_for_service_ready on a service still rolling out, fake AWS.
import { performance } from "node:perf_hooks";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { startReplicas } from "../test/support/replicas.ts";
import { TASK_CAPABILITIES, taskRequester } from "../test/support/taskRequester.ts";
import { ourBinary } from "./lib/build.ts";
import { startBenchAws } from "./lib/fakeEnv.ts";
import { percentile, round } from "./lib/stats.ts";

export interface TaskLatencyRow {
  replicas: number;
  tasks: number;
  /** tools/call sent → CreateTaskResult (the handle) received. */
  create_p50_ms: number;
  create_p99_ms: number;
  /** Handle received → first tasks/get answered (on the other replica when there are 2). */
  first_get_p50_ms: number;
  first_get_p99_ms: number;
  /** tools/call sent → first tasks/get answered. */
  create_to_first_get_p50_ms: number;
  create_to_first_get_p99_ms: number;
  errors: number;
}

const SERVICE = "arn:aws:ecs:us-east-1:123456789012:service/default/shop";

/** `tasks` wait_for_service_ready tasks, one after another, from one 2026-07-28 client. */
export const taskLatency = async (tasks: number): Promise<TaskLatencyRow[]> => {
  const fake = await startBenchAws();
  fake.on("ecs", "DescribeServices", {
    services: [
      {
        serviceArn: SERVICE,
        serviceName: "shop",
        status: "ACTIVE",
        desiredCount: 2,
        runningCount: 1,
        pendingCount: 1,
        deployments: [{ id: "d1", status: "PRIMARY", rolloutState: "IN_PROGRESS" }],
        events: [],
      },
    ],
  });
  const rows: TaskLatencyRow[] = [];
  try {
    for (const count of [1, 2]) {
      const key = "bench-task-latency-shared-state-key-0123456789";
      const set = await startReplicas(fake.url, count, { ECS_MCP_STATE_KEY: key }, ourBinary());
      try {
        const transport = new StreamableHTTPClientTransport(new URL(set.url));
        const client = new Client(
          { name: "bench-tasks", version: "1" },
          { capabilities: TASK_CAPABILITIES, versionNegotiation: { mode: { pin: "2026-07-28" } } },
        );
        await client.connect(transport);
        const requester = taskRequester(client, transport);
        const create: number[] = [];
        const firstGet: number[] = [];
        const total: number[] = [];
        let errors = 0;
        for (let i = 0; i < tasks; i++) {
          const t0 = performance.now();
          try {
            const created = await requester.callTool("wait_for_service_ready", {
              cluster: "default",
              service_name: "shop",
              timeout_seconds: 600,
            });
            const t1 = performance.now();
            const got = await requester.get(created.taskId);
            const t2 = performance.now();
            if (created.resultType !== "task" || got.status !== "working") errors++;
            create.push(t1 - t0);
            firstGet.push(t2 - t1);
            total.push(t2 - t0);
          } catch {
            errors++;
          }
        }
        await client.close();
        const p = (xs: number[], q: number) => round(percentile(xs, q));
        rows.push({
          replicas: count,
          tasks,
          create_p50_ms: p(create, 50),
          create_p99_ms: p(create, 99),
          first_get_p50_ms: p(firstGet, 50),
          first_get_p99_ms: p(firstGet, 99),
          create_to_first_get_p50_ms: p(total, 50),
          create_to_first_get_p99_ms: p(total, 99),
          errors,
        });
      } finally {
        await set.close();
      }
    }
  } finally {
    await fake.close();
  }
  return rows;
};
