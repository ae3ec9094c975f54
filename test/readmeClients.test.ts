// The README's client set-up: every client named, each snippet a complete, valid config of its client's shape.
import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const readme = readFileSync(join(import.meta.dir, "..", "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Use it from an MCP client"), readme.indexOf("## Configuration:"));
const json = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
type Server = { type?: string; command: string; args: string[]; env?: Record<string, string> };

test("names every client and says where its configuration lives", () => {
  for (const client of ["Claude Desktop", "Claude Code", "Cursor", "VS Code", "Kiro", "Windsurf", "Cline"])
    expect(section).toContain(`| ${client}`);
  expect(section).toContain(".vscode/mcp.json");
  expect(section).toContain("claude_desktop_config.json");
});

test("mcpServers snippets: binary, npx and Windows, each with the reference's variables", () => {
  const servers = json.flatMap((j) => Object.values((j.mcpServers ?? {}) as Record<string, Server>));
  expect(servers.some((s) => s.command.startsWith("/") && s.args.length === 0)).toBe(true);
  expect(servers.some((s) => s.command === "npx" && s.args.join(" ") === "-y ecs-assistant")).toBe(true);
  expect(servers.some((s) => /^[A-Z]:\\[^"]+\.exe$/.test(s.command))).toBe(true);
  expect(servers.some((s) => s.command === "cmd" && s.args.join(" ") === "/c npx -y ecs-assistant")).toBe(true);
  for (const s of servers) {
    expect(Array.isArray(s.args)).toBe(true);
    expect(s.env?.AWS_PROFILE).toBeDefined();
    for (const v of Object.values(s.env ?? {})) expect(typeof v).toBe("string");
  }
});

test("the VS Code snippet uses servers with type stdio", () => {
  const vscode = json.find((j) => "servers" in j)!;
  expect(vscode).toBeDefined();
  expect(vscode).not.toHaveProperty("mcpServers");
  for (const s of Object.values(vscode.servers as Record<string, Server>)) expect(s.type).toBe("stdio");
});

test("Claude Code: claude mcp add for the binary, npx and Windows, options before the -- separator", () => {
  const lines = section.split("\n").filter((l) => l.startsWith("claude mcp add "));
  expect(lines.length).toBeGreaterThanOrEqual(3);
  for (const l of lines) expect(l).toMatch(/^claude mcp add ecs-assistant( --scope \w+)?( -e [A-Z_]+=\S+)* -- \S/);
  expect(lines.some((l) => l.endsWith("-- npx -y ecs-assistant"))).toBe(true);
  expect(lines.some((l) => l.includes("cmd /c npx -y ecs-assistant"))).toBe(true);
});
