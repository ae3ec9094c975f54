// defineCapability: one capability as a declared unit (its tools, settings, instructions and prompts).
import type { AnyTool } from "./registry.ts";

/** One argument of a prompt (all optional: the model asks the user or discovers the value). */
export interface PromptArg {
  readonly name: string;
  readonly description: string;
}

/** A prompt: metadata for prompts/list and the text it renders for prompts/get (policy fields by their Policy names). */
export interface PromptDef {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly arguments: readonly PromptArg[];
  /** The prompt text for the given arguments (missing ones become placeholders the model fills in). */
  readonly render: (a: Record<string, string | undefined>) => string;
}

/** A capability: the tools it offers and what a client or a reader needs to use them. */
export interface Capability<T extends readonly AnyTool[] = readonly AnyTool[]> {
  /** The folder under lib/ (expressmode, operations, troubleshoot, remote). */
  readonly id: string;
  /** EcsAssistantOptions keys the capability reads (documentation and listings). */
  readonly settings: readonly string[];
  /** Its paragraph of the server instructions (policy switches named by their Policy field names). */
  readonly instructions: string;
  readonly prompts: readonly PromptDef[];
  readonly tools: T;
}

/** Declares a capability; the tools keep their literal types (the typed assistant methods are built from them). */
export const defineCapability = <const T extends readonly AnyTool[]>(c: Capability<T>): Capability<T> =>
  Object.freeze(c);
