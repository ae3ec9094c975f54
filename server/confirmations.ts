// How a destructive call is confirmed, per era: 2025 → server-initiated elicitation; 2026-07-28 → an MRTR
// `input_required` result whose signed requestState the retry must echo. Never asks a client that cannot answer.
import {
  acceptedContent,
  type CallToolResult,
  CLIENT_CAPABILITIES_META_KEY,
  type ClientCapabilities,
  type InputRequiredResult,
  inputRequired,
  type Server,
  type ServerContext,
} from "@modelcontextprotocol/server";
import { type ConfirmStates, createConfirmStates, type StateProblem } from "./confirmState.ts";
import { stateSigner } from "./stateKey.ts";

/** The confirm callback for the library, and what to answer instead of its result when the user must be asked. */
export interface ConfirmationPlan {
  readonly confirm?: (message: string) => Promise<boolean>;
  /** Set when the call stopped at the confirmation: the `input_required` result to return instead. */
  pending(): InputRequiredResult | undefined;
  /** Set when a retry carried a state that does not hold: refuse before the tool runs. */
  readonly refused?: CallToolResult;
}

const SCHEMA = {
  type: "object" as const,
  properties: { confirm: { type: "boolean" as const, title: "Proceed?" } },
  required: ["confirm"],
};

let processStates: ConfirmStates | undefined;
const keyed = (): ConfirmStates => {
  processStates ??= createConfirmStates(stateSigner());
  return processStates;
};
/**
 * Per-process key: right for stdio (one process answers the retry); replicas pass a shared key instead. The key (and
 * node:crypto) is made on the first confirmation, not when a server is built.
 */
export const processConfirmStates = (): ConfirmStates => ({
  mint: (tool, args) => keyed().mint(tool, args),
  check: (state, tool, args) => keyed().check(state, tool, args),
});

const WHY: Record<StateProblem, string> = {
  malformed: "is not a state this server issued",
  tampered: "failed its integrity check (altered, or signed with another key)",
  expired: "has expired",
  other_tool: "was issued for another tool",
  other_arguments: "was issued for other arguments",
  replayed: "was already used",
};

/** Decides how `name(args)` is confirmed on this request. */
export const planConfirmation = (
  server: Server,
  ctx: ServerContext,
  name: string,
  args: Record<string, unknown>,
  states: ConfirmStates,
): ConfirmationPlan => {
  const envelope = ctx.mcpReq.envelope;
  if (envelope === undefined) {
    const canAsk = Boolean(server.getClientCapabilities()?.elicitation);
    return { confirm: canAsk ? (message) => legacyAsk(ctx, message) : undefined, pending: () => undefined };
  }
  // The envelope's declared capabilities, per request: never the capabilities of an earlier request.
  const declared = (envelope as Record<string, ClientCapabilities | undefined>)[CLIENT_CAPABILITIES_META_KEY];
  if (!declared?.elicitation) return { pending: () => undefined };
  const raw = ctx.mcpReq.requestState();
  if (typeof raw === "string") {
    const checked = states.check(raw, name, args);
    if (checked.isErr())
      return {
        pending: () => undefined,
        refused: {
          isError: true,
          content: [
            {
              type: "text",
              text: `policy_denied error: The confirmation for ${name} ${WHY[checked.error]}; nothing was sent to AWS.\nHint: Call ${name} again without requestState to be asked again.`,
            },
          ],
          structuredContent: {
            status: "error",
            error: { kind: "policy_denied", gate: "confirmation", reason: `request_state_${checked.error}` },
          },
        },
      };
    const answer = acceptedContent<{ confirm?: unknown }>(ctx.mcpReq.inputResponses, "confirm");
    return { confirm: async () => answer?.confirm === true, pending: () => undefined };
  }
  let asked: string | undefined;
  return {
    // Stops the call before anything is sent to AWS: the question goes out in the result, the answer comes with the
    // retry. The library records the stop (audit status "declined") with this reason.
    confirm: async (message) => {
      asked = message;
      throw new Error("asked the 2026-07-28 client through an input_required result; runs when it retries with yes");
    },
    pending: () =>
      asked === undefined
        ? undefined
        : inputRequired({
            inputRequests: { confirm: inputRequired.elicit({ message: asked, requestedSchema: SCHEMA }) },
            requestState: states.mint(name, args),
          }),
  };
};

/** 2025 era: asks through a server-initiated elicitation; only an explicit accept counts. */
const legacyAsk = async (ctx: ServerContext, message: string): Promise<boolean> => {
  const r = await ctx.mcpReq.elicitInput({ message, requestedSchema: SCHEMA });
  return r.action === "accept" && r.content?.confirm === true;
};
