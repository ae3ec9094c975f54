// An essential sidecar that exited first: its own log lines (from its awslogs stream) say why, so the finding quotes
// the first error line of its latest run instead of only asking to read the logs.
import { type Finding, finding } from "../finding.ts";
import type { LogLine } from "./logPatterns.ts";

const ERROR = /\[(error|fatal)\]|\b(error|fatal|panic|exception)\b/i;

/** Adds the sidecar's last error line to a sidecar_exited finding when its log stream has one. */
export const sidecarLogRule = (found: readonly Finding[], logs: readonly LogLine[]): Finding[] =>
  found.map((f) => {
    const name = f.id === "sidecar_exited" ? /container (\S+) exited/.exec(f.title)?.[1] : undefined;
    if (!name) return f;
    const mine = logs.filter((l) => (l.stream ?? "").split("/").includes(name) && ERROR.test(l.message));
    // The first error of its latest run: later lines tend to be "aborting" after the real cause.
    const stream = mine.at(-1)?.stream;
    const last = mine.find((l) => l.stream === stream);
    if (!last) return f;
    const text = last.message.length > 200 ? `${last.message.slice(0, 197)}...` : last.message;
    return finding({
      ...f,
      likelihood: Math.max(f.likelihood, 0.88),
      evidence: [...f.evidence, { source: "log", ref: last.stream, at: last.timestamp, text }],
      explanation: `${f.explanation} Its log says: "${text}".`,
    });
  });
