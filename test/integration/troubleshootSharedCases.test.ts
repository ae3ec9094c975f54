// Shared cases 01, 02 and 08 through the other actions (fetch_task_failures, detect_image_pull_failures,
// fetch_network_configuration), and stopped tasks without stoppedAt (issue 14): same facts as diagnose states.
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import {
  createEcsAssistant,
  detectImagePullFailures,
  diagnose,
  fetchNetworkConfiguration,
  fetchTaskFailures,
} from "../../lib/index.ts";
import { installScenario, loadScenario } from "../fixtures/troubleshoot/loadScenario.ts";
import { fakeAwsOptions } from "../support/clients.ts";
import { type FakeAws, startFakeAws } from "../support/fakeAws.ts";

let fake: FakeAws;
const assistant = () => createEcsAssistant({ policy: {}, aws: { ...fakeAwsOptions(fake), maxAttempts: 1 } });
const web = { ecs_cluster_name: "web", ecs_service_name: "api" };

beforeAll(async () => {
  fake = await startFakeAws();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

test("case 01: fetch_task_failures names the env file and the execution role; detect_image_pull_failures sees no image problem", async () => {
  installScenario(fake, loadScenario("env-file-s3-access-denied"));
  const r = (await fetchTaskFailures(assistant(), web))._unsafeUnwrap();
  expect(r.failure_categories.env_file_access_denied?.length).toBe(3);
  expect(r.findings[0]?.fix).toContain("s3:GetObject on arn:aws:s3:::my-app-config/prod/app.env");
  expect(r.findings[0]?.fix).toContain("arn:aws:iam::123456789012:role/api-execution");
  const img = (await detectImagePullFailures(assistant(), web))._unsafeUnwrap();
  expect(img.findings).toEqual([]);
  expect(JSON.stringify(img)).not.toContain("registry_auth_failed");
});

test("case 02: the invalid SSM name is stated by fetch_task_failures too, located in secretOptions", async () => {
  installScenario(fake, loadScenario("ssm-parameter-invalid-name"));
  const r = (await fetchTaskFailures(assistant(), web))._unsafeUnwrap();
  expect(r.findings[0]?.id).toBe("secret_reference_invalid");
  expect(r.findings[0]?.explanation).toContain("logConfiguration.secretOptions");
});

test("case 08: fetch_network_configuration shows the local-only main route table and no endpoints", async () => {
  installScenario(fake, loadScenario("ssm-fetch-timeout-no-route"));
  const net = JSON.stringify((await fetchNetworkConfiguration(assistant(), web))._unsafeUnwrap());
  expect(net).toContain("rtb-0main0000000000001");
  expect(net).toContain("subnet_no_internet_route");
  const d = (await diagnose(assistant(), web))._unsafeUnwrap();
  const route = d.findings.find((f) => f.id === "subnet_no_internet_route");
  expect(route?.explanation).toContain("10.0.0.0/16 → local");
  expect(route?.explanation).toContain("no VPC endpoints");
  expect(route?.fix).toContain("com.amazonaws.us-east-1.ssm");
});

test("stopped tasks without stoppedAt are kept by fetch_task_failures, one with no time at all says so", async () => {
  installScenario(fake, loadScenario("stopped-task-without-stoppedAt"));
  const r = (await fetchTaskFailures(assistant(), web))._unsafeUnwrap();
  expect(r.failed_tasks).toHaveLength(3);
  expect(r.failed_tasks.map((t) => t.stopped_at_source).sort()).toEqual(["stoppingAt", "stoppingAt", "unknown"]);
  expect(r.message).toContain("1 with no stop time");
  expect(r.findings[0]?.id).toBe("image_not_found");
});

test("diagnose stays within three rounds of AWS calls on the new scenarios", async () => {
  for (const name of ["env-file-s3-access-denied", "nextjs-container-health-hostname", "task-role-missing"]) {
    fake.reset();
    installScenario(fake, loadScenario(name));
    const d = (await diagnose(assistant(), web))._unsafeUnwrap();
    expect(d.aws_calls.critical_path).toBeLessThanOrEqual(3);
  }
});
