// Follows an operation's page token until an item bound, so List results are complete or say they were cut.
import { okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../errors.ts";
import type { Pagination } from "./operationEntry.ts";

type Out = Record<string, unknown>;

/** What the pages gave: the items, the last page (other fields), the token to continue, the number of calls. */
export interface Pages {
  readonly items: unknown[];
  readonly last: Out;
  /** Set when more items exist beyond `maxItems`: pass it as the input token to continue. */
  readonly next?: unknown;
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
  const items: unknown[] = [];
  let pages = 0;
  const requested = typeof params[pg.limitKey ?? ""] === "number" ? (params[pg.limitKey!] as number) : Infinity;
  const step = (token: unknown): ResultAsync<Pages, EcsError> => {
    const remaining = maxItems - items.length;
    const limit = pg.limitKey && pg.maxPageSize ? Math.min(pg.maxPageSize, remaining, requested) : undefined;
    const p = { ...params, ...(token ? { [pg.inputToken]: token } : {}), ...(limit ? { [pg.limitKey!]: limit } : {}) };
    return call(p).andThen((out) => {
      pages++;
      const next = out[pg.outputToken];
      if (!pg.items) return okAsync({ items, last: out, next: next || undefined, pages });
      items.push(...((out[pg.items] as unknown[] | undefined) ?? []));
      if (next && items.length < maxItems) return step(next);
      return okAsync({ items, last: out, next: next || undefined, pages });
    });
  };
  return step(params[pg.inputToken]);
};
