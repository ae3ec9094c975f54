// Every capability the assistant offers, in tools/list order. A new capability is added here, a new tool in its own.
import type { Capability } from "./capability.ts";
import { EXPRESS_MODE } from "./expressmode/tools.ts";
import { OPERATIONS } from "./operations/tools.ts";
import { REMOTE } from "./remote/tools.ts";
import { TROUBLESHOOT } from "./troubleshoot/tools.ts";

const DECLARED = [EXPRESS_MODE, OPERATIONS, TROUBLESHOOT, REMOTE] as const;

/** The capabilities with their tools' literal types: the typed assistant methods are built from them. */
export type DeclaredCapabilities = typeof DECLARED;

/** All capabilities (frozen). */
export const CAPABILITIES: readonly Capability[] = Object.freeze(DECLARED);
