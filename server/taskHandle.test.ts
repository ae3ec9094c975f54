// Task handles: signed with the MRTR key but never mistaken for a confirmation state, bound to their caller.
import { describe, expect, test } from "bun:test";
import { createConfirmStates } from "./confirmState.ts";
import { createSigner } from "./signedToken.ts";
import { createTaskHandles } from "./taskHandle.ts";

const signer = createSigner(new Uint8Array(32).fill(5));
const base = {
  kind: "aws" as const,
  tool: "wait_for_service_ready",
  createdAt: 1,
  expiresAt: Date.now() + 60_000,
  replica: "r1",
};

describe("task handles", () => {
  test("round trip with the arguments an AWS status check needs", () => {
    const h = createTaskHandles(signer);
    const { taskId } = h.mint({ ...base, args: { cluster: "c", service_name: "s" } });
    expect(h.open(taskId)._unsafeUnwrap()).toMatchObject({ ...base, args: { cluster: "c", service_name: "s" } });
  });

  test("a confirmation state signed with the same key is not a task handle, nor the reverse", () => {
    const states = createConfirmStates(signer);
    const state = states.mint("delete_app", {});
    expect(createTaskHandles(signer).open(state)._unsafeUnwrapErr()).toBe("tampered");
    const { taskId } = createTaskHandles(signer).mint(base);
    expect(states.check(taskId, "delete_app", {})._unsafeUnwrapErr()).toBe("tampered");
  });

  test("a handle made for one OAuth subject is refused to another and to no subject", () => {
    const h = createTaskHandles(signer);
    const { taskId } = h.mint(base, "alice");
    expect(h.open(taskId, "alice").isOk()).toBe(true);
    expect(h.open(taskId, "bob")._unsafeUnwrapErr()).toBe("other_caller");
    expect(h.open(taskId)._unsafeUnwrapErr()).toBe("other_caller");
    expect(taskId).not.toContain("alice");
  });

  test("expired", () => {
    let now = 1000;
    const h = createTaskHandles(signer, () => now);
    const { taskId } = h.mint({ ...base, expiresAt: 2000 });
    now = 2001;
    expect(h.open(taskId)._unsafeUnwrapErr()).toBe("expired");
  });
});
