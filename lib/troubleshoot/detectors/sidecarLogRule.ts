// An essential sidecar that exited first: its own log lines (from its awslogs stream) say why, so the finding quotes
// the first error line of its latest run instead of only asking to read the logs.
import { type Finding, finding } from "../finding.ts";
import type { LogLine } from "./logPatterns.ts";

const ERROR = /\[(error|fatal)\]|\b(error|fatal|panic|exception)\b/i;

const streamContainer = (stream: string | undefined) => (stream ?? "").split("/").at(-2);

/**
 * Adds the sidecar's last error line to a sidecar_exited finding when its log stream has one. A log finding whose lines
 * all come from that sidecar's stream is part of the same story: it ranks below the sidecar finding and says whose
 * log it is, so the sidecar's exit stays the root cause.
 */
export const sidecarLogRule = (found: readonly Finding[], logs: readonly LogLine[]): Finding[] =>
  attributeToSidecar(withSidecarLine(found, logs));

const attributeToSidecar = (found: readonly Finding[]): Finding[] => {
  const sidecars = found
    .filter((f) => f.id === "sidecar_exited")
    .map((f) => ({ name: /container (\S+) exited/.exec(f.title)?.[1], likelihood: f.likelihood }));
  return found.map((f) => {
    if (f.category !== "logs" || f.evidence.length === 0) return f;
    const names = [...new Set(f.evidence.map((e) => streamContainer(e.ref)))];
    const s = sidecars.find((x) => x.name && names.length === 1 && names[0] === x.name);
    if (!s) return f;
    return finding({
      ...f,
      title: `${f.title} (in sidecar ${s.name})`,
      likelihood: Math.min(f.likelihood, s.likelihood - 0.02),
      explanation: `${f.explanation} These lines come from the sidecar ${s.name}, whose exit stopped the task.`,
    });
  });
};

const withSidecarLine = (found: readonly Finding[], logs: readonly LogLine[]): Finding[] =>
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
