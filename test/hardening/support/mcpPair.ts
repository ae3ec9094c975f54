// An in-process MCP client/server pair over the SDK's InMemoryTransport, optionally with elicitation answers.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { type CallToolResult, ElicitRequestSchema, type ElicitResult } from "@modelcontextprotocol/sdk/types.js";
import { type EcsAssistant, silentLogger } from "../../../lib/index.ts";
import { createMcpServer } from "../../../server/mcp.ts";

/** A connected client; `asked` collects elicitation messages the server sent. */
export interface McpPair {
  readonly client: Client;
  readonly asked: string[];
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** Connects a client to a fresh MCP server over `assistant`; with `elicit`, the client declares elicitation. */
export const mcpPair = async (
  assistant: EcsAssistant,
  elicit?: (message: string) => ElicitResult | Promise<ElicitResult>,
): Promise<McpPair> => {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createMcpServer(assistant, silentLogger).connect(serverSide);
  const client = new Client({ name: "hardening", version: "1" }, elicit ? { capabilities: { elicitation: {} } } : {});
  const asked: string[] = [];
  if (elicit)
    client.setRequestHandler(ElicitRequestSchema, async (req) => {
      asked.push(req.params.message);
      return elicit(req.params.message);
    });
  await client.connect(clientSide);
  return {
    client,
    asked,
    call: async (name, args) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: () => client.close(),
  };
};
