// Memory under use: RSS after start-up, after a warm-up, and after N tool calls, ours vs the minimal SDK server.
import { baselineBinary, ourBinary } from "./lib/build.ts";
import { serverEnv, startBenchAws } from "./lib/fakeEnv.ts";
import { round } from "./lib/stats.ts";
import { INIT_PARAMS, spawnStdio } from "./lib/stdioClient.ts";

export interface MemoryResult {
  calls: number;
  ours_idle_mb: number;
  ours_warm_mb: number;
  ours_after_mb: number;
  ours_growth_2nd_half_mb: number;
  minimal_idle_mb: number;
  minimal_after_mb: number;
  minimal_growth_2nd_half_mb: number;
  errors: number;
}

/** Runs `calls` tool calls (10 in flight) and samples RSS; growth is measured over the second half (after warm-up,
 * once the AWS SDK is loaded and the JIT and heap have settled). */
const drive = async (
  bin: string,
  env: Record<string, string>,
  calls: number,
  call: { name: string; arguments: object },
) => {
  const peer = spawnStdio(bin, [], env);
  await peer.request("initialize", INIT_PARAMS);
  peer.notify("notifications/initialized");
  await peer.request("tools/list");
  const idle = peer.rssKb();
  let errors = 0;
  let warm = idle;
  const warmup = Math.max(10, Math.floor(calls / 20) * 10);
  for (let done = 0; done < calls; done += 10) {
    const batch = await Promise.all(Array.from({ length: 10 }, () => peer.request("tools/call", call)));
    errors += batch.filter(
      (r) => (r as { isError?: boolean; error?: unknown }).isError || (r as { error?: unknown }).error,
    ).length;
    if (done + 10 === warmup) warm = peer.rssKb();
  }
  const after = peer.rssKb();
  await peer.close();
  return { idle, warm, after, errors };
};

export const memory = async (calls: number): Promise<MemoryResult> => {
  const fake = await startBenchAws();
  try {
    const ours = await drive(ourBinary(), serverEnv(fake), calls, {
      name: "ecs_resource_management",
      arguments: { api_operation: "DescribeClusters", api_params: { clusters: ["default"] } },
    });
    const min = await drive(baselineBinary("minimalServer"), serverEnv(fake), calls, {
      name: "echo",
      arguments: { text: "hello" },
    });
    const mb = (kb: number) => round(kb / 1024);
    return {
      calls,
      ours_idle_mb: mb(ours.idle),
      ours_warm_mb: mb(ours.warm),
      ours_after_mb: mb(ours.after),
      ours_growth_2nd_half_mb: mb(ours.after - ours.warm),
      minimal_idle_mb: mb(min.idle),
      minimal_after_mb: mb(min.after),
      minimal_growth_2nd_half_mb: mb(min.after - min.warm),
      errors: ours.errors + min.errors,
    };
  } finally {
    await fake.close();
  }
};
