import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { compact } from "./compact.ts";
import { mergeShared, shrink } from "./shrink.ts";

describe("shrink", () => {
  test("repeated service events collapse with count and first/last time", () => {
    const events = [
      { id: "1", createdAt: "2026-11-25T12:00:00.000Z", message: "(service web) has reached a steady state." },
      { id: "2", createdAt: "2026-11-25T06:00:00.000Z", message: "(service web) has reached a steady state." },
      { id: "3", createdAt: "2026-11-25T05:00:00.000Z", message: "(service web) deployment completed." },
      { id: "4", createdAt: "2026-11-25T00:00:00.000Z", message: "(service web) has reached a steady state." },
    ];
    expect(shrink({ services: [{ serviceName: "web", events }] })).toEqual({
      services: [
        {
          serviceName: "web",
          events: [
            {
              message: "(service web) has reached a steady state.",
              createdAt: "2026-11-25T12:00:00Z",
              count: 3,
              firstAt: "2026-11-25T00:00:00Z",
            },
            { id: "3", message: "(service web) deployment completed.", createdAt: "2026-11-25T05:00:00Z" },
          ],
        },
      ],
    });
  });

  test("fields shared by every item are hoisted into <list>_shared", () => {
    const tasks = [1, 2, 3].map((i) => ({
      taskArn: `t${i}`,
      clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/default",
      lastStatus: "RUNNING",
    }));
    expect(shrink({ tasks })).toEqual({
      tasks_shared: { clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/default", lastStatus: "RUNNING" },
      tasks: [{ taskArn: "t1" }, { taskArn: "t2" }, { taskArn: "t3" }],
    });
  });

  test("two items are left alone; a child's copy of its parent's field is dropped", () => {
    const r = shrink({ tasks: [{ taskArn: "a", containers: [{ name: "web", taskArn: "a" }] }, { taskArn: "b" }] });
    expect(r).toEqual({ tasks: [{ taskArn: "a", containers: [{ name: "web" }] }, { taskArn: "b" }] });
  });

  test("a nested object (not a list item) keeps fields equal to its parent's: task overrides stay visible", () => {
    const task = { taskArn: "a", cpu: "256", memory: "512", overrides: { cpu: "256", memory: "512" } };
    expect(shrink({ tasks: [task, { taskArn: "b" }] })).toEqual({ tasks: [task, { taskArn: "b" }] });
    expect(shrink(task)).toEqual(task);
  });

  test("name/value lists become objects, but never environment or secrets", () => {
    const r = shrink({
      details: [
        { name: "subnetId", value: "subnet-1" },
        { name: "privateIPv4Address", value: "10.0.0.1" },
      ],
      environment: [{ name: "PORT", value: "8080" }],
    });
    expect(r).toEqual({
      details: { subnetId: "subnet-1", privateIPv4Address: "10.0.0.1" },
      environment: [{ name: "PORT", value: "8080" }],
    });
  });

  test("name-only items are never lost: one stays an object, three or more become a list of names", () => {
    expect(shrink({ overrides: { containerOverrides: [{ name: "web" }] } })).toEqual({
      overrides: { containerOverrides: [{ name: "web" }] },
    });
    expect(shrink({ requiresAttributes: [{ name: "a" }, { name: "b" }, { name: "c" }] })).toEqual({
      requiresAttributes: ["a", "b", "c"],
    });
    expect(shrink({ details: [{ name: "x" }, { name: "y", value: "1" }] })).toEqual({
      details: [{ name: "x" }, { name: "y", value: "1" }],
    });
  });

  test("ARN lists give the shared prefix once; ids stay usable", () => {
    const taskArns = ["a1", "b2", "c3"].map((id) => `arn:aws:ecs:us-east-1:123456789012:task/default/${id}`);
    expect(shrink({ taskArns })).toEqual({
      taskArns_prefix: "arn:aws:ecs:us-east-1:123456789012:task/default/",
      taskArns: ["a1", "b2", "c3"],
    });
    expect(shrink({ taskArns: taskArns.slice(0, 2) })).toEqual({ taskArns: taskArns.slice(0, 2) });
  });

  test("lossless: every original fact can be rebuilt", () => {
    const tasks = [1, 2, 3].map((i) => ({ taskArn: `t${i}`, cpu: "256", createdAt: "2026-11-25T12:00:00.000Z" }));
    const r = shrink({ tasks }) as { tasks_shared: object; tasks: object[] };
    const rebuilt = r.tasks.map((t) => ({ ...r.tasks_shared, ...t }));
    expect(rebuilt).toEqual(tasks.map((t) => ({ ...t, createdAt: "2026-11-25T12:00:00Z" })));
  });
});

describe("shared fields are lossless (property)", () => {
  const scalar = fc.oneof(fc.constantFrom("a", "b", "x1"), fc.integer({ min: 0, max: 3 }), fc.boolean());
  // Nested keys differ from item keys, so the parent-field rule does not apply; no name/value/events/arn shapes.
  const inner = fc.dictionary(fc.constantFrom("p", "q", "r"), scalar, { maxKeys: 3 });
  const item = fc.record(
    {
      k1: scalar,
      k2: scalar,
      obj: inner,
      list: fc.array(inner, { minLength: 1, maxLength: 2 }),
      deep: fc.record({ s: inner, t: fc.array(inner, { minLength: 1, maxLength: 2 }) }),
    },
    { requiredKeys: [] },
  );
  test("merging <list>_shared into every item gives the items back", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 3, maxLength: 6 }), (items) => {
        const input = compact({ items }) as { items: object[] } | undefined;
        if (!input?.items || input.items.length < 3) return;
        const out = shrink(input) as { items: object[]; items_shared?: object };
        const rebuilt = out.items.map((r) => (out.items_shared ? mergeShared(out.items_shared, r) : r));
        expect(rebuilt).toEqual(input.items);
      }),
      { numRuns: 2000 },
    );
  });
});
