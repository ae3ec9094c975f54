// Response size: tokens of our tool results vs the raw AWS JSON for the same calls (tokens ≈ bytes / 4, documented).
import { createEcsAssistant } from "../lib/index.ts";
import { fakeAwsOptions } from "../test/support/clients.ts";
import { startFakeAws } from "../test/support/fakeAws.ts";
import { describeClustersRaw } from "./fixtures/clusters.ts";
import { describeServices, describeTaskDefinition, describeTasks, listTasks } from "./fixtures.ts";
import { round } from "./lib/stats.ts";

/** The approximation used throughout: one token per 4 bytes of UTF-8 (no tokenizer dependency). */
export const tokens = (text: string): number => Math.ceil(Buffer.byteLength(text, "utf8") / 4);

/** AWS's JSON wire form: timestamps as epoch seconds, as the ECS API sends them. */
const wireJson = (value: unknown): string =>
  JSON.stringify(value, function (this: Record<string, unknown>, key) {
    const v = this[key];
    return v instanceof Date ? v.getTime() / 1000 : v;
  });

export interface SizeCase {
  operation: string;
  raw_tokens: number;
  ours_tokens: number;
  ratio: number;
}

const CASES: { operation: string; params: Record<string, unknown>; output: () => Record<string, unknown> }[] = [
  { operation: "DescribeServices", params: { cluster: "default", services: ["web"] }, output: describeServices },
  {
    operation: "DescribeTasks",
    params: { cluster: "default", tasks: ["t1", "t2", "t3", "t4", "t5"] },
    output: () => describeTasks(5),
  },
  { operation: "DescribeTaskDefinition", params: { taskDefinition: "web:42" }, output: describeTaskDefinition },
  { operation: "ListTasks", params: { cluster: "default" }, output: () => listTasks(50) },
  { operation: "DescribeClusters", params: { clusters: ["default", "prod"] }, output: describeClustersRaw },
];

/** Measures each case through ecs_resource_management (sensitive data allowed, so nothing is removed by redaction). */
export const responseSize = async (): Promise<SizeCase[]> => {
  const fake = await startFakeAws();
  const a = createEcsAssistant({
    policy: { allowSensitiveData: true },
    aws: {
      ...fakeAwsOptions(fake),
    },
  });
  const rows: SizeCase[] = [];
  try {
    for (const c of CASES) {
      const output = c.output();
      fake.onUntyped("ecs", c.operation, output);
      const r = await a.callTool("ecs_resource_management", { api_operation: c.operation, api_params: c.params });
      if (r.isErr()) {
        rows.push({
          operation: `${c.operation} (error: ${r.error.kind})`,
          raw_tokens: tokens(wireJson(output)),
          ours_tokens: Number.NaN,
          ratio: Number.NaN,
        });
        continue;
      }
      const raw = tokens(wireJson(output));
      const ours = tokens(JSON.stringify(r.value.value));
      rows.push({ operation: c.operation, raw_tokens: raw, ours_tokens: ours, ratio: round(ours / raw, 2) });
    }
  } finally {
    a.close();
    await fake.close();
  }
  const ok = rows.filter((r) => Number.isFinite(r.ours_tokens));
  const raw = ok.reduce((n, r) => n + r.raw_tokens, 0);
  const ours = ok.reduce((n, r) => n + r.ours_tokens, 0);
  rows.push({ operation: "ALL (sum)", raw_tokens: raw, ours_tokens: ours, ratio: round(ours / raw, 2) });
  return rows;
};
