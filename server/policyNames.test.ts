// The server names policy fields as its users set them; lib/ texts name Policy fields.
import { expect, test } from "bun:test";
import { checkAccess, createPolicy } from "../lib/policy.ts";
import { renderPolicyNames, renderPolicyNamesIn } from "./policyNames.ts";

test("hints and errors of lib/ come out in the server's terms", () => {
  const e = checkAccess(createPolicy(), { name: "CreateCluster", access: "write" })._unsafeUnwrapErr();
  expect(e.hint).toContain("policy.allowWrite = true");
  const shown = renderPolicyNamesIn(e);
  expect(shown).toMatchObject({ flag: "ALLOW_WRITE=true" });
  expect(shown.hint).toContain("Set ALLOW_WRITE=true to enable");
  const denied = checkAccess(createPolicy({ denyOperations: ["ListClusters"] }), {
    name: "ListClusters",
    access: "read",
  });
  expect(renderPolicyNames(denied._unsafeUnwrapErr().hint)).toBe(
    "Remove it from the deny list (--deny) if it should run.",
  );
  expect(renderPolicyNames("needs policy.allowWrite; unless policy.allowSensitiveData = true")).toBe(
    "needs ALLOW_WRITE; unless ALLOW_SENSITIVE_DATA=true",
  );
});

test("option hints of lib/ name the server's flags and environment variables", () => {
  expect(renderPolicyNames("or choose an installed one with options.container.runtime.")).toBe(
    "or choose an installed one with --container-runtime / ECS_CONTAINER_RUNTIME.",
  );
  expect(renderPolicyNames("Enable it: options.knowledge.enabled = true.")).toBe(
    "Enable it: start the server without --no-knowledge.",
  );
  expect(renderPolicyNames("set options.knowledge.url, or")).toBe("set --knowledge-url / ECS_KNOWLEDGE_URL, or");
});

test("text without a policy field is returned as it is (no copy)", () => {
  const v = { a: "plain", b: [1, 2] };
  expect(renderPolicyNamesIn(v)).toBe(v);
});
