// The parameters a suggested next step can be called with: only the known facts its action's schema accepts, and the
// required parameters nothing known supplies (so a suggestion never fails validation for a reason we could see).
import * as v from "valibot";
import { ACTION_PARAMS, type Action } from "./schemas.ts";

/** `known` narrowed to what `action` takes, plus the names of required parameters still missing. */
export const stepParameters = (
  action: string,
  known: Readonly<Record<string, string | undefined>>,
): { parameters: Record<string, string>; missing: string[] } => {
  const schema = ACTION_PARAMS[action as Action];
  if (!schema) return { parameters: {}, missing: [] };
  const entries = schema.entries as Record<string, v.GenericSchema>;
  const parameters = Object.fromEntries(
    Object.entries(known).filter((e): e is [string, string] => e[1] !== undefined && e[0] in entries),
  );
  const missing = Object.keys(entries).filter(
    (k) => !(k in parameters) && !v.safeParse(entries[k] as v.GenericSchema, undefined).success,
  );
  return { parameters, missing };
};
