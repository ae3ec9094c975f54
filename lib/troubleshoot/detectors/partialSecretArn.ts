// A Secrets Manager reference by partial ARN (no random suffix) to a secret whose name ends in a hyphen and six
// characters ("db-master", "test-secret"): Secrets Manager reads the last six characters as the random suffix, so
// the lookup fails with "can't find the specified secret", or IAM evaluates the wrong ARN and denies it.
// https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot.html#ARN_secretnamehyphen
import type { Reference } from "./failureContext.ts";
import type { ParsedFailure } from "./parseFailure.ts";
import type { TextCause } from "./pullErrors.ts";

/** The secret part of a Secrets Manager ARN (before any :json-key:stage:version selector). */
const secretNameOf = (arn: string): string | undefined =>
  /^arn:aws[\w-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:([^:]+)/.exec(arn)?.[1];

/**
 * Whether an ARN is likely partial with a name ending in "-xxxxxx": a real suffix is six random letters and digits
 * in mixed case, so six lower-case letters after the last hyphen read as part of the name.
 */
export const looksPartial = (arn: string): boolean => /-[a-z]{6}$/.test(secretNameOf(arn) ?? "");

/** The finding when a failed Secrets Manager lookup used such a partial ARN; undefined otherwise. */
export const partialSecretArnCause = (p: ParsedFailure, refs: readonly Reference[]): TextCause | undefined => {
  if (p.service !== "secretsmanager" || !["not_found", "access_denied"].includes(p.cause)) return undefined;
  const arn = [p.resource, ...refs.map((r) => r.value)].find((v) => v && looksPartial(v));
  if (!arn) return undefined;
  const name = secretNameOf(arn) ?? arn;
  const tail = name.slice(name.lastIndexOf("-"));
  const at = refs.filter((r) => r.value === arn || r.value.startsWith(`${arn}:`));
  return {
    id: "secret_reference_invalid",
    category: "task",
    title: `Secrets Manager reference ${name} is a partial ARN whose name ends in a hyphen and six letters`,
    likelihood: 0.9,
    explanation: `The task references the secret by a partial ARN (${arn}, without the random six-character suffix), and the name ends in "${tail}": Secrets Manager can take those six characters for the random suffix and look for a secret named "${name.slice(0, name.lastIndexOf("-"))}" instead. That is the documented cause of ${p.cause === "not_found" ? '"can\'t find the specified secret" for a secret that exists' : "a denial even when the role's policy allows the secret's complete ARN"} with such names.${at.length ? ` Referenced at ${at.map((r) => `${r.container}.${r.field}${r.name ? ` ${r.name}` : ""}`).join(", ")}.` : ""}`,
    fix: `Reference the secret by its complete ARN, including the random suffix (e.g. ${arn}-AbC123; aws secretsmanager describe-secret --secret-id ${name} prints it), in valueFrom, then register a new task definition revision and redeploy.`,
  };
};
