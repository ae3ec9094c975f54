// The e2e client matrix: the compiled binary driven by a 2025-11-25 client (MCP SDK v1) and a 2026-07-28 client (SDK
// v2), each over stdio and Streamable HTTP, behind one small interface so every e2e scenario runs in all four.
import { type ChildProcess, spawn } from "node:child_process";
import {
  Client as ClientV2,
  StreamableHTTPClientTransport as HttpV2,
  type Transport as TransportV2,
} from "@modelcontextprotocol/client";
import { StdioClientTransport as StdioV2 } from "@modelcontextprotocol/client/stdio";
import { Client as ClientV1 } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport as StdioV1 } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport as HttpV1 } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type CallToolResult, ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";

/** One cell of the matrix: which protocol era the client speaks, over which transport. */
export interface E2ECombo {
  readonly era: "2025-11-25" | "2026-07-28";
  readonly wire: "stdio" | "http";
}

/** Every cell; `describe.each(E2E_MATRIX)` names them `2025-11-25 over stdio` and so on. */
export const E2E_MATRIX: readonly (E2ECombo & { readonly name: string })[] = (["2025-11-25", "2026-07-28"] as const)
  .flatMap((era) => (["stdio", "http"] as const).map((wire) => ({ era, wire })))
  .map((c) => ({ ...c, name: `${c.era} over ${c.wire}` }));

/** What the scenarios use of a client; both SDKs' clients answer these the same way. */
export interface E2EClient {
  readonly era: E2ECombo["era"];
  /** Tool-list changes seen (2025: notifications/tools/list_changed; 2026: the subscriptions/listen stream). */
  readonly changed: number[];
  listTools(): Promise<{
    tools: {
      name: string;
      description?: string;
      inputSchema?: unknown;
      outputSchema?: { type?: unknown };
      annotations?: Record<string, unknown>;
    }[];
  }>;
  callTool(
    params: { name: string; arguments?: Record<string, unknown> },
    options?: { onprogress?: (p: { message?: string }) => void; timeout?: number },
  ): Promise<CallToolResult>;
  // biome-ignore lint/suspicious/noExplicitAny: prompt and resource results are read as loose JSON by scenarios.
  listPrompts(): Promise<any>;
  // biome-ignore lint/suspicious/noExplicitAny: idem.
  getPrompt(params: { name: string; arguments?: Record<string, string> }): Promise<any>;
  // biome-ignore lint/suspicious/noExplicitAny: idem.
  listResources(): Promise<any>;
  // biome-ignore lint/suspicious/noExplicitAny: idem.
  readResource(params: { uri: string }): Promise<any>;
  close(): Promise<void>;
}

/** Starts `bin --http --port 0 ...args` and resolves its URL once it listens. */
export const startHttpBinary = async (
  bin: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: URL }> => {
  const child = spawn(bin, ["--http", "--port", "0", ...args], { env, stdio: ["ignore", "ignore", "pipe"] });
  const port = await new Promise<number>((resolve, reject) => {
    let err = "";
    child.stderr?.on("data", (d: Buffer) => {
      if (err.length > 100_000) return;
      err += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/mcp/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (c) => reject(new Error(`server exited ${c}: ${err}`)));
  });
  return { child, url: new URL(`http://127.0.0.1:${port}/mcp`) };
};

/** Connects a client of `combo` to the binary (spawned with `args` and `env`); close() stops the server too. */
export const connectE2E = async (
  combo: E2ECombo,
  bin: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): Promise<E2EClient> => {
  const changed: number[] = [];
  const http = combo.wire === "http" ? await startHttpBinary(bin, args, env) : undefined;
  const stop = () => http?.child.kill("SIGTERM");
  try {
    if (combo.era === "2025-11-25") {
      const client = new ClientV1({ name: "e2e-v1", version: "1" });
      client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
        changed.push(Date.now());
      });
      await client.connect(
        http ? new HttpV1(http.url) : new StdioV1({ command: bin, args: [...args], env, stderr: "pipe" }),
      );
      return wrap(client as unknown as Wrapped, combo.era, changed, stop);
    }
    const client = new ClientV2(
      { name: "e2e-v2", version: "1" },
      {
        versionNegotiation: { mode: { pin: "2026-07-28" } },
        listChanged: { tools: { autoRefresh: false, debounceMs: 0, onChanged: () => changed.push(Date.now()) } },
      },
    );
    const transport: TransportV2 = http
      ? new HttpV2(http.url)
      : new StdioV2({ command: bin, args: [...args], env, stderr: "pipe" });
    await client.connect(transport);
    if (client.getProtocolEra() !== "modern") throw new Error("the SDK v2 client did not negotiate 2026-07-28");
    return wrap(client as unknown as Wrapped, combo.era, changed, stop);
  } catch (e) {
    stop();
    throw e;
  }
};

type Wrapped = Omit<E2EClient, "era" | "changed" | "callTool"> & {
  callTool(params: unknown, schema?: unknown, options?: unknown): Promise<CallToolResult>;
};

const wrap = (c: Wrapped, era: E2ECombo["era"], changed: number[], stop: () => void): E2EClient => ({
  era,
  changed,
  listTools: () => c.listTools(),
  // v1 takes (params, resultSchema, options); v2 takes (params, options).
  callTool: (params, options) =>
    era === "2025-11-25" ? c.callTool(params, undefined, options) : c.callTool(params, options),
  listPrompts: () => c.listPrompts(),
  getPrompt: (p) => c.getPrompt(p),
  listResources: () => c.listResources(),
  readResource: (p) => c.readResource(p),
  close: async () => {
    await c.close().catch(() => {});
    stop();
  },
});
