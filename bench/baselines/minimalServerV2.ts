// Baseline: a minimal MCP SDK v2 server (both eras over stdio, one trivial tool), compiled like ecs-mcp-server.
import { Server } from "@modelcontextprotocol/server";
import { serveStdio } from "@modelcontextprotocol/server/stdio";

serveStdio(() => {
  const server = new Server({ name: "minimal-v2", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler("tools/list", async () => ({
    tools: [
      {
        name: "echo",
        description: "Echo the input",
        inputSchema: { type: "object", properties: { text: { type: "string" } } },
      },
    ],
  }));
  server.setRequestHandler("tools/call", async (req) => ({
    content: [{ type: "text", text: String(req.params.arguments?.text ?? "") }],
  }));
  return server;
});
