// Lossless size reductions of compacted AWS results, so a model reads fewer tokens for the same facts.
// Rules (documented in the tool description): repeated service events are collapsed with a count; fields equal in
// every item of a list are given once in `<list>_shared` (objects merge by key, short lists by position);
// a list item's field repeating the same field of the object holding the list is dropped; name/value lists become objects and lists of name-only objects
// lists of names (never environment/secrets); lists of ARNs sharing a prefix give the prefix once in `<list>_prefix`
// (the rest is the resource id, which ECS APIs accept); timestamps drop ".000".

type Json = unknown;
type Obj = Record<string, Json>;

const ISO_MS = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.000Z$/;
const NEVER_MAP = new Set(["environment", "secrets", "secretOptions", "environmentFiles", "tags"]);
const MIN_ITEMS = 3;

const isObj = (v: Json): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const same = (a: Json, b: Json) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Applies the rules recursively. Input must be plain JSON (run `compact` first). */
export const shrink = (value: Json): Json => walk(value, undefined);

const walk = (v: Json, parent: Obj | undefined): Json => {
  if (typeof v === "string") return v.replace(ISO_MS, "$1Z");
  if (v instanceof Date) return v.toISOString().replace(ISO_MS, "$1Z");
  if (Array.isArray(v)) return v.map((x) => walk(x, parent));
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, child] of Object.entries(v)) {
    if (parent && k in parent && !isObj(child) && !Array.isArray(child) && same(parent[k], child)) continue;
    if (Array.isArray(child)) Object.assign(out, shrinkList(k, child, v));
    // Only list items omit fields equal to their holder's (the documented rule); a nested object keeps all its fields.
    else out[k] = walk(child, undefined);
  }
  return out;
};

/** One list-valued field → one or two output fields. */
const shrinkList = (key: string, list: Json[], owner: Obj): Obj => {
  if (key === "events" && list.every((e) => isObj(e) && typeof e.message === "string")) {
    return { [key]: collapseEvents(list as Obj[]) };
  }
  if (!NEVER_MAP.has(key) && list.length > 0 && list.every(isNameValue)) {
    const names = list.map((e) => (e as Obj).name as string);
    if (new Set(names).size === names.length)
      return { [key]: Object.fromEntries(list.map((e) => [(e as Obj).name, (e as Obj).value])) };
  }
  if (!NEVER_MAP.has(key) && list.length >= MIN_ITEMS && list.every(isNameOnly)) {
    return { [key]: list.map((e) => (e as Obj).name) };
  }
  if (list.length >= MIN_ITEMS && list.every((s) => typeof s === "string" && s.startsWith("arn:"))) {
    const prefix = commonArnPrefix(list as string[]);
    if (prefix.length >= 20)
      return { [`${key}_prefix`]: prefix, [key]: (list as string[]).map((s) => s.slice(prefix.length)) };
  }
  const items = list.map((x) => walk(x, owner));
  // Environment and secret entries stay whole: a value shared by several of them must stay where redaction finds it.
  if (!NEVER_MAP.has(key) && items.length >= MIN_ITEMS && items.every(isObj)) {
    const { shared, rest } = splitShared(items);
    if (shared !== undefined && JSON.stringify(shared).length * (items.length - 1) > 40) {
      return { [`${key}_shared`]: shared, [key]: rest.map((r) => r ?? {}) };
    }
  }
  return { [key]: items };
};

const isNameValue = (e: Json) => isObj(e) && typeof e.name === "string" && "value" in e && Object.keys(e).length === 2;
const isNameOnly = (e: Json) => isObj(e) && typeof e.name === "string" && Object.keys(e).length === 1;

/** Longest common prefix ending at a "/" or ":" (so the rest is an id or name). */
const commonArnPrefix = (arns: string[]): string => {
  let p = arns[0]!;
  for (const a of arns) while (!a.startsWith(p)) p = p.slice(0, -1);
  const cut = Math.max(p.lastIndexOf("/"), p.lastIndexOf(":"));
  return cut >= 0 ? p.slice(0, cut + 1) : "";
};

/**
 * Splits values of one position (the items of a list, or one field across them) into what all share and the rest:
 * equal values are shared whole; objects share field by field; lists of the same short length share element by
 * element. Merging `shared` into each rest (objects by key, lists by index) gives the values back exactly.
 */
export const splitShared = (values: Json[]): { shared: Json | undefined; rest: (Json | undefined)[] } => {
  const none = { shared: undefined, rest: values };
  if (values.length === 0) return none;
  if (values.every((v) => same(v, values[0]))) return { shared: values[0], rest: values.map(() => undefined) };
  if (values.every(isObj)) {
    const objs = values as Obj[];
    const shared: Obj = {};
    const rest = objs.map((o) => ({ ...o }));
    for (const k of Object.keys(objs[0]!)) {
      if (!objs.every((o) => k in o)) continue;
      const r = splitShared(objs.map((o) => o[k]));
      if (r.shared === undefined) continue;
      shared[k] = r.shared;
      rest.forEach((o, i) => {
        const left = r.rest[i];
        const empty = (x: Json) => isObj(x) && Object.keys(x).length === 0;
        if (left === undefined || empty(left) || (Array.isArray(left) && left.every(empty))) delete o[k];
        else o[k] = left;
      });
    }
    return Object.keys(shared).length > 0 ? { shared, rest } : none;
  }
  const len = Array.isArray(values[0]) ? (values[0] as Json[]).length : -1;
  if (len >= 1 && len <= 5 && values.every((v) => Array.isArray(v) && v.length === len && v.every(isObj))) {
    const lists = values as Obj[][];
    const parts = Array.from({ length: len }, (_, p) => splitShared(lists.map((l) => l[p])));
    if (parts.every((r) => r.shared === undefined)) return none;
    return {
      shared: parts.map((r) => r.shared ?? {}),
      rest: lists.map((_, i) => parts.map((r) => (r.rest[i] as Json) ?? {})),
    };
  }
  return none;
};

/** Inverse of the sharing rule: `shared` merged into one item's rest (objects by key, lists by index). */
export const mergeShared = (shared: Json, rest: Json): Json => {
  if (rest === undefined) return shared;
  if (isObj(shared) && isObj(rest)) {
    const out: Obj = { ...shared };
    for (const [k, v] of Object.entries(rest)) out[k] = k in shared ? mergeShared(shared[k], v) : v;
    return out;
  }
  if (Array.isArray(shared) && Array.isArray(rest)) return rest.map((x, i) => mergeShared(shared[i], x));
  return rest;
};

/** ECS service events: identical messages become one entry with count, first and last time (newest first, as ECS). */
const collapseEvents = (events: Obj[]): Obj[] => {
  const groups = new Map<string, Obj>();
  for (const e of events) {
    const at = typeof e.createdAt === "string" ? e.createdAt.replace(ISO_MS, "$1Z") : e.createdAt;
    const g = groups.get(e.message as string);
    if (!g)
      groups.set(e.message as string, { message: e.message, createdAt: at, count: 1, ...(e.id ? { id: e.id } : {}) });
    else {
      g.count = (g.count as number) + 1;
      g.firstAt = at;
      delete g.id; // a group stands for several events: no single id applies
    }
  }
  // A lone event keeps its id; repeats become one entry with count, newest createdAt and oldest firstAt.
  return [...groups.values()].map((g) =>
    g.count === 1 ? { ...(g.id ? { id: g.id } : {}), message: g.message, createdAt: g.createdAt } : g,
  );
};
