// MCP prompts: the reference's prompt groups as named, argument-taking workflows that point at the right tools in order.
import { ProtocolError, ProtocolErrorCode, type Server } from "@modelcontextprotocol/server";
import { CAPABILITIES, type PromptDef } from "../lib/index.ts";
import { renderPolicyNames } from "./policyNames.ts";

/** All prompts: each capability's, in capability order. */
export const PROMPTS: readonly PromptDef[] = CAPABILITIES.flatMap((c) => c.prompts);

/**
 * Installs prompts/list and prompts/get on an MCP server (the caller declares the `prompts` capability); texts name
 * policy fields as the server's flags.
 */
export const installPrompts = (server: Server, prompts: readonly PromptDef[] = PROMPTS): void => {
  server.setRequestHandler("prompts/list", async () => ({
    prompts: prompts.map((p) => ({
      name: p.name,
      title: p.title,
      description: renderPolicyNames(p.description),
      arguments: p.arguments.map((a) => ({ ...a, required: false })),
    })),
  }));
  server.setRequestHandler("prompts/get", async (req) => {
    const p = prompts.find((x) => x.name === req.params.name);
    if (!p)
      throw new ProtocolError(
        ProtocolErrorCode.InvalidParams,
        `Unknown prompt "${req.params.name}". Prompts: ${prompts.map((x) => x.name).join(", ")}`,
      );
    return {
      description: renderPolicyNames(p.description),
      messages: [
        { role: "user", content: { type: "text", text: renderPolicyNames(p.render(req.params.arguments ?? {})) } },
      ],
    };
  });
};
