// Runs against production with a policy that can only read: writes are refused before any AWS call, secrets stay redacted.
import { createEcsAssistant, createPolicy, toOpenAiTools } from "../../lib/index.ts"; // in your project: from "ecs-assistant"

// Frozen; these are also the defaults, spelled out here so a reviewer sees them.
const production = createPolicy({
  allowWrite: false,
  allowSensitiveData: false,
  denyOperations: ["delete_app", "DeleteCluster", "DeleteService"], // refused even if someone flips allowWrite
});

const aws = {
  region: process.env.AWS_REGION ?? "us-east-1",
  profile: process.env.AWS_PROFILE ?? "prod-readonly",
  endpoints: process.env.AWS_ENDPOINT_URL ? { default: process.env.AWS_ENDPOINT_URL } : {},
};

const assistant = createEcsAssistant({
  policy: production,
  aws,
});

console.log(
  `policy: allowWrite=${assistant.policy.allowWrite} allowSensitiveData=${assistant.policy.allowSensitiveData}`,
);
// To hand an agent only the tools that never change anything: the readOnly filter (here as OpenAI specs).
const readOnlySpecs = toOpenAiTools(assistant, { filter: { readOnly: true } });
console.log(`read-only tools for an agent: ${readOnlySpecs.map((t) => t.function.name).join(", ")}`);

// Reads work.
const clusters = await assistant.callTool("ecs_resource_management", { api_operation: "ListClusters" });
clusters.match(
  (r) => console.log(`read ok: ${((r.value as { clusterArns?: string[] }).clusterArns ?? []).length} clusters`),
  (e) => console.log(`read failed: ${e.kind}: ${e.message}`),
);

// A write is refused by the policy, before any request reaches AWS.
const write = await assistant.callTool("ecs_resource_management", {
  api_operation: "CreateCluster",
  api_params: { clusterName: "should-not-exist" },
});
write.match(
  () => console.log("write ran (unexpected!)"),
  (e) => console.log(`write refused: ${e.kind}${e.kind === "policy_denied" ? ` (${e.gate} gate)` : ""}: ${e.hint}`),
);

// Sensitive output is redacted: task definition environment values come back as [REDACTED].
const td = await assistant.callTool("ecs_resource_management", {
  api_operation: "DescribeTaskDefinition",
  api_params: { taskDefinition: process.env.TASK_DEFINITION ?? "web:1" },
});
td.match(
  (r) => console.log(`task definition read, ${r.redactions} sensitive values redacted`),
  (e) => console.log(`task definition: ${e.kind}: ${e.message}`),
);
assistant.close();
