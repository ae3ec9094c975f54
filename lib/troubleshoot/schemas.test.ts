// The troubleshooting actions refuse names and ARNs AWS cannot take, quoting only a short prefix of the value.
import { describe, expect, test } from "bun:test";
import { parseInput } from "../validate.ts";
import { ACTION_PARAMS } from "./schemas.ts";

const issuesOf = (action: keyof typeof ACTION_PARAMS, parameters: Record<string, unknown>) => {
  const r = parseInput(ACTION_PARAMS[action], parameters, "parameters");
  return r.isErr() && r.error.kind === "validation" ? r.error.issues : [];
};

describe("troubleshooting names", () => {
  test("a 1 MB cluster or service name is refused with a short prefix", () => {
    const huge = "c".repeat(1_048_576);
    for (const key of ["ecs_cluster_name", "ecs_service_name"]) {
      const issues = issuesOf("fetch_service_events", { ecs_service_name: "api", [key]: huge });
      expect(issues.map((i) => i.path)).toEqual([`parameters.${key}`]);
      expect(JSON.stringify(issues).length).toBeLessThan(1_000);
      expect(issues[0]!.message).toMatch(/up to 255 letters/);
    }
  });

  test("names and ARNs AWS takes pass", () => {
    expect(issuesOf("fetch_service_events", { ecs_cluster_name: "web_1", ecs_service_name: "a".repeat(255) })).toEqual(
      [],
    );
    expect(
      issuesOf("fetch_service_events", { ecs_service_name: "arn:aws:ecs:us-east-1:123456789012:service/web/api" }),
    ).toEqual([]);
    expect(issuesOf("fetch_cloudformation_status", { cfn_stack_name: "api-stack" })).toEqual([]);
    expect(
      issuesOf("fetch_cloudformation_status", {
        cfn_stack_name:
          "arn:aws:cloudformation:us-east-1:123456789012:stack/api-stack/1b2c3d4e-5f60-7a8b-9c0d-1e2f3a4b5c6d",
      }),
    ).toEqual([]);
    expect(
      issuesOf("fetch_task_logs", { ecs_cluster_name: "web", ecs_task_id: "8f2d1c0b9a7e4d3c8b1a0f9e8d7c6b5a" }),
    ).toEqual([]);
  });

  test("names AWS refuses are refused before any call", () => {
    expect(issuesOf("fetch_service_events", { ecs_service_name: "a".repeat(256) })).toHaveLength(1);
    expect(issuesOf("fetch_service_events", { ecs_service_name: "my service" })).toHaveLength(1);
    // A stack name starts with a letter and has at most 128 letters, digits and hyphens (CreateStack StackName).
    for (const bad of ["1stack", "api_stack", `a${"b".repeat(128)}`])
      expect(issuesOf("fetch_cloudformation_status", { cfn_stack_name: bad }).map((i) => i.path)).toEqual([
        "parameters.cfn_stack_name",
      ]);
    expect(issuesOf("detect_image_pull_failures", { family_prefix: "my/app" })).toHaveLength(1);
    // A cn- region ARN in the aws partition names nothing.
    expect(
      issuesOf("fetch_service_events", { ecs_service_name: "arn:aws:ecs:cn-north-1:123456789012:service/web/api" })[0]
        ?.message,
    ).toMatch(/partition/);
  });
});
