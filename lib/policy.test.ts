import { describe, expect, test } from "bun:test";
import { checkAccess, createPolicy, DEFAULT_POLICY, narrowPolicy } from "./policy.ts";

describe("policy", () => {
  test("defaults are read-only, no sensitive data, confirm destructive; frozen", () => {
    const p = createPolicy();
    expect(p).toEqual(DEFAULT_POLICY);
    expect(p.allowWrite).toBe(false);
    expect(p.allowSensitiveData).toBe(false);
    expect(Object.isFrozen(p)).toBe(true);
    expect(() => {
      (p as { allowWrite: boolean }).allowWrite = true;
    }).toThrow();
  });

  test("lists are copied and frozen", () => {
    const allow = ["ListClusters"];
    const p = createPolicy({ allowOperations: allow });
    allow.push("DeleteCluster");
    expect(p.allowOperations).toEqual(["ListClusters"]);
    expect(Object.isFrozen(p.allowOperations)).toBe(true);
  });

  test("write gate names the Policy field to set (the server renders it as its own flag)", () => {
    const p = createPolicy();
    const lib = checkAccess(p, { name: "CreateCluster", access: "write" });
    expect(lib._unsafeUnwrapErr().hint).not.toContain("ALLOW_WRITE");
    // Writes are also local files (containerize_app), and a dry run works without the flag: the hint says both.
    expect(lib._unsafeUnwrapErr().hint).toContain("write files in your app folders");
    expect(lib._unsafeUnwrapErr().hint).toContain("dry_run: true");
    expect(lib._unsafeUnwrapErr()).toMatchObject({
      kind: "policy_denied",
      gate: "write",
      flag: "policy.allowWrite = true",
    });
    expect(checkAccess(createPolicy({ allowWrite: true }), { name: "CreateCluster", access: "write" }).isOk()).toBe(
      true,
    );
  });

  test("reads pass without flags; sensitive-only calls need allowSensitiveData", () => {
    const p = createPolicy();
    expect(checkAccess(p, { name: "ListClusters", access: "read" }).isOk()).toBe(true);
    const e = checkAccess(p, { name: "fetch_task_logs", access: "read", requiresSensitive: true });
    expect(e._unsafeUnwrapErr()).toMatchObject({ gate: "sensitive", flag: "policy.allowSensitiveData = true" });
  });

  test("deny list beats everything; allow list restricts; aliases match", () => {
    const p = createPolicy({
      allowWrite: true,
      denyOperations: ["ecs:DeleteCluster"],
      allowOperations: ["ListClusters", "DeleteCluster"],
    });
    expect(
      checkAccess(p, {
        name: "DeleteCluster",
        aliases: ["ecs:DeleteCluster"],
        access: "destructive",
      })._unsafeUnwrapErr(),
    ).toMatchObject({
      gate: "operation",
    });
    expect(checkAccess(p, { name: "DescribeClusters", access: "read" })._unsafeUnwrapErr().message).toContain(
      "allow list",
    );
    expect(checkAccess(p, { name: "ListClusters", access: "read" }).isOk()).toBe(true);
  });

  test("allow and deny lists match names case-insensitively", () => {
    const p = createPolicy({ allowWrite: true, denyOperations: ["deleteservice"] });
    expect(checkAccess(p, { name: "DeleteService", access: "destructive" }).isErr()).toBe(true);
    const q = createPolicy({ allowOperations: ["LISTCLUSTERS"] });
    expect(checkAccess(q, { name: "ListClusters", access: "read" }).isOk()).toBe(true);
  });
});

describe("narrowPolicy (per-call limits, e.g. OAuth scopes)", () => {
  const wide = createPolicy({ allowWrite: true, allowSensitiveData: true });

  test("takes away what the limits withdraw and says why; the write gate names the reason, not a server flag", () => {
    const p = narrowPolicy(wide, { allowWrite: false, reason: "the access token has no ecs:write scope" });
    expect(p.allowWrite).toBe(false);
    expect(p.allowSensitiveData).toBe(true);
    expect(Object.isFrozen(p)).toBe(true);
    const e = checkAccess(p, { name: "delete_app", access: "destructive" })._unsafeUnwrapErr();
    expect(e).toMatchObject({ kind: "policy_denied", gate: "write" });
    expect(e.hint).toContain("ecs:write");
    expect(e.hint).not.toContain("ALLOW_WRITE");
  });

  test("never widens: limits that allow what the assistant forbids change nothing", () => {
    const narrow = createPolicy({});
    expect(narrowPolicy(narrow, { allowWrite: true, allowSensitiveData: true, reason: "x" })).toBe(narrow);
    const e = checkAccess(narrow, { name: "delete_app", access: "destructive" })._unsafeUnwrapErr();
    expect(e.hint).toContain("policy.allowWrite");
  });
});
