// The catalogue against the reference allow-list and the installed AWS SDK (commands, paginators, generated shapes).
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { generate } from "../../scripts/generateOperationShapes.ts";
import { CATALOGUE, findOperation } from "./catalogue.ts";
import { PAGINATION } from "./generated/pagination.ts";
import { SHAPES } from "./generated/shapes.ts";

/** The reference server's allow-list (spec §9.1), 65 operations. */
const REFERENCE = `DescribeCapacityProviders DescribeClusters DescribeContainerInstances DescribeExpressGatewayService
DescribeServiceDeployments DescribeServiceRevisions DescribeServices DescribeTaskDefinition DescribeTasks DescribeTaskSets
ListAccountSettings ListAttributes ListClusters ListContainerInstances ListExpressGatewayServices ListServiceDeployments
ListServices ListServicesByNamespace ListTagsForResource ListTaskDefinitionFamilies ListTaskDefinitions ListTasks
CreateCapacityProvider CreateCluster CreateExpressGatewayService CreateService CreateTaskSet DeleteAccountSetting
DeleteAttributes DeleteCapacityProvider DeleteCluster DeleteExpressGatewayService DeleteService DeleteTaskDefinitions
DeleteTaskSet DeregisterContainerInstance DeregisterTaskDefinition DiscoverPollEndpoint ExecuteCommand GetTaskProtection
PutAccountSetting PutAccountSettingDefault PutAttributes PutClusterCapacityProviders RegisterContainerInstance
RegisterTaskDefinition RunTask StartTask StopServiceDeployment StopTask SubmitAttachmentStateChanges
SubmitContainerStateChange SubmitTaskStateChange TagResource UntagResource UpdateCapacityProvider UpdateCluster
UpdateClusterSettings UpdateContainerAgent UpdateContainerInstancesState UpdateExpressGatewayService UpdateService
UpdateServicePrimaryTaskSet UpdateTaskProtection UpdateTaskSet`.split(/\s+/);

const ECR_PROMISED =
  `DescribeRepositories DescribeImages ListImages BatchGetImage DescribeImageScanFindings GetLifecyclePolicy
ListTagsForResource CreateRepository DeleteRepository BatchDeleteImage PutLifecyclePolicy TagResource UntagResource`
    .split(/\s+/)
    .map((n) => `ecr:${n}`);

const require_ = createRequire(import.meta.url);

describe("catalogue", () => {
  test("holds all 65 reference operations and the ECR operations the reference README promises", () => {
    expect(REFERENCE).toHaveLength(65);
    for (const name of [...REFERENCE, ...ECR_PROMISED]) expect(findOperation(name)?.name).toBe(name);
  });

  test("names are unique; ecs: prefixed names resolve to the plain ones", () => {
    expect(new Set(CATALOGUE.map((e) => e.name)).size).toBe(CATALOGUE.length);
    expect(findOperation("ecs:ListClusters")?.name).toBe("ListClusters");
    expect(findOperation("TagResource")?.service).toBe("ecs");
    expect(findOperation("ecr:TagResource")?.service).toBe("ecr");
  });

  test("classified by effect, not by name prefix", () => {
    const access = (n: string) => findOperation(n)?.access;
    expect(access("GetTaskProtection")).toBe("read");
    expect(access("DeleteCluster")).toBe("destructive");
    expect(access("StopTask")).toBe("destructive");
    expect(access("ecr:BatchDeleteImage")).toBe("destructive");
    expect(access("ecr:BatchGetImage")).toBe("read");
    const agentOnly = CATALOGUE.filter((e) => e.agentOnly).map((e) => e.name);
    expect(agentOnly.sort()).toEqual(
      [
        "DiscoverPollEndpoint",
        "RegisterContainerInstance",
        "SubmitAttachmentStateChanges",
        "SubmitContainerStateChange",
        "SubmitTaskStateChange",
        "UpdateContainerAgent",
      ].sort(),
    );
  });

  test("results that can hold secrets are marked sensitive", () => {
    for (const n of [
      "DescribeTaskDefinition",
      "DescribeTasks",
      "RegisterTaskDefinition",
      "DescribeExpressGatewayService",
      "ListExpressGatewayServices",
      "ExecuteCommand",
      "ecr:BatchGetImage",
    ])
      expect(findOperation(n)?.sensitive).toBe(true);
    expect(findOperation("ListClusters")?.sensitive).toBe(false);
  });

  test("every non-virtual entry is a command of the installed SDK", () => {
    for (const e of CATALOGUE.filter((x) => !x.virtual)) {
      const mod = require_(`@aws-sdk/client-${e.service}`) as Record<string, unknown>;
      expect(typeof mod[`${e.command}Command`]).toBe("function");
    }
  });

  test("every SDK paginator of a catalogue operation is reflected in its pagination", () => {
    for (const service of ["ecs", "ecr"] as const) {
      const dir = join(dirname(require_.resolve(`@aws-sdk/client-${service}/package.json`)), "dist-es", "pagination");
      for (const f of readdirSync(dir).filter((x) => x.endsWith("Paginator.js"))) {
        const command = f.replace("Paginator.js", "");
        const entry = CATALOGUE.find((e) => e.service === service && e.command === command);
        if (!entry) continue;
        expect(entry.paginate).toBeDefined();
        expect(readFileSync(join(dir, f), "utf8")).toContain(`"${entry.paginate!.inputToken}"`);
      }
    }
    expect(findOperation("ListTasks")?.paginate).toMatchObject({ items: "taskArns", maxPageSize: 100 });
  });

  test("the generated shapes and pagination match the installed SDK (run scripts/generateOperationShapes.ts)", () => {
    const fresh = generate();
    expect(fresh.shapes).toEqual(SHAPES);
    expect(fresh.pagination).toEqual(PAGINATION as typeof fresh.pagination);
  });
});
