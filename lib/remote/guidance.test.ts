// ECS guidance: appended once, names the new features; remote name mapping and pass-through result helpers.
import { describe, expect, test } from "bun:test";
import { ECS_GUIDANCE, KNOWLEDGE_TOOL_NAMES, remoteKnowledgeName, withEcsGuidance } from "./guidance.ts";
import { fromCallToolResult, isRemoteToolResult, remoteCallResult } from "./remoteResult.ts";

describe("guidance", () => {
  test("appended once, idempotent, mentions Express Mode, native blue/green and Managed Instances", () => {
    const once = withEcsGuidance("Search docs.");
    expect(withEcsGuidance(once)).toBe(once);
    expect(once.startsWith("Search docs.")).toBe(true);
    for (const f of ["Express Mode", "blue/green", "Managed Instances"]) expect(ECS_GUIDANCE).toContain(f);
  });

  test("our names are the reference's aws_knowledge_ prefix + the remote name", () => {
    for (const [remote, ours] of Object.entries(KNOWLEDGE_TOOL_NAMES)) {
      expect(ours as string).toBe(`aws_knowledge_${remote}`);
      expect(remoteKnowledgeName(ours)).toBe(remote);
    }
    expect(remoteKnowledgeName("ecs_resource_management")).toBeUndefined();
  });
});

describe("remote results", () => {
  test("content is kept as is; text joins the text blocks; the redaction note is appended for MCP", () => {
    const r = fromCallToolResult({
      content: [
        { type: "text", text: "a" },
        { type: "image", data: "AA==", mimeType: "image/png" },
        { type: "text", text: "b" },
      ],
    });
    expect(r.text).toBe("a\nb");
    expect(isRemoteToolResult(r)).toBe(true);
    expect(isRemoteToolResult({ content: [] })).toBe(false);
    const mcp = remoteCallResult({ ...r, redaction: { note: "2 values redacted" } } as typeof r);
    expect(mcp.content).toHaveLength(4);
    expect(mcp.content[3]).toEqual({ type: "text", text: "2 values redacted" });
    // No structured result from the remote: clients still get one matching the listed outputSchema.
    expect(mcp.structuredContent).toEqual({ text: "a\nb" });
    const withStructured = remoteCallResult(fromCallToolResult({ content: [], structuredContent: { results: [1] } }));
    expect(withStructured.structuredContent).toEqual({ results: [1] });
  });
});
