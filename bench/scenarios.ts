// Round-trip scenarios for bench/roundTrips.ts: fake AWS answers plus the library call to time.
import type { EcsAssistant } from "../lib/index.ts";
import { installScenario, loadScenario } from "../test/fixtures/troubleshoot/loadScenario.ts";
import { ACCOUNT, goodRoles } from "../test/support/express/fakeExpress.ts";
import type { FakeAws } from "../test/support/fakeAws.ts";
import { describeTasks } from "./fixtures.ts";

export interface Scenario {
  readonly name: string;
  /** Tool the scenario needs; skipped when absent. */
  readonly tool?: string;
  setup(fake: FakeAws): void;
  /** Runs the work; resolves true when it succeeded. */
  run(a: EcsAssistant): Promise<boolean>;
}

const TASKS = 500;
const taskArn = (i: number) => `arn:aws:ecs:us-east-1:123456789012:task/default/${i.toString(16).padStart(32, "0")}`;

/** ListTasks pages of 100 and DescribeTasks per batch of 100 ARNs. */
const taskFleet = (fake: FakeAws) => {
  fake.on("ecs", "ListTasks", (input) => {
    const start = input.nextToken ? Number(input.nextToken) : 0;
    const size = Math.min(Number(input.maxResults ?? 100), 100);
    const end = Math.min(TASKS, start + size);
    return {
      taskArns: Array.from({ length: end - start }, (_, i) => taskArn(start + i)),
      ...(end < TASKS ? { nextToken: String(end) } : {}),
    };
  });
  fake.on("ecs", "DescribeTasks", (input) => {
    const base = describeTasks(1).tasks[0]!;
    return { tasks: (input.tasks as string[]).map((arn) => ({ ...base, taskArn: arn })), failures: [] };
  });
};

/** A troubleshooting fixture scenario run through one action of ecs_troubleshooting_tool. */
const troubleshoot = (fixture: string, action: string, params?: Record<string, unknown>): Scenario => {
  const scenario = loadScenario(fixture);
  return {
    name: `${action} (${fixture})`,
    tool: "ecs_troubleshooting_tool",
    setup: (fake) => {
      installScenario(fake, scenario);
    },
    run: async (a) =>
      (await a.callTool("ecs_troubleshooting_tool", { action, parameters: params ?? scenario.params })).isOk(),
  };
};

const serviceArn = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/shop`;

/** Valid roles and an existing image: STS, two roles with their policies, and ECR. */
const prerequisites: Scenario = {
  name: "validate_ecs_express_mode_prerequisites",
  tool: "validate_ecs_express_mode_prerequisites",
  setup: (fake) => {
    goodRoles(fake);
    fake.on("ecr", "DescribeImages", {
      imageDetails: [
        { repositoryName: "shop-repo", imageTags: ["v1"], imageDigest: "sha256:ab", imagePushedAt: new Date() },
      ],
    });
  },
  run: async (a) => {
    const r = await a.callTool("validate_ecs_express_mode_prerequisites", {
      image_uri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/shop-repo:v1`,
    });
    return r.isOk() && (r.value.value as { valid?: boolean }).valid === true;
  },
};

/** A ready Express service: one poll (service, its Express URL, its tasks). */
const waitOnePoll: Scenario = {
  name: "wait_for_service_ready (one poll)",
  tool: "wait_for_service_ready",
  setup: (fake) => {
    fake.on("ecs", "DescribeServices", {
      services: [
        {
          serviceArn,
          serviceName: "shop",
          status: "ACTIVE",
          desiredCount: 2,
          runningCount: 2,
          pendingCount: 0,
          deployments: [{ id: "d1", status: "PRIMARY", rolloutState: "COMPLETED", failedTasks: 0 }],
        },
      ],
    });
    fake.on("ecs", "DescribeExpressGatewayService", {
      service: {
        serviceArn,
        activeConfigurations: [{ ingressPaths: [{ accessType: "PUBLIC", endpoint: "sh-1.ecs.us-east-1.on.aws" }] }],
      },
    });
    fake.on("ecs", "ListTasks", { taskArns: [] });
  },
  run: async (a) => {
    const r = await a.callTool("wait_for_service_ready", { cluster: "default", service_name: "shop" });
    return r.isOk() && (r.value.value as { status?: string }).status === "success";
  },
};

export const SCENARIOS: readonly Scenario[] = [
  prerequisites,
  waitOnePoll,
  troubleshoot("image-tag-missing", "diagnose"),
  troubleshoot("oom-killed", "fetch_task_failures", { ecs_cluster_name: "prod" }),
  {
    name: `ListTasks + DescribeTasks over ${TASKS} tasks (fetch_task_failures)`,
    tool: "ecs_troubleshooting_tool",
    setup: (fake) => {
      taskFleet(fake);
      fake.on("ecs", "DescribeClusters", {
        clusters: [{ clusterName: "default", status: "ACTIVE", runningTasksCount: 0 }],
      });
    },
    run: async (a) => {
      const r = await a.callTool("ecs_troubleshooting_tool", {
        action: "fetch_task_failures",
        parameters: { ecs_cluster_name: "default" },
      });
      return r.isOk() && (r.value.value as { cluster_exists?: boolean }).cluster_exists === true;
    },
  },
];
