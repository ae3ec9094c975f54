// Turns SDK output into compact, model-friendly JSON: no $metadata, no null/empty noise, ISO timestamps.

/** Removes `$metadata`, undefined/null values and empty arrays/objects; converts Dates to ISO strings. */
export const compact = (value: unknown): unknown => {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Array.isArray(value)) {
    const items = value.map(compact).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "$metadata") continue;
      const c = compact(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (value === null || value === undefined || value === "") return undefined;
  return value;
};

/** Like `compact` but always returns an object (an empty result stays `{}`). */
export const compactObject = (value: unknown): Record<string, unknown> =>
  (compact(value) as Record<string, unknown> | undefined) ?? {};
