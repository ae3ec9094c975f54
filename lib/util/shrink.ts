// Lossless size reductions of compacted AWS results, so a model reads fewer tokens for the same facts.
// Rules (documented in the tool description): repeated service events are collapsed with a count; fields equal in
// every item of a list are given once in `<list>_shared`; a nested field repeating its parent's value is dropped;
// name/value lists become objects and lists of name-only objects lists of names (never environment/secrets); lists of ARNs sharing a prefix give the prefix once in
// `<list>_prefix` (the rest is the resource id, which ECS APIs accept); timestamps drop ".000".

type Json = unknown;
type Obj = Record<string, Json>;

const ISO_MS = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.000Z$/;
const NEVER_MAP = new Set(["environment", "secrets", "environmentFiles", "tags"]);
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
    else out[k] = walk(child, v);
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
  if (items.length >= MIN_ITEMS && items.every(isObj)) {
    const shared = sharedFields(items as Obj[]);
    if (Object.keys(shared).length > 0) {
      return { [`${key}_shared`]: shared, [key]: (items as Obj[]).map((i) => omit(i, Object.keys(shared))) };
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

/** Fields present with the same value in every item, when hoisting them saves space. */
const sharedFields = (items: Obj[]): Obj => {
  const first = items[0]!;
  const shared: Obj = {};
  for (const [k, v] of Object.entries(first)) if (items.every((i) => k in i && same(i[k], v))) shared[k] = v;
  return JSON.stringify(shared).length * (items.length - 1) > 40 ? shared : {};
};

const omit = (o: Obj, keys: string[]): Obj => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** ECS service events: identical messages become one entry with count, first and last time (newest first, as ECS). */
const collapseEvents = (events: Obj[]): Obj[] => {
  const groups = new Map<string, Obj>();
  for (const e of events) {
    const at = typeof e.createdAt === "string" ? e.createdAt.replace(ISO_MS, "$1Z") : e.createdAt;
    const g = groups.get(e.message as string);
    if (!g) groups.set(e.message as string, { message: e.message, createdAt: at, count: 1 });
    else {
      g.count = (g.count as number) + 1;
      g.firstAt = at;
    }
  }
  return [...groups.values()].map((g) => (g.count === 1 ? { message: g.message, createdAt: g.createdAt } : g));
};
