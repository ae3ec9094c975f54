// Validates api_params against the operation's input shape from the AWS SDK model, before any AWS call.
import { err, ok, type Result, ResultAsync } from "neverthrow";
import type * as v from "valibot";
import { type EcsError, ecsError, internalError, validationError } from "../errors.ts";
import { parseInput } from "../validate.ts";
import { checkParamValues } from "./checkParamValues.ts";
import { exampleParams } from "./exampleParams.ts";
import type { OperationEntry } from "./operationEntry.ts";
import { schemaBuilder } from "./shapeSchema.ts";
import type { ShapeTable } from "./shapeTypes.ts";
import { taskDefinitionRequirements } from "./taskDefinitionRequirements.ts";

type Schema = v.GenericSchema<unknown, unknown>;

let loaded: Promise<{ table: ShapeTable; build: ReturnType<typeof schemaBuilder> }> | undefined;
/** The generated table is ~75 kB: loaded on the first validated call, not at start-up. */
const load = () => {
  loaded ??= import("./generated/shapes.ts").then(({ SHAPES }) => ({ table: SHAPES, build: schemaBuilder(SHAPES) }));
  return loaded;
};

const bySchema = new Map<string, Schema>();

/** The valibot schema of an operation's api_params (built once per operation), with the table it came from. */
export const paramsSchema = (op: OperationEntry): ResultAsync<{ schema: Schema; table: ShapeTable }, EcsError> =>
  ResultAsync.fromPromise(
    load().then(({ table, build }) => {
      let schema = bySchema.get(op.name);
      if (!schema) {
        const ref = table.operations[op.name];
        if (ref === undefined) throw new Error(`no input shape for ${op.name}`);
        schema = build(ref);
        bySchema.set(op.name, schema);
      }
      return { schema, table };
    }),
    (e) => internalError(e, `validating ${op.name}`),
  );

/**
 * Checks `params` against the SDK's input shape of `op`: unknown keys (with did-you-mean), wrong types and
 * missing required members are reported with their path; timestamps become Dates for the SDK. `region` (the one the
 * call goes to) judges the partition of ARNs that carry none (IAM roles). When members are
 * missing, the hint shows a minimal valid api_params.
 */
export const validateParams = (
  op: OperationEntry,
  params: Record<string, unknown>,
  region?: string,
): ResultAsync<Record<string, unknown>, EcsError> =>
  paramsSchema(op).andThen(({ schema, table }) =>
    checkWith(op, schema, params, region).mapErr((e) =>
      e.kind === "validation" && e.issues.some((i) => i.got === "nothing")
        ? { ...e, hint: `${e.hint} Minimal api_params: ${JSON.stringify(exampleParams(table, op.name))}.` }
        : e,
    ),
  );

/** Validates against an already built schema (virtual operations bring their own). */
export const checkWith = (
  op: Pick<OperationEntry, "name" | "command">,
  schema: Schema,
  params: Record<string, unknown>,
  region?: string,
): Result<Record<string, unknown>, EcsError> => {
  // Models often send `null` for "not given"; AWS has no null, so such members are simply left out. Members sent as
  // JSON text (`"services": "[\"api\"]"`, `"maxResults": "10"`) are decoded where the SDK model wants that type.
  const parsed = parseInput(schema, withoutNulls(params), "api_params", { decodeJsonText: true });
  // Values of the right type that still cannot work (an image URI as task definition, a secret ARN with `//`) are
  // reported with the type errors, so one answer lists every fix.
  const checked = (parsed.isOk() ? parsed.value : params) as Record<string, unknown>;
  const valueIssues = [
    ...checkParamValues(checked, "api_params", region),
    ...taskDefinitionRequirements(op.name, checked),
  ];
  if (parsed.isOk() && valueIssues.length === 0) return ok(parsed.value as Record<string, unknown>);
  if (parsed.isErr() && parsed.error.kind !== "validation") return err(parsed.error);
  const issues = [...(parsed.isErr() && parsed.error.kind === "validation" ? parsed.error.issues : []), ...valueIssues];
  const base = validationError(issues);
  return err(
    ecsError("validation", {
      message: base.message.replace(/^Invalid input/, `Invalid api_params for ${op.name}`),
      hint: `${base.hint}${valueIssues.map((i) => ` ${i.path} expects ${i.expected}.`).join("")} Parameter names and types are those of the AWS API reference for ${op.command} (camelCase).`,
      issues,
    }),
  );
};

/** A copy without null-valued members (recursively through objects; list items stay as they are). */
const withoutNulls = (value: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [
        k,
        v && typeof v === "object" && !Array.isArray(v) ? withoutNulls(v as Record<string, unknown>) : v,
      ]),
  );
