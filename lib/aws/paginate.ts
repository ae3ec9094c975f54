// Bounded pagination: follows next tokens until a page or item cap, and says when it stopped early.
import { okAsync, type ResultAsync } from "neverthrow";
import type { EcsError } from "../errors.ts";

/** Items gathered and whether more were left behind. */
export interface Paged<T> {
  readonly items: T[];
  readonly pages: number;
  readonly truncated: boolean;
  /** When truncated: the token that continues after the last page fetched. */
  readonly next?: string;
}

/** Caps for one listing. */
export interface PageBounds {
  readonly maxPages: number;
  readonly maxItems: number;
}

/**
 * Calls `page(token)` from `start` until there is no next token, `maxPages` pages or `maxItems` items (a page's
 * items past `maxItems` are dropped; callers that continue with `next` should ask for smaller pages instead).
 * Every AWS listing of the library goes through here, so none is unbounded.
 */
export const paginate = <T>(
  page: (token: string | undefined) => ResultAsync<{ items: readonly T[] | undefined; next?: string }, EcsError>,
  bounds: PageBounds,
  start?: string,
): ResultAsync<Paged<T>, EcsError> => {
  const items: T[] = [];
  const step = (token: string | undefined, pages: number): ResultAsync<Paged<T>, EcsError> =>
    page(token).andThen((out) => {
      items.push(...(out.items ?? []));
      const done = !out.next || out.next === token;
      // A page larger than asked for still counts as cut short: the dropped items are said to exist.
      const over = items.length > bounds.maxItems;
      if (done && !over) return okAsync({ items, pages: pages + 1, truncated: false });
      if (done || pages + 1 >= bounds.maxPages || items.length >= bounds.maxItems) {
        return okAsync({
          items: items.slice(0, bounds.maxItems),
          pages: pages + 1,
          truncated: true,
          ...(done ? {} : { next: out.next }),
        });
      }
      return step(out.next, pages + 1);
    });
  return step(start, 0);
};

/** Splits a list into chunks (DescribeTasks takes 100 ARNs, DescribeServices 10). */
export const chunk = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};
