// Finds the catalogue entry for api_operation and derives the policy view of the call (access class, sensitivity).
import { err, ok, type Result } from "neverthrow";
import { type EcsError, ecsError } from "../errors.ts";
import type { CallAccess } from "../tool.ts";
import { didYouMean } from "../util/didYouMean.ts";
import { CATALOGUE, findOperation, type OperationEntry, operationNames } from "./catalogue.ts";

const ALL_NAMES = CATALOGUE.map((e) => e.name);

/** Finds the catalogue entry for `api_operation`, or a validation error with did-you-mean and the service's list. */
export const resolveOperation = (name: string): Result<OperationEntry, EcsError> => {
  const entry = findOperation(name);
  if (entry) return ok(entry);
  // Compare without prefixes too, so "DescribeImages" finds "ecr:DescribeImages" first.
  const bare = name.replace(/^(ecs|ecr):/, "");
  const close = [
    ...new Set([...ALL_NAMES.filter((n) => n.replace(/^ecr:/, "") === bare), ...didYouMean(name, ALL_NAMES)]),
  ].slice(0, 3);
  const service = name.startsWith("ecr:") || close[0]?.startsWith("ecr:") ? "ecr" : "ecs";
  const names = operationNames(service);
  return err(
    ecsError("validation", {
      message: `Unsupported api_operation "${name}".`,
      hint: `${close.length > 0 ? `Did you mean ${close.join(" or ")}? ` : ""}Supported ${service.toUpperCase()} operations: ${names.join(", ")}.`,
      issues: [
        {
          path: "api_operation",
          message: "unsupported operation",
          expected: `one of the ${service.toUpperCase()} operations listed in the hint`,
          got: name,
          suggestion: close[0],
        },
      ],
    }),
  );
};

/** The policy view of a call: the operation's access class and sensitivity (the registry enforces it). */
export const resourceAccess = (input: { api_operation: string }): Result<CallAccess, EcsError> =>
  resolveOperation(input.api_operation).map((e) => ({
    name: e.name,
    aliases: [`${e.service}:${e.command}`],
    access: e.access,
    sensitive: e.sensitive,
  }));
