// Collapses repeated service events (same text up to task/deployment ids) into one line with a count.
import type { ServiceEvent } from "@aws-sdk/client-ecs";

/** A service event, or a run of identical ones. */
export interface EventLine {
  readonly message: string;
  /** Time of the latest occurrence (ISO). */
  readonly timestamp: string;
  readonly count: number;
  /** Time of the first occurrence when the message repeated. */
  readonly first_seen?: string;
}

/** Message with volatile ids replaced, so repeats compare equal. */
export const eventKey = (message: string): string =>
  message
    .replace(/\b[0-9a-f]{32}\b/g, "<task>")
    .replace(/ecs-svc\/\d+/g, "ecs-svc/<id>")
    .replace(/\(task [^)]+\)/g, "(task <id>)")
    .replace(/\(container-instance [^)]+\)/g, "(container-instance <id>)")
    .replace(/\b\d+ tasks?\b/g, "<n> tasks");

/** Oldest first; repeats merged with count, first_seen and the latest message. */
export const dedupeEvents = (events: readonly ServiceEvent[]): EventLine[] => {
  const sorted = [...events]
    .filter((e) => e.message && e.createdAt)
    .sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  const groups = new Map<string, { message: string; first: Date; last: Date; count: number }>();
  for (const e of sorted) {
    const key = eventKey(e.message!);
    const g = groups.get(key);
    if (g) {
      g.count++;
      g.last = e.createdAt!;
      g.message = e.message!;
    } else groups.set(key, { message: e.message!, first: e.createdAt!, last: e.createdAt!, count: 1 });
  }
  return [...groups.values()]
    .sort((a, b) => a.last.getTime() - b.last.getTime())
    .map((g) => ({
      message: g.message,
      timestamp: g.last.toISOString(),
      count: g.count,
      ...(g.count > 1 ? { first_seen: g.first.toISOString() } : {}),
    }));
};
