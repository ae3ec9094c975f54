// The redaction corpus against redactText/redact: every secret goes, every identifier stays.
import { describe, expect, test } from "bun:test";
import { redact, redactText } from "../../lib/index.ts";
import { CORPUS, KEEP } from "./support/corpus.ts";

describe("redaction corpus", () => {
  for (const c of CORPUS)
    test(`removes: ${c.kind}`, () => {
      const r = redactText(c.text);
      expect(r.text).not.toContain(c.secret);
      expect(r.count).toBeGreaterThan(0);
    });

  test("keeps ARNs, ids, digests and ordinary words byte for byte", () => {
    for (const k of KEEP) expect(redactText(k)).toEqual({ text: k, count: 0 });
    const arns = Object.fromEntries(KEEP.map((k, i) => [`field${i}Arn`, k]));
    expect(redact(arns).value).toEqual(arns);
  });

  test("secrets inside nested results (JSON-in-string, arrays, stack outputs) are removed", () => {
    const value = {
      stackEvents: CORPUS.map((c) => ({ ResourceStatusReason: c.text })),
      nested: { deeper: [[{ message: JSON.stringify({ log: CORPUS.map((c) => c.text).join(" | ") }) }]] },
    };
    const out = JSON.stringify(redact(value).value);
    for (const c of CORPUS) expect(out).not.toContain(c.secret);
  });
});
