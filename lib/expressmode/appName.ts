// The app_name rule of the reference (§3.4) as a valibot schema with the reference's messages.
import * as v from "valibot";

const PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const EXAMPLES = "Examples: 'my-app', 'web-service', 'api123'";

/** Characters outside a-z, 0-9 and '-', sorted, as the reference lists them. */
const badChars = (name: string): string =>
  [...new Set([...name].filter((c) => !/[a-z0-9-]/.test(c)))]
    .sort()
    .map((c) => `'${c}'`)
    .join(", ");

/**
 * `app_name`: 1–20 lowercase letters, digits and single hyphens. It names the stack, repository and role,
 * so it is checked before anything touches AWS or the disk.
 */
export const AppName = v.pipe(
  v.string(),
  v.minLength(1, "Application name cannot be empty"),
  v.maxLength(
    20,
    (i) =>
      `Application name '${i.input}' must be 1-20 characters long (current length: ${String(i.input).length}). ${EXAMPLES}`,
  ),
  v.regex(
    PATTERN,
    (i) =>
      `Application name '${i.input}' contains invalid characters: [${badChars(String(i.input))}]. Only lowercase letters (a-z), digits (0-9), and hyphens (-) allowed, with no leading, trailing or double hyphens. Examples: 'my-app', 'web123', 'api-service'`,
  ),
  v.description(
    "Application name: 1-20 lowercase letters, digits and hyphens (names the ECR stack, repository and role).",
  ),
);

/** Names derived from an app name, as the reference's ECR template creates them. */
export const namesFor = (app: string) => ({
  stack: `${app}-ecr-infrastructure`,
  repository: `${app}-repo`,
  role: `${app}-ecr-role`,
  kmsAlias: `alias/${app}-ecr-kms-key`,
});
