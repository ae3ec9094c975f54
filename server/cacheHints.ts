// How long 2026-07-28 clients (and shared caches) may reuse list and read results (`ttlMs` / `cacheScope`).
import type { CacheHint } from "@modelcontextprotocol/server";

/**
 * Nothing here depends on who asks (the policy is the server's, not the caller's), so results are `public`. The tool
 * list can change once at run time (a remote's schemas arrive), which `subscriptions/listen` announces: a minute.
 * Prompts, resources and the server's self-description change only with a new release: an hour.
 */
export const CACHE_HINTS: Record<
  "tools/list" | "prompts/list" | "resources/list" | "resources/read" | "server/discover",
  CacheHint
> = {
  "tools/list": { ttlMs: 60_000, cacheScope: "public" },
  "prompts/list": { ttlMs: 3_600_000, cacheScope: "public" },
  "resources/list": { ttlMs: 3_600_000, cacheScope: "public" },
  "resources/read": { ttlMs: 3_600_000, cacheScope: "public" },
  "server/discover": { ttlMs: 3_600_000, cacheScope: "public" },
};
