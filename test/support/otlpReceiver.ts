// A loopback OTLP/HTTP receiver for tests: accepts JSON-encoded trace and metric exports and decodes the spans and the
// metric data points.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type KeyValue = { key: string; value: AnyValue };

/** A span as received, attributes flattened. */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
  readonly resource: Record<string, unknown>;
}

/** A metric data point as received: a counter's value, or a histogram's count. */
export interface ReceivedPoint {
  readonly name: string;
  readonly attributes: Record<string, unknown>;
  readonly value: number;
}

export interface OtlpReceiver {
  /** `http://127.0.0.1:<port>`: the value of OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly url: string;
  readonly spans: ReceivedSpan[];
  /** Names of the metrics received. */
  readonly metricNames: Set<string>;
  /** Every data point of every metric export, in arrival order (cumulative: later points repeat earlier ones). */
  readonly points: ReceivedPoint[];
  /** Resolves once a point matching `pred` arrived (or rejects after `ms`). */
  waitForPoint(pred: (p: ReceivedPoint) => boolean, ms?: number): Promise<ReceivedPoint>;
  /** Resolves once a span matching `pred` arrived (or rejects after `ms`). */
  waitFor(pred: (s: ReceivedSpan) => boolean, ms?: number): Promise<ReceivedSpan>;
  close(): Promise<void>;
}

const flat = (kvs: readonly KeyValue[] = []): Record<string, unknown> =>
  Object.fromEntries(
    kvs.map(({ key, value }) => [
      key,
      value.stringValue ??
        (value.intValue !== undefined ? Number(value.intValue) : (value.boolValue ?? value.doubleValue)),
    ]),
  );

export const startOtlpReceiver = async (): Promise<OtlpReceiver> => {
  const spans: ReceivedSpan[] = [];
  const metricNames = new Set<string>();
  const points: ReceivedPoint[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (!String(req.headers["content-type"]).includes("json")) {
        res.writeHead(415).end();
        return;
      }
      const doc = JSON.parse(body || "{}");
      if (req.url === "/v1/traces")
        for (const rs of doc.resourceSpans ?? []) {
          const resource = flat(rs.resource?.attributes);
          for (const ss of rs.scopeSpans ?? [])
            for (const s of ss.spans ?? [])
              spans.push({
                traceId: s.traceId,
                spanId: s.spanId,
                ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
                name: s.name,
                kind: s.kind,
                attributes: flat(s.attributes),
                resource,
              });
        }
      if (req.url === "/v1/metrics")
        for (const rm of doc.resourceMetrics ?? [])
          for (const sm of rm.scopeMetrics ?? [])
            for (const m of sm.metrics ?? []) {
              metricNames.add(m.name);
              for (const p of m.sum?.dataPoints ?? [])
                points.push({ name: m.name, attributes: flat(p.attributes), value: Number(p.asInt ?? p.asDouble) });
              for (const p of m.histogram?.dataPoints ?? [])
                points.push({ name: m.name, attributes: flat(p.attributes), value: Number(p.count) });
            }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    metricNames,
    points,
    waitFor: async (pred, ms = 10_000) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const found = spans.find(pred);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no matching span within ${ms} ms; received: ${spans.map((s) => s.name).join(", ")}`);
    },
    waitForPoint: async (pred, ms = 10_000) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const found = points.find(pred);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no matching metric point within ${ms} ms; received: ${[...metricNames].join(", ")}`);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
};
