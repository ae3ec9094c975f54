// Starts the loopback fake AWS endpoint with realistic answers for the benchmarks, and the env pointing a server at it.
import { type FakeAws, startFakeAws } from "../../test/support/fakeAws.ts";

/** A fake AWS with a few read operations answered. */
export const startBenchAws = async (latencyMs = 0): Promise<FakeAws> => {
  const fake = await startFakeAws({ latencyMs });
  fake.on("ecs", "ListClusters", {
    clusterArns: [
      "arn:aws:ecs:us-east-1:123456789012:cluster/default",
      "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
    ],
  });
  fake.on("ecs", "DescribeClusters", (input) => ({
    clusters: ((input.clusters as string[]) ?? ["default"]).map((c) => ({
      clusterArn: `arn:aws:ecs:us-east-1:123456789012:cluster/${c}`,
      clusterName: c,
      status: "ACTIVE",
      runningTasksCount: 3,
      pendingTasksCount: 0,
      activeServicesCount: 2,
      registeredContainerInstancesCount: 0,
    })),
    failures: [],
  }));
  return fake;
};

/** Environment for a server process that talks to the fake (fake credentials, no real AWS). */
export const serverEnv = (fake: FakeAws): Record<string, string> => ({
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: process.env.HOME ?? "/tmp",
  AWS_REGION: "us-east-1",
  AWS_ENDPOINT_URL: fake.url,
  AWS_ACCESS_KEY_ID: "AKIDFAKE",
  AWS_SECRET_ACCESS_KEY: "fake",
  AWS_EC2_METADATA_DISABLED: "true",
  FASTMCP_LOG_LEVEL: "ERROR",
});
