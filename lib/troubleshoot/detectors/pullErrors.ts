// Classifies task start-up error text (stoppedReason, container reason, service events) into a cause, through the
// structured failure parser: the stage and the cause come from the message's structure, not the first keyword.
import type { FailureContext } from "./failureContext.ts";
import { failureCause } from "./failureFinding.ts";
import { type ParsedFailure, parseFailure } from "./parseFailure.ts";

/** A cause recognised in an error message. */
export interface TextCause {
  readonly id: string;
  readonly category: "image" | "permissions" | "network" | "task" | "logs" | "service";
  readonly title: string;
  readonly likelihood: number;
  readonly explanation: string;
  readonly fix: string;
}

/** The cause of a start-up failure text, with explanation and fix built from the context; undefined if none. */
export const classifyErrorText = (text: string | undefined, ctx: FailureContext = {}): TextCause | undefined => {
  if (!text) return undefined;
  return failureCause(parseFailure(text), ctx);
};

/** Whether a text reads as a start-up failure (an error type, or a stage and a cause were recognised). */
export const isFailureText = (p: ParsedFailure): boolean =>
  Boolean(p.errorType) || (p.stage !== "unknown" && p.cause !== "unknown");
