import { describe, expect, test } from "bun:test";
import { redact, redactText } from "./redact.ts";

describe("redact", () => {
  test("environment values and secret references are replaced, names kept", () => {
    const td = {
      taskDefinition: {
        containerDefinitions: [
          {
            name: "web",
            environment: [
              { name: "DB_PASSWORD", value: "hunter2" },
              { name: "PORT", value: "8080" },
            ],
            secrets: [{ name: "API_KEY", valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:x" }],
          },
        ],
      },
    };
    const { value, report } = redact(td);
    const c = value.taskDefinition.containerDefinitions[0]!;
    expect(c.environment).toEqual([
      { name: "DB_PASSWORD", value: "[REDACTED]" },
      { name: "PORT", value: "[REDACTED]" },
    ]);
    expect(c.secrets[0]).toEqual({ name: "API_KEY", valueFrom: "[REDACTED]" });
    expect(report.count).toBe(3);
    expect(td.taskDefinition.containerDefinitions[0]!.environment[0]!.value).toBe("hunter2"); // input untouched
  });

  test("credential-looking text is replaced anywhere", () => {
    const cases: [string, string][] = [
      ["key AKIAIOSFODNN7EXAMPLE used", "AKIAIOSFODNN7EXAMPLE"],
      ["postgres://admin:s3cr3t@db.example.com/app", "s3cr3t"],
      ["Authorization: Bearer abcdefghijklmnop.qrs", "abcdefghijklmnop"],
      ["DB_PASSWORD=hunter22 started", "hunter22"],
      ["-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA"],
      ["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"],
    ];
    for (const [text, secret] of cases) {
      const r = redactText(text);
      expect(r.text).not.toContain(secret);
      expect(r.count).toBeGreaterThan(0);
    }
  });

  test("ARNs, account ids and ordinary text survive", () => {
    const arn = "arn:aws:ecs:us-east-1:123456789012:cluster/default";
    expect(redactText(arn)).toEqual({ text: arn, count: 0 });
    const { value } = redact({ clusterArn: arn, status: "ACTIVE", taskRoleArn: arn, runningTasksCount: 3 });
    expect(value).toEqual({ clusterArn: arn, status: "ACTIVE", taskRoleArn: arn, runningTasksCount: 3 });
  });

  test("keys that name secrets have their string values replaced", () => {
    const { value } = redact({ authorizationToken: "QVdTOnNlY3JldA==", proxyEndpoint: "https://x" });
    expect(value).toEqual({ authorizationToken: "[REDACTED]", proxyEndpoint: "https://x" });
  });
  test("what env/secret entries share in a compact result (<list>_shared) is redacted too", () => {
    const { value, report } = redact({
      environment_shared: { value: "hunter2-everywhere" },
      environment: [{ name: "A" }, { name: "B" }],
      secrets_shared: { valueFrom: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db" },
    });
    expect(value).toEqual({
      environment_shared: { value: "[REDACTED]" },
      environment: [{ name: "A" }, { name: "B" }],
      secrets_shared: { valueFrom: "[REDACTED]" },
    });
    expect(report.count).toBe(2);
  });
  test("log driver secretOptions are secret references like secrets[].valueFrom", () => {
    const ref = "arn:aws:ssm:us-east-1:123456789012:parameter/splunk-hec";
    const { value } = redact({ logConfiguration: { secretOptions: [{ name: "splunk-token", valueFrom: ref }] } });
    expect(JSON.stringify(value)).not.toContain(ref);
    expect(JSON.stringify(value)).toContain("splunk-token");
  });
});
