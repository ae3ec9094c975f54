// Diagnoses one ECS service in one call and prints the ranked findings: cause, evidence, fix.
import { createEcsAssistant } from "../../lib/index.ts"; // in your project: from "ecs-assistant"

const [cluster, service] = process.argv.slice(2);
if (!cluster || !service) {
  console.error("usage: diagnose-service <cluster> <service>");
  process.exit(2);
}

const assistant = createEcsAssistant({
  // Read-only is the default; allowSensitiveData would show log lines and environment values unredacted.
  policy: { allowSensitiveData: false },
  aws: {
    region: process.env.AWS_REGION ?? "us-east-1",
    profile: process.env.AWS_PROFILE,
    endpoints: process.env.AWS_ENDPOINT_URL ? { default: process.env.AWS_ENDPOINT_URL } : {},
  },
});

const result = await assistant.ecsTroubleshootingTool({
  action: "diagnose",
  parameters: { ecs_cluster_name: cluster, ecs_service_name: service, time_window: 3600 },
});
assistant.close();

result.match(
  (d) => {
    if (!("summary" in d)) return;
    console.log(d.summary);
    for (const f of d.findings.slice(0, 5)) {
      console.log(`\n[${Math.round(f.likelihood * 100)}%] ${f.title} (${f.id})`);
      for (const e of f.evidence.slice(0, 3)) console.log(`  evidence (${e.source}): ${e.text}`);
      console.log(`  fix: ${f.fix}`);
    }
  },
  (e) => {
    console.error(`${e.kind}: ${e.message}\nhint: ${e.hint}`);
    process.exitCode = 1;
  },
);
