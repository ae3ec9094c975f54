// Signed confirmation state: accepted once for the same tool and arguments before expiry, refused otherwise.
import { describe, expect, test } from "bun:test";
import { argsHash, createConfirmStates } from "./confirmState.ts";

const KEY = new Uint8Array(32).fill(7);

describe("confirmation state", () => {
  test("round trip: same tool and arguments (any key order) pass once; a second use is a replay", () => {
    const s = createConfirmStates(KEY);
    const state = s.mint("delete_app", { app_name: "web", region: "eu-west-1" });
    expect(s.check(state, "delete_app", { region: "eu-west-1", app_name: "web" }).isOk()).toBe(true);
    expect(s.check(state, "delete_app", { region: "eu-west-1", app_name: "web" })._unsafeUnwrapErr()).toBe("replayed");
  });

  test("other arguments, other tool, expired, tampered, another key, garbage: each refused with its reason", () => {
    let t = 1_000;
    const s = createConfirmStates(KEY, 60_000, () => t);
    const state = s.mint("delete_app", { app_name: "web" });
    expect(s.check(state, "delete_app", { app_name: "prod" })._unsafeUnwrapErr()).toBe("other_arguments");
    expect(s.check(state, "ecs_resource_management", { app_name: "web" })._unsafeUnwrapErr()).toBe("other_tool");
    const [body, mac] = state.split(".");
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body ?? "", "base64url").toString()), a: argsHash({ app_name: "prod" }) })).toString("base64url")}.${mac}`;
    expect(s.check(forged, "delete_app", { app_name: "prod" })._unsafeUnwrapErr()).toBe("tampered");
    expect(
      createConfirmStates(new Uint8Array(32)).check(state, "delete_app", { app_name: "web" })._unsafeUnwrapErr(),
    ).toBe("tampered");
    expect(s.check("not-a-state", "delete_app", {})._unsafeUnwrapErr()).toBe("malformed");
    t += 60_001;
    expect(s.check(state, "delete_app", { app_name: "web" })._unsafeUnwrapErr()).toBe("expired");
  });

  test("a state minted by one replica is accepted by another with the same key", () => {
    const a = createConfirmStates(KEY);
    const b = createConfirmStates(KEY);
    expect(b.check(a.mint("delete_app", { x: [1, { y: 2 }] }), "delete_app", { x: [1, { y: 2 }] }).isOk()).toBe(true);
  });
});
