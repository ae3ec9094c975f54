// Turns flattened AWS query parameters (`A.member.1.B=x`, EC2 `A.1=x`, `M.entry.1.key=k`) back into nested objects.
import type { FakeInput } from "../types.ts";

type Node = { [key: string]: Node | string };

/**
 * Rebuilds the input object the SDK flattened. Lists: `.member.N` (awsQuery) or `.N` (ec2Query) → arrays;
 * maps: `.entry.N.key/value` → records. Values stay strings: the wire has no types and the fake no schema.
 * An empty list is sent as `Name=` and so reads back as "" (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html).
 */
export const parseQueryParams = (
  params: URLSearchParams,
  skip: readonly string[] = ["Action", "Version"],
): FakeInput => {
  const root: Node = {};
  for (const [key, value] of params) {
    if (skip.includes(key)) continue;
    const path = key.split(".").filter((segment) => segment !== "member");
    if (path.some((segment) => segment === "__proto__" || segment === "")) continue;
    assign(root, path, value);
  }
  return finish(root) as FakeInput;
};

const assign = (node: Node, path: string[], value: string): void => {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    node[head] = value;
    return;
  }
  const child = node[head];
  const next: Node = typeof child === "object" ? child : {};
  node[head] = next;
  assign(next, rest, value);
};

/** Objects keyed 1..N become arrays (ordered by index); `{entry: [{key, value}]}` becomes a record. */
const finish = (node: Node | string): unknown => {
  if (typeof node === "string") return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => finish(node[String(index)]!));
  }
  if (keys.length === 1 && keys[0] === "entry") {
    const entries = finish(node.entry!);
    if (Array.isArray(entries) && entries.every(isEntry)) {
      return Object.fromEntries(entries.map((entry) => [entry.key, entry.value]));
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = finish(node[key]!);
  return out;
};

const isEntry = (value: unknown): value is { key: string; value: unknown } =>
  typeof value === "object" && value !== null && "key" in value && typeof value.key === "string";
