// Every capability the assistant offers, in tools/list order. A new capability is added here, a new tool in its own.
import { EXPRESS_MODE } from "./expressmode/tools.ts";
import { OPERATIONS } from "./operations/tools.ts";
import { REMOTE } from "./remote/tools.ts";
import { TROUBLESHOOT } from "./troubleshoot/tools.ts";

/** All capabilities (frozen). */
export const CAPABILITIES = Object.freeze([EXPRESS_MODE, OPERATIONS, TROUBLESHOOT, REMOTE] as const);
