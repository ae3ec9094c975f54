// The public API is deliberate: this list changes only on purpose.
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as api from "../lib/index.ts";

test("runtime exports of lib/index.ts", () => {
  expect(Object.keys(api).sort()).toEqual(
    [
      "ALL_TOOLS",
      "agentCall",
      "isAgentToolError",
      "runOpenAiFunctionCalls",
      "runOpenAiToolCalls",
      "toAiSdkTools",
      "toLangChainTools",
      "toOpenAiResponsesTools",
      "toOpenAiTools",
      "CAPABILITIES",
      "CATALOGUE",
      "KNOWLEDGE_DEFAULT_URL",
      "isRemoteToolResult",
      "remoteCallResult",
      "COMMIT",
      "DEFAULT_POLICY",
      "ENDPOINT_ENV_SUFFIX",
      "SERVICE_NAMES",
      "VERSION",
      "createEcsAssistant",
      "createFileAuditSink",
      "createPolicy",
      "detectImagePullFailures",
      "diagnose",
      "fetchCloudformationStatus",
      "fetchNetworkConfiguration",
      "fetchServiceEvents",
      "fetchServiceMetrics",
      "fetchTaskFailures",
      "fetchTaskLogs",
      "getEcsTroubleshootingGuidance",
      "iamPolicyFor",
      "jsonSchemaOf",
      "narrowPolicy",
      "publicError",
      "redact",
      "redactText",
      "selectTools",
      "silentLogger",
      "toolSpecs",
    ].sort(),
  );
});

test("VERSION matches package.json", () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dir, "..", "package.json"), "utf8"));
  expect(api.VERSION).toBe(pkg.version);
});

test("creating an assistant loads no AWS SDK client", () => {
  const a = api.createEcsAssistant();
  expect(a.loadedServices()).toEqual([]);
  expect(a.listTools().length).toBeGreaterThan(0);
  expect(a.loadedServices()).toEqual([]);
});
