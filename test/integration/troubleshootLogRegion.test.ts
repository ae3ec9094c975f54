// fetch_task_logs reads a log group in the region its awslogs driver names, not the cluster's.
import { expect, test } from "bun:test";
import { fetchTaskLogs } from "../../lib/index.ts";
import { installScenario, loadScenario } from "../fixtures/troubleshoot/loadScenario.ts";
import { fakeAssistant, useFakeAws } from "../support/useFakeAws.ts";

const fake = useFakeAws({ resetEachTest: false });

test("awslogs-region eu-west-1: FilterLogEvents is signed for eu-west-1", async () => {
  const s = loadScenario("healthy");
  const td = JSON.parse(JSON.stringify(s.aws.ecs!.DescribeTaskDefinition)) as {
    taskDefinition: { containerDefinitions: { logConfiguration?: { options?: Record<string, string> } }[] };
  };
  for (const c of td.taskDefinition.containerDefinitions)
    if (c.logConfiguration?.options) c.logConfiguration.options["awslogs-region"] = "eu-west-1";
  installScenario(fake, { ...s, aws: { ...s.aws, ecs: { ...s.aws.ecs, DescribeTaskDefinition: td } } });
  const regions: string[] = [];
  fake.on("logs", "FilterLogEvents", (_i, ctx) => {
    regions.push(/Credential=[^/]+\/\d+\/([a-z0-9-]+)\//.exec(String(ctx.headers.authorization))?.[1] ?? "?");
    return { events: [] };
  });
  const a = fakeAssistant(fake);
  (await fetchTaskLogs(a, { ecs_cluster_name: "web", ecs_service_name: "api" } as never))._unsafeUnwrap();
  expect(regions.length).toBeGreaterThan(0);
  expect(new Set(regions)).toEqual(new Set(["eu-west-1"]));
});
