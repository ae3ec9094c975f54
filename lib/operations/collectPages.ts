// Follows an operation's page token until an item bound, so List results are complete or say they were cut.
import type { ResultAsync } from "neverthrow";
import { paginate } from "../aws/paginate.ts";
import type { EcsError } from "../errors.ts";
import type { Pagination } from "./operationEntry.ts";

type Out = Record<string, unknown>;

/** What the pages gave: the items, the last page (other fields), the token to continue, the number of calls. */
export interface Pages {
  readonly items: unknown[];
  readonly last: Out;
  /** Set when more items exist beyond `maxItems`: pass it as the input token to continue. */
  readonly next?: unknown;
  /** More items exist than were returned (with or without a token to continue). */
  readonly truncated: boolean;
  readonly pages: number;
}

/**
 * Calls `call` page by page (page size capped at `maxPageSize` and the items still wanted) until the output token
 * runs out or `maxItems` items are in. Without an `items` key only one page is fetched.
 */
export const collectPages = (
  pg: Pagination,
  params: Out,
  maxItems: number,
  call: (p: Out) => ResultAsync<Out, EcsError>,
): ResultAsync<Pages, EcsError> => {
  const requested = typeof params[pg.limitKey ?? ""] === "number" ? (params[pg.limitKey!] as number) : Infinity;
  let last: Out = {};
  let seen = 0;
  const all: unknown[] = [];
  const page = (token: string | undefined) => {
    // Ask only for what is still wanted, so a bounded list never drops items and `next` resumes exactly. Without a
    // documented page size, only a size the caller asked for is known to be accepted.
    const cap = pg.maxPageSize ?? (Number.isFinite(requested) ? requested : undefined);
    const limit = pg.limitKey && cap ? Math.min(cap, maxItems - seen, requested) : undefined;
    const p = { ...params, ...(token ? { [pg.inputToken]: token } : {}), ...(limit ? { [pg.limitKey!]: limit } : {}) };
    return call(p).map((out) => {
      last = out;
      const items = pg.items ? ((out[pg.items] as unknown[] | undefined) ?? []) : [];
      seen += items.length;
      all.push(...items);
      // Without an items key there is nothing to gather: one page, and its token is handed back.
      return { items, next: pg.items ? (out[pg.outputToken] as string | undefined) || undefined : undefined, raw: out };
    });
  };
  const start = params[pg.inputToken] as string | undefined;
  return paginate(page, { maxPages: Number.POSITIVE_INFINITY, maxItems }, start).map((r) => ({
    // A page larger than wanted with a token after it: keep all its items, since `next` resumes after them.
    items: r.truncated && r.next ? all : r.items,
    last,
    next:
      (r.truncated ? r.next : undefined) ??
      (pg.items ? undefined : (last[pg.outputToken] as string | undefined) || undefined),
    pages: r.pages,
    truncated: r.truncated,
  }));
};
