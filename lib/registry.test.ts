import { describe, expect, test } from "bun:test";
import { errAsync, ok, okAsync } from "neverthrow";
import * as v from "valibot";
import { defineTool } from "./defineTool.ts";
import { ecsError } from "./errors.ts";
import { silentLogger } from "./log.ts";
import { createPolicy } from "./policy.ts";
import { invokeTool } from "./registry.ts";
import type { ToolContext } from "./tool.ts";

const ctx = (allowWrite: boolean): ToolContext => ({
  aws: (() => errAsync(ecsError("internal", { message: "no AWS here", hint: "" }))) as unknown as ToolContext["aws"],
  policy: createPolicy({ allowWrite }),
  log: silentLogger,
  progress: () => {},
});

describe("invokeTool: dry runs", () => {
  test("a tool that does not declare dry_run (free-form input) cannot pass the write gate with dry_run: true", async () => {
    const runs: unknown[] = [];
    const tool = defineTool({
      name: "remote_write",
      title: "A write whose input is passed through",
      description: "",
      input: v.looseObject({}),
      output: v.object({ done: v.boolean() }),
      access: { upTo: "destructive", of: () => ok({ name: "remote_write", access: "destructive", sensitive: false }) },
      iamActions: { read: [] },
      run: (input) => {
        runs.push(input);
        return okAsync({ done: true });
      },
    });
    const r = await invokeTool(tool, { dry_run: true, cluster: "prod" }, ctx(false));
    expect(r._unsafeUnwrapErr()).toMatchObject({ kind: "policy_denied", gate: "write" });
    expect(runs).toHaveLength(0);
  });

  test("a tool that declares dry_run plans with writes off", async () => {
    const tool = defineTool({
      name: "planner",
      title: "Plans",
      description: "",
      input: v.strictObject({ dry_run: v.optional(v.boolean()) }),
      output: v.object({ planned: v.boolean() }),
      access: "write",
      dryRun: true,
      iamActions: { read: [] },
      run: (input) => okAsync({ planned: input.dry_run === true }),
    });
    expect((await invokeTool(tool, { dry_run: true }, ctx(false)))._unsafeUnwrap().value).toEqual({ planned: true });
    expect((await invokeTool(tool, {}, ctx(false)))._unsafeUnwrapErr()).toMatchObject({ gate: "write" });
  });
});

describe("invokeTool: errors", () => {
  const failing = defineTool({
    name: "echoes_input_in_error",
    title: "Fails with an AWS message that echoes a secret",
    description: "",
    input: v.object({}),
    output: v.object({}),
    access: "read",
    iamActions: { read: [] },
    run: () =>
      errAsync(
        ecsError("aws", {
          service: "ecs",
          operation: "RegisterTaskDefinition",
          code: "ClientException",
          retryable: false,
          message: "Invalid value postgres://admin:hunter2secret@db.internal/app for DATABASE_URL",
          hint: "check DB_PASSWORD=hunter2secret",
        }),
      ),
  });

  test("credential-looking text in error messages and hints is scrubbed unless sensitive data is allowed", async () => {
    const e = (await invokeTool(failing, {}, ctx(false)))._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "aws", code: "ClientException" });
    expect(`${e.message} ${e.hint}`).not.toContain("hunter2secret");
    const allowed = (
      await invokeTool(failing, {}, { ...ctx(false), policy: createPolicy({ allowSensitiveData: true }) })
    )._unsafeUnwrapErr();
    expect(allowed.message).toContain("hunter2secret");
  });
});
